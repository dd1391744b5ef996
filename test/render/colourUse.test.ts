// One colour language: no source file but the theme writes a colour, and every colour variable a style sheet
// reads is the palette's (or one the sheet itself defines).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CSS_VARIABLES, cssVariable, PALETTE, themeStyleSheet } from "../../src/render/theme.ts";

const src = fileURLToPath(new URL("../../src", import.meta.url));
const THEME_FILE = "render/theme.ts";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(css|tsx?)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const SOURCES = files(src).map((path) => ({ name: relative(src, path), text: readFileSync(path, "utf8") }));

/** Colour literals outside comments: hex colours, rgb()/rgba()/hsl(), and CSS colour keywords as values. */
function literals(name: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  const found = [
    ...code.matchAll(/#[0-9a-fA-F]{3,8}\b(?![-\w])/g),
    ...code.matchAll(/\b(?:rgba?|hsla?)\(/g),
    ...(name.endsWith(".css")
      ? code.matchAll(/:\s*(?:white|black|red|blue|yellow|green|orange|gr[ae]y|purple|pink)\b/g)
      : code.matchAll(/["'](?:white|black|red|blue|yellow|green|orange|gr[ae]y)["']/g)),
  ];
  return found.map((m) => `${name}: ${m[0]}`);
}

describe("the colour language", () => {
  it("scans the sources (a sanity check of the scan itself)", () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect(literals("x.css", "a { color: #fc6255; border: 1px solid rgba(0, 0, 0, 0.5); }")).toHaveLength(2);
    expect(literals("x.tsx", 'const c = "white"; // #ffffff in a comment')).toEqual(['x.tsx: "white"']);
    expect(literals("x.css", "/* blue: #58c4dd */ a { color: var(--positive); }")).toEqual([]);
  });

  it("no view, painter or style sheet writes a colour: they read the theme's palette", () => {
    const found = SOURCES.filter((f) => f.name !== THEME_FILE).flatMap((f) => literals(f.name, f.text));
    expect(found).toEqual([]);
  });

  it("every colour variable a style sheet reads is the palette's or defined in a style sheet", () => {
    const palette = new Set(CSS_VARIABLES.map(([name]) => name));
    const sheets = SOURCES.filter((f) => f.name.endsWith(".css"));
    const defined = new Set(sheets.flatMap((f) => [...f.text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!)));
    const read = sheets.flatMap((f) =>
      [...f.text.matchAll(/var\((--[\w-]+)\)/g)].map((m) => `${f.name} ${m[1]}`),
    );
    expect(read.filter((r) => !palette.has(r.split(" ")[1]!) && !defined.has(r.split(" ")[1]!))).toEqual([]);
  });

  it("themeStyleSheet defines each palette colour as a kebab-case variable", () => {
    expect(cssVariable("panelEdge")).toBe("--panel-edge");
    expect(cssVariable("series1")).toBe("--series-1");
    const sheet = themeStyleSheet(":host");
    expect(sheet.startsWith(":host{")).toBe(true);
    expect(sheet).toContain(`--positive:${PALETTE.positive}`);
    expect(sheet).toContain(`--negative:${PALETTE.negative}`);
    expect(sheet).toContain(`--accent:${PALETTE.accent}`);
  });

  it("signs, the accent, verdicts and chart series are distinct colours", () => {
    const meanings = [PALETTE.positive, PALETTE.negative, PALETTE.accent, PALETTE.good, PALETTE.bad];
    const series = Object.entries(PALETTE)
      .filter(([k]) => k.startsWith("series"))
      .map(([, v]) => v);
    expect(new Set([...meanings, ...series]).size).toBe(meanings.length + series.length);
  });
});
