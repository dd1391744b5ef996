// The Vite plugin that writes the colour palette (src/render/theme.ts) into each page's <head> as CSS variables,
// before any style sheet, so the style sheets, SVG and canvas all read the one palette.
import type { Plugin } from "vite";
import { themeStyleSheet } from "../src/render/theme.ts";

export function themeVariables(): Plugin {
  return {
    name: "theme-variables",
    transformIndexHtml: {
      order: "pre",
      handler: (html) =>
        html.replace(/<\/title>/i, (end) => `${end}\n<style id="theme">${themeStyleSheet()}</style>`),
    },
  };
}
