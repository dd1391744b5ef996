// Loading the lesson data: the two shipped networks and the MNIST test set, with one clear sentence per failure;
// the data source loads once, on first use; the labs' checkpoints load once each.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLessonData, LESSON_FILES } from "../../src/lessons/data.ts";
import { createLessonDataSource, readyLessonData } from "../../src/lessons/dataSource.ts";
import { fileLab } from "../../src/lessons/lab/lab.ts";
import { checkpointFile } from "../../src/worker/models.ts";
import { mnistFetch, smallMnist, type Override } from "../worker/fakeFetch.ts";
import { fakeLessonData } from "./fixtures.ts";

const BASE = "http://lessons.test/app/";
const model = (name: string) => readFileSync(new URL(`../../public/${name}`, import.meta.url));

/** A fetch serving the real models and a 20-image cut of the test set, with overrides by file name. */
function fakeFetch(overrides: Record<string, Override> = {}) {
  return mnistFetch({
    [checkpointFile(30)]: model(LESSON_FILES.trained),
    [checkpointFile(0)]: model(LESSON_FILES.untrained),
    ...smallMnist(20, 20),
    ...overrides,
  });
}

describe("loadLessonData", () => {
  it("loadLessonData(base, deps) reads both networks and the test set relative to the page", async () => {
    const asked: string[] = [];
    const serve = fakeFetch();
    const progress: number[] = [];
    const data = await loadLessonData(BASE, {
      fetch: (url) => {
        asked.push(url);
        return serve(url);
      },
      onProgress: (loaded, total) => progress.push(loaded / total),
    });
    expect(data.trained.spec.sizes).toEqual([784, 16, 16, 10]);
    expect(data.untrained.spec.sizes).toEqual([784, 16, 16, 10]);
    expect(data.trained.w[1]![0]).not.toBe(data.untrained.w[1]![0]);
    expect(data.test.count).toBe(20);
    expect(asked).toContain("http://lessons.test/app/models/3b1b-epoch-30.json");
    expect(asked).toContain("http://lessons.test/app/data/mnist/manifest.json");
    expect(progress.at(-1)).toBe(1);
  });

  it("names the file when a network is missing", async () => {
    await expect(loadLessonData(BASE, { fetch: fakeFetch({ [checkpointFile(30)]: 404 }) })).rejects.toThrow(
      "Could not download the network models/3b1b-epoch-30.json: the server answered 404 Not Found.",
    );
  });

  it("names the file when a network is not a model", async () => {
    const bad = new TextEncoder().encode('{"format": "something else"}');
    await expect(loadLessonData(BASE, { fetch: fakeFetch({ [checkpointFile(0)]: bad }) })).rejects.toThrow(
      /^The file models\/3b1b-epoch-0\.json is not a usable network: this is not a model file/,
    );
  });

  it("passes on the data loader's sentence when the test set fails", async () => {
    await expect(
      loadLessonData(BASE, { fetch: fakeFetch({ "t10k-images-idx3-ubyte.gz": new Error("offline") }) }),
    ).rejects.toThrow(/t10k-images-idx3-ubyte\.gz/);
  });
});

describe("lesson data sources", () => {
  it("createLessonDataSource(load) starts loading on the first subscriber, once, and reports the outcome", async () => {
    let calls = 0;
    const data = fakeLessonData();
    let finish: () => void = () => {};
    const source = createLessonDataSource((onProgress) => {
      calls++;
      onProgress(50, 100);
      return new Promise((resolve) => (finish = () => resolve(data)));
    });
    expect(calls).toBe(0);
    const seen: string[] = [];
    const stop = source.subscribe(() => seen.push(source.getState().status));
    source.subscribe(() => {});
    expect(calls).toBe(1);
    expect(source.getState()).toEqual({ status: "loading", loaded: 50, total: 100 });
    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(source.getState()).toEqual({ status: "ready", data });
    expect(seen.at(-1)).toBe("ready");
    stop();
  });

  it("turns a failure into the error's sentence", async () => {
    const source = createLessonDataSource(() => Promise.reject(new Error("disk on fire")));
    source.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 0));
    expect(source.getState()).toEqual({
      status: "error",
      message: "The lesson's data could not be loaded (disk on fire).",
    });
  });

  it("readyLessonData(data) is ready at once", () => {
    const data = fakeLessonData();
    expect(readyLessonData(data).getState()).toEqual({ status: "ready", data });
  });
});

describe("fileLab", () => {
  it("fileLab(base, fetch) loads each checkpoint once, next to the page, and points the lab at the data", async () => {
    const asked: string[] = [];
    const serve = fakeFetch();
    const lab = fileLab(BASE, (url) => {
      asked.push(url);
      return serve(url);
    });
    expect(lab.dataUrl).toBe("http://lessons.test/app/data/mnist");
    const [a, b] = await Promise.all([lab.checkpoint(30).load(), lab.checkpoint(30).load()]);
    expect(a).toBe(b);
    expect(a.spec.sizes).toEqual([784, 16, 16, 10]);
    expect(asked).toEqual(["http://lessons.test/app/models/3b1b-epoch-30.json"]);
    expect(lab.checkpoint(30).getState()).toEqual({ status: "ready", value: a });
  });

  it("names the checkpoint's file when it cannot be downloaded", async () => {
    const lab = fileLab(BASE, fakeFetch({ [checkpointFile(5)]: 404 }));
    await expect(lab.checkpoint(5).load()).rejects.toThrow(
      "Could not download the network models/3b1b-epoch-5.json: the server answered 404 Not Found.",
    );
    expect(lab.checkpoint(5).getState()).toEqual({
      status: "error",
      message: "Could not download the network models/3b1b-epoch-5.json: the server answered 404 Not Found.",
    });
  });
});
