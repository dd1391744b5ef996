// The canvas a person draws on, PAD_SIDE pixels shown `size` CSS pixels wide, and the keyboard pen's ring (a pen's
// width across; penInput moves and shows it): the explorable's pad and the sketch pads of the experiments and
// lessons draw on the same one.
import type { RefObject } from "react";
import { PAD_SIDE, PEN_WIDTH } from "../render/pad.ts";
import "./padCanvas.css";

export function PadCanvas({
  padRef,
  cursorRef,
  size,
  describedBy,
}: {
  padRef: RefObject<HTMLCanvasElement | null>;
  cursorRef: RefObject<HTMLDivElement | null>;
  size: number;
  /** The id of the instructions that say how to draw. */
  describedBy: string;
}) {
  return (
    <div className="pad-frame" style={{ width: size, height: size }}>
      <canvas
        ref={padRef}
        width={PAD_SIDE}
        height={PAD_SIDE}
        role="img"
        aria-label="Drawing pad"
        aria-describedby={describedBy}
        tabIndex={0}
      />
      <div
        ref={cursorRef}
        className="pen-cursor"
        aria-hidden="true"
        style={{ width: `${100 * PEN_WIDTH}%`, height: `${100 * PEN_WIDTH}%` }}
      />
    </div>
  );
}
