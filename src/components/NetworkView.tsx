// The network diagram: a canvas painted from the training client's frames on animation frames, with hover,
// click and keyboard focus on neurons (selection in the store) and a panel giving the focused neuron's a, b, z.
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { devicePixelRatio, fitCanvas } from "../render/canvas.ts";
import { pacer } from "../render/clock.ts";
import { paintNetwork, type NetworkFrame } from "../render/network.ts";
import { inputEdgesPerNeuron } from "../render/networkEdges.ts";
import {
  inLayout,
  layoutNetwork,
  neuronAt,
  panelPosition,
  type NetworkLayout,
  type NeuronRef,
} from "../render/networkLayout.ts";
import { PALETTE, THEME } from "../render/theme.ts";
import type { AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";
import { describeNeuron, moveFocus } from "./neuronFocus.ts";
import { useElementWidth, useFramePainter } from "./useFramePainter.ts";
import { caption, visuallyHidden } from "./viewStyles.ts";

export interface NetworkViewProps {
  /** Height of the diagram, CSS px; its width follows its container's. */
  readonly height?: number;
  /** Show the line under the diagram that says how edges are drawn. */
  readonly showCaption?: boolean;
  readonly className?: string;
}

/** The panel's numbers refresh at most this often while training (and at once when the focus changes). */
const PANEL_INTERVAL_MS = 250;

const panelStyle: CSSProperties = {
  position: "absolute",
  display: "none",
  pointerEvents: "none",
  padding: "4px 8px",
  borderRadius: 4,
  border: `1px solid ${THEME.gridLine}`,
  background: PALETTE.scrim,
  color: THEME.foreground,
  font: `12px ${THEME.monoFont}`,
  // Its lines wrap only in a diagram narrower than they are.
  whiteSpace: "pre-wrap",
  maxWidth: "100%",
  lineHeight: 1.4,
};

function sameNeuron(a: NeuronRef | null, b: NeuronRef | null): boolean {
  return a === b || (a !== null && b !== null && a.layer === b.layer && a.index === b.index);
}

/**
 * The network, input image to output digits: neurons lit by their activation for the current probe, edges
 * blue (+) or red (−) by weight. Hover a neuron for its a, b and z; click it, or focus the diagram and use
 * the arrow keys, to select it (store `selected`); Escape clears.
 */
export function NetworkView({ height = 420, showCaption = true, className }: NetworkViewProps) {
  const store = useAppStore();
  const sizes = useApp((s) => s.spec.sizes);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<NeuronRef | null>(null);
  const [panelPace] = useState(() => pacer(PANEL_INTERVAL_MS));
  const width = useElementWidth(wrapRef, 640);
  const layout = useMemo(() => layoutNetwork(sizes, width, height), [sizes, width, height]);
  const name = `Network: ${sizes.join("-")}`;
  const hintId = useId();

  const invalidate = useFramePainter((frame) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pixelRatio = devicePixelRatio();
    const ctx = fitCanvas(canvas, layout.width, layout.height, pixelRatio);
    const { selected } = store.getState();
    if (ctx) paintNetwork(ctx, layout, frame, { selected, hovered: hoverRef.current, pixelRatio });
    // The panel beside the hovered (else selected) neuron, refreshed at most every PANEL_INTERVAL_MS.
    if (panelRef.current && panelPace.due(performance.now()))
      showPanel(panelRef.current, layout, frame, hoverRef.current ?? selected);
  });
  /** Something the panel shows changed: repaint and refresh it at once. */
  const refresh = useCallback(() => {
    panelPace.touch();
    invalidate();
  }, [panelPace, invalidate]);

  // A new layout (resize, new network) repaints and moves the panel.
  useEffect(() => refresh(), [layout, refresh]);
  useSelectionAnnouncer(liveRef, refresh);

  const hover = (next: NeuronRef | null) => {
    if (sameNeuron(next, hoverRef.current)) return;
    hoverRef.current = next;
    refresh();
  };
  const pointAt = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return neuronAt(layout, e.clientX - rect.left, e.clientY - rect.top);
  };

  return (
    <div className={className} ref={wrapRef} style={{ position: "relative" }}>
      <canvas
        ref={canvasRef}
        role="application"
        aria-label={name}
        aria-describedby={hintId}
        tabIndex={0}
        style={{ display: "block", width: layout.width, height: layout.height, cursor: "pointer" }}
        onPointerMove={(e) => hover(pointAt(e))}
        onPointerLeave={() => hover(null)}
        onClick={(e) => store.getState().select(pointAt(e))}
        onKeyDown={(e) => selectByKey(e, layout, store)}
      />
      <div ref={panelRef} style={panelStyle} aria-hidden="true" />
      <div ref={liveRef} role="status" aria-live="polite" style={visuallyHidden} />
      <p id={hintId} style={showCaption ? caption : visuallyHidden}>
        {edgeCaption(layout)} Arrow keys move between neurons; Escape clears the selection.
      </p>
    </div>
  );
}

/** Arrow keys, Home and End move the selection (see moveFocus); Escape clears it. */
function selectByKey(e: KeyboardEvent<HTMLCanvasElement>, layout: NetworkLayout, store: AppStore): void {
  const { selected, select } = store.getState();
  if (e.key === "Escape") {
    if (selected) e.preventDefault();
    select(null);
    return;
  }
  const next = moveFocus(layout, selected, e.key);
  if (!next) return;
  e.preventDefault();
  select(next);
}

/**
 * The selection lives in the store (other views may set it): announces it in `liveRef` (once at first, then
 * at each change) and calls `onChange` when it changes.
 */
function useSelectionAnnouncer(liveRef: RefObject<HTMLElement | null>, onChange: () => void): void {
  const store = useAppStore();
  const client = useClient();
  useEffect(() => {
    const announce = (selected: NeuronRef | null) => {
      if (liveRef.current) liveRef.current.textContent = announcement(store, client, selected);
    };
    announce(store.getState().selected);
    return store.subscribe((s, prev) => {
      if (s.selected === prev.selected) return;
      announce(s.selected);
      onChange();
    });
  }, [store, client, liveRef, onChange]);
}

/** Writes neuron `target`'s name and numbers into the panel beside it (see panelPosition); hides it for none. */
function showPanel(
  panel: HTMLElement,
  layout: NetworkLayout,
  frame: NetworkFrame | null,
  target: NeuronRef | null,
): void {
  if (!target || !inLayout(layout, target)) {
    panel.style.display = "none";
    return;
  }
  const { title, values } = describeNeuron(layout.sizes, frame, target);
  panel.textContent = `${title}\n${values}`;
  // Measured at the top left, where nothing narrows it, then placed inside the diagram.
  panel.style.display = "block";
  panel.style.left = "0px";
  panel.style.top = "0px";
  const { left, top } = panelPosition(layout, target, {
    width: panel.offsetWidth,
    height: panel.offsetHeight,
  });
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

/** What a screen reader hears when the selection changes: "Hidden layer 1, neuron 5: a = …, b = …, z = …". */
function announcement(store: AppStore, client: TrainingClient, selected: NeuronRef | null): string {
  const d = selected && describeNeuron(store.getState().spec.sizes, client.frame, selected);
  return d ? `${d.title}: ${d.values.replace(/ {2}/g, ", ")}` : "";
}

/** How the diagram is drawn, in words, for the caption under it. */
export function edgeCaption(layout: NetworkLayout): string {
  const { sizes, layers } = layout;
  const k = inputEdgesPerNeuron(sizes[1] ?? 0);
  let text =
    `Edges: blue positive, red negative, more opaque when stronger. From the input image, only each ` +
    `neuron's ${k} strongest contribution${k === 1 ? "" : "s"} w·a ${k === 1 ? "is" : "are"} drawn ` +
    `(none while no image is shown).`;
  const { edgeBudget } = THEME.network;
  if (sizes.some((n, l) => l > 1 && n * sizes[l - 1]! > edgeBudget))
    text += ` Between large layers only the ${edgeBudget} strongest weights are drawn.`;
  if (layers.some((L) => L.kind === "column" && L.cols > 1))
    text += " Layers too tall for one column wrap into several, top to bottom then left to right.";
  return text;
}
