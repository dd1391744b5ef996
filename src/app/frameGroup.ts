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
  /** How long to wait before asking for a taken lock once more (a restart in this frame frees it a moment later). */
  readonly lockRetryMs?: number;
}

/** The messages frames of a group exchange. */
type GroupMessage =
  | { readonly kind: "event"; readonly event: WorkerEvent }
  /** A frame has just started running the worker: frames still waiting to join say hello again. */
  | { readonly kind: "leader" }
  | { readonly kind: "command"; readonly command: Command }
  | { readonly kind: "hello"; readonly from: string }
  | { readonly kind: "replay"; readonly to: string; readonly events: readonly WorkerEvent[] };

/** Frames relayed to the others at most this often (their painters need no more; skipped frames' points are kept). */
export const RELAY_FRAME_MS = 40;
/** Events a joining frame does not need: answers to someone else's question, old errors, load progress. */
const NOT_REPLAYED: ReadonlySet<WorkerEvent["type"]> = new Set([
  "frame",
  "pong",
  "lastGoodText",
  "probed",
  "traced",
  "testImage",
  "error",
  "progress",
]);

type Frame = EventMap["frame"] & { readonly type: "frame" };

/**
 * The leader's memory of the group: what a frame that joins now must be told, in order. Every event it replays
 * states something whole (the data is in, the network, the settings, the last good weights, a pause, a taught
 * step), so the latest of each type is enough; then the latest frame with every history point since the current
 * network appeared (frames carry only their new points; the store starts a history at `network`).
 */
class GroupLog {
  private readonly latest = new Map<WorkerEvent["type"], WorkerEvent>();
  private frame: Frame | null = null;
  private points: Frame["history"] = [];

  record(event: WorkerEvent): void {
    if (event.type === "frame") {
      this.frame = event;
      this.points = [...this.points, ...event.history];
      return;
    }
    if (event.type === "network") this.points = [];
    if (NOT_REPLAYED.has(event.type)) return;
    this.latest.delete(event.type); // kept in the order they last happened
    this.latest.set(event.type, event);
  }

  replay(): WorkerEvent[] {
    const events = [...this.latest.values()];
    return this.frame ? [...events, { ...this.frame, history: this.points }] : events;
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

  /** Sends the frame held back now: before an event that came after it, or before a replay. */
  flush(): void {
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
  /** A follower has asked to join (its client sent init), and has since been told what it missed. */
  private asked = false;
  private joined = false;

  constructor(
    name: string,
    private readonly deps: GroupDeps,
  ) {
    this.channel = deps.channel(`nn-explorable-group:${name}`);
    this.channel.onmessage = (e) => this.hear(e.data as GroupMessage);
    void this.decide(`nn-explorable-group:${name}`);
  }

  /** The role this frame took: "leader" runs the worker, "follower" links to it ("pending" until known). */
  get linkRole(): "pending" | "leader" | "follower" | "ended" {
    return this.role;
  }

  /** Leader if the lock is free (asked twice: a restart in this frame frees it a moment later), else follower. */
  private async decide(lock: string): Promise<void> {
    // Locks that cannot be had at all (storage blocked): this frame runs alone.
    const ask = () => this.deps.tryLock(lock).catch(() => () => {});
    let release = await ask();
    if (!release && this.role !== "ended") {
      await new Promise((r) => setTimeout(r, this.deps.lockRetryMs ?? 100));
      release = await ask();
    }
    if (this.role === "ended") return release?.();
    if (release) this.lead(release);
    else this.role = "follower";
    const queued = this.queue;
    this.queue = [];
    for (const command of queued) this.postMessage(command);
  }

  private lead(release: () => void): void {
    this.role = "leader";
    this.release = release;
    const real = (this.real = this.deps.createWorker());
    const relay = (this.relay = new FrameRelay(
      (frame) => this.post({ kind: "event", event: frame }),
      this.deps.now ?? (() => performance.now()),
    ));
    real.onmessage = (e) => {
      const event = e.data as WorkerEvent;
      this.log.record(event);
      if (event.type === "frame") relay.offer(event as Frame);
      else {
        relay.flush(); // a frame held back happened before this event
        this.post({ kind: "event", event });
      }
      this.onmessage?.(e);
    };
    real.onerror = (e) => this.onerror?.(e);
    this.post({ kind: "leader" });
  }

  private post(message: GroupMessage): void {
    this.channel.postMessage(message);
  }

  private hear(message: GroupMessage): void {
    if (this.role === "leader") return this.serve(message);
    if (this.role !== "follower") return;
    if (message.kind === "leader" && this.asked && !this.joined) this.post({ kind: "hello", from: this.id });
    // Live events count once this frame has its replay, which holds everything before it.
    else if (message.kind === "event" && this.joined) this.deliver(message.event);
    else if (message.kind === "replay" && message.to === this.id && this.asked && !this.joined) {
      this.joined = true;
      for (const event of message.events) this.deliver(event);
    }
  }

  /** The leader's side: a replay for a frame that joins, and the others' commands for the worker. */
  private serve(message: GroupMessage): void {
    if (message.kind === "hello") {
      this.relay?.flush(); // to the others first: the replay holds it already
      this.post({ kind: "replay", to: message.from, events: this.log.replay() });
    }
    // A follower's init is its start (the group's network is this frame's). Its frame acknowledgements count too:
    // frames keep coming while this frame's own painting is throttled (hidden, or scrolled off the page).
    else if (message.kind === "command" && message.command.op !== "init")
      this.real?.postMessage(message.command);
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
      if (c.op === "init") {
        this.asked = true;
        this.joined = false;
        this.post({ kind: "hello", from: this.id });
      } else this.post({ kind: "command", command: c });
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
        navigator.locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (!lock) return resolve(null);
            // Held until released: the promise the lock waits on.
            return new Promise<void>((done) => resolve(done));
          })
          .catch(() => resolve(() => {})); // locks refused (storage blocked): this frame runs alone
      }),
    createWorker,
  };
}
