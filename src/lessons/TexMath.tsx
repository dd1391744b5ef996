// Typesets Tex (see tex.ts: our own constant TeX and formatted numbers only) with KaTeX. The HTML that
// KaTeX returns is the only markup the lessons insert as HTML.
import katex from "katex";
import "katex/dist/katex.min.css";
import { useMemo } from "react";
import type { Tex } from "./tex.ts";

/** KaTeX options: \htmlData (for the data-term/data-value hooks) is the one "trusted" command allowed. */
const OPTIONS = {
  throwOnError: false,
  output: "htmlAndMathml",
  trust: (context: { command: string }) => context.command === "\\htmlData",
  // \htmlData is not LaTeX; say nothing about it, but warn about anything else non-standard.
  strict: (code: string) => (code === "htmlExtension" ? "ignore" : "warn"),
} as const;

/** The HTML KaTeX makes of `source`, in display (block) or inline mode. */
export function renderTex(source: Tex, display: boolean): string {
  return katex.renderToString(source, { ...OPTIONS, displayMode: display });
}

export function TexMath({ tex, display = false }: { tex: Tex; display?: boolean }) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  return display ? (
    <div className="tex tex-display" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
