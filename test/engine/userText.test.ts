// User text inside our sentences: quoted, hidden characters gone, cut short; and found again for <bdi>.
import { describe, expect, it } from "vitest";
import { quoted, quotedParts } from "../../src/engine/userText.ts";

describe("quoted(raw)", () => {
  it("quotes, so a trailing space shows", () => {
    expect(quoted("3b1b ")).toBe("“3b1b ”");
  });

  it("drops control and bidirectional formatting characters, and makes our quotes plain", () => {
    expect(quoted("abc\u202Edef\u2066\u0007\n")).toBe("“abcdef”");
    expect(quoted("say “hi”")).toBe('“say "hi"”');
  });

  it("cuts text longer than max characters (whole code points) with an ellipsis", () => {
    expect(quoted("x".repeat(50))).toBe(`“${"x".repeat(40)}…”`);
    expect(quoted("😀".repeat(5), 3)).toBe("“😀😀😀…”");
  });
});

describe("quotedParts(sentence)", () => {
  it("finds each quoted part between the plain ones", () => {
    expect(quotedParts("lr=“abc” is not “x”.")).toEqual([
      { text: "lr=", quoted: false },
      { text: "“abc”", quoted: true },
      { text: " is not ", quoted: false },
      { text: "“x”", quoted: true },
      { text: ".", quoted: false },
    ]);
  });
});

describe("model errors quote the file's text cleaned", () => {
  it("an unknown field with a right-to-left override and a huge name reads in order and short", async () => {
    const { parseModel } = await import("../../src/engine/model.ts");
    const text = JSON.stringify({ format: "mnist-mlp", version: 1, ["\u202Eevil" + "x".repeat(100)]: 1 });
    expect(() => parseModel(text)).toThrow(`Unknown field “evil${"x".repeat(36)}…”`);
  });
});
