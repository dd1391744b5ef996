// A learner's drawing carried in a lesson's URL: `?scene=backprop-intuition&drawing=<784 bytes, base64url>&label=7`
// opens the backpropagation lessons on the 28 × 28 image the network read, with the digit the learner said it is.
// The explorable writes the link (after "Teach it your digit"); the lessons read it back. Reading never throws.
import { MNIST_CLASSES, MNIST_PIXELS } from "../engine/mnist.ts";
import { quoted } from "../engine/userText.ts";

/** The URL parameters: the image and its label. */
export const DRAWING_PARAM = "drawing";
export const LABEL_PARAM = "label";

/** The lessons that can follow a drawing instead of a test image, by scene id and title (lessons/scenes.tsx). */
export const DRAWING_LESSONS = [
  { scene: "backprop-intuition", title: "Backpropagation, intuitively" },
  { scene: "backprop-calculus", title: "Backpropagation calculus" },
] as const;

/** A drawing as the lessons use it: a[0]ₖ = pixel k in 0…1 (28 × 28, row-major) and the digit it shows. */
export interface LessonDrawing {
  readonly x: Float32Array;
  readonly label: number;
  /** The encoded image: names the drawing (a key for caches, the same text when the link is copied). */
  readonly code: string;
}

/** What the URL said about a drawing: none, one, or why the one it carried could not be read. */
export type DrawingParam =
  | { readonly kind: "none" }
  | { readonly kind: "drawing"; readonly drawing: LessonDrawing }
  | { readonly kind: "invalid"; readonly problem: string };

/**
 * The image as base64url (no padding) of its 784 pixels as bytes, round(255 · clamp(xₖ, 0, 1)): MNIST's own
 * precision, so the lessons see the drawing to within 1/510 a pixel.
 */
export function encodeDrawing(x: ArrayLike<number>): string {
  if (x.length !== MNIST_PIXELS)
    throw new RangeError(`a drawing has ${MNIST_PIXELS} pixels, not ${x.length}`);
  let bytes = "";
  for (let k = 0; k < MNIST_PIXELS; k++) {
    const v = x[k]!;
    bytes += String.fromCharCode(Math.round(255 * (v > 1 ? 1 : v > 0 ? v : 0)));
  }
  return btoa(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The query string opening lesson `scene` on drawing `x` labelled `label`. */
export function drawingSearch(scene: string, x: ArrayLike<number>, label: number): string {
  return searchWithDrawing(`?${new URLSearchParams({ scene }).toString()}`, x, label);
}

/** `search` with drawing `x` labelled `label` in place of any drawing it had, its other parameters kept. */
export function searchWithDrawing(search: string, x: ArrayLike<number>, label: number): string {
  const params = new URLSearchParams(search);
  params.set(DRAWING_PARAM, encodeDrawing(x));
  params.set(LABEL_PARAM, String(label));
  return `?${params.toString()}`;
}

/** The drawing a query string carries, checked: 784 pixels in base64url and a label that is a digit. */
export function readDrawingParam(search: string): DrawingParam {
  const params = new URLSearchParams(search);
  const code = params.get(DRAWING_PARAM);
  if (code === null) return { kind: "none" };
  const problem = (detail: string): DrawingParam => ({
    kind: "invalid",
    problem: `The drawing in this link could not be read: ${detail}.`,
  });
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return problem("it has characters that base64url does not use");
  let bytes: string;
  try {
    bytes = atob(code.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return problem("it is not base64url");
  }
  if (bytes.length !== MNIST_PIXELS)
    return problem(`it has ${bytes.length} pixels where a 28 × 28 image has ${MNIST_PIXELS}`);
  const labelText = params.get(LABEL_PARAM);
  if (labelText === null) return problem("the link does not say which digit it is (label=0…9)");
  if (!/^\d$/.test(labelText) || Number(labelText) >= MNIST_CLASSES)
    return problem(`its label must be one digit 0–9, not ${quoted(labelText, 20)}`);
  const x = new Float32Array(MNIST_PIXELS);
  for (let k = 0; k < MNIST_PIXELS; k++) x[k] = bytes.charCodeAt(k) / 255;
  return { kind: "drawing", drawing: { x, label: Number(labelText), code } };
}
