// The scene "Backpropagation calculus": its steps' prose and math. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type CalculusView = "tree" | "chain" | "bias" | "sum" | "deep" | "batch" | "check";

export const CALCULUS_SCENE: SceneDef<CalculusView> = {
  id: "backprop-calculus",
  title: "Backpropagation calculus",
  summary:
    "The nudges of the previous scene as derivatives: the chain rule for one weight, factor by factor with the network's own numbers, the bias, sums over the next layer, the recursion into deeper layers, the mini-batch average and a finite-difference check.",
  steps: [
    {
      title: "Where one weight acts",
      view: "tree",
      prose: [
        "The previous scene told the story in nudges. This one says the same thing precisely, with derivatives. Choose any weight or bias in the network diagram, or with the picker below it; the scene opens on a weight of the last layer, from hidden neuron k into output neuron j.",
        "That weight reaches the cost along a single path. It scales one input of the output's weighted sum z; z goes through σ to give the activation a; a is compared with the target y in the cost C₀. Everything else feeding those stages (the other weights, the bias, the previous activations, the target) stays fixed while we ask how sensitive the cost is to this one number.",
      ],
      math: [
        tex`z^{(L)}_j = \sum_k w^{(L)}_{jk}\, a^{(L-1)}_k + b^{(L)}_j`,
        tex`a^{(L)}_j = \sigma\big(z^{(L)}_j\big)`,
        tex`C_0 = \sum_{j=0}^{9} \big(a^{(L)}_j - y_j\big)^2`,
      ],
    },
    {
      title: "The chain rule, factor by factor",
      view: "chain",
      prose: [
        "Nudge the weight by a tiny amount. The weighted sum z moves by that amount times a⁽ᴸ⁻¹⁾ₖ, the activation the weight multiplies. The change in z moves a by σ′(z) times as much. The change in a moves the cost by 2(a − y) times as much. The rate for the whole path is the product of the three rates.",
        "Each factor is shown with its value for the image on screen, straight from the engine's trace. The result is the engine's own ∂C₀/∂w from its backward pass, and the line under it multiplies the three factors to show that they give the same number.",
      ],
      math: [
        tex`\frac{\partial C_0}{\partial w^{(L)}_{jk}} = \frac{\partial z^{(L)}_j}{\partial w^{(L)}_{jk}}\, \frac{\partial a^{(L)}_j}{\partial z^{(L)}_j}\, \frac{\partial C_0}{\partial a^{(L)}_j}`,
        tex`= a^{(L-1)}_k\; \sigma'\big(z^{(L)}_j\big)\; 2\big(a^{(L)}_j - y_j\big)`,
      ],
    },
    {
      title: "The bias",
      view: "bias",
      prose: [
        "A bias is added to the weighted sum with nothing multiplying it, so nudging it moves z by exactly the nudge: the first factor of the chain is 1.",
        "What remains, σ′(z) times ∂C₀/∂a, is the cost's sensitivity to the weighted sum itself. It gets its own name, δ, because every weight into the same neuron shares it: each weight's derivative is δ times the activation that weight carries.",
      ],
      math: [
        tex`\frac{\partial C_0}{\partial b^{(L)}_j} = 1 \cdot \sigma'\big(z^{(L)}_j\big)\; 2\big(a^{(L)}_j - y_j\big) = \delta^{(L)}_j`,
        tex`\frac{\partial C_0}{\partial w^{(L)}_{jk}} = a^{(L-1)}_k\, \delta^{(L)}_j`,
      ],
    },
    {
      title: "One activation, ten paths",
      view: "sum",
      prose: [
        "How sensitive is the cost to an activation of the last hidden layer? A weight reaches the cost along one path, but a hidden neuron feeds every output, so a nudge to it travels to the cost along ten paths at once.",
        "The chain rule adds the paths: each contributes the same kind of product, with the connecting weight in the first factor's place. The ten terms and their sum are listed; the sum is the ∂C₀/∂a the engine stored.",
      ],
      math: [
        tex`\frac{\partial C_0}{\partial a^{(L-1)}_k} = \sum_{j=0}^{9} \underbrace{w^{(L)}_{jk}\; \sigma'\big(z^{(L)}_j\big)\; 2\big(a^{(L)}_j - y_j\big)}_{\text{path through output } j}`,
      ],
    },
    {
      title: "Deeper layers",
      view: "deep",
      prose: [
        "Once ∂C₀/∂a⁽ᴸ⁻¹⁾ is known, a weight one layer further back is handled exactly like a last-layer weight: the same three factors, with that sum in place of 2(a − y).",
        "Written for whole layers, each δ comes from the δ of the layer after it: multiply by the transposed weights, then by σ′. Pick a weight of layer 1 or 2 to follow the recursion with its numbers.",
      ],
      math: [
        tex`\delta^{(l)} = \sigma'\big(z^{(l)}\big) \odot \Big(\big(W^{(l+1)}\big)^{\!\top} \delta^{(l+1)}\Big)`,
        tex`\frac{\partial C_0}{\partial w^{(l)}_{jk}} = a^{(l-1)}_k\, \delta^{(l)}_j`,
      ],
    },
    {
      title: "Averaging over a batch",
      view: "batch",
      prose: [
        "Every derivative so far belongs to one example's cost C₀. The cost that training lowers is an average over examples, and a derivative of an average is the average of the derivatives.",
        "So the gradient on a mini-batch is the mean of the per-example values. The list gives what each of eight test images asks of the selected parameter, minus its derivative (blue: raise it, red: lower it), and their mean: minus one entry of the batch gradient.",
      ],
      math: [
        tex`\frac{\partial C}{\partial w} = \frac{1}{m} \sum_{i=1}^{m} \frac{\partial C_0^{(i)}}{\partial w}, \qquad m = 8`,
      ],
    },
    {
      title: "Checking with a small nudge",
      view: "check",
      prose: [
        "There is a blunt way to get the same number without any calculus: move the parameter up by a small h, then down by h, run the image through the network each time, and divide the change in cost by 2h. For all 13,002 parameters that takes 26,004 passes through the network, per example, which is why nobody trains this way. As a check it is perfect, because it knows nothing of the chain rule.",
        "The estimate is computed on a float64 copy of the network. A large h lets the curvature of the cost spoil it; a very small h lets rounding take over. In between it agrees with backpropagation to many digits.",
      ],
      math: [tex`\frac{\partial C_0}{\partial w} \approx \frac{C_0(w + h) - C_0(w - h)}{2h}`],
    },
  ],
};
