// Loops and lines? Each second-hidden-layer neuron of the videos' network: its effective input pattern (the
// first layer's heatmaps weighted by its incoming weights), the image gradient ascent draws for it, the six test
// images that excite it most, what silencing it costs, and whether it behaves like the "loop detector" of the story.
import { useMemo } from "react";
import { LOOP_DIGITS, effectivePattern } from "../../engine/secondLayer.ts";
import type { Network } from "../../engine/network.ts";
import { quantileAbs } from "../../render/heatmap.ts";
import { DIVERGING_CSS, formatValue, THEME } from "../../render/theme.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useTestAnalysis } from "../data.tsx";
import { GrayImage, Heatmap, Loaded, TestImage } from "../parts.tsx";
import type { TestAnalysis } from "../source.ts";
import { findings, isLoopCandidate, loopConclusion, type NeuronFinding } from "./loops.ts";
import { ASCENT_STEPS, LAYER, TOP_COUNT, useSecondLayer, type SecondLayerData } from "./useSecondLayer.ts";
import "../firstLayer.css";
import "./secondLayer.css";

/** Every neuron's effective pattern (P²ⱼ = W²ⱼ·W¹), and one symmetric scale for all of them. */
function usePatterns(net: Network<Float32Array>) {
  return useMemo(() => {
    const patterns = Array.from({ length: net.spec.sizes[LAYER]! }, (_, j) => effectivePattern(net, j));
    const all = new Float32Array(patterns.flatMap((p) => [...p]));
    return { patterns, scale: quantileAbs(all, THEME.heatmap.scaleQuantile) };
  }, [net]);
}

function Progress({ data, n }: { data: SecondLayerData; n: number }) {
  const text =
    data.error !== null
      ? `Something went wrong: ${data.error}`
      : data.profiles === null
        ? "Running the 10,000 test digits through the network…"
        : data.scores === null
          ? "Silencing each neuron in turn over the 10,000 test digits…"
          : data.ascents.length < n
            ? `Gradient ascent on the input: ${data.ascents.length} of ${n} neurons done`
            : `All ${n} neurons measured.`;
  return (
    <p
      className={data.error !== null ? "notice error" : "hint second-progress"}
      role="status"
      data-done={data.ascents.length}
    >
      {text}
    </p>
  );
}

/** A neuron's loop selectivity, its top loop digits and the cost of silencing it. */
function NeuronStats({ finding }: { finding: NeuronFinding }) {
  return (
    <dl className="second-stats num">
      <dt>loop − other</dt>
      <dd data-selectivity={finding.selectivity}>{formatValue(finding.selectivity, 2)}</dd>
      <dt>top loops</dt>
      <dd>
        {finding.topLoops} of {finding.shown}
      </dd>
      <dt>silenced</dt>
      <dd data-drop={finding.drop}>−{finding.drop.toLocaleString("en-US")} right</dd>
    </dl>
  );
}

function NeuronCard({
  j,
  analysis,
  data,
  pattern,
  scale,
  finding,
}: {
  j: number;
  analysis: TestAnalysis;
  data: SecondLayerData;
  pattern: Float32Array;
  scale: number;
  finding: NeuronFinding | null;
}) {
  const { test } = analysis;
  const profile = data.profiles?.[j];
  const ascent = data.ascents[j];
  const candidate = finding !== null && isLoopCandidate(finding);
  return (
    <li className="neuron second-neuron" data-neuron={j} data-loop={candidate ? "yes" : "no"}>
      <h3>
        Neuron <span className="num">{j}</span>
        {candidate ? <span className="loop-badge"> loop candidate</span> : null}
      </h3>
      <div className="second-pictures">
        <figure>
          <Heatmap
            weights={pattern}
            offset={0}
            scale={scale}
            size={96}
            label={`Effective input pattern of neuron ${j}`}
          />
          <figcaption>W²ⱼ·W¹</figcaption>
        </figure>
        <figure>
          {ascent ? (
            <GrayImage values={ascent.x} size={96} label={`Image drawn by gradient ascent for neuron ${j}`} />
          ) : (
            <span className="ascent-pending" aria-label="gradient ascent not done yet" />
          )}
          <figcaption className="num" data-activation={ascent?.output ?? ""}>
            {ascent ? `ascent a ${formatValue(ascent.output, 3)}` : "ascent…"}
          </figcaption>
        </figure>
      </div>
      {profile ? (
        <ol className="top-images" aria-label={`Test images that excite neuron ${j} most`}>
          {profile.top.map(({ index, a }) => (
            <li
              key={index}
              data-image={index}
              data-activation={a}
              data-loop={LOOP_DIGITS.includes(test.labels[index]!) ? "yes" : "no"}
            >
              <TestImage
                pixels={test.pixels}
                index={index}
                size={40}
                label={`Test image ${index}, a ${test.labels[index]}: activation ${formatValue(a, 3)}`}
              />
              <span className="num">{formatValue(a, 2)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {finding ? <NeuronStats finding={finding} /> : null}
    </li>
  );
}

function Layer({ analysis, epochs }: { analysis: TestAnalysis; epochs: Checkpoint }) {
  const { net, test } = analysis;
  const n = net.spec.sizes[LAYER]!;
  const data = useSecondLayer(epochs, net);
  const { patterns, scale } = usePatterns(net);
  const found =
    data.profiles && data.scores && data.intact
      ? findings(data.profiles, test.labels, data.scores, data.intact.correct, LAYER)
      : null;
  return (
    <>
      <Progress data={data} n={n} />
      <div className="scale-legend">
        <span className="num">−{formatValue(scale, 2)}</span>
        <span className="ramp" style={{ background: DIVERGING_CSS }} aria-hidden="true" />
        <span className="num">+{formatValue(scale, 2)}</span>
        <span className="hint">effective pattern: blue ink raises the neuron’s input, red ink lowers it</span>
      </div>
      <ol className="neurons">
        {patterns.map((p, j) => (
          <NeuronCard
            key={j}
            j={j}
            analysis={analysis}
            data={data}
            pattern={p}
            scale={scale}
            finding={found?.[j] ?? null}
          />
        ))}
      </ol>
      {found && data.intact && data.ascents.length === n ? (
        <section className="prose second-conclusion" aria-live="polite">
          <h2>What this run shows</h2>
          <p>
            The intact network gets {data.intact.correct.toLocaleString("en-US")} of{" "}
            {data.intact.count.toLocaleString("en-US")} test images right.
          </p>
          {loopConclusion(found, data.intact.count).map((s) => (
            <p key={s}>{s}</p>
          ))}
        </section>
      ) : null}
    </>
  );
}

export function SecondLayerExperiment({ epochs }: { epochs: Checkpoint }) {
  const analysis = useTestAnalysis(epochs);
  return (
    <div className="experiment first-layer second-layer">
      <section className="prose">
        <p>
          The story goes that the second hidden layer combines the first layer’s little edges into loops and
          lines: one neuron for the top loop of a 9, another for a long upright stroke. Here is each of its
          neurons measured. On the left, its <strong>effective pattern</strong>: the first layer’s heatmaps,
          each weighted by the weight from that first-layer neuron into this one, and summed (W²ⱼ·W¹). It is
          exactly what the neuron would look for if the first layer did not squash its sums through σ (up to a
          constant from the biases). Beside it, the image that <strong>gradient ascent</strong> draws when it
          changes the pixels of a blank image, for up to {ASCENT_STEPS} steps, to make this neuron as active
          as it can. Below, the {TOP_COUNT} test images (of 10,000) that excite it most, and what it costs to
          silence it.
        </p>
      </section>
      <Loaded resource={analysis} what="Running the 10,000 test digits through the network">
        {(value) =>
          value.net.spec.sizes.length > LAYER + 1 ? (
            <Layer analysis={value} epochs={epochs} />
          ) : (
            <p className="notice">This network has no second hidden layer.</p>
          )
        }
      </Loaded>
    </div>
  );
}
