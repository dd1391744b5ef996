// The app knows its own folder from its entry module's URL, and which addresses are its page.
import { describe, expect, it } from "vitest";
import { appFolder, isAppPath } from "../../src/app/appPath.ts";

describe("the app's address", () => {
  it("appFolder is the folder above the built entry's assets/ (or above src/ in development)", () => {
    expect(appFolder("https://school.example/courses/nn/assets/index-B0HV9Suh.js")).toBe("/courses/nn/");
    expect(appFolder("http://localhost:5173/src/main.tsx")).toBe("/");
  });

  it("isAppPath accepts the folder and its index.html, and nothing deeper or beside", () => {
    expect(isAppPath("/courses/nn/", "/courses/nn/")).toBe(true);
    expect(isAppPath("/courses/nn/index.html", "/courses/nn/")).toBe(true);
    for (const path of ["/courses/nn/lessons", "/courses/nn/scene/cost", "/courses/", "/courses/nn"])
      expect(isAppPath(path, "/courses/nn/")).toBe(false);
  });
});
