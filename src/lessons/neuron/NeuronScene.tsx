// The scene "What a neuron holds": a test image (or the learner's drawing) and one first-layer neuron, shown step by
// step from the engine's trace of that image through the trained network.
import { useMemo, useState } from "react";
import { ACTIVATIONS } from "../../engine/activations.ts";
import { traceLessonExample, useLessonExamples } from "../example.ts";
import { usePublishGlance } from "../glance/glance.ts";
import { neuronGlance } from "../glance/sceneGlances.ts";
import { defaultImage } from "../testImage.ts";
import type { SceneProps } from "../types.ts";
import { ActivationPlot } from "../views/ActivationPlot.tsx";
import { ExamplePicker } from "../views/ImagePicker.tsx";
import { NumberPicker } from "../views/NumberPicker.tsx";
import { BiasView, SquishView } from "./Bias.tsx";
import { neuronFocus } from "./focus.ts";
import { InputLayer } from "./InputLayer.tsx";
import { MatrixForm } from "./MatrixForm.tsx";
import { Parameters } from "./Parameters.tsx";
import { defaultNeuron, type NeuronView } from "./steps.ts";
import { WeightedSum } from "./WeightedSum.tsx";
import "./neuron.css";

export function NeuronScene({ view, data, drawing }: SceneProps<NeuronView>) {
  const { trained: net, test } = data;
  const n1 = net.spec.sizes[1]!;
  const examples = useLessonExamples(test, drawing, 1, defaultImage);
  const { example } = examples;
  const trace = useMemo(() => traceLessonExample(net, example), [net, example]);
  const [neuron, setNeuron] = useState(() => defaultNeuron(trace.z[1]!, net.b[1]!));
  const [hovered, setHovered] = useState<number | null>(null);
  const focus = useMemo(() => neuronFocus(net, trace, neuron, test.cols), [net, trace, neuron, test.cols]);
  const choosesNeuron = view !== "input" && view !== "parameters";
  usePublishGlance(useMemo(() => neuronGlance(net, trace, view, neuron), [net, trace, view, neuron]));

  return (
    <div className="neuron-scene">
      {view === "parameters" ? null : (
        <div className="live-controls">
          <ExamplePicker test={test} examples={examples} />
          {choosesNeuron ? (
            <NumberPicker label="Neuron" value={neuron} min={0} max={n1 - 1} onChange={setNeuron} />
          ) : null}
        </div>
      )}
      {view === "input" ? <InputLayer focus={focus} hovered={hovered} onHover={setHovered} /> : null}
      {view === "weightedSum" ? <WeightedSum focus={focus} hovered={hovered} onHover={setHovered} /> : null}
      {view === "bias" ? <BiasView focus={focus} /> : null}
      {view === "squish" ? <SquishView focus={focus} /> : null}
      {view === "matrix" ? <MatrixForm focus={focus} /> : null}
      {view === "activations" ? (
        <div className="activation-plots">
          {ACTIVATIONS.map((kind) => (
            <ActivationPlot key={kind} kind={kind} z={focus.z} width={230} height={160} />
          ))}
          <p className="hint">
            This network uses {focus.f === "sigmoid" ? "the sigmoid" : focus.f}; the same z gives a different
            activation under each function.
          </p>
        </div>
      ) : null}
      {view === "parameters" ? <Parameters spec={net.spec} /> : null}
    </div>
  );
}
