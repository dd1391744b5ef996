// Tex is built from our own source and formatted numbers only, and KaTeX renders the numbers' test hooks.
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatFixed,
  formatPercent,
  formatPrecise,
  formatTexNumber,
} from "../../src/render/format.ts";
import { tex, texNumber, texValue } from "../../src/lessons/tex.ts";
import { renderTex } from "../../src/lessons/TexMath.tsx";

describe("format", () => {
  it("formatFixed uses a true minus sign", () => {
    expect(formatFixed(-0.4213)).toBe("\u22120.421");
    expect(formatFixed(0.0001)).toBe("0.000");
    expect(formatFixed(Number.NaN)).toBe("—");
  });

  it("formatPrecise writes tiny non-zero values in scientific notation", () => {
    expect(formatPrecise(4.1e-6, 4)).toBe("4.1×10\u207b\u2076");
    expect(formatPrecise(-2.5e-7)).toBe("\u22122.5×10\u207b\u2077");
    expect(formatPrecise(0)).toBe("0.000");
    expect(formatPrecise(0.2209, 4)).toBe("0.2209");
  });

  it("formatCount and formatPercent", () => {
    expect(formatCount(13002)).toBe("13,002");
    expect(formatPercent(0.9624)).toBe("96.2\u202f%");
  });

  it("formatTexNumber gives digits, a sign and our own commands only", () => {
    expect(formatTexNumber(-2.6087)).toBe("-2.609");
    expect(formatTexNumber(3e-6, 3, true)).toBe("3.0\\times10^{-6}");
    expect(formatTexNumber(Number.POSITIVE_INFINITY)).toBe("\\text{n/a}");
  });
});

describe("tex", () => {
  it("takes the template raw and formats interpolated numbers", () => {
    expect(tex`\sigma(${-0.25}) + \frac{1}{2}`).toBe("\\sigma(-0.250) + \\frac{1}{2}");
    expect(tex`z_{${texNumber(14, 0)}}`).toBe("z_{14}");
  });

  it("texValue wraps the number in \\htmlData with its full-precision value", () => {
    expect(texValue("z", -0.25054678320884705)).toBe(
      "\\htmlData{term=z, value=-0.25054678320884705}{-0.251}",
    );
    expect(() => texValue("z}{\\evil", 1)).toThrow(/not a valid term/);
  });

  it("renderTex writes data-term and data-value for texValue numbers", () => {
    const html = renderTex(tex`a = ${texValue("a", 0.4375)}`, false);
    expect(html).toContain('data-term="a"');
    expect(html).toContain('data-value="0.4375"');
    // \htmlData is the only command trusted: others stay inert.
    expect(renderTex(tex`\href{https://example.com}{x}`, false)).not.toContain("<a ");
  });
});
