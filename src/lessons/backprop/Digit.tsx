// An example as a small picture (a column head, the example on screen): a test image or the learner's drawing.
import { MNIST_SIDE } from "../../engine/mnist.ts";
import type { LessonExample } from "../example.ts";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";

const ignore = () => {};

export function Digit({ example, cell }: { example: LessonExample; cell: number }) {
  const name = example.name.charAt(0).toUpperCase() + example.name.slice(1);
  return (
    <PixelGrid
      values={example.x}
      side={MNIST_SIDE}
      cell={cell}
      color={activationColor}
      label={`${name}, a handwritten ${example.label}`}
      hovered={null}
      onHover={ignore}
    />
  );
}
