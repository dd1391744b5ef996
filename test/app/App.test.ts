// The explorable page's words follow the network: the opening sentence names the shape it has now.
import { describe, expect, it } from "vitest";
import { hiddenInWords } from "../../src/app/App.tsx";

describe("hiddenInWords(hidden)", () => {
  it("names the hidden layers as they are", () => {
    expect(hiddenInWords([16, 16])).toBe("two hidden layers of 16 neurons");
    expect(hiddenInWords([100])).toBe("one hidden layer of 100 neurons");
    expect(hiddenInWords([32, 16])).toBe("hidden layers of 32 and 16 neurons");
    expect(hiddenInWords([64, 32, 16])).toBe("hidden layers of 64, 32 and 16 neurons");
    expect(hiddenInWords([])).toBe("no hidden layer");
  });
});
