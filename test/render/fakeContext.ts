// A recording stand-in for CanvasRenderingContext2D (jsdom has none): every method call is logged with its
// arguments, every property assignment is kept, createImageData returns a real-shaped pixel buffer.
export interface Call {
  readonly name: string;
  readonly args: unknown[];
  /** fillStyle/strokeStyle/lineWidth/font at the time of the call. */
  readonly style: { fillStyle: unknown; strokeStyle: unknown; lineWidth: unknown; font: unknown };
}

export interface FakeContext {
  readonly ctx: CanvasRenderingContext2D;
  readonly calls: Call[];
  readonly props: Record<string, unknown>;
  /** Calls of one method. */
  named(name: string): Call[];
}

export function fakeContext(): FakeContext {
  const calls: Call[] = [];
  const props: Record<string, unknown> = {};
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    createImageData: (w, h) => ({
      width: w as number,
      height: h as number,
      data: new Uint8ClampedArray((w as number) * (h as number) * 4),
    }),
    measureText: (text) => ({ width: String(text).length * 7 }),
  };
  const ctx = new Proxy(props, {
    get(target, key) {
      if (typeof key !== "string") return undefined;
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        calls.push({
          name: key,
          args,
          style: {
            fillStyle: target.fillStyle,
            strokeStyle: target.strokeStyle,
            lineWidth: target.lineWidth,
            font: target.font,
          },
        });
        return methods[key]?.(...args);
      };
    },
    set(target, key, value) {
      if (typeof key === "string") target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, props, named: (name) => calls.filter((c) => c.name === name) };
}
