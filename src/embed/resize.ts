// Snippets that fit their content: an embedded page tells its host how tall its content is (a `resize` event),
// and the teachers' snippets carry the few lines of host script that apply it to the iframe.
import { envelope, MESSAGE_TYPE } from "./messages.ts";

const px = (value: string) => Number.parseFloat(value) || 0;

/** The bottom of `el`'s content in viewport pixels: its lowest child's (margin included), or its own box's. */
function contentBottom(el: Element): number {
  const kids = Array.from(el.children);
  if (kids.length === 0) return el.getBoundingClientRect().bottom;
  const style = getComputedStyle(el);
  const lowest = Math.max(
    ...kids.map((k) => k.getBoundingClientRect().bottom + px(getComputedStyle(k).marginBottom)),
  );
  return lowest + px(style.paddingBottom) + px(style.borderBottomWidth);
}

/**
 * How tall `container` would be if it were as tall as its content: measured from its children's content, not
 * their boxes, so a panel stretched to fill the frame does not report the frame's own height back (which would
 * grow the frame without end).
 */
export function naturalHeight(container: HTMLElement): number {
  const top = container.getBoundingClientRect().top - container.scrollTop;
  const kids = Array.from(container.children);
  const bottom = kids.length
    ? Math.max(...kids.map((k) => contentBottom(k) + px(getComputedStyle(k).marginBottom)))
    : top;
  return bottom - top + px(getComputedStyle(container).paddingBottom);
}

/**
 * Posts `{event: "resize", height}` to the embedding page whenever the content of `container` changes height
 * (its natural height, so a container that scrolls inside a small frame still tells its full height).
 * The height is no secret, so it goes to any host ("*"), unlike the other events. Returns the stop function.
 */
export function reportHeight(
  container: HTMLElement,
  post: (message: unknown) => void = (m) => window.parent.postMessage(m, "*"),
): () => void {
  let last = -1;
  let frame = 0;
  const measure = () => {
    frame = 0;
    const height = Math.ceil(naturalHeight(container));
    if (height === last) return;
    last = height;
    post(envelope({ event: "resize", height }));
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(measure);
  };
  // The container, its children and theirs: a stretched panel keeps its size while its content grows. Watched
  // afresh whenever the container's or a child's children change.
  const sizes = new ResizeObserver(schedule);
  const children = new MutationObserver(() => watch());
  const watch = () => {
    sizes.disconnect();
    children.disconnect();
    sizes.observe(container);
    children.observe(container, { childList: true });
    for (const child of Array.from(container.children)) {
      sizes.observe(child);
      children.observe(child, { childList: true });
      for (const grandchild of Array.from(child.children)) sizes.observe(grandchild);
    }
    schedule();
  };
  watch();
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    sizes.disconnect();
    children.disconnect();
  };
}

/** The host script of a snippet: sizes every iframe marked `data-nn-explorable` to the height its page reports. */
export const HOST_RESIZE_SCRIPT =
  `<script>addEventListener("message", (e) => { const d = e.data;` +
  ` if (!d || d.type !== "${MESSAGE_TYPE}" || d.event !== "resize") return;` +
  ` for (const f of document.querySelectorAll("iframe[data-nn-explorable]"))` +
  ` if (f.contentWindow === e.source) f.style.height = d.height + "px"; });</script>`;

/** A ref callback for a page's root in an iframe: reports its height while mounted (React 19 ref cleanup). */
export function reportHeightInFrame(element: HTMLElement | null): (() => void) | undefined {
  if (!element || window.parent === window) return undefined;
  return reportHeight(element);
}
