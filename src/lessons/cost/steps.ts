// The scene "The cost of being wrong": its steps' prose and math. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type CostView = "output" | "target" | "terms" | "sum" | "compare" | "average";

export const COST_SCENE: SceneDef<CostView> = {
  id: "cost",
  title: "The cost of being wrong",
  summary:
    "How far the network's ten outputs are from the answer we wanted, as one number per image, and averaged over many images: the cost function that learning makes small.",
  steps: [
    {
      title: "A network that knows nothing",
      view: "output",
      prose: [
        "Here is the 784-16-16-10 network before any training: its weights are random numbers and its biases are all zero. When it reads a digit, its ten output neurons light up in a pattern that has nothing to do with the picture.",
        "The network's answer is the brightest output, and right now that answer is noise. Before it can get better, we need a way to measure how bad it is.",
      ],
      math: [
        tex`\begin{aligned} a^{(1)} &= \sigma\big(W^{(1)} a^{(0)} + b^{(1)}\big) \\ a^{(2)} &= \sigma\big(W^{(2)} a^{(1)} + b^{(2)}\big) \\ a^{(3)} &= \sigma\big(W^{(3)} a^{(2)} + b^{(3)}\big) \end{aligned}`,
      ],
    },
    {
      title: "What we wanted it to say",
      view: "target",
      prose: [
        "For a labelled image we know exactly which output we want: the neuron of the true digit fully lit at 1, and the other nine dark at 0. Call this desired output y.",
        "The yellow marks show y against what the untrained network actually gives.",
      ],
      math: [
        tex`y_j = \begin{cases} 1 & \text{if } j \text{ is the image's label} \\ 0 & \text{otherwise} \end{cases}`,
      ],
    },
    {
      title: "Ten squared differences",
      view: "terms",
      prose: [
        "Compare the outputs one at a time. For each digit j, take the gap between what the network gave, aⱼ, and what we wanted, yⱼ, and square it.",
        "Squaring makes every term positive, so misses in either direction count, and it weighs a big miss far more than a small one. A term is near 0 when its neuron is close to its target and near 1 when it is as wrong as it can be.",
      ],
      math: [tex`(a_j - y_j)^2, \qquad j = 0, 1, \ldots, 9`],
    },
    {
      title: "One number: this example's cost",
      view: "sum",
      prose: [
        "Add the ten terms and you get the cost of this single training example, C₀. It is small when the network gives the right answer with confidence and large when its output is far from it; with outputs between 0 and 1 it can never exceed 10.",
        "Like the videos, we use the plain sum of squares: there is no factor ½ in front, a convention some textbooks add to tidy up the derivative.",
      ],
      math: [tex`C_0 = \sum_{j=0}^{9} \left(a^{(3)}_j - y_j\right)^2`],
    },
    {
      title: "The same image after training",
      view: "compare",
      prose: [
        "Now the same image goes through the network after 30 epochs of training on the 60,000 training digits. On the left, the random network; on the right, the trained one.",
        "The trained network lights the right neuron and keeps the others dark, and its cost is smaller by orders of magnitude. Try other test images: most behave like this, and the few that do not are often hard to read for people too.",
      ],
    },
    {
      title: "The cost function",
      view: "average",
      prose: [
        "One image says little about the network as a whole. Its overall cost is the average of C₀ over many labelled examples. The cost that training makes small is the average over the 60,000 training images; here the same average is taken over the 10,000 test images, which the network never trained on, computed right now in your browser.",
        "Look at that average as a function. Its input is the list of all 13,002 weights and biases, its output is one number, and the images are fixed data inside it. A network that reads digits well is one whose weights and biases make the training average small, and the next lessons are about how to find them; the test average then says whether that holds for handwriting it has not seen.",
      ],
      math: [
        tex`C\big(w_1, w_2, \ldots, w_{13{,}002}\big) = \frac{1}{n} \sum_{i=1}^{n} C_0^{(i)}, \qquad n = 60{,}000`,
      ],
    },
  ],
};
