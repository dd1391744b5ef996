// Number formatting shared by the views: formatCompact keeps a diverged network's huge numbers short.
import { describe, expect, it } from "vitest";
import { formatCompact } from "../../src/render/format.ts";

describe("formatCompact(x, digits)", () => {
  it("writes ordinary numbers with fixed decimals and a true minus sign", () => {
    expect(formatCompact(0.715)).toBe("0.715");
    expect(formatCompact(-3.4551)).toBe("\u22123.455");
    expect(formatCompact(9999.5, 1)).toBe("9999.5");
    expect(formatCompact(Number.NaN)).toBe("—");
  });
  it("writes 10,000 and more in magnitude as a mantissa × a power of ten", () => {
    expect(formatCompact(16520634653736960)).toBe("1.7\u00d710\u00b9\u2076");
    expect(formatCompact(-12_000)).toBe("\u22121.2\u00d710\u2074");
  });
});
