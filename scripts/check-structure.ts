// `npm run check:structure` (part of `npm test`): the architecture's rules, checked on every import in src/.
// Imports run one way (docs/architecture.md): engine ← worker ← store ← render/components ← app, embed, lessons,
// experiments, teachers; no file imports itself back through a cycle; no source file is over 400 lines.
// Prints each violation on one line and exits 1 if there is any.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The checkout to check: the one this script is in, or the folder given as the first argument (tests use one). */
const ROOT = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), ".."));
const SRC = join(ROOT, "src");
const MAX_LINES = 400;

/** What each folder of src/ may import, besides itself. A folder not listed here may import nothing else. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  engine: [],
  worker: ["engine"],
  store: ["engine", "worker"],
  render: ["engine", "worker", "store"],
  components: ["engine", "worker", "store", "render"],
  embed: ["engine", "worker", "store"],
  app: ["engine", "worker", "store", "render", "components", "embed"],
  lessons: ["engine", "worker", "store", "render", "components", "embed"],
  experiments: ["engine", "worker", "store", "render", "components", "embed"],
  teachers: ["engine", "worker", "store", "render", "components", "embed", "lessons", "experiments"],
  // src/main.tsx and the page's own styles (src/styles.css): the entry point mounts any page.
  "": [
    "engine",
    "worker",
    "store",
    "render",
    "components",
    "embed",
    "app",
    "lessons",
    "experiments",
    "teachers",
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css)$/.test(name) ? [path] : [];
  });
}

/** The folder of src/ a file belongs to ("" for files directly in src/). */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : "";
}

/** Relative imports of a TypeScript file, resolved to files (type-only imports included: they are structure too). */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']|(?:^|\n)\s*import\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = (m[1] ?? m[2] ?? m[3])!.replace(/\?.*$/, "");
    found.push(resolve(dirname(file), spec));
  }
  return found;
}

const files = sourceFiles(SRC);
const problems: string[] = [];
const graph = new Map<string, string[]>();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  const name = relative(ROOT, file);
  if (lines > MAX_LINES && !file.endsWith("kernelsWasm.ts"))
    problems.push(`${name}: ${lines} lines, more than ${MAX_LINES}`);
  if (file.endsWith(".css")) continue;
  const from = layerOf(file);
  const allowed = MAY_IMPORT[from] ?? [];
  const targets = importsOf(file, text);
  graph.set(
    file,
    targets.filter((t) => !t.endsWith(".css")),
  );
  for (const target of targets) {
    if (!target.startsWith(SRC + sep)) {
      problems.push(`${name}: imports ${relative(ROOT, target)}, outside src/`);
      continue;
    }
    const to = layerOf(target);
    const sharedStyles = to === "" && target.endsWith(".css"); // src/styles.css, the one stylesheet every page uses
    if (to !== from && !allowed.includes(to) && !sharedStyles)
      problems.push(`${name}: ${from || "src"} may not import ${to || "src"} (${relative(ROOT, target)})`);
  }
}

// Cycles between files: Tarjan's strongly connected components.
let index = 0;
const indices = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
function connect(v: string): void {
  indices.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!indices.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
  }
  if (low.get(v) !== indices.get(v)) return;
  const component: string[] = [];
  let w: string;
  do {
    w = stack.pop()!;
    onStack.delete(w);
    component.push(relative(ROOT, w));
  } while (w !== v);
  if (component.length > 1) problems.push(`import cycle: ${component.sort().join(" → ")}`);
}
for (const v of graph.keys()) if (!indices.has(v)) connect(v);

for (const p of problems) console.log(p);
if (problems.length) {
  console.log(
    `${problems.length} structure problem${problems.length === 1 ? "" : "s"} (see docs/architecture.md)`,
  );
  process.exit(1);
}
console.log(`structure: ${files.length} files, imports one way, no cycles, none over ${MAX_LINES} lines`);
