// The memorisation-speed reading: summaries come from the streamed points, and the conclusion says what the
// numbers show — which labels were learned first, a milestone never reached within the run, and test accuracy
// against chance — including when they show the opposite of the experiment's title.
import { describe, expect, it } from "vitest";
import {
  formatEpochs,
  speedConclusion,
  speedSummary,
  type SpeedSummary,
} from "../../../src/experiments/runs/memorisationSpeed.ts";
import { pointAt as at } from "./points.ts";

const summary = (reached: (number | null)[], testAccuracy: number, epochs = 100): SpeedSummary => ({
  reached,
  epochs,
  bestTrainAccuracy: 0.97,
  testAccuracy,
});

describe("speedSummary", () => {
  it("is null before the first point", () => {
    expect(speedSummary([])).toBeNull();
  });
  it("times each milestone and keeps the best training and the last test accuracy", () => {
    const s = speedSummary([at(0, 0.1, 0.1), at(1, 0.6, 0.8), at(2, 0.95, 0.9), at(3, 0.93, 0.91)]);
    expect(s).toEqual({ reached: [1, 2, null], epochs: 3, bestTrainAccuracy: 0.95, testAccuracy: 0.91 });
  });
});

describe("formatEpochs", () => {
  it("writes whole epochs plainly and others to one decimal", () => {
    expect([formatEpochs(7), formatEpochs(2.5), formatEpochs(1 / 3)]).toEqual(["7", "2.5", "0.3"]);
  });
});

describe("speedConclusion", () => {
  it("reports each run's epochs, the ratio at 99 %, and a shuffled-label test accuracy at chance", () => {
    const text = speedConclusion(summary([1, 2, 8], 0.971), summary([16, 38, 58], 0.094), true).join(" ");
    expect(text).toContain(
      "With the true labels the network got 50 % after 1 epoch, 90 % after 2 epochs and 99 % after 8 epochs",
    );
    expect(text).toContain(
      "with shuffled labels, 50 % after 16 epochs, 90 % after 38 epochs and 99 % after 58",
    );
    expect(text).toContain("Real labels were learned first at every threshold reached");
    expect(text).toContain("to reach 99 % the shuffled labels took 7.3 times as many epochs");
    expect(text).toContain("97.1 %");
    expect(text).toContain("9.4 %, about the 10 % of guessing");
    expect(text).not.toContain("stopped");
    expect(text).not.toContain("never");
  });
  it("says when a run never reached a milestone within its epochs, and compares at the highest both reached", () => {
    const text = speedConclusion(summary([1, 2, 8], 0.97), summary([16, 38, null], 0.1), true).join(" ");
    expect(text).toContain("to reach 90 % the shuffled labels took 19.0 times as many epochs");
    expect(text).toContain(
      "The shuffled-label run never reached 99 % within its 100 epochs (its best was 97.0 %)",
    );
  });
  it("does not claim real labels came first when the run shows otherwise", () => {
    const text = speedConclusion(summary([3, 9, null], 0.9), summary([3, 8, 20], 0.3), true).join(" ");
    expect(text).toContain("In this run the true labels were not learned first at 50 % and 90 % and 99 %.");
    expect(text).not.toContain("Real labels were learned first");
    expect(text).toContain("30.0 %, against 10 % for guessing");
  });
  it("says the runs were stopped, and when nothing reached 50 %", () => {
    const text = speedConclusion(
      summary([null, null, null], 0.2, 2),
      summary([null, null, null], 0.1, 2),
      false,
    );
    expect(text[0]).toBe("The runs were stopped after 2 and 2 epochs, so this is what they showed by then.");
    expect(text.join(" ")).toContain("Neither run reached 50 %");
  });
});
