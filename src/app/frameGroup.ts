// Linked frames: embeds of one origin with the same `group` (iframes on a lesson page) share one network. The
// first frame of a group to start holds the group's lock and runs the training worker; it relays the worker's
// events to the others over a BroadcastChannel and runs their commands. The others get a stand-in worker: their
// commands go over the channel, the events come back, and on joining they are sent what they missed (the events
// so far and the latest frame with the whole cost history). When the running frame goes away, the others' clients
// notice the silence like a lost worker and restart: the first to take the lock runs the worker from the last good
// weights it heard of. The training client cannot tell a linked worker from its own.
import type { Command, EventMap, WorkerEvent } from "../worker/training/protocol.ts";
import type { WorkerLike } from "../worker/workerLike.ts";

/** A BroadcastChannel, as far as the group uses one. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  close(): void;
}

/** What a group needs from the page (tests pass fakes). */
export interface GroupDeps {
  readonly channel: (name: string) => ChannelLike;
  /**
   * Takes the group's lock if no one holds it: resolves with a release function, or with null when another frame
   * holds it.
   */
  readonly tryLock: (name: string) => Promise<(() => void) | null>;
  /** The real training worker. */
  readonly createWorker: () => WorkerLike;
  /** Milliseconds, for thinning the frames relayed. */
  readonly now?: () => number;
}

/** The messages frames of a group exchange. */
type GroupMessage =
  | { readonly kind: "event"; readonly event: WorkerEvent }
  | { readonly kind: "command"; readonly command: Command }
  | { readonly kind: "hello"; readonly from: string }
  | { readonly kind: "replay"; readonly to: string; readonly events: readonly WorkerEvent[] };

/** Frames relayed to the others at most this often (their painters need no more; skipped frames' points are kept). */
export const RELAY_FRAME_MS = 40;
/** Events kept for frames that join later (beyond the first `ready`). */
const LOG_LIMIT = 400;
/** Events a joining frame does not need: answers to someone else's question, old errors, load progress. */
const NOT_REPLAYED: ReadonlySet<WorkerEvent["type"]> = new Set([
  "frame",
  "pong",
  "probed",
  "traced",
  "testImage",
  "error",
  "progress",
]);

type Frame = EventMap["frame"] & { readonly type: "frame" };

/** The leader's memory of the group: what a frame that joins now must be told, in order. */
class GroupLog {
  private readonly events: WorkerEvent[] = [];
  private frame: Frame | null = null;
  /** Every history point since the current network appeared (frames carry only new points). */
  private points: Frame["history"] = [];

  record(event: WorkerEvent): void {
    if (event.type === "frame") {
      this.frame = event;
      this.points = [...this.points, ...event.history];
      return;
    }
    if (event.type === "ready" || event.type === "network") this.points = [];
    if (NOT_REPLAYED.has(event.type)) return;
    this.events.push(event);
    // Keep the first `ready` (the data is in) and the latest events.
    if (this.events.length > LOG_LIMIT) this.events.splice(1, this.events.length - LOG_LIMIT);
  }

  replay(): WorkerEvent[] {
    return this.frame ? [...this.events, { ...this.frame, history: this.points }] : [...this.events];
  }
}

/** The leader's relay of frames to the others: at most one per RELAY_FRAME_MS, no history point lost. */
class FrameRelay {
  private held: Frame | null = null;
  private heldPoints: Frame["history"] = [];
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (frame: Frame) => void,
    private readonly now: () => number,
  ) {}

  offer(frame: Frame): void {
    this.heldPoints = [...this.heldPoints, ...frame.history];
    this.held = frame;
    const wait = this.last + RELAY_FRAME_MS - this.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.held) return;
    this.send({ ...this.held, history: this.heldPoints });
    this.held = null;
    this.heldPoints = [];
    this.last = this.now();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * A worker for one frame of group `name`: the real one (and the group's relay) if this frame takes the lock, else a
 * stand-in that talks to the frame that has it. Commands sent before the role is known wait for it.
 */
export class LinkedWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private readonly id = Math.random().toString(36).slice(2);
  private readonly channel: ChannelLike;
  private role: "pending" | "leader" | "follower" | "ended" = "pending";
  private queue: Command[] = [];
  private real: WorkerLike | null = null;
  private release: (() => void) | null = null;
  private readonly log = new GroupLog();
  private relay: FrameRelay | null = null;

  constructor(
    name: string,
    private readonly deps: GroupDeps,
  ) {
    this.channel = deps.channel(`nn-explorable-group:${name}`);
    this.channel.onmessage = (e) => this.hear(e.data as GroupMessage);
    void deps.tryLock(`nn-explorable-group:${name}`).then((release) => {
      if (this.role === "ended") return release?.();
      if (release) this.lead(release);
      else this.role = "follower";
      const queued = this.queue;
      this.queue = [];
      for (const command of queued) this.postMessage(command);
    });
  }

  /** The role this frame took: "leader" runs the worker, "follower" links to it ("pending" until known). */
  get linkRole(): "pending" | "leader" | "follower" | "ended" {
    return this.role;
  }

  private lead(release: () => void): void {
    this.role = "leader";
    this.release = release;
    const real = (this.real = this.deps.createWorker());
    this.relay = new FrameRelay(
      (frame) => this.channel.postMessage({ kind: "event", event: frame } satisfies GroupMessage),
      this.deps.now ?? (() => performance.now()),
    );
    real.onmessage = (e) => {
      const event = e.data as WorkerEvent;
      this.log.record(event);
      if (event.type === "frame") this.relay?.offer(event as Frame);
      else this.channel.postMessage({ kind: "event", event } satisfies GroupMessage);
      this.onmessage?.(e);
    };
    real.onerror = (e) => this.onerror?.(e);
  }

  private hear(message: GroupMessage): void {
    if (this.role === "leader") {
      if (message.kind === "hello")
        this.channel.postMessage({
          kind: "replay",
          to: message.from,
          events: this.log.replay(),
        } satisfies GroupMessage);
      // A follower's init is its start (the group's network is this frame's), and frames are acknowledged here.
      else if (
        message.kind === "command" &&
        message.command.op !== "init" &&
        message.command.op !== "frameDone"
      )
        this.real?.postMessage(message.command);
      return;
    }
    if (this.role !== "follower") return;
    if (message.kind === "event") this.deliver(message.event);
    else if (message.kind === "replay" && message.to === this.id)
      for (const event of message.events) this.deliver(event);
  }

  private deliver(event: WorkerEvent): void {
    this.onmessage?.({ data: event } as MessageEvent);
  }

  postMessage(command: unknown, transfer?: Transferable[]): void {
    const c = command as Command;
    if (this.role === "pending") this.queue.push(c);
    else if (this.role === "leader") this.real?.postMessage(c, transfer);
    else if (this.role === "follower") {
      // Starting (or restarting after the running frame went quiet): ask for the group's state instead.
      if (c.op === "init") this.channel.postMessage({ kind: "hello", from: this.id } satisfies GroupMessage);
      else if (c.op !== "frameDone")
        this.channel.postMessage({ kind: "command", command: c } satisfies GroupMessage);
    }
  }

  terminate(): void {
    this.role = "ended";
    this.relay?.stop();
    this.real?.terminate();
    this.channel.onmessage = null;
    this.channel.close();
    this.release?.();
    this.release = null;
  }
}

/** The page's own channel and lock for group `name`, with the real training worker behind them. */
export function pageGroupDeps(createWorker: () => WorkerLike): GroupDeps {
  return {
    channel: (name) => new BroadcastChannel(name),
    tryLock: (name) =>
      new Promise((resolve) => {
        if (!("locks" in navigator)) return resolve(() => {}); // no Web Locks: every frame runs its own
        void navigator.locks.request(name, { ifAvailable: true }, (lock) => {
          if (!lock) return resolve(null);
          // Held until released: the promise the lock waits on.
          return new Promise<void>((done) => resolve(done));
        });
      }),
    createWorker,
  };
}
