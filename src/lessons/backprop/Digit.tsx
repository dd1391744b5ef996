// A test image as a small picture (a column head, the example on screen), from the MNIST pixels.
import { useMemo } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { imageInput, imageLabel } from "../testImage.ts";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";

const ignore = () => {};

export function Digit({ test, index, cell }: { test: MnistSplit; index: number; cell: number }) {
  const values = useMemo(() => imageInput(test, index), [test, index]);
  return (
    <PixelGrid
      values={values}
      side={test.cols}
      cell={cell}
      color={activationColor}
      label={`Test image ${index}, a handwritten ${imageLabel(test, index)}`}
      hovered={null}
      onHover={ignore}
    />
  );
}
