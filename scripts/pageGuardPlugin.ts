// The Vite plugin that puts the page guard (scripts/pageGuard.js) inline at the top of index.html, and writes the
// built page again as 404.html, which static hosts serve for an unknown address: there, the guard says so and
// links to the app.
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

/** The guard's source, as the page runs it. */
export const PAGE_GUARD_SOURCE = readFileSync(new URL("./pageGuard.js", import.meta.url), "utf8");

export function pageGuard(): Plugin {
  return {
    name: "page-guard",
    // Right after <meta charset>, before any module of the page can fail to load.
    transformIndexHtml: {
      order: "pre",
      handler: (html) =>
        html.replace(/<meta charset[^>]*>/i, (meta) => `${meta}\n<script>\n${PAGE_GUARD_SOURCE}</script>`),
    },
    generateBundle: {
      order: "post",
      handler(_, bundle) {
        const page = bundle["index.html"];
        if (page?.type === "asset")
          this.emitFile({ type: "asset", fileName: "404.html", source: page.source });
      },
    },
  };
}
