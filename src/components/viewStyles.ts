// Inline styles shared by the canvas views (NetworkView, WeightHeatmaps): captions, numbers, screen-reader text.
import type { CSSProperties } from "react";
import { THEME } from "../render/theme.ts";

/** Text for screen readers only: out of the layout, still read. */
export const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** A small muted line under a diagram. */
export const caption: CSSProperties = { margin: "4px 0 0", fontSize: 12, color: THEME.muted };

/** Numbers in the monospace face. */
export const mono: CSSProperties = { font: `12px ${THEME.monoFont}`, color: THEME.foreground };
