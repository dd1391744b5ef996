// The scene "What a neuron holds": its steps' prose and math. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type NeuronView =
  "input" | "weightedSum" | "bias" | "squish" | "matrix" | "activations" | "parameters";

export const NEURON_SCENE: SceneDef<NeuronView> = {
  id: "neuron",
  title: "What a neuron holds",
  summary:
    "From pixels to one hidden neuron: a weighted sum, a bias, a squishing function, then the whole layer as one matrix product, and the 13,002 numbers that make up the network.",
  steps: [
    {
      title: "The input layer",
      view: "input",
      prose: [
        "For our purposes a neuron is simply something that holds a number between 0 and 1. We call that number its activation.",
        "The network's first layer is the picture itself. An MNIST digit is 28 by 28 pixels, so the input layer has 784 neurons, one per pixel, and each one's activation is how bright its pixel is: 0 where the paper is black, 1 where the ink is brightest.",
        "Point at the digit to read any of those 784 numbers. Everything the network will ever know about this image is in that list.",
      ],
      math: [
        tex`28 \times 28 = 784 \text{ input neurons}`,
        tex`a^{(0)}_k = \frac{\text{brightness of pixel } k}{255} \in [0, 1]`,
      ],
    },
    {
      title: "One neuron's weighted sum",
      view: "weightedSum",
      prose: [
        "Now pick one of the 16 neurons in the first hidden layer. It listens to all 784 inputs, and each connection carries a weight of its own: a number that can be positive (blue) or negative (red).",
        "The neuron multiplies every input activation by its weight and adds up the 784 products. Ink that lands on blue weights raises the sum; ink on red weights lowers it. Drawn as a 28 × 28 picture, the weights show the pattern this neuron is tuned to.",
        "Dark pixels have activation 0 and so contribute nothing: only the inked pixels count. The list shows the biggest of their terms.",
      ],
      math: [
        tex`w_{j,0}\,a^{(0)}_0 + w_{j,1}\,a^{(0)}_1 + \cdots + w_{j,783}\,a^{(0)}_{783} = \sum_{k=0}^{783} w_{j,k}\,a^{(0)}_k`,
      ],
    },
    {
      title: "The bias sets a threshold",
      view: "bias",
      prose: [
        "Each neuron has one more number of its own, the bias b, which is added to the weighted sum. The result is the neuron's z.",
        "A negative bias works as a threshold: the weighted sum has to climb past −b before z turns positive and the neuron starts to light up. A positive bias does the opposite and lets the neuron fire on weak evidence.",
        "So the weights decide which pattern a neuron looks for, and the bias decides how strongly the pattern must be present.",
      ],
      math: [tex`z^{(1)}_j = \sum_{k} w_{j,k}\,a^{(0)}_k + b_j`],
    },
    {
      title: "Squishing z into an activation",
      view: "squish",
      prose: [
        "The sum z can be any real number, yet an activation should stay between 0 and 1. The sigmoid function σ takes care of that: it bends the whole number line into the interval from 0 to 1.",
        "Large negative z come out close to 0, large positive z close to 1, and z = 0 lands exactly on ½. In between, the curve is steep: that is where a small change of the sum changes the activation most.",
        "The neuron's activation therefore measures how far its weighted sum lies above the threshold its bias sets.",
      ],
      math: [tex`a^{(1)}_j = \sigma\big(z^{(1)}_j\big), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}`],
    },
    {
      title: "A whole layer as one matrix product",
      view: "matrix",
      prose: [
        "All 16 neurons of the layer do the same thing, each with its own weights and bias. Write the weights as a matrix W with one row per hidden neuron and one column per input pixel, the inputs as a column a⁽⁰⁾ and the biases as a column b.",
        "Then multiplying W by a⁽⁰⁾ computes all 16 weighted sums at once: row j of the product is exactly the sum from the previous steps. Add b and apply σ to each entry, and you have the layer's activations a⁽¹⁾.",
        "Below are this network's real numbers. Most of the 784 columns are left out; the ones shown sit around the pixel that matters most to the chosen neuron, whose row is highlighted.",
      ],
      math: [
        tex`a^{(1)} = \sigma\!\left(W a^{(0)} + b\right)`,
        tex`\begin{bmatrix} a^{(1)}_0 \\ \vdots \\ a^{(1)}_{15} \end{bmatrix} = \sigma\!\left( \begin{bmatrix} w_{0,0} & \cdots & w_{0,783} \\ \vdots & \ddots & \vdots \\ w_{15,0} & \cdots & w_{15,783} \end{bmatrix} \begin{bmatrix} a^{(0)}_0 \\ \vdots \\ a^{(0)}_{783} \end{bmatrix} + \begin{bmatrix} b_0 \\ \vdots \\ b_{15} \end{bmatrix} \right)`,
      ],
    },
    {
      title: "Other squishing functions",
      view: "activations",
      prose: [
        "Sigmoid is the historical choice and the one this network uses, but it is not the only one.",
        "ReLU, the rectified linear unit, keeps z when it is positive and gives 0 otherwise: a neuron that is either off or passes its sum straight through. Deep networks train more easily with it, and it is today's usual choice.",
        "tanh has the sigmoid's S shape but runs from −1 to 1. The marker on each curve shows where this neuron's z lands.",
      ],
      math: [
        tex`\sigma(z) = \frac{1}{1 + e^{-z}}`,
        tex`\operatorname{ReLU}(z) = \max(0, z)`,
        tex`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1`,
      ],
    },
    {
      title: "Counting the parameters",
      view: "parameters",
      prose: [
        "Every weight and every bias is a number the network is free to change. Counting them layer by layer: 784 × 16 weights and 16 biases into the first hidden layer, 16 × 16 and 16 into the second, 16 × 10 and 10 into the output layer.",
        "That makes 13,002 adjustable numbers. Learning will mean finding values for all of them that make the network good at reading digits, and the next scene starts by saying what \u201cgood\u201d means.",
      ],
      math: [
        tex`\sum_{l=1}^{3} \big(\underbrace{n_l \times n_{l-1}}_{\text{weights}} + \underbrace{n_l}_{\text{biases}}\big) = 13{,}002`,
        tex`n_0 = 784,\quad n_1 = n_2 = 16,\quad n_3 = 10`,
      ],
    },
  ],
};

/**
 * The hidden neuron shown first, for the first image: of the neurons whose weighted sum clears their threshold
 * by at most 2 (0 ≤ z ≤ 2: lit, on the steep part of σ), the one with the most negative bias, the clearest
 * threshold; if there is none, the neuron with z closest to 0. Chosen from the numbers, so it suits whichever
 * model is shipped.
 */
export function defaultNeuron(z1: ArrayLike<number>, b1: ArrayLike<number>): number {
  let best = -1;
  for (let j = 0; j < z1.length; j++) {
    const z = z1[j]!;
    if (z >= 0 && z <= 2 && (best < 0 || b1[j]! < b1[best]!)) best = j;
  }
  if (best >= 0) return best;
  best = 0;
  for (let j = 1; j < z1.length; j++) if (Math.abs(z1[j]!) < Math.abs(z1[best]!)) best = j;
  return best;
}
