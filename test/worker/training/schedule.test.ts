// The η schedule in the training worker: the pass counts from where the weights came from (a file's epochs, a
// checkpoint's), the η in force drops at the preset's passes, the trainer steps with that η, and turning the
// schedule off brings the learner's η back at once.
import { describe, expect, it } from "vitest";
import { learningRateAt, presetHyper } from "../../../src/engine/hyper.ts";
import { modelToJson } from "../../../src/engine/model.ts";
import { createNetwork } from "../../../src/engine/network.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import { passesOf } from "../../../src/worker/models.ts";
import { harness, SPEC } from "./harness.ts";

/** A session on the 6,000-image cut, starting from a network a file says was trained `epochs` passes. */
async function fromFile(epochs: number, hyper: Partial<ReturnType<typeof presetHyper>> = {}) {
  const h = harness({ hyper });
  await h.start();
  const origin = { kind: "file" as const, name: "mine.json", epochs };
  h.send({ op: "loadModel", text: modelToJson(createNetwork(SPEC, 5), { epochs }), origin, request: 1 });
  await h.settle();
  return h;
}

describe("passesOf(origin)", () => {
  it("counts a checkpoint's epochs, a file's, the passes trained since, and nothing for taught drawings", () => {
    expect(passesOf({ kind: "untrained", seed: 3 })).toBe(0);
    expect(passesOf({ kind: "pretrained", checkpoint: 5 })).toBe(5);
    expect(passesOf({ kind: "pretrained", checkpoint: "best" })).toBe(PRESETS.best.epochs);
    expect(passesOf({ kind: "file", name: "a.json", epochs: null })).toBe(0);
    const trained = { kind: "trained", from: { kind: "pretrained", checkpoint: 1 }, epochs: 2.5 } as const;
    expect(passesOf(trained)).toBe(3.5);
    expect(passesOf({ kind: "taught", from: trained, drawings: 4 })).toBe(3.5);
  });
});

describe("the η schedule in the training session", () => {
  it("reports pass 16 and η × 0.3 after a file of 15 passes, and steps with that η", async () => {
    const h = await fromFile(15);
    expect(h.lastFrame().stats).toMatchObject({ pass: 16, learningRate: 1.5 * 0.3 });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    const scheduled = h.lastFrame().weights;

    // The same step with the schedule off and η set to that value by hand gives the same weights.
    const eta = learningRateAt(presetHyper("3b1b"), SPEC, 16);
    const byHand = await fromFile(15, { lrSchedule: 0, learningRate: eta });
    expect(byHand.lastFrame().stats).toMatchObject({ pass: 16, learningRate: eta });
    byHand.send({ op: "step", unit: "batch" });
    await byHand.settle();
    expect(byHand.lastFrame().weights).toEqual(scheduled);

    // And not the weights of a step at the learner's own η.
    const off = await fromFile(15, { lrSchedule: 0 });
    off.send({ op: "step", unit: "batch" });
    await off.settle();
    expect(off.lastFrame().weights).not.toEqual(scheduled);
  });

  it("lowers η when an epoch ends on a scheduled pass, and gives it back when the schedule is turned off", async () => {
    const h = await fromFile(14);
    expect(h.lastFrame().stats).toMatchObject({ pass: 15, learningRate: 1.5 });
    h.send({ op: "setHyper", hyper: { batchSize: 200 } });
    h.send({ op: "step", unit: "epoch" });
    await h.settle();
    expect(h.lastFrame().stats).toMatchObject({ epoch: 1, pass: 16, learningRate: 1.5 * 0.3 });

    h.send({ op: "setHyper", hyper: { lrSchedule: 0 } });
    await h.settle();
    expect(h.of("hyper").at(-1)!.hyper.lrSchedule).toBe(0);
    expect(h.lastFrame().stats).toMatchObject({ pass: 16, learningRate: 1.5 });

    h.send({ op: "setHyper", hyper: { lrSchedule: 2 } });
    expect(
      h
        .of("hyper")
        .at(-1)!
        .problems.map((p) => p.message),
    ).toEqual(["the η schedule must be 1 (η lowered after set passes) or 0 (η stays as set), not 2"]);
  });
});
