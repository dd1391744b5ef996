// @vitest-environment jsdom
// The "My digits" experiment with an in-memory store and a small network: draw, label and add digits, they come
// back in a new mount on the same store (a reload) with the accuracy and matrix, one deletes, all delete after a
// confirmation, and nothing the store holds is inserted as HTML.
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MyDigitsExperiment } from "../../../src/experiments/mine/MyDigitsExperiment.tsx";
import { scoreDigits } from "../../../src/experiments/mine/score.ts";
import { digitStore, memoryBackend, type DigitStore } from "../../../src/experiments/mine/storage.ts";
import { fakeServices, fakeSource } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";

/** A 2-D context whose drawing marks the canvas inked, and whose ink is then a 30 × 70 px block. */
function fakeCanvas() {
  const inked = new WeakMap<HTMLCanvasElement, boolean>();
  const image = (width: number, height: number) =>
    ({ data: new Uint8ClampedArray(width * height * 4), width, height }) as ImageData;
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
    const noop = () => {};
    return {
      canvas: this,
      save: noop,
      restore: noop,
      beginPath: noop,
      moveTo: noop,
      lineTo: noop,
      arc: noop,
      fillRect: noop,
      stroke: () => void inked.set(this, true),
      fill: () => void inked.set(this, true),
      clearRect: () => void inked.set(this, false),
      createImageData: image,
      putImageData: noop,
      getImageData: (_x: number, _y: number, width: number, height: number) => {
        const img = image(width, height);
        if (inked.get(this))
          for (let y = 20; y < 90; y++) for (let x = 30; x < 60; x++) img.data[4 * (y * width + x) + 3] = 255;
        return img;
      },
    } as unknown as CanvasRenderingContext2D;
  } as never);
}

function mount(store: DigitStore) {
  return renderWith(<MyDigitsExperiment epochs={30} />, fakeServices({ digits: store }));
}

async function drawAndAdd(label: number) {
  fireEvent.click(screen.getByRole("button", { name: "A small 7 in a corner" }));
  fireEvent.click(screen.getByRole("button", { name: `Label ${label}` }));
  const add = screen.getByRole("button", { name: "Add to my digits" });
  await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(add);
}

const gallery = () => screen.getByRole("list", { name: "Your digits" });

beforeEach(fakeCanvas);

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("MyDigitsExperiment", () => {
  it("adds drawn, labelled digits, keeps them across a remount, and scores them", async () => {
    const backend = memoryBackend();
    const first = mount(digitStore(backend));
    await screen.findByText(/No digits yet/);
    const add = screen.getByRole("button", { name: "Add to my digits" }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await drawAndAdd(7);
    await waitFor(() => expect(within(gallery()).getAllByRole("listitem")).toHaveLength(1));
    // The pad is fresh and the label kept: a second digit needs only a drawing.
    expect(add.disabled).toBe(true);
    await drawAndAdd(1);
    await waitFor(() => expect(within(gallery()).getAllByRole("listitem")).toHaveLength(2));
    first.unmount();

    const store = digitStore(backend);
    mount(store);
    await waitFor(() => expect(within(gallery()).getAllByRole("listitem")).toHaveLength(2));
    const digits = await store.list();
    expect(digits.map((d) => d.label)).toEqual([7, 1]);
    const expected = scoreDigits(fakeSource().net(30), digits);
    const score = document.querySelector(".score")!;
    expect(score.getAttribute("data-total")).toBe("2");
    expect(score.getAttribute("data-correct")).toBe(String(expected.correct));
    const items = within(gallery()).getAllByRole("listitem");
    items.forEach((li, i) => {
      expect(li.getAttribute("data-answer")).toBe(String(expected.answers[i]!.digit));
      expect(li.className).toBe(expected.answers[i]!.digit === digits[i]!.label ? "right" : "wrong");
    });
    // The matrix's cells hold the same counts.
    for (let t = 0; t < 10; t++)
      for (let p = 0; p < 10; p++)
        expect(
          document
            .querySelector(`.confusion [data-label="${t}"][data-predicted="${p}"]`)!
            .getAttribute("data-count"),
        ).toBe(String(expected.matrix[t * 10 + p]));
  });

  it("deletes one digit, and all of them only after a confirmation", async () => {
    const store = digitStore(memoryBackend());
    await store.add(new Float32Array(784).fill(0.5), 3, 1);
    await store.add(new Float32Array(784).fill(0.5), 4, 2);
    await store.add(new Float32Array(784).fill(0.5), 5, 3);
    mount(store);
    await waitFor(() => expect(within(gallery()).getAllByRole("listitem")).toHaveLength(3));
    fireEvent.click(screen.getByRole("button", { name: "Delete this 4" }));
    await waitFor(() => expect(within(gallery()).getAllByRole("listitem")).toHaveLength(2));
    expect((await store.list()).map((d) => d.label)).toEqual([3, 5]);

    fireEvent.click(screen.getByRole("button", { name: "Delete all" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete all your digits?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(within(gallery()).getAllByRole("listitem")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Delete all" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Yes, delete them all" }));
    });
    await screen.findByText(/No digits yet/);
    expect(await store.list()).toEqual([]);
  });

  it("the label buttons are real buttons, one pressed at a time", async () => {
    mount(digitStore(memoryBackend()));
    await screen.findByText(/No digits yet/);
    const group = screen.getByRole("group", { name: "It is a" });
    const buttons = within(group).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    fireEvent.click(buttons[4]!);
    fireEvent.click(buttons[6]!);
    expect(buttons.filter((b) => b.getAttribute("aria-pressed") === "true")).toEqual([buttons[6]]);
  });

  it("shows an error as plain text when the store fails", async () => {
    const failing: DigitStore = {
      list: () => Promise.reject(new Error("<b>blocked</b>")),
      add: () => Promise.reject(new Error("no")),
      remove: () => Promise.reject(new Error("no")),
      clear: () => Promise.reject(new Error("no")),
    };
    mount(failing);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("<b>blocked</b>");
    expect(alert.querySelector("b")).toBeNull();
  });
});
