// The fixed mini-batch as small pictures with their labels: the 32 test images the scene's cost averages over.
import { memo } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import type { ExampleRef } from "../../worker/lab/protocol.ts";
import { imageLabel } from "../testImage.ts";
import { greyPaths } from "./batch.ts";
import { activationFill, THEME } from "../../render/theme.ts";

const Thumb = memo(function Thumb({ test, index, size }: { test: MnistSplit; index: number; size: number }) {
  const label = imageLabel(test, index);
  return (
    <li className="thumb">
      <svg
        viewBox={`0 0 ${test.cols} ${test.rows}`}
        width={size}
        height={size}
        role="img"
        aria-label={`Test image ${index}, a ${label}`}
        shapeRendering="crispEdges"
      >
        <rect width={test.cols} height={test.rows} fill={THEME.off} />
        {greyPaths(test, index).map((p) => (
          <path key={p.level} d={p.d} fill={activationFill(p.level)} />
        ))}
      </svg>
      <span className="thumb-label">{label}</span>
    </li>
  );
});

export function BatchStrip({
  test,
  batch,
  size = 34,
}: {
  test: MnistSplit;
  batch: readonly ExampleRef[];
  size?: number;
}) {
  return (
    <figure className="batch-strip">
      <ol aria-label={`The batch: ${batch.length} test images`}>
        {batch.map((r) => (
          <Thumb key={r.index} test={test} index={r.index} size={size} />
        ))}
      </ol>
      <figcaption>
        The batch: test images {batch[0]?.index ?? 0}–{batch.at(-1)?.index ?? 0} with their labels. Every cost
        on this page is the average over these {batch.length}.
      </figcaption>
    </figure>
  );
}
