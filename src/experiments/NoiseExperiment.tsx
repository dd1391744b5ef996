// Experiment 1: inputs that are not digits. A blank image, simple shapes and uniform noise (all from the seed)
// get an answer anyway; a histogram compares the confidence on 1,000 noise images with that on the test set.
import { useMemo } from "react";
import { answer, noiseImages, shapeImage, SHAPES, topOutputs, type Shape } from "../engine/analysis.ts";
import { MNIST_PIXELS } from "../engine/mnist.ts";
import { forward, type Network } from "../engine/network.ts";
import { formatCount, formatPercent } from "../render/format.ts";
import type { Checkpoint } from "../worker/models.ts";
import { ConfidenceHistogram } from "./ConfidenceHistogram.tsx";
import { useModel, useNoiseAnalysis, useTestAnalysis } from "./data.tsx";
import { NOISE_COUNT, type Analysis } from "./source.ts";
import { digitCounts, summarise } from "./histogram.ts";
import { formatConfidence, GrayImage, Loaded, OutputList, SeedControl } from "./parts.tsx";
import "./noise.css";

/** Noise images shown one by one (the first of the NOISE_COUNT). */
const SHOWN_NOISE = 4;

const SHAPE_NAMES: Record<Shape, string> = {
  blank: "Blank",
  square: "Square",
  circle: "Circle",
  line: "Line",
};

interface Probe {
  readonly key: string;
  readonly name: string;
  readonly x: Float32Array;
}

/** The seed's shapes, and its first SHOWN_NOISE noise images (the first of the NOISE_COUNT in the histogram). */
function probes(seed: number): { shapes: Probe[]; noise: Probe[] } {
  const noise = noiseImages(seed, SHOWN_NOISE);
  return {
    shapes: SHAPES.map((shape) => ({ key: shape, name: SHAPE_NAMES[shape], x: shapeImage(shape, seed) })),
    noise: Array.from({ length: SHOWN_NOISE }, (_, i) => ({
      key: `noise-${i}`,
      name: `Noise ${i + 1}`,
      x: noise.slice(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS),
    })),
  };
}

function ProbeCard({ probe, net }: { probe: Probe; net: Network<Float32Array> }) {
  const a = forward(net, probe.x);
  const { digit, confidence } = answer(a, net.spec.output);
  return (
    <figure className="probe" data-probe={probe.key} data-digit={digit} data-confidence={confidence}>
      <GrayImage values={probe.x} size={84} label={`${probe.name} image`} />
      <figcaption>
        <span className="probe-name">{probe.name}</span>
        <span>
          says <strong className="num answer">{digit}</strong>{" "}
          <span className="num">({formatConfidence(confidence)})</span>
        </span>
        <OutputList outputs={topOutputs(a, 3)} />
      </figcaption>
    </figure>
  );
}

function Summary({ test, noise }: { test: Analysis; noise: Analysis }) {
  const t = summarise(test.confidences);
  const n = summarise(noise.confidences);
  const counts = digitCounts(noise.digits);
  const favourite = counts.indexOf(Math.max(...counts));
  return (
    <div className="noise-summary">
      <table className="summary">
        <thead>
          <tr>
            <th scope="col">Images</th>
            <th scope="col">Median confidence</th>
            <th scope="col">Confidence 50 % or more</th>
          </tr>
        </thead>
        <tbody>
          <tr data-set="test">
            <th scope="row">{formatCount(test.count)} test digits</th>
            <td className="num">{formatPercent(t.median)}</td>
            <td className="num">{formatPercent(t.highShare)}</td>
          </tr>
          <tr data-set="noise">
            <th scope="row">{formatCount(noise.count)} noise images</th>
            <td className="num">{formatPercent(n.median)}</td>
            <td className="num">{formatPercent(n.highShare)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        What it calls the noise: digit <strong className="num">{favourite}</strong> for{" "}
        <span className="num">{formatCount(counts[favourite]!)}</span> of the {formatCount(noise.count)}{" "}
        images.
      </p>
      <ol className="digit-counts" aria-label="Noise images called each digit">
        {counts.map((c, d) => (
          <li key={d} data-digit={d} data-count={c}>
            <span className="digit num">{d}</span>
            <span className="bar" style={{ height: `${(100 * c) / Math.max(1, ...counts)}%` }} />
            <span className="num count">{formatCount(c)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The shapes and the first noise images, each with the network's answer. */
function ProbeGroups({
  shown,
  seed,
  net,
}: {
  shown: ReturnType<typeof probes>;
  seed: number;
  net: Network<Float32Array>;
}) {
  return (
    <div className="probe-groups">
      <section className="probes" aria-label="Shapes">
        <h3>Shapes</h3>
        {shown.shapes.map((p) => (
          <ProbeCard key={`${seed}-${p.key}`} probe={p} net={net} />
        ))}
      </section>
      <section className="probes" aria-label="Noise">
        <h3>
          Noise: the first {SHOWN_NOISE} of the histogram’s {formatCount(NOISE_COUNT)}
        </h3>
        {shown.noise.map((p) => (
          <ProbeCard key={`${seed}-${p.key}`} probe={p} net={net} />
        ))}
      </section>
    </div>
  );
}

export function NoiseExperiment({
  epochs,
  seed,
  onSeed,
}: {
  epochs: Checkpoint;
  seed: number;
  onSeed: (seed: number) => void;
}) {
  const model = useModel(epochs);
  const test = useTestAnalysis(epochs);
  const noise = useNoiseAnalysis(epochs, seed);
  const shown = useMemo(() => probes(seed), [seed]);
  const both =
    test.status === "ready" && noise.status === "ready"
      ? ({ status: "ready", value: { test: test.value, noise: noise.value } } as const)
      : test.status === "error"
        ? test
        : noise.status === "error"
          ? noise
          : ({ status: "loading" } as const);
  return (
    <div className="experiment noise">
      <section className="prose">
        <p>
          The network has ten outputs and no way to say “this is not a digit”. Whatever you give it, one
          output is the largest, and that one is its answer. Here it looks at things it never saw in training:
          an empty image, a few plain shapes, and pixels of pure random noise.
        </p>
        <p>
          Confidence is measured as the explorable measures it: the largest output divided by the sum of all
          ten. The shapes and the noise come from the seed, so the same seed shows the same images and the
          same numbers.
        </p>
      </section>
      <SeedControl seed={seed} onSeed={onSeed} />
      <Loaded resource={model} what="Loading the network">
        {(net) => <ProbeGroups shown={shown} seed={seed} net={net} />}
      </Loaded>
      <h2>How sure is it, on digits and on noise?</h2>
      <Loaded
        resource={both}
        what={`Running the 10,000 test digits and ${formatCount(NOISE_COUNT)} noise images through the network`}
      >
        {({ test: t, noise: n }) => (
          <div className="histogram-panel" data-seed={seed}>
            <ConfidenceHistogram
              series={[
                { name: "test digits", className: "test", values: t.confidences },
                { name: "noise images", className: "noise", values: n.confidences },
              ]}
            />
            <Summary test={t} noise={n} />
            <p className="prose">
              A high confidence on noise is not a bug in the arithmetic: the network was only ever rewarded
              for picking the right one of ten, never for doubting. Its confidence says how much one output
              stands out from the others, not whether the input looks like anything it learned.
            </p>
          </div>
        )}
      </Loaded>
    </div>
  );
}
