// What the two backpropagation scenes need beyond the lesson data: the partly trained network (the videos'
// network after a few epochs, so its nudges are neither huge nor vanishing) and, for the mini-batch experiments,
// a lab worker per scene mount. A provider lets tests inject both; the page's defaults fetch the files next to it.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { ModelError, parseModel } from "../../engine/model.ts";
import type { Network } from "../../engine/network.ts";
import { LabClient } from "../../worker/labClient.ts";
import { LESSON_FILES } from "../data.ts";

/** The checkpoint both scenes use: the videos' network after 5 epochs of training. */
export const CHECKPOINT = { file: "models/3b1b-epoch-5.json", epochs: 5 } as const;

/** Name of the checkpoint inside a scene's lab. */
export const LAB_MODEL = "checkpoint";

/** The part of LabClient a scene uses. */
export type Lab = Pick<LabClient, "call" | "dispose">;

export interface BackpropDeps {
  /** The checkpoint's model file, as text. */
  readonly loadCheckpoint: () => Promise<string>;
  /** A new lab; each scene mount makes at most one and disposes of it on unmount. */
  readonly createLab: () => Lab;
  /** Absolute URL of the MNIST folder, for the lab's loadData. */
  readonly dataUrl: string;
}

let browserDeps: BackpropDeps | null = null;

/** The page's own: the files relative to document.baseURI, the real lab worker. */
function defaultDeps(): BackpropDeps {
  return (browserDeps ??= {
    loadCheckpoint: async () => {
      const url = new URL(CHECKPOINT.file, document.baseURI).href;
      let response: Response;
      try {
        response = await fetch(url);
      } catch (err) {
        throw new Error(
          `Could not download the partly trained network (${CHECKPOINT.file}): ${err instanceof Error ? err.message : String(err)}.`,
          { cause: err },
        );
      }
      if (!response.ok)
        throw new Error(
          `Could not download the partly trained network (${CHECKPOINT.file}): the server answered ${response.status}.`,
        );
      return response.text();
    },
    createLab: () => new LabClient(),
    dataUrl: new URL(LESSON_FILES.mnist, document.baseURI).href,
  });
}

const DepsContext = createContext<BackpropDeps | null>(null);

export function BackpropDepsProvider({ deps, children }: { deps: BackpropDeps; children: ReactNode }) {
  return <DepsContext.Provider value={deps}>{children}</DepsContext.Provider>;
}

export function useBackpropDeps(): BackpropDeps {
  return useContext(DepsContext) ?? defaultDeps();
}

export type CheckpointState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly net: Network<Float32Array>; readonly text: string }
  | { readonly status: "error"; readonly message: string };

/**
 * The checkpoint parsed and checked: the scenes' arithmetic is the videos' (sigmoid output, squared error, at
 * least one hidden layer), so any other network is refused with a sentence.
 */
export function parseCheckpoint(text: string): Network<Float32Array> {
  let net: Network<Float32Array>;
  try {
    net = parseModel(text, { inputs: 784, outputs: 10 }).net;
  } catch (err) {
    if (err instanceof ModelError)
      throw new Error(`The file ${CHECKPOINT.file} is not a usable network: ${err.detail}.`, { cause: err });
    throw err;
  }
  const { spec } = net;
  if (spec.output !== "sigmoid" || spec.cost !== "mse" || spec.sizes.length < 3)
    throw new Error(
      `The file ${CHECKPOINT.file} is not the videos' kind of network (sigmoid outputs, squared-error cost, hidden layers).`,
    );
  return net;
}

interface CheckpointSource {
  getState(): CheckpointState;
  subscribe(listener: () => void): () => void;
}

/** One load per deps object: both scenes, and every visit to them, share the parsed network. */
const sources = new WeakMap<BackpropDeps, CheckpointSource>();

function checkpointSource(deps: BackpropDeps): CheckpointSource {
  const known = sources.get(deps);
  if (known) return known;
  let state: CheckpointState = { status: "loading" };
  let started = false;
  const listeners = new Set<() => void>();
  const set = (next: CheckpointState) => {
    state = next;
    for (const l of listeners) l();
  };
  const source: CheckpointSource = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        deps.loadCheckpoint().then(
          (text) => {
            try {
              set({ status: "ready", net: parseCheckpoint(text), text });
            } catch (err) {
              set({ status: "error", message: err instanceof Error ? err.message : String(err) });
            }
          },
          (err: unknown) =>
            set({ status: "error", message: err instanceof Error ? err.message : String(err) }),
        );
      }
      return () => listeners.delete(listener);
    },
  };
  sources.set(deps, source);
  return source;
}

/** The partly trained network: loading, ready (parsed, with its file's text for the lab), or an error. */
export function useCheckpoint(): CheckpointState {
  const source = checkpointSource(useBackpropDeps());
  return useSyncExternalStore(source.subscribe, source.getState);
}

export type LabState =
  | { readonly status: "idle" | "loading" }
  | { readonly status: "ready"; readonly lab: Lab }
  | { readonly status: "error"; readonly message: string };

/**
 * This scene mount's lab, started the first time `wanted` is true (so a reader who never reaches the mini-batch
 * steps downloads nothing twice): it loads the checkpoint as LAB_MODEL and the test images, and is disposed of
 * when the scene unmounts.
 */
export function useLab(modelText: string, wanted: boolean): LabState {
  const deps = useBackpropDeps();
  const [started, setStarted] = useState(wanted);
  if (wanted && !started) setStarted(true);
  const [state, setState] = useState<{ text: string; value: LabState } | null>(null);
  useEffect(() => {
    if (!started) return;
    const lab = deps.createLab();
    let live = true;
    Promise.all([
      lab.call("loadModel", { name: LAB_MODEL, text: modelText }),
      lab.call("loadData", { dataUrl: deps.dataUrl, trainLimit: 0 }),
    ]).then(
      () => {
        if (live) setState({ text: modelText, value: { status: "ready", lab } });
      },
      (err: unknown) => {
        if (live)
          setState({
            text: modelText,
            value: {
              status: "error",
              message: `The lab could not start: ${err instanceof Error ? err.message : String(err)}.`,
            },
          });
      },
    );
    return () => {
      live = false;
      lab.dispose();
    };
  }, [started, deps, modelText]);
  if (!started) return { status: "idle" };
  return state && state.text === modelText ? state.value : { status: "loading" };
}

/**
 * The result of `run(lab, args)` for the current args (compared by their JSON), or null while it runs; a
 * failure comes back as { error }. Older answers are dropped when args change.
 */
export function useLabResult<A, T>(
  lab: Lab | null,
  args: A | null,
  run: (lab: Lab, args: A) => Promise<T>,
): { value: T } | { error: string } | null {
  const key = args === null ? null : JSON.stringify(args);
  const [answer, setAnswer] = useState<{
    key: string;
    lab: Lab;
    result: { value: T } | { error: string };
  } | null>(null);
  useEffect(() => {
    if (!lab || key === null) return;
    let live = true;
    run(lab, JSON.parse(key) as A).then(
      (value) => {
        if (live) setAnswer({ key, lab, result: { value } });
      },
      (err: unknown) => {
        if (live)
          setAnswer({ key, lab, result: { error: err instanceof Error ? err.message : String(err) } });
      },
    );
    return () => {
      live = false;
    };
    // `run` is a module-level function at every call site; the key stands for the args.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab, key]);
  return answer && answer.key === key && answer.lab === lab ? answer.result : null;
}
