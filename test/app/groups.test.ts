// Linked elements share one explorable per group name, started once, ended with its last element.
import { describe, expect, it, vi } from "vitest";
import { Groups } from "../../src/app/groups.ts";
import type { StartedExplorable } from "../../src/app/startExplorable.ts";

function fakeStart() {
  const started: { dispose: ReturnType<typeof vi.fn> }[] = [];
  const start = () => {
    const e = { dispose: vi.fn() };
    started.push(e);
    return e as unknown as StartedExplorable;
  };
  return { started, start };
}

describe("Groups", () => {
  it("join(name, start) starts a group's explorable once and hands the same one to every element", () => {
    const groups = new Groups();
    const { started, start } = fakeStart();
    const a = groups.join("a", start);
    const b = groups.join("a", start);
    const other = groups.join("b", start);
    expect(started).toHaveLength(2);
    expect(b.explorable).toBe(a.explorable);
    expect(other.explorable).not.toBe(a.explorable);
    expect(groups.holders("a")).toBe(2);
  });

  it("ends a group (disposing its worker) when its last element releases it, and only then", () => {
    const groups = new Groups();
    const { started, start } = fakeStart();
    const a = groups.join("a", start);
    const b = groups.join("a", start);
    a.release();
    a.release(); // twice is once
    expect(started[0]!.dispose).not.toHaveBeenCalled();
    expect(groups.holders("a")).toBe(1);
    b.release();
    expect(started[0]!.dispose).toHaveBeenCalledTimes(1);
    expect(groups.holders("a")).toBe(0);
    groups.join("a", start); // a new element starts the group afresh
    expect(started).toHaveLength(2);
  });
});
