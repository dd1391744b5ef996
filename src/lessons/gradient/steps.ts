// The scene "Rolling downhill": its steps' prose and math, and the experiment's settings. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type GradientView = "curve" | "roll" | "rate" | "surface" | "vector" | "largest" | "finder";

/** The checkpoint the scene experiments on: one epoch into training, so the slopes are still clear. */
export const GRADIENT_CHECKPOINT = 1;

/** The experiment: weights vary ±SPAN around their current values, POINTS_1D samples on the curve, POINTS_2D per
 * side of the landscape, DESCENT_STEPS steps of the ball, and the finder's first η. */
export const GRADIENT_SETTINGS = {
  span: 4,
  points1d: 81,
  points2d: 41,
  descentSteps: 30,
  defaultRate: 30,
  finderStart: 256,
} as const;

export const GRADIENT_SCENE: SceneDef<GradientView> = {
  id: "gradient-descent",
  title: "Rolling downhill",
  summary:
    "Gradient descent on the real network: the cost along one weight and across two, a ball that steps downhill at the learning rate you pick, and the gradient read as a nudge for each of the 13,002 parameters.",
  steps: [
    {
      title: "One weight, one curve",
      view: "curve",
      prose: [
        "Learning means changing the 13,002 weights and biases so that the cost goes down. Nobody can picture 13,002 dials, so begin with one. Freeze every other parameter and slide a single weight back and forth: at each setting the network's average cost on a fixed batch of 32 test images is one number, and together those numbers trace a curve.",
        "The network here has seen the training data once, so it reads digits fairly well but is not finished. The weight on the curve is the one the cost reacts to most right now, and the dot marks the value it has.",
        "You do not need the whole curve to know which way is down. The slope where you stand is enough: if it is positive, make the weight smaller; if it is negative, make it larger.",
      ],
      math: [
        tex`C(w) = \frac{1}{32} \sum_{i=1}^{32} C_0^{(i)}(w)`,
        tex`\text{slope} = \frac{\partial C}{\partial w}`,
      ],
    },
    {
      title: "A ball stepping downhill",
      view: "roll",
      prose: [
        "Make that rule a procedure: measure the slope, step against it, repeat. The length of each step is the slope times a number η, the learning rate, which the slider sets.",
        "Because the step grows with the slope, the ball moves quickly where the curve is steep and slows down by itself as the curve flattens near the bottom. Nothing has to tell it where the bottom is.",
        "Click anywhere on the curve to drop the ball there instead. One weight on its own moves the cost only a little, so its slope is small, which is why the learning rates on this slider are so large.",
      ],
      math: [tex`w \;\leftarrow\; w - \eta \, \frac{\partial C}{\partial w}`],
    },
    {
      title: "Too timid, too bold",
      view: "rate",
      prose: [
        "The learning rate decides how the descent goes. Set it too small and the ball crawls: every step is downhill, but the steps are so short that after 30 of them it is still on the slope.",
        "In a middle range it converges: the steps shorten on their own as the slope flattens. Too large, and it overshoots: it lands on the far side of the valley, where the slope points back, and zig-zags. Larger still, it diverges: each jump flings it further out, and the cost ends higher than it started.",
        "Scrub η and read the verdict under the curve. It comes from the lab's 30 steps: whether the cost fell at every step, whether the slope flipped sign, and whether the steps got shorter. The overshooting range is narrow: look for it just before the rate at which the ball flies off.",
      ],
    },
    {
      title: "Two weights: a landscape",
      view: "surface",
      prose: [
        "Free a second weight and the cost becomes a landscape. Each point of the square is a setting of the two weights; its colour is the cost there, dark where it is low, and the contour lines join settings of equal cost.",
        "The slope is now an arrow, the gradient ∇C, with one component per weight. It points the way the cost climbs fastest, straight across the contour lines, so its opposite, −∇C, is the steepest way down. The white arrow shows −∇C where the ball starts.",
        "The same learning rate drives the ball here; click the map to start somewhere else. Training the real network is this, in 13,002 dimensions at once: impossible to draw, same rule.",
      ],
      math: [
        tex`\nabla C = \begin{bmatrix} \partial C / \partial w_1 \\ \partial C / \partial w_2 \end{bmatrix}, \qquad \begin{bmatrix} w_1 \\ w_2 \end{bmatrix} \leftarrow \begin{bmatrix} w_1 \\ w_2 \end{bmatrix} - \eta \, \nabla C`,
      ],
    },
    {
      title: "A nudge for every parameter",
      view: "vector",
      prose: [
        "For the whole network, the gradient is a column of 13,002 numbers: how fast the cost changes as each weight or bias moves. Flip its sign and you get −∇C, a column of nudges.",
        "Each nudge says two things. Its sign says which way its parameter should move: up for a positive nudge, down for a negative one. Its size, compared with the other nudges, says how much that parameter matters at this moment.",
        "Below are the nudges for one output neuron: its bias and the weights arriving from the second hidden layer, computed by backpropagation on the 32 images. The words compare each one with the largest nudge of all 13,002.",
      ],
      math: [
        tex`-\nabla C(\vec{W}) = -\begin{bmatrix} \partial C / \partial w_1 \\ \partial C / \partial w_2 \\ \vdots \\ \partial C / \partial w_{13{,}002} \end{bmatrix}`,
      ],
    },
    {
      title: "The nudges that matter most",
      view: "largest",
      prose: [
        "Sort all 13,002 nudges by size and a pattern shows. A few are large, here in the last two layers, whose weights act on the output almost directly. Most are tiny.",
        "Many are exactly zero. A weight leaving a pixel that is black in all 32 images cannot change anything about them, so the cost does not care about it at all.",
        "That is how the gradient ranks the parameters: a change to a weight with a large component buys the most cost reduction for its size.",
      ],
    },
    {
      title: "How large a step?",
      view: "finder",
      prose: [
        "Now move all 13,002 parameters together by −η∇C. Which η? A simple recipe: start with a rate that is surely too large, take the step, and check whether the cost on the batch went down. If it did not, halve η and try again.",
        "Each row is one trial, run in the lab on the same 32 images. The first rate that lowers the cost is where it becomes safe to step; rates of that size or a little smaller are a reasonable start for training.",
        "Compare it with the rate that worked for a single weight, η = 30: with every parameter moving, thousands of small effects on the cost add up, so the same η has a larger effect and the safe rate is smaller. The line under the table says by how much, for this batch.",
      ],
      math: [
        tex`C\big(\vec{W} - \eta\, \nabla C(\vec{W})\big) \overset{?}{<} C(\vec{W}), \qquad \eta \to \tfrac{\eta}{2} \text{ until it is}`,
      ],
    },
  ],
};
