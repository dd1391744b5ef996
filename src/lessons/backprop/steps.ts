// The scene "Backpropagation, intuitively": its steps' prose and math. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type BackpropView =
  "wishes" | "bias" | "weights" | "activations" | "sum" | "backwards" | "table" | "step";

export const BACKPROP_SCENE: SceneDef<BackpropView> = {
  id: "backprop-intuition",
  title: "Backpropagation, intuitively",
  summary:
    "One image's wishes for the output layer, the three ways to satisfy them, the wishes passed back layer by layer, then a column of nudges per image averaged over a mini-batch and applied as one real step of gradient descent.",
  steps: [
    {
      title: "What one example asks for",
      view: "wishes",
      prose: [
        "Learning starts from a single labelled image. Here it is a handwritten 2, read by the videos' network after 5 epochs of training: it mostly gets digits right, but it is not yet sure of itself.",
        "For this image's cost to fall, the outputs have to move towards the label: the 2 neuron brighter, the other nine darker. Not all of them need the same push. An output that is nearly where it should be needs a tap; one that is far off needs a shove.",
        "The arrows point from each output to its target, and the number beside each is the push the calculus asks for: the negative slope of the cost with respect to that output, read from the engine's backward pass.",
      ],
      math: [tex`-\frac{\partial C_0}{\partial a^{(L)}_j} = -2\left(a^{(L)}_j - y_j\right)`],
    },
    {
      title: "First lever: the bias",
      view: "bias",
      prose: [
        "Look at one output neuron, the one for the right digit. Its activation is σ of a weighted sum z of the 16 neurons of the last hidden layer, plus a bias. Whatever raises z raises the activation, and there are exactly three kinds of things that could change.",
        "The simplest is the bias. It adds straight onto z, so nudging it up helps no matter what the rest of the network is doing. How much the cost cares about it is δ, the slope of the cost with respect to z: how wrong the output is, times how steep σ is at this z.",
      ],
      math: [
        tex`a^{(L)}_j = \sigma\Big(\underbrace{w_{j,0}\,a^{(L-1)}_0 + \cdots + w_{j,15}\,a^{(L-1)}_{15} + b_j}_{z^{(L)}_j}\Big)`,
        tex`-\frac{\partial C_0}{\partial b^{(L)}_j} = -\delta^{(L)}_j = -\sigma'\big(z^{(L)}_j\big)\, 2\big(a^{(L)}_j - y_j\big)`,
      ],
    },
    {
      title: "Second lever: the weights",
      view: "weights",
      prose: [
        "Each of the 16 connections into the output multiplies a hidden activation by a weight. Change a weight by a little and z changes by that little times the activation at the connection's far end. A weight from a dark neuron barely matters at the moment; a weight from a bright one matters a lot.",
        "So the wished change of each weight is proportional to the activation it carries. The width of each line shows that wish: the brightest hidden neurons get the widest lines. It echoes an old idea about brains, that connections between neurons active together grow stronger.",
      ],
      math: [tex`-\frac{\partial C_0}{\partial w^{(L)}_{jk}} = -a^{(L-1)}_k\, \delta^{(L)}_j`],
    },
    {
      title: "Third lever: the previous layer",
      view: "activations",
      prose: [
        "The last lever is the hidden activations themselves. Nothing sets them directly (they follow from the image and the earlier weights), but we can note which way we would like each one to move.",
        "A hidden neuron connected by a positive weight should get brighter, one connected by a negative weight dimmer, and by an amount proportional to the weight: the strongest connections give the biggest effect for the smallest change.",
        "Pick a wrong digit's output with the Output picker: it wants to go down, so all three levers reverse.",
      ],
      math: [
        tex`-\frac{\partial C_0}{\partial a^{(L-1)}_k}\Big|_{\text{output } j \text{ only}} = -w^{(L)}_{jk}\, \delta^{(L)}_j`,
      ],
    },
    {
      title: "Adding up the wishes",
      view: "sum",
      prose: [
        "That was one output's opinion about the last hidden layer. The other nine outputs have opinions too, and they disagree: a neuron that the 2 output would like brighter may be one the 7 output would like dimmer.",
        "Backpropagation settles it by adding. Every output contributes its weight times its δ, so outputs that want a big change, through strong connections, count the most. The total for each hidden neuron is the slope of the cost with respect to that neuron's activation.",
        "Pick a hidden neuron to see the ten outputs' wishes for it, each minus its weight times its δ. Their sum is minus the slope the engine stored during its backward pass.",
      ],
      math: [
        tex`\frac{\partial C_0}{\partial a^{(L-1)}_k} = \sum_{j=0}^{9} w^{(L)}_{jk}\, \delta^{(L)}_j = \sum_{j=0}^{9} w^{(L)}_{jk}\, \sigma'\big(z^{(L)}_j\big)\, 2\big(a^{(L)}_j - y_j\big)`,
      ],
    },
    {
      title: "Back to the first hidden layer",
      view: "backwards",
      prose: [
        "The last hidden layer now has a list of wished nudges, just as the output layer had at the start. So the same reasoning runs again one layer further back: each of its neurons wants its bias, its weights and the layer before it to move, and those wishes are added up for the first hidden layer.",
        "Moving backwards a layer at a time is where the name comes from. In the first hidden layer the “previous activations” are the pixels, which are data and stay as they are, so the process ends with the first layer's weights and biases. The picture shows the wished changes to one first-layer neuron's 784 weights: the digit itself, scaled by that neuron's δ.",
      ],
      math: [
        tex`\delta^{(l)} = \sigma'\big(z^{(l)}\big) \odot \Big(\big(W^{(l+1)}\big)^{\!\top} \delta^{(l+1)}\Big)`,
        tex`-\frac{\partial C_0}{\partial w^{(l)}_{jk}} = -a^{(l-1)}_k\, \delta^{(l)}_j`,
      ],
    },
    {
      title: "One column of nudges per example",
      view: "table",
      prose: [
        "Everything so far served one image. Another image wants other things: a 7 wants the 7 output up and the 2 output down. Every training example produces its own column of 13,002 wished changes, one for each weight and bias.",
        "The table runs eight test images through the same backward pass, one column each, for the parameters whose average wish is largest in each layer. Signs disagree from column to column. The last column averages the eight, and that average over a small random batch is the direction stochastic gradient descent follows.",
      ],
      math: [
        tex`-\frac{\partial C}{\partial p} = \frac{1}{m} \sum_{i=1}^{m} \left(-\frac{\partial C_0^{(i)}}{\partial p}\right), \qquad m = 8`,
      ],
    },
    {
      title: "Taking the step",
      view: "step",
      prose: [
        "Multiply the average column by the learning rate η and add it to all 13,002 parameters: that is one step of stochastic gradient descent. It is done here for real, in a background worker, on the eight images of the table.",
        "The cost of the batch drops. The images do not all gain the same, and some may even get a little worse, because the step serves the average. Raise η and the step overshoots; shrink it and the network barely moves. Training is this step repeated thousands of times, each on a fresh mini-batch.",
      ],
      math: [
        tex`p \;\leftarrow\; p - \eta\, \frac{\partial C}{\partial p} \quad \text{for each of the 13{,}002 parameters } p`,
      ],
    },
  ],
};
