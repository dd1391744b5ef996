// The <nn-explorable> element's attributes read through the URL table.
import { describe, expect, it } from "vitest";
import { assetUrls, OBSERVED_ATTRIBUTES, searchOf, textOf } from "../../src/embed/elementAttributes.ts";
import { parseUrlSettings } from "../../src/store/urlState.ts";

const attributes =
  (values: Record<string, string>) =>
  (name: string): string | null =>
    values[name] ?? null;

describe("elementAttributes", () => {
  it("searchOf(attributes) is the URL query of the table's parameters, always embedded", () => {
    const search = searchOf(
      attributes({ hidden: "16,16", lr: "1.5", view: "network", title: "x", origins: "a" }),
    );
    const { settings, problems } = parseUrlSettings(search);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ embed: true, view: "network", hidden: [16, 16], lr: 1.5, origins: [] });
    expect(new URLSearchParams(search).has("title")).toBe(false);
  });

  it("an invalid attribute is a problem of the URL table", () => {
    expect(parseUrlSettings(searchOf(attributes({ lr: "fast" }))).problems).toEqual([
      "lr=“fast” is not a number between 0.001 and 10; using 1.5",
    ]);
  });

  it("observes every parameter but embed and origins, and the asset folders", () => {
    expect(OBSERVED_ATTRIBUTES).toContain("hide");
    expect(OBSERVED_ATTRIBUTES).toContain("data-url");
    expect(OBSERVED_ATTRIBUTES).toContain("model-url-base");
    expect(OBSERVED_ATTRIBUTES).not.toContain("embed");
    expect(OBSERVED_ATTRIBUTES).not.toContain("origins");
  });

  it("assetUrls(attributes, base) resolves the folders against the page, defaulting beside it", () => {
    expect(assetUrls(attributes({}), "https://school.example/lesson/3.html")).toEqual({
      dataUrl: "https://school.example/lesson/data/mnist",
      modelUrlBase: "https://school.example/lesson/models",
    });
    const given = attributes({ "data-url": "https://cdn.example/mnist/", "model-url-base": "/nn/models" });
    expect(assetUrls(given, "https://school.example/lesson/3.html")).toEqual({
      dataUrl: "https://cdn.example/mnist",
      modelUrlBase: "https://school.example/nn/models",
    });
  });

  it("textOf(search, name) is a parameter's URL text, its default when not given", () => {
    expect(textOf("?lr=2", "lr")).toBe("2");
    expect(textOf("?lr=2", "batch")).toBe("10");
    expect(textOf("", "hide")).toBe("");
  });
});
