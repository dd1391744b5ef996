// The teachers' page's embed URLs and snippets.
import { describe, expect, it } from "vitest";
import {
  elementSnippet,
  embedUrl,
  escapeAttribute,
  iframeSnippet,
  isTeachersUrl,
  viewEmbeds,
} from "../../src/teachers/snippets.ts";
import { VIEWS } from "../../src/store/urlState.ts";

const APP = "https://nn.example/app/?teachers#top";

describe("snippets", () => {
  it("isTeachersUrl(search) is true for ?teachers only", () => {
    expect(isTeachersUrl("?teachers")).toBe(true);
    expect(isTeachersUrl("?lessons")).toBe(false);
  });

  it("viewEmbeds() has one embed per view", () => {
    expect(viewEmbeds().map((e) => e.search)).toEqual(VIEWS.map((v) => `?embed=1&view=${v}`));
  });

  it("embedUrl(app, search) swaps the app's query and hash for the embed's", () => {
    expect(embedUrl(APP, "?scene=cost&embed=1")).toBe("https://nn.example/app/?scene=cost&embed=1");
  });

  it("iframeSnippet escapes the URL as attribute text", () => {
    const network = viewEmbeds().find((e) => e.id === "network")!;
    const [iframe, script] = iframeSnippet(APP, network).split("\n");
    expect(iframe).toBe(
      '<iframe src="https://nn.example/app/?embed=1&amp;view=network" title="Network" width="640" height="420"' +
        ' loading="lazy" data-nn-explorable style="border: 0; max-width: 100%"></iframe>',
    );
    expect(script).toMatch(/^<script>addEventListener\("message", .*d\.event !== "resize".*<\/script>$/);
    expect(escapeAttribute('"<a&b>')).toBe("&quot;&lt;a&amp;b&gt;");
  });

  it("elementSnippet loads the library and points the element at the app's data and models", () => {
    expect(elementSnippet(APP, "curve")).toBe(
      '<script type="module" src="https://nn.example/app/lib/nn-explorable.js"></script>\n' +
        '<nn-explorable view="curve" data-url="https://nn.example/app/data/mnist"' +
        ' model-url-base="https://nn.example/app/models"></nn-explorable>',
    );
  });
});
