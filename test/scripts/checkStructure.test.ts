// The structure check that `npm test` runs: imports against the direction, cycles and long files fail it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "structure-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string): { status: number | null; out: string } {
  const r = spawnSync("npx", ["tsx", "scripts/check-structure.ts", root], { encoding: "utf8" });
  return { status: r.status, out: r.stdout };
}

describe("scripts/check-structure.ts", () => {
  it("passes imports that run one way", () => {
    const root = checkout({
      "src/engine/a.ts": "export const a = 1;\n",
      "src/worker/b.ts": 'import { a } from "../engine/a.ts";\nexport const b = a;\n',
      "src/components/C.tsx": 'import { b } from "../worker/b.ts";\nexport const c = b;\n',
    });
    expect(check(root)).toMatchObject({ status: 0 });
  });

  it("fails the engine importing the store, a view importing embed, a cycle and a long file", () => {
    const root = checkout({
      "src/engine/a.ts": 'import type { S } from "../store/s.ts";\nexport type A = S;\n',
      "src/store/s.ts": "export type S = number;\n",
      "src/components/V.tsx": 'import { e } from "../embed/e.ts";\nexport const v = e;\n',
      "src/embed/e.ts": "export const e = 1;\n",
      "src/worker/x.ts": 'import { y } from "./y.ts";\nexport const x = () => y;\n',
      "src/worker/y.ts": 'import { x } from "./x.ts";\nexport const y = () => x;\n',
      "src/render/long.ts": "export const n = 1;\n".repeat(401),
    });
    const { status, out } = check(root);
    expect(status).toBe(1);
    expect(out).toContain("src/engine/a.ts: engine may not import store (src/store/s.ts)");
    expect(out).toContain("src/components/V.tsx: components may not import embed (src/embed/e.ts)");
    expect(out).toContain("import cycle: src/worker/x.ts → src/worker/y.ts");
    expect(out).toContain("src/render/long.ts: 401 lines, more than 400");
  });
});
