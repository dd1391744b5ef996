// The lesson bridge: goToStep from an allowed origin moves the scene; steps are reported only to an allowed host.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BridgeWindow } from "../../src/embed/bridge.ts";
import { startLessonBridge } from "../../src/embed/lessonBridge.ts";

function setup(origins: string[], embedder = "https://host.example") {
  let listener: ((e: MessageEvent) => void) | null = null;
  const win: BridgeWindow = {
    location: { origin: "https://app.example", ancestorOrigins: [embedder] },
    document: { referrer: "" },
    addEventListener: (_, l) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const posted: { message: unknown; origin: string }[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  const steps: number[] = [];
  const bridge = startLessonBridge((s) => steps.push(s), origins, win, parent);
  const receive = (data: unknown, origin: string) =>
    listener?.({ data, origin, source: parent } as unknown as MessageEvent);
  return { bridge, posted, steps, receive, listening: () => listener !== null };
}

const goTo = (step: unknown) => ({ type: "nn-explorable", version: 1, command: "goToStep", step });

afterEach(() => vi.restoreAllMocks());

describe("startLessonBridge(goToStep, origins)", () => {
  it("moves to the step an allowed host asks for and reports steps to it", () => {
    const { bridge, posted, steps, receive } = setup(["https://host.example"]);
    expect(posted[0]).toEqual({
      message: { type: "nn-explorable", version: 1, event: "ready" },
      origin: "https://host.example",
    });
    receive(goTo(3), "https://host.example");
    expect(steps).toEqual([3]);
    bridge.stepChanged("cost", 3, 6);
    expect(posted.at(-1)).toEqual({
      message: { type: "nn-explorable", version: 1, event: "stepChanged", scene: "cost", step: 3, steps: 6 },
      origin: "https://host.example",
    });
  });

  it("ignores other origins, bad steps and explorable commands, and tells an unlisted embedder nothing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { bridge, posted, steps, receive, listening } = setup([], "https://stranger.example");
    receive(goTo(2), "https://stranger.example");
    receive(goTo(0), "https://app.example");
    receive(goTo("2"), "https://app.example");
    receive({ type: "nn-explorable", version: 1, command: "play" }, "https://app.example");
    expect(steps).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(3);
    bridge.stepChanged("cost", 1, 6);
    expect(posted.filter((p) => p.origin === "https://stranger.example")).toEqual([]);
    bridge.stop();
    expect(listening()).toBe(false);
  });
});
