// The scene "The cost of being wrong": one test image (or the learner's drawing) through the untrained and the
// trained network, its
// cost as ten squared differences, and the average cost over the test set.
import { useMemo, useState } from "react";
import { argmax, type Trace } from "../../engine/network.ts";
import { traceLessonExample, useLessonExamples } from "../example.ts";
import { usePublishGlance } from "../glance/glance.ts";
import { costGlance } from "../glance/sceneGlances.ts";
import { defaultImage } from "../testImage.ts";
import type { SceneProps } from "../types.ts";
import { ActivationBars } from "../views/ActivationBars.tsx";
import { ExamplePicker } from "../views/ImagePicker.tsx";
import { Num } from "../views/Num.tsx";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";
import { AverageCost } from "./AverageCost.tsx";
import { CostTerms } from "./CostTerms.tsx";
import "./cost.css";
import type { CostView } from "./steps.ts";

const NAMES = { untrained: "Untrained (random weights)", trained: "Trained (30 epochs)" } as const;

/** The compact network shows the network the step shows: the untrained one until the comparison. */
function useCostGlance(
  view: CostView,
  { trained, untrained }: SceneProps<CostView>["data"],
  traces: Record<"untrained" | "trained", Trace<Float32Array>>,
  label: number,
) {
  const shown =
    view === "output" || view === "target" || view === "terms" || view === "sum" ? "untrained" : "trained";
  usePublishGlance(
    useMemo(
      () => costGlance(shown === "untrained" ? untrained : trained, traces[shown], view, label),
      [shown, untrained, trained, traces, view, label],
    ),
  );
}

export function CostScene({ view, data, drawing }: SceneProps<CostView>) {
  const { trained, untrained, test } = data;
  const examples = useLessonExamples(test, drawing, 1, defaultImage);
  const { example } = examples;
  const [hovered, setHovered] = useState<number | null>(null);
  const traces = useMemo(
    () => ({
      untrained: traceLessonExample(untrained, example),
      trained: traceLessonExample(trained, example),
    }),
    [untrained, trained, example],
  );
  const label = example.label;
  useCostGlance(view, data, traces, label);
  const name = example.name.charAt(0).toUpperCase() + example.name.slice(1);

  const picture = (
    <figure className="digit-image">
      <PixelGrid
        values={traces.trained.a[0]!}
        side={test.cols}
        cell={view === "compare" ? 4 : 6}
        color={activationColor}
        label={`${name}, a handwritten ${label}`}
        hovered={hovered}
        onHover={setHovered}
      />
      <figcaption>
        {example.name}, label {label}
      </figcaption>
    </figure>
  );

  const outputs = (which: "untrained" | "trained", withTarget: boolean) => (
    <NetworkOutput
      which={which}
      trace={traces[which]}
      label={label}
      withTarget={withTarget}
      withCost={view === "compare"}
    />
  );

  return (
    <div className="cost-scene">
      {view === "average" ? null : (
        <div className="live-controls">
          <ExamplePicker test={test} examples={examples} />
        </div>
      )}
      {view === "output" || view === "target" ? (
        <div className="row">
          {picture}
          {outputs("untrained", view === "target")}
        </div>
      ) : null}
      {view === "terms" || view === "sum" ? (
        <div className="row">
          {picture}
          <section className="network-output" data-network="untrained" aria-label={NAMES.untrained}>
            <h3>{NAMES.untrained}</h3>
            <CostTerms trace={traces.untrained} emphasise={view === "sum"} />
          </section>
        </div>
      ) : null}
      {view === "compare" ? (
        <div className="compare">
          {picture}
          <div className="side-by-side">
            {outputs("untrained", false)}
            {outputs("trained", false)}
          </div>
        </div>
      ) : null}
      {view === "average" ? <AverageCost untrained={untrained} trained={trained} test={test} /> : null}
    </div>
  );
}

/** One network's ten outputs (with the targets when `withTarget`), its answer and, when `withCost`, its cost. */
function NetworkOutput({
  which,
  trace,
  label,
  withTarget,
  withCost,
}: {
  which: "untrained" | "trained";
  trace: Trace;
  label: number;
  withTarget: boolean;
  withCost: boolean;
}) {
  const aL = trace.a.at(-1)!;
  const answer = argmax(aL);
  return (
    <section className="network-output" data-network={which} aria-label={NAMES[which]}>
      <h3>{NAMES[which]}</h3>
      <ActivationBars
        a={aL}
        {...(withTarget ? { y: trace.y } : {})}
        answer={answer}
        label={`Output activations of the ${which} network, digits 0 to 9`}
      />
      <p className="answer">
        Its answer: <strong className="num">{answer}</strong>{" "}
        <span className={answer === label ? "verdict right" : "verdict wrong"}>
          ({answer === label ? "right" : `wrong, it is a ${label}`})
        </span>
      </p>
      {withCost ? (
        <p className="cost-line">
          cost C<sub>0</sub> = <Num term="cost" value={trace.cost} digits={4} precise />
        </p>
      ) : null}
    </section>
  );
}
