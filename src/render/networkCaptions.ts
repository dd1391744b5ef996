// The network diagram's layer captions ("input 28×28", "hidden 16", "output 10") placed under their layers so that
// no two ever touch: on one line where the columns leave room, else on two ("hidden" over "16"), else staggered
// on two rows, else the sizes alone, and as a last resort leaving out a caption that would touch the one before.
// Pure, CSS px.
import { imageSide } from "./heatmap.ts";
import type { NetworkLayout } from "./networkLayout.ts";

/** Caption text, CSS px, and the distance between the middles of two rows of captions. */
export const CAPTION_FONT_PX = 12;
export const CAPTION_LINE_HEIGHT = 13;
/** Least space between neighbouring captions, CSS px. */
export const CAPTION_GAP = 8;

/** One line of a caption: `text` centred on (x, y), its middle at y. */
export interface CaptionLine {
  readonly layer: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** A layer's caption as its name and its size ("28×28" for the input image). */
function captionParts(layout: NetworkLayout, l: number): readonly [string, string] {
  const { size } = layout.layers[l]!;
  if (l === 0) {
    const side = imageSide(size);
    return ["input", `${side}×${side}`];
  }
  return [l === layout.layers.length - 1 ? "output" : "hidden", String(size)];
}

/**
 * The ways to write the captions, most readable first: what each layer's caption says (from its name and size),
 * and on which row it starts (a row is CAPTION_LINE_HEIGHT tall; "staggered" alternates between two).
 */
const STYLES: readonly {
  readonly lines: (name: string, size: string) => readonly string[];
  readonly row: (layer: number) => number;
}[] = [
  { lines: (name, size) => [`${name} ${size}`], row: () => 0 },
  { lines: (name, size) => [name, size], row: () => 0 },
  { lines: (name, size) => [`${name} ${size}`], row: (l) => l % 2 },
  { lines: (_, size) => [size], row: () => 0 },
];

interface Block {
  readonly layer: number;
  readonly lines: readonly string[];
  readonly row: number;
  /** Centre, kept inside the diagram's width, and half the widest line. */
  readonly x: number;
  readonly half: number;
}

function blocks(
  layout: NetworkLayout,
  style: (typeof STYLES)[number],
  measure: (text: string) => number,
): Block[] {
  return layout.layers.map((L, l) => {
    const lines = style.lines(...captionParts(layout, l));
    const half = Math.max(...lines.map(measure)) / 2;
    const x = Math.max(half, Math.min(L.centerX, layout.width - half));
    return { layer: l, lines, row: style.row(l), x, half };
  });
}

/** Whether two captions are at least CAPTION_GAP apart across, or on rows that don't meet. */
function apart(a: Block, b: Block): boolean {
  const rowsMeet = a.row < b.row + b.lines.length && b.row < a.row + a.lines.length;
  return !rowsMeet || Math.max(b.x - b.half - (a.x + a.half), a.x - a.half - (b.x + b.half)) >= CAPTION_GAP;
}

const allApart = (bs: readonly Block[]) => bs.every((a, i) => bs.slice(i + 1).every((b) => apart(a, b)));

/**
 * The layer captions' lines for `layout`, each centred under its layer (x moved in just enough to stay inside the
 * diagram), the rows they take vertically centred on layout.captionY. `measure(text)` is the width of a text at
 * CAPTION_FONT_PX (the canvas's measureText). All captions take the first of STYLES under which no two are closer
 * than CAPTION_GAP; if none fits, the sizes alone, leaving out each caption that would come closer than that to the
 * last one kept.
 */
export function layoutCaptions(layout: NetworkLayout, measure: (text: string) => number): CaptionLine[] {
  let chosen = STYLES.map((style) => blocks(layout, style, measure)).find(allApart);
  if (!chosen) {
    chosen = [];
    for (const b of blocks(layout, STYLES.at(-1)!, measure)) {
      const last = chosen.at(-1);
      if (!last || apart(last, b)) chosen.push(b);
    }
  }
  const rows = Math.max(...chosen.map((b) => b.row + b.lines.length));
  return chosen.flatMap((b) =>
    b.lines.map((text, i) => ({
      layer: b.layer,
      text,
      x: b.x,
      y: layout.captionY + (b.row + i - (rows - 1) / 2) * CAPTION_LINE_HEIGHT,
    })),
  );
}
