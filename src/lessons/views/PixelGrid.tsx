// A side × side grid of values as SVG squares (an image's activations, a neuron's weights, their products),
// reporting which cell the pointer is over so a scene can show its numbers.
import { memo } from "react";
import { activationFill } from "../../render/theme.ts";

export interface PixelGridProps {
  /** side² values, row-major: cell k is row ⌊k / side⌋, column k mod side. */
  readonly values: ArrayLike<number>;
  readonly side: number;
  /** CSS px per cell. */
  readonly cell: number;
  /** Fill of a cell from its value; keep it the same function between renders (the cells are memoised). */
  readonly color: (v: number) => string;
  /** Accessible name of the picture. */
  readonly label: string;
  /** The cell under the pointer, outlined (null: none). */
  readonly hovered: number | null;
  readonly onHover: (k: number | null) => void;
  /** Cells outlined in the highlight colour (the strongest contributions). */
  readonly marked?: readonly number[];
}

/** Greyscale fill for activations 0…1: the usual colour of an image. */
export const activationColor = (v: number) => activationFill(v);

const Cells = memo(function Cells({
  values,
  side,
  color,
}: Pick<PixelGridProps, "values" | "side" | "color">) {
  const cells = [];
  for (let k = 0; k < side * side; k++)
    cells.push(
      <rect
        key={k}
        x={k % side}
        y={Math.floor(k / side)}
        width={1}
        height={1}
        fill={color(values[k] ?? 0)}
      />,
    );
  return <g shapeRendering="crispEdges">{cells}</g>;
});

export function PixelGrid({
  values,
  side,
  cell,
  color,
  label,
  hovered,
  onHover,
  marked = [],
}: PixelGridProps) {
  const size = side * cell;
  const at = (e: React.PointerEvent<SVGSVGElement>): number | null => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    const c = Math.floor(((e.clientX - box.left) / box.width) * side);
    const r = Math.floor(((e.clientY - box.top) / box.height) * side);
    return c >= 0 && c < side && r >= 0 && r < side ? r * side + c : null;
  };
  const outline = (k: number, className: string) => (
    <rect
      key={`${className}-${k}`}
      className={className}
      x={k % side}
      y={Math.floor(k / side)}
      width={1}
      height={1}
      fill="none"
      vectorEffect="non-scaling-stroke"
    />
  );
  return (
    <svg
      className="pixel-grid"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${side} ${side}`}
      onPointerMove={(e) => onHover(at(e))}
      onPointerLeave={() => onHover(null)}
    >
      <Cells values={values} side={side} color={color} />
      {marked.map((k) => outline(k, "mark"))}
      {hovered === null ? null : outline(hovered, "hover")}
    </svg>
  );
}
