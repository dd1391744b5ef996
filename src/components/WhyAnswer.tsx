// "Why this answer?": beside the prediction, a toggle that shows which input pixels pushed the predicted output up
// (blue) and which pushed it down (red), from the worker's backward pass (ProbeActivations.why), painted outside
// React's render path.
import { useEffect, useRef, useState } from "react";
import { MNIST_SIDE } from "../engine/mnist.ts";
import { paintSaliency } from "../render/saliency.ts";
import type { ProbeActivations } from "../worker/training/protocol.ts";
import "./firstMinute.css";
import { useClient } from "./context.tsx";

/** The sentence under the map, for the digit it explains. */
export function whySentence(digit: number): string {
  return (
    `Blue pixels pushed the answer ${digit} up, red ones pushed it down: each is ∂a${digit}/∂x · x, how much ` +
    "that pixel's ink raised or lowered the output, from the same backward pass that trains the network."
  );
}

export function WhyAnswer() {
  const [open, setOpen] = useState(false);
  return (
    <div className="why-answer">
      <button type="button" aria-pressed={open} onClick={() => setOpen(!open)}>
        Why this answer?
      </button>
      {open ? <WhyMap /> : null}
    </div>
  );
}

function WhyMap() {
  const client = useClient();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const show = (probe: ProbeActivations | null) => {
      const ctx = canvasRef.current?.getContext("2d");
      const text = textRef.current;
      if (!ctx || !text) return;
      const why = probe?.why;
      if (!probe || !why) {
        ctx.clearRect(0, 0, MNIST_SIDE, MNIST_SIDE);
        text.textContent =
          "Draw a digit or pick a test image: the map shows which of its pixels decided the answer.";
        return;
      }
      paintSaliency(ctx, probe.a[0]!, why.saliency);
      canvasRef.current!.dataset.digit = String(why.digit);
      const sentence = whySentence(why.digit);
      if (text.textContent !== sentence) text.textContent = sentence;
    };
    show(client.frame?.probe ?? null);
    const offFrame = client.onFrame((frame) => show(frame.probe));
    const offProbed = client.on("probed", (e) => show(e.probe));
    return () => {
      offFrame();
      offProbed();
    };
  }, [client]);
  return (
    <figure className="why-map">
      <canvas
        ref={canvasRef}
        width={MNIST_SIDE}
        height={MNIST_SIDE}
        role="img"
        aria-label="Which pixels pushed the answer up (blue) or down (red)"
      />
      <figcaption ref={textRef} className="hint" />
    </figure>
  );
}
