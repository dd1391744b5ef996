// Experiment 2: what the first layer sees. Each first-layer neuron's 784 incoming weights as a 28×28 heatmap,
// beside the five test images that excite it most.
import { useMemo } from "react";
import { topRows } from "../engine/analysis.ts";
import { quantileAbs } from "../render/heatmap.ts";
import { DIVERGING_CSS, formatValue, THEME } from "../render/theme.ts";
import type { Checkpoint } from "../worker/models.ts";
import { useTestAnalysis } from "./data.tsx";
import type { TestAnalysis } from "./source.ts";
import "./firstLayer.css";
import { Heatmap, Loaded, TestImage } from "./parts.tsx";

/** Images shown beside each neuron. */
export const TOP_IMAGES = 5;

function Gallery({ analysis }: { analysis: TestAnalysis }) {
  const { net, test, firstZ, firstA } = analysis;
  const nIn = net.spec.sizes[0]!;
  const n1 = net.spec.sizes[1]!;
  const w1 = net.w[1]!;
  const b1 = net.b[1]!;
  const scale = useMemo(() => quantileAbs(w1, THEME.heatmap.scaleQuantile), [w1]);
  // Ranked by z¹: the same order as a¹ = σ(z¹), but it still tells apart the images a saturated σ rounds to 1.
  const top = useMemo(() => topRows(firstZ, test.count, n1, TOP_IMAGES), [firstZ, test.count, n1]);
  const saturated = top.every((rows, j) => rows.every((i) => firstA[i * n1 + j]! >= 0.995));
  return (
    <>
      <div className="scale-legend">
        <span className="num">−{formatValue(scale, 2)}</span>
        <span className="ramp" style={{ background: DIVERGING_CSS }} aria-hidden="true" />
        <span className="num">+{formatValue(scale, 2)}</span>
        <span className="hint">
          weight: red holds the neuron back, blue excites it (all {n1} on one scale; the strongest 1 %
          saturate)
        </span>
      </div>
      <p className="hint">
        Under each image: its weighted sum z for that neuron, whose activation is σ(z). The images are ranked
        by z, the same order as σ(z), but z still tells apart the ones σ rounds to 1.00
        {saturated ? `, as it does for all ${top.length * TOP_IMAGES} shown here` : ""}.
      </p>
      <ol className="neurons">
        {top.map((rows, j) => (
          <li key={j} className="neuron" data-neuron={j}>
            <h3>
              Neuron <span className="num">{j}</span>{" "}
              <span className="hint num">b = {formatValue(b1[j]!, 2)}</span>
            </h3>
            <div className="neuron-body">
              <Heatmap
                weights={w1}
                offset={j * nIn}
                scale={scale}
                size={112}
                label={`Weights into first-layer neuron ${j}`}
              />
              <ol className="top-images" aria-label={`Test images that excite neuron ${j} most`}>
                {rows.map((i) => {
                  const a = firstA[i * n1 + j]!;
                  const z = firstZ[i * n1 + j]!;
                  return (
                    <li key={i} data-image={i} data-activation={a} data-z={z}>
                      <TestImage
                        pixels={test.pixels}
                        index={i}
                        size={44}
                        label={`Test image ${i}, a ${test.labels[i]}: z = ${formatValue(z, 1)}, activation ${formatValue(a, 3)}`}
                      />
                      <span className="num">z {formatValue(z, 1)}</span>
                    </li>
                  );
                })}
              </ol>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

export function FirstLayerExperiment({ epochs }: { epochs: Checkpoint }) {
  const analysis = useTestAnalysis(epochs);
  return (
    <div className="experiment first-layer">
      <section className="prose">
        <p>
          The story told about this network goes: the first hidden layer picks out little edges, the second
          combines them into loops and strokes, and the last combines those into digits. Here is the first
          layer as it really is. Each picture is one neuron’s 784 incoming weights laid out on the 28 × 28
          grid of the image: blue pixels push the neuron up when they hold ink, red ones push it down.
        </p>
        <p>
          <strong>Do these look like edges?</strong> Mostly, no. A few show a blob or a rough stroke, but most
          are speckled patterns that are hard to name. In the trained network, the black frame is the border
          of the image, where digits almost never have ink: nothing there taught those weights anything, and
          weight decay shrank them towards zero. Next to each neuron are the five test images (of 10,000) that
          make it most active. Whatever the neuron responds to, it is seldom a single clean feature.
        </p>
      </section>
      <Loaded resource={analysis} what="Running the 10,000 test digits through the network">
        {(value) => <Gallery analysis={value} />}
      </Loaded>
    </div>
  );
}
