// How the session talks to the main thread: typed events posted with their transfer lists, and an unexpected
// exception reported as one plain sentence. The session extends it.
import type { EventMap, WorkerEvent } from "./protocol.ts";

/** Sends an event to the main thread, transferring the listed buffers. */
export type Post = (event: WorkerEvent, transfer: Transferable[]) => void;

export abstract class Poster {
  constructor(private readonly post: Post) {}

  protected emit<K extends keyof EventMap>(
    type: K,
    payload: EventMap[K],
    transfer: Transferable[] = [],
  ): void {
    this.post({ type, ...payload } as WorkerEvent, transfer);
  }

  /** Reports an unexpected exception as one plain sentence. */
  protected internalError(err: unknown, op: unknown): void {
    const why = (err instanceof Error ? err.message : String(err)).replace(/\.$/, "");
    const message = `The training worker ran into a problem while handling "${String(op)}": ${why}.`;
    this.emit("error", { kind: "internal", recoverable: true, message });
  }
}
