// The questions the scene "Rolling downhill" asks its lab, each asked again when what it depends on changes: the
// batch's mean gradient, the cost along one weight and over two, the ball's descent at η from where the reader
// picked, and the learning-rate finder. The chosen η and starting points are the reader's, kept here.
import { useMemo, useState } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { START_MODEL, type Lab } from "../lab/lab.ts";
import { useLabQuery } from "../lab/useLab.tsx";
import { batchRefs } from "./batch.ts";
import { chooseWeights } from "./descent.ts";
import { components, largest, largestSize, sizeCounts } from "./nudges.ts";
import { GRADIENT_SETTINGS as S, type GradientView } from "./steps.ts";

/** Rows of the largest nudges. */
const TOP_COUNT = 12;

function key(parts: readonly (number | string | null | undefined | readonly number[])[]): string {
  return JSON.stringify(parts);
}

/** What useGradientLab returns. */
export type GradientLab = ReturnType<typeof useGradientLab>;

/** The lab's answers for `view` on the batch of `test`, the nudges read off the mean gradient, and the reader's
 * choices that shape them. */
export function useGradientLab(lab: Lab, view: GradientView, test: MnistSplit) {
  const batch = useMemo(() => batchRefs(test), [test]);
  const model = START_MODEL;

  const trace = useLabQuery("trace", () => lab.call("traceBatch", { model, batch }));
  const mean = trace.value?.mean ?? null;
  const weights = useMemo(() => (mean ? chooseWeights(mean) : null), [mean]);

  const curve = useLabQuery(weights ? "curve" : null, () =>
    lab.call("costSurface", { model, batch, params: [weights![0]], span: S.span, steps: S.points1d }),
  );

  const [eta, setEta] = useState<number>(S.defaultRate);
  const [start1, setStart1] = useState<number | null>(null);
  const [start2, setStart2] = useState<[number, number] | null>(null);

  const path1Key = weights && view !== "surface" ? key(["1", eta, start1]) : null;
  const path1 = useLabQuery(path1Key, () =>
    lab.call("descend", {
      model,
      batch,
      params: [weights![0]],
      learningRate: eta,
      steps: S.descentSteps,
      ...(start1 === null ? {} : { start: [start1] }),
    }),
  );
  const finder = useLabQuery("finder", () =>
    lab.call("findLearningRate", { model, batch, startRate: S.finderStart }),
  );
  const surface = useLabQuery(weights ? "surface" : null, () =>
    lab.call("costSurface", { model, batch, params: weights!, span: S.span, steps: S.points2d }),
  );
  const path2Key = weights && view === "surface" ? key(["2", eta, start2]) : null;
  const path2 = useLabQuery(path2Key, () =>
    lab.call("descend", {
      model,
      batch,
      params: weights!,
      learningRate: eta,
      steps: S.descentSteps,
      ...(start2 === null ? {} : { start: start2 }),
    }),
  );

  const all = useMemo(() => (mean ? components(mean) : null), [mean]);
  const nudges = useMemo(() => {
    if (!all) return null;
    const top = largest(all, TOP_COUNT);
    return { top, max: largestSize(all), counts: sizeCounts(all), total: all.length };
  }, [all]);

  return {
    batch,
    nudges,
    trace,
    mean,
    weights,
    curve,
    path1,
    finder,
    surface,
    path2,
    eta,
    setEta,
    start1,
    setStart1,
    start2,
    setStart2,
  };
}
