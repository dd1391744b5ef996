// `npm run pack`: an installable npm package of the library for lesson sites built with npm — the
// <nn-explorable> element ("nn-explorable") and a thin React component ("nn-explorable/react") — from dist/lib
// (made by `npm run build`), with its types. Writes dist/nn-explorable-VERSION.tgz and prints its path.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PARAMETER_ATTRIBUTES } from "../src/embed/elementAttributes.ts";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const LIB = join(ROOT, "dist", "lib");
const STAGE = join(ROOT, "dist", "package");

/** The element's types: its attributes, methods and events. */
function elementTypes(): string {
  const attributes = PARAMETER_ATTRIBUTES.map((a) => JSON.stringify(a)).join(" | ");
  return `// <nn-explorable>: the explorable of how a neural network learns, as a custom element. Importing this module
// defines the element. Attributes are the app's URL parameters; see the package's README.
export type ExplorableAttribute = ${attributes} | "data-url" | "model-url-base";

/** Every event's detail: the postMessage API's envelope. */
export interface ExplorableEventDetail {
  readonly type: "nn-explorable";
  readonly version: 1;
  readonly event: "ready" | "epochEnded" | "prediction" | "settings";
  readonly [field: string]: unknown;
}

export declare class NnExplorableElement extends HTMLElement {
  play(): void;
  pause(): void;
  step(unit?: "batch" | "epoch"): void;
  reset(seed?: number | null): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "nn-explorable": NnExplorableElement;
  }
}
`;
}

/** The React component's types. */
function reactTypes(): string {
  return `// <Explorable …/>: a thin React component over the <nn-explorable> element; props are its attributes.
import type { CSSProperties, JSX } from "react";
import type { ExplorableEventDetail } from "./nn-explorable.js";

export interface ExplorableProps {
  readonly view?: string;
  readonly preset?: string;
  readonly hidden?: string | readonly number[];
  readonly activation?: string;
  readonly output?: string;
  readonly cost?: string;
  readonly lr?: number | string;
  readonly batch?: number | string;
  readonly decay?: number | string;
  readonly momentum?: number | string;
  readonly seed?: number | string;
  readonly image?: number | string;
  readonly model?: number | "none";
  readonly hide?: string | readonly string[];
  readonly dataUrl?: string;
  readonly modelUrlBase?: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly onReady?: (e: ExplorableEventDetail) => void;
  readonly onEpochEnded?: (e: ExplorableEventDetail) => void;
  readonly onPrediction?: (e: ExplorableEventDetail & { digit: number; confidence: number }) => void;
  readonly onSettings?: (e: ExplorableEventDetail) => void;
}

export declare function Explorable(props: ExplorableProps): JSX.Element;
`;
}

function packageJson(version: string): string {
  const pkg = {
    name: "nn-explorable",
    version,
    description:
      "How a neural network learns: a live MNIST network as a web component and a React component.",
    type: "module",
    license: "MIT",
    exports: {
      ".": { types: "./nn-explorable.d.ts", import: "./nn-explorable.js" },
      "./react": { types: "./react.d.ts", import: "./react.js" },
    },
    types: "./nn-explorable.d.ts",
    sideEffects: ["./nn-explorable.js", "./react.js"],
    peerDependencies: { react: ">=18" },
    peerDependenciesMeta: { react: { optional: true } },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const README = `# nn-explorable

A live 784-16-16-10 network on MNIST that learners draw into and train, as a custom element and a React component.
The element trains in its own Web Worker; its data and models come from a deployed copy of the app
(\`data-url\`, \`model-url-base\`), which must allow CORS (static hosts such as GitHub Pages do).

\`\`\`js
import "nn-explorable";
// <nn-explorable view="pad+output" data-url="https://example.org/nn/data/mnist" model-url-base="https://example.org/nn/models"></nn-explorable>
\`\`\`

\`\`\`jsx
import { Explorable } from "nn-explorable/react";
<Explorable view="pad+network+output" lr={0.5} dataUrl="…/data/mnist" modelUrlBase="…/models" onPrediction={(e) => …} />
\`\`\`

Attributes and props are the app's URL parameters; events are \`ready\`, \`epochended\`, \`prediction\` and
\`settings\`. See docs/embedding.md in the project.
`;

if (!existsSync(join(LIB, "nn-explorable.js")) || !existsSync(join(LIB, "react.js")))
  throw new Error("dist/lib is not built: run npm run build first");
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
cpSync(LIB, STAGE, { recursive: true });
rmSync(join(STAGE, "how-a-network-learns.css"), { force: true });
writeFileSync(join(STAGE, "nn-explorable.d.ts"), elementTypes());
writeFileSync(join(STAGE, "react.d.ts"), reactTypes());
writeFileSync(join(STAGE, "package.json"), packageJson(version));
writeFileSync(join(STAGE, "README.md"), README);
const out = execFileSync("npm", ["pack", "--pack-destination", join(ROOT, "dist"), "--silent"], {
  cwd: STAGE,
  encoding: "utf8",
}).trim();
console.log(join("dist", out.split("\n").at(-1)!));
