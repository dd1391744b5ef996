// What the network is looking at: a drawn image or a test image, kept as its 784 input activations, and the
// activations every layer gives it, for the frames and the pad's instant `probed` answer.

import { MNIST_CLASSES, MNIST_PIXELS } from "../../engine/mnist.ts";
import { argmax, forwardAll, oneHot, traceExample, type Network, type Trace } from "../../engine/network.ts";
import { saliency } from "../../engine/saliency.ts";
import type { Probe, ProbeActivations } from "./protocol.ts";
import type { TestImages } from "./run.ts";

export class ProbeState {
  probe: Probe | null = null;
  id = 0;
  /** The probe's 784 input activations (0…1), null until a test probe's image is loaded. */
  private input: Float32Array | null = null;

  /** The probe's input activations now (null when there is none, or its test image is not loaded yet). */
  get current(): Float32Array | null {
    return this.input;
  }

  /** The 784 input activations of a probe; null for a test image before the test set is in. Throws if invalid. */
  static inputOf(probe: Probe, test: TestImages | null): Float32Array | null {
    if (probe.kind === "pixels") {
      if (probe.pixels.length !== MNIST_PIXELS)
        throw new RangeError(`a drawn image must have ${MNIST_PIXELS} pixels, not ${probe.pixels.length}`);
      return Float32Array.from(probe.pixels);
    }
    return test ? test.input(probe.index) : null;
  }

  /** Makes `probe` the one shown (its input read now). Throws if it is invalid, leaving the old one. */
  set(probe: Probe | null, id: number, test: TestImages | null): void {
    const input = probe ? ProbeState.inputOf(probe, test) : null;
    this.probe = probe;
    this.id = id;
    this.input = input;
  }

  /**
   * Every layer's z and a for the probe through `net`, and why its largest output won (saliency.ts), or null
   * when there is nothing to show.
   */
  activations(net: Network<Float32Array>): ProbeActivations | null {
    if (!this.input) return null;
    const { z, a } = forwardAll(net, this.input);
    const digit = argmax(a[a.length - 1]!);
    const why = { digit, saliency: saliency(net, this.input, digit) };
    return { probeId: this.id, z, a, why };
  }
}

/** Backpropagation of one example with every intermediate kept (the lessons' numbers). Throws for a bad label. */
export function traceOf(net: Network<Float32Array>, x: Float32Array, label: number): Trace<Float32Array> {
  if (!Number.isInteger(label) || label < 0 || label >= MNIST_CLASSES)
    throw new RangeError(`the label must be a digit 0–9, not ${String(label)}`);
  return traceExample(net, x, oneHot(label, MNIST_CLASSES));
}

/** The reply to a trace command: backpropagation of `x`, or why it cannot run yet (a sentence for the user). */
export function traceReply(
  net: Network<Float32Array> | null,
  x: Float32Array | null,
  label: number,
): { trace: Trace<Float32Array> } | { message: string } {
  if (net && x) return { trace: traceOf(net, x, label) };
  return { message: `The ${net ? "test images are" : "network is"} still loading; try again in a moment.` };
}

/** Every array of a probe's activations, for the transfer list (none for no probe). */
export function probeArrays(probe: ProbeActivations | null): Float32Array[] {
  return probe ? [...probe.z, ...probe.a, ...(probe.why ? [probe.why.saliency] : [])] : [];
}

/** Every array of a trace, for the transfer list. */
export function traceArrays(t: Trace<Float32Array>): Float32Array[] {
  return [...t.z, ...t.a, t.y, ...t.dCda, ...t.delta, ...t.dw, ...t.db, t.costTerms];
}
