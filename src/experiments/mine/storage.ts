// The learner's own digits, kept across reloads: each is a preprocessed 28×28 image, the digit it was labelled,
// and when it was added. The page keeps them in IndexedDB (idb-keyval); tests inject an in-memory backend.
import { createStore, del, get, set } from "idb-keyval";
import { MNIST_PIXELS } from "../../engine/mnist.ts";

/** One saved digit. */
export interface MyDigit {
  /** Unique within the collection; assigned on add. */
  readonly id: string;
  /** The network's input: 784 values in 0…1, pixels[y·28 + x] (toMnist's output as a plain array). */
  readonly pixels: readonly number[];
  /** The digit the learner said it is, 0…9. */
  readonly label: number;
  /** When it was added, ms since 1970 (Date.now()). */
  readonly time: number;
}

/** The key-value calls the collection needs: idb-keyval's, or a Map's in tests. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** The saved digits. Every call resolves to the collection after it, oldest first. */
export interface DigitStore {
  list(): Promise<MyDigit[]>;
  add(pixels: ArrayLike<number>, label: number, time?: number): Promise<MyDigit[]>;
  remove(id: string): Promise<MyDigit[]>;
  clear(): Promise<MyDigit[]>;
}

/** The key the whole collection is kept under (one array: adds and deletes are single writes). */
export const DIGITS_KEY = "my-digits";

/** A stored value as a digit, or null if it is not one (an old or damaged entry is skipped, never trusted). */
export function asDigit(value: unknown): MyDigit | null {
  if (typeof value !== "object" || value === null) return null;
  const { id, pixels, label, time } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof time !== "number" || !Number.isFinite(time)) return null;
  if (typeof label !== "number" || !Number.isInteger(label) || label < 0 || label > 9) return null;
  if (!Array.isArray(pixels) || pixels.length !== MNIST_PIXELS) return null;
  if (!pixels.every((v): v is number => typeof v === "number" && v >= 0 && v <= 1)) return null;
  return { id, pixels, label, time };
}

/** The collection kept in `backend` under DIGITS_KEY. Writes are queued so two quick adds both land. */
export function digitStore(backend: KeyValueBackend): DigitStore {
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const read = async (): Promise<MyDigit[]> => {
    const value = await backend.get(DIGITS_KEY);
    if (!Array.isArray(value)) return [];
    return value.map(asDigit).filter((d): d is MyDigit => d !== null);
  };
  const change = (edit: (digits: MyDigit[]) => MyDigit[]): Promise<MyDigit[]> => {
    const next = queue.then(async () => {
      const digits = edit(await read());
      if (digits.length === 0) await backend.del(DIGITS_KEY);
      else await backend.set(DIGITS_KEY, digits);
      return digits;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    list: () => queue.then(read),
    add: (pixels, label, time = Date.now()) => {
      if (!Number.isInteger(label) || label < 0 || label > 9)
        return Promise.reject(new RangeError(`a digit's label is 0…9, not ${label}`));
      if (pixels.length !== MNIST_PIXELS)
        return Promise.reject(new RangeError(`a digit has ${MNIST_PIXELS} pixels, not ${pixels.length}`));
      const digit: MyDigit = {
        id: `${time.toString(36)}-${(counter++).toString(36)}`,
        pixels: Array.from(pixels, (v) => Math.min(1, Math.max(0, v))),
        label,
        time,
      };
      return change((digits) => [...digits, digit]);
    },
    remove: (id) => change((digits) => digits.filter((d) => d.id !== id)),
    clear: () => change(() => []),
  };
}

/** An in-memory backend (tests; a browser without IndexedDB). */
export function memoryBackend(): KeyValueBackend & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(structuredClone(data.get(key))),
    set: (key, value) => {
      data.set(key, structuredClone(value));
      return Promise.resolve();
    },
    del: (key) => {
      data.delete(key);
      return Promise.resolve();
    },
  };
}

/** The collection in the browser's IndexedDB database `database`, opened on first use. */
export function idbDigitStore(database = "how-a-network-learns-my-digits"): DigitStore {
  let idb: ReturnType<typeof createStore> | null = null;
  const open = () => (idb ??= createStore(database, "digits"));
  return digitStore({
    get: (key) => get(key, open()),
    set: (key, value) => set(key, value, open()),
    del: (key) => del(key, open()),
  });
}
