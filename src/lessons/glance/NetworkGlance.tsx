// The step's compact network: the scene's network and example as the explorable paints them, scaled down, with
// what the step is about marked and its motion played (once per new example or step; Replay plays it again).
// Painted on animation frames outside React's render path; reduced motion shows the end at once.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useElementWidth } from "../../components/useFramePainter.ts";
import { devicePixelRatio, fitCanvas } from "../../render/canvas.ts";
import { motionDuration, paintGlance } from "../../render/glance.ts";
import { layoutNetwork } from "../../render/networkLayout.ts";
import { usePrefersReducedMotion } from "../motion.ts";
import type { GlanceStore } from "./glance.ts";

const HEIGHT = 220;

export function NetworkGlance({ store }: { store: GlanceStore }) {
  const glance = useSyncExternalStore(store.subscribe, store.get, store.get);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(wrapRef, 320);
  const reduced = usePrefersReducedMotion();
  const [replays, setReplays] = useState(0);
  const sizes = glance?.net.spec.sizes;
  const shape = sizes?.join("-") ?? "";

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!glance || !canvas) return;
    const layout = layoutNetwork(glance.net.spec.sizes, width, HEIGHT);
    const duration = reduced ? 0 : motionDuration(glance.motion, glance.net.spec.sizes.length);
    const start = performance.now();
    canvas.dataset.progress = duration > 0 ? "0" : "1";
    let frame = 0;
    const paint = (now: number) => {
      const t = duration > 0 ? Math.min(1, (now - start) / duration) : 1;
      const pixelRatio = devicePixelRatio();
      const ctx = fitCanvas(canvas, layout.width, layout.height, pixelRatio);
      if (ctx) paintGlance(ctx, layout, { ...glance, t, pixelRatio });
      canvas.dataset.progress = String(t);
      if (t < 1) frame = requestAnimationFrame(paint);
    };
    frame = requestAnimationFrame(paint);
    return () => cancelAnimationFrame(frame);
    // A new glance plays its motion again; so do a new width and Replay.
  }, [glance, width, reduced, replays]);

  // The figure stays (hidden) while no view shows a glance, so its width is measured from the start.
  return (
    <figure className="network-glance" ref={wrapRef} hidden={!glance}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={glance ? `The network ${shape}: ${glance.caption}` : undefined}
        style={{ width, height: HEIGHT }}
      />
      <figcaption>
        <span className="where">{glance?.caption}</span>
        {glance?.motion && !reduced ? (
          <button type="button" className="replay" onClick={() => setReplays((n) => n + 1)}>
            {glance.motion.kind === "forward" ? "Replay the forward pass" : "Replay the backward pass"}
          </button>
        ) : null}
      </figcaption>
    </figure>
  );
}
