// The network diagram's layer captions: one line each where there is room, stacked or shortened where the columns
// are narrow (a phone), and never two touching or one outside the diagram, whatever the shape and width.
import { describe, expect, it } from "vitest";
import { MNIST_CLASSES, MNIST_PIXELS } from "../../src/engine/mnist.ts";
import {
  CAPTION_GAP,
  CAPTION_LINE_HEIGHT,
  layoutCaptions,
  type CaptionLine,
} from "../../src/render/networkCaptions.ts";
import { layoutNetwork } from "../../src/render/networkLayout.ts";

/** About the width of 12 px sans-serif text, a little wide to be safe. */
const measure = (text: string) => text.length * 7;

const NETWORK = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];
/** The diagram's width on a phone: a 390 px window less the page's and the panel's padding. */
const PHONE_WIDTH = 311;

/** Each captioned layer's text, lines joined by "/", in layer order. */
function texts(lines: readonly CaptionLine[]): string[] {
  const byLayer = new Map<number, string[]>();
  for (const line of lines) byLayer.set(line.layer, [...(byLayer.get(line.layer) ?? []), line.text]);
  return [...byLayer.values()].map((l) => l.join("/"));
}

/** Each line's box, [left, right, top, bottom], CAPTION_LINE_HEIGHT tall. */
function boxes(lines: readonly CaptionLine[]): (readonly [number, number, number, number])[] {
  return lines.map(({ text, x, y }) => {
    const [w, h] = [measure(text), CAPTION_LINE_HEIGHT];
    return [x - w / 2, x + w / 2, y - h / 2, y + h / 2] as const;
  });
}

describe("layoutCaptions(layout, measure)", () => {
  it("writes each caption on one line under its layer where the columns leave room", () => {
    const layout = layoutNetwork(NETWORK, 800, 420);
    const lines = layoutCaptions(layout, measure);
    expect(texts(lines)).toEqual(["input 28×28", "hidden 16", "hidden 16", "output 10"]);
    lines.forEach((line) => {
      expect(line.x).toBeCloseTo(layout.layers[line.layer]!.centerX);
      expect(line.y).toBe(layout.captionY);
    });
  });

  it("stacks the name over the size where one line would collide and two fit", () => {
    const layout = layoutNetwork(NETWORK, 400, 420);
    const lines = layoutCaptions(layout, measure);
    expect(texts(lines)).toEqual(["input/28×28", "hidden/16", "hidden/16", "output/10"]);
    const [name, size] = lines.filter((l) => l.layer === 1);
    expect(size!.y - name!.y).toBe(CAPTION_LINE_HEIGHT);
    expect((name!.y + size!.y) / 2).toBeCloseTo(layout.captionY);
  });

  it('staggers the captions on two rows on a phone, where one line collides ("hidden 16hidden 16")', () => {
    const layout = layoutNetwork(NETWORK, PHONE_WIDTH, 420);
    const [, h1, h2] = layout.layers;
    expect(h2!.centerX - h1!.centerX).toBeLessThan(measure("hidden 16") + CAPTION_GAP);
    const lines = layoutCaptions(layout, measure);
    expect(texts(lines)).toEqual(["input 28×28", "hidden 16", "hidden 16", "output 10"]);
    const rows = lines.map((l) => (l.y < layout.captionY ? "upper" : "lower"));
    expect(rows).toEqual(["upper", "lower", "upper", "lower"]);
    expect(lines[1]!.y - lines[0]!.y).toBe(CAPTION_LINE_HEIGHT);
  });

  const shapes = [
    NETWORK,
    [MNIST_PIXELS, 100, MNIST_CLASSES],
    [MNIST_PIXELS, 512, 512, MNIST_CLASSES],
    [MNIST_PIXELS, 30, 30, 30, 30, 30, MNIST_CLASSES],
    [MNIST_PIXELS, MNIST_CLASSES],
  ];
  for (const sizes of shapes)
    it(`never lets captions of ${sizes.join("-")} come closer than CAPTION_GAP, nor leave the diagram`, () => {
      for (let width = 160; width <= 1000; width += 37) {
        const layout = layoutNetwork(sizes, width, 420);
        const lines = layoutCaptions(layout, measure);
        expect(lines.length, `at ${width} px`).toBeGreaterThan(0);
        const all = boxes(lines);
        all.forEach(([left, right, top, bottom]) => {
          expect(left).toBeGreaterThanOrEqual(0);
          expect(right).toBeLessThanOrEqual(width);
          expect(top).toBeGreaterThan(Math.max(...layout.layers.map((L) => L.bottom)));
          expect(bottom).toBeLessThanOrEqual(layout.height);
        });
        // Lines of different layers on the same row are CAPTION_GAP apart at least.
        for (let i = 0; i < lines.length; i++)
          for (let j = i + 1; j < lines.length; j++) {
            if (lines[i]!.layer === lines[j]!.layer || lines[i]!.y !== lines[j]!.y) continue;
            const [a, b] = [all[i]!, all[j]!];
            expect(Math.max(b[0] - a[1], a[0] - b[1]), `at ${width} px`).toBeGreaterThanOrEqual(
              CAPTION_GAP - 1e-9,
            );
          }
      }
    });

  it("leaves out a caption only when even the sizes alone would collide", () => {
    const sizes = [MNIST_PIXELS, 30, 30, 30, 30, 30, MNIST_CLASSES];
    expect(texts(layoutCaptions(layoutNetwork(sizes, 1000, 420), measure))).toHaveLength(sizes.length);
    const narrow = texts(layoutCaptions(layoutNetwork(sizes, 160, 420), measure));
    expect(narrow.length).toBeLessThan(sizes.length);
    expect(narrow[0]).toBe("28×28");
  });
});
