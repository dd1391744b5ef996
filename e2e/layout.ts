// What a screenshot run can check of a page's layout, at the sizes the app is used at: nothing wider than the
// window, nothing cut off, no text too small to read, and every canvas painted. The screenshot is saved too, under
// test-results/screens/, for a human to look at; the test passes or fails on the checks alone.
import { expect, type Frame, type Page } from "@playwright/test";

/** A wide desktop, a small laptop and a phone held upright (CSS pixels). */
export const VIEWPORTS = [
  { name: "desktop", width: 1400, height: 1000 },
  { name: "laptop", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** The smallest text, in CSS pixels as rendered (an SVG's text scaled with its viewBox), that we accept. */
export const MIN_FONT_PX = 11;

/** What is wrong with a page's layout; every list empty and `overflow` null when nothing is. */
export interface LayoutProblems {
  /** The document's width when wider than the window (it scrolls sideways), else null. */
  readonly overflow: { readonly scrollWidth: number; readonly innerWidth: number } | null;
  /** Text or controls that reach outside the window, or outside an ancestor that hides its overflow. */
  readonly clipped: readonly string[];
  /** Text rendered smaller than MIN_FONT_PX. */
  readonly smallText: readonly string[];
  /** Visible canvases with nothing painted on them: every pixel the same colour, as when cleared or filled. */
  readonly blankCanvases: readonly string[];
}

const NO_PROBLEMS: LayoutProblems = { overflow: null, clipped: [], smallText: [], blankCanvases: [] };

/**
 * The layout problems of a page (or of the page in a frame) as it is now. `blankAllowed` lists CSS selectors of
 * canvases that may be blank in this state (the drawing pad before anything is drawn).
 */
export function layoutProblems(
  target: Page | Frame,
  blankAllowed: readonly string[] = [],
): Promise<LayoutProblems> {
  return target.evaluate(
    ({ minFontPx, blankAllowed }) => {
      const root = document.documentElement;
      const width = root.clientWidth;
      const describe = (el: Element) => {
        const label = el.getAttribute("aria-label") ?? el.getAttribute("title");
        const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        const cls = typeof el.className === "string" && el.className ? `.${el.className.split(" ")[0]}` : "";
        return `<${el.tagName.toLowerCase()}${cls}>${label ? ` [${label}]` : ""}${text ? ` "${text}"` : ""}`;
      };
      /** Rendered and not visually hidden (the 1 px screen-reader-only boxes). */
      const shown = (el: Element) => {
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1;
      };
      /** Text a reader sees: not only spaces and zero-width characters (KaTeX's struts are those). */
      const hasOwnText = (el: Element) =>
        [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && /[^\s\u200b-\u200d\ufeff]/.test(n.textContent ?? ""),
        );
      const CONTROLS = "button, input, select, textarea, canvas, img, svg, [role=slider], [role=img]";
      const clips = (overflow: string) => overflow === "hidden" || overflow === "clip";

      const clipped: string[] = [];
      const smallText: string[] = [];
      for (const el of document.body.querySelectorAll("*")) {
        const isText = hasOwnText(el);
        if (!isText && !el.matches(CONTROLS)) continue;
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        // Outside the window sideways, or outside an ancestor that clips; a scrolling ancestor is fine.
        let cut = false;
        let scrolls = false;
        let hidden = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === "auto" || style.overflowX === "scroll") {
            scrolls = true;
            break;
          }
          const box = a.getBoundingClientRect();
          const clipsX = clips(style.overflowX);
          const clipsY = clips(style.overflowY);
          // A 1 px box that hides its overflow is for screen readers only (KaTeX's MathML, .sr-only).
          if ((clipsX && box.width <= 1) || (clipsY && box.height <= 1)) {
            hidden = true;
            break;
          }
          if (clipsX && (r.left < box.left - 1 || r.right > box.right + 1)) cut = true;
          if (clipsY && (r.top < box.top - 1 || r.bottom > box.bottom + 1)) cut = true;
        }
        if (hidden) continue;
        if (!scrolls && (r.left < -1 || r.right > width + 1)) cut = true;
        // Its own text cut short (overflow hidden, as with text-overflow: ellipsis).
        const own = getComputedStyle(el);
        if (isText && clips(own.overflowX) && el.scrollWidth > el.clientWidth + 1) cut = true;
        if (cut) clipped.push(describe(el));

        if (isText) {
          let px = parseFloat(own.fontSize);
          // SVG text is drawn at its font size times the SVG's scale on screen (rotated text too: the length of
          // the transformed x axis, not its x part).
          const m = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
          if (m) px *= Math.hypot(m.a, m.b);
          if (px < minFontPx - 0.05) smallText.push(`${describe(el)} at ${px.toFixed(1)} px`);
        }
      }

      const blankCanvases: string[] = [];
      for (const canvas of document.querySelectorAll("canvas")) {
        if (!shown(canvas) || canvas.width === 0 || canvas.height === 0) continue;
        if (blankAllowed.some((s) => canvas.matches(s))) continue;
        // Copied into a 2D canvas, so a WebGL canvas reads the same way.
        const copy = document.createElement("canvas");
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext("2d")!;
        ctx.drawImage(canvas, 0, 0);
        const pixels = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
        if (pixels.every((p) => p === pixels[0])) blankCanvases.push(describe(canvas));
      }

      const overflow =
        root.scrollWidth > window.innerWidth ? { scrollWidth: root.scrollWidth, innerWidth } : null;
      return { overflow, clipped, smallText, blankCanvases };
    },
    { minFontPx: MIN_FONT_PX, blankAllowed },
  );
}

/**
 * Waits (a few animation frames, as a rule) until the layout of a page (or of a frame's page) has no problems,
 * and fails listing them all if it keeps some; either way leaves a full-page screenshot of the whole page in
 * test-results/screens/, named after `name` ("phone app opened" → phone-app-opened.png).
 */
export async function expectGoodLayout(
  target: Page | Frame,
  name: string,
  { blankAllowed = [] as readonly string[] } = {},
): Promise<void> {
  const page = "page" in target ? target.page() : target;
  try {
    await expect.poll(() => layoutProblems(target, blankAllowed), { timeout: 10_000 }).toEqual(NO_PROBLEMS);
  } finally {
    const file = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    await page.screenshot({ path: `test-results/screens/${file}.png`, fullPage: true });
  }
}
