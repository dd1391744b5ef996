// The scene "Stochastic gradient descent": its steps' prose and math. Our own words.
import { tex } from "../tex.ts";
import type { SceneDef } from "../types.ts";

/** The live views of this scene. */
export type SgdView = "full" | "single" | "mini" | "time" | "summary";

export const SGD_SCENE: SceneDef<SgdView> = {
  id: "sgd",
  title: "Stochastic gradient descent",
  summary:
    "Why training does not average over every image before each step: full-batch, mini-batch and single-example descent raced from the same random network, by examples seen and by seconds.",
  steps: [
    {
      title: "The exact gradient is expensive",
      view: "full",
      prose: [
        "The cost is an average over all the training examples, and so is its gradient. To know the true way downhill you run backpropagation on every example and average their nudges, and only then take one step. This is full-batch gradient descent.",
        "Here the training set is 10,000 MNIST images, so every step costs 10,000 backpropagations. The chart starts from the untrained network and measures its cost on 1,000 test images it never trains on. The path is smooth, but it is slow: one step per pass over the data, so after 100,000 examples it has taken only a handful of steps.",
      ],
      math: [tex`\nabla C = \frac{1}{n} \sum_{i=1}^{n} \nabla C_i, \qquad n = 10{,}000`],
    },
    {
      title: "One example at a time",
      view: "single",
      prose: [
        "The other extreme: step after every single example, using that example's gradient alone. One image is a poor guide to the average. A sloppy 7 pulls the weights its own way, so each step points only roughly downhill.",
        "But these steps are cheap, and there are 10,000 of them per pass over the data. The path shakes, yet per example seen it falls far faster than the careful full-batch path.",
      ],
      math: [
        tex`\vec{W} \leftarrow \vec{W} - \eta \, \nabla C_i \qquad \text{for one example } i \text{ at a time}`,
      ],
    },
    {
      title: "Mini-batches",
      view: "mini",
      prose: [
        "The practical middle: shuffle the training images, deal them out in mini-batches of, here, 10, and take a step after each one using the mini-batch's average gradient. Ten examples already cancel out much of one another's quirks, so the direction is steadier, while a step still costs only ten backpropagations.",
        "This is stochastic gradient descent as it is almost always run. Each mini-batch's gradient is a noisy estimate of the full one, but an honest estimate: averaged over the possible mini-batches, it is exactly the full gradient.",
      ],
      math: [tex`\nabla C \approx \frac{1}{m} \sum_{i \in B} \nabla C_i, \qquad m = |B| = 10`],
    },
    {
      title: "Against the clock",
      view: "time",
      prose: [
        "Examples seen is not what you pay for; time is. The chart now puts the seconds each run spent training along the bottom (the lab times the training steps and leaves out the cost measurements).",
        "Full batch spends its time on a few very expensive steps. Single examples take many cheap ones but pay the overhead of a whole step for every image. A mini-batch of ten goes through the network in one go, so per example it is about as cheap as the full batch, yet it takes a thousand times as many steps.",
      ],
    },
    {
      title: "A quick stumble beats a slow march",
      view: "summary",
      prose: [
        "Imagine two ways down a foggy hillside. One hiker surveys the entire slope before every step and always moves in exactly the steepest direction, but each survey takes an age. The other glances at the few metres of ground around their feet, steps, glances again. Their route wobbles, but they are near the bottom long before the careful hiker has taken a handful of steps.",
        "Mini-batch gradient descent is the second hiker, and that is why practical training, including the explorable's network, runs on mini-batches. The table lists what each run did, from the lab's measurements.",
      ],
    },
  ],
};
