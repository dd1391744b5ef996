// `npm run gradcheck`: backpropagation against central finite differences (float64) for every
// activation × output × cost on random small networks; prints one JSON line with the worst relative errors.
import { ACTIVATIONS, OUTPUT_ACTIVATIONS } from "../src/engine/activations.ts";
import { COSTS } from "../src/engine/costs.ts";
import { gradientCheck } from "../src/engine/gradcheck.ts";

const cases: Record<string, number> = {};
for (const h of ACTIVATIONS)
  for (const o of OUTPUT_ACTIVATIONS)
    for (const c of COSTS) cases[`${h}/${o}/${c}`] = gradientCheck(h, o, c, 10);
const worst = Math.max(...Object.values(cases));
console.log(
  JSON.stringify({
    method: "central differences, h = 1e-5, float64",
    trials_per_case: 10,
    worst_relative_error: worst,
    cases,
  }),
);
