// One scene: its title, the list of steps, the current step's prose and math beside the live view, and
// step navigation by the Back/Next buttons and the ← → keys.
import { ColourLegend } from "../components/ColourLegend.tsx";
import { Sentence } from "../components/Sentence.tsx";
import { quoted } from "../engine/userText.ts";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from "react";
import { formatCount } from "../render/format.ts";
import { createGlanceStore, GlanceContext, type GlanceStore } from "./glance/glance.ts";
import { NetworkGlance } from "./glance/NetworkGlance.tsx";
import { usePrefersReducedMotion } from "./motion.ts";
import type { SceneEntry } from "./scenes.tsx";
import { TexMath } from "./TexMath.tsx";
import type { DrawingParam, LessonDrawing } from "../store/drawingLink.ts";
import { INDEX_SEARCH, sceneSearch } from "./url.ts";
import { useLessonData } from "./LessonProvider.tsx";

/** Moves to another page of the lessons: a query string, pushed onto the history. */
export type Navigate = (search: string) => void;

/** A link within the lessons: a real link (new tabs work), followed without reloading the page. */
export function LessonLink({
  to,
  navigate,
  children,
  className,
}: {
  to: string;
  navigate: Navigate;
  children: ReactNode;
  className?: string;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...(className ? { className } : {})}>
      {children}
    </a>
  );
}

/** True when a key press belongs to a control that uses the arrow keys itself. */
function ownsArrowKeys(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'input, select, textarea, [contenteditable]:not([contenteditable="false"]), [role="slider"]',
    ) !== null
  );
}

function LiveView({
  entry,
  stepIndex,
  drawing,
}: {
  entry: SceneEntry;
  stepIndex: number;
  drawing: LessonDrawing | null;
}) {
  const state = useLessonData();
  if (state.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  if (state.status === "loading") {
    const { loaded, total } = state;
    return (
      <div className="lesson-loading" role="status">
        <p>Loading the trained and untrained networks and the 10,000 test images…</p>
        <progress
          {...(total > 0 ? { max: total, value: loaded } : {})}
          aria-label="Loading the lesson data"
        />
        {total > 0 ? (
          <span className="hint">
            {formatCount(Math.round(loaded / 1000))} of {formatCount(Math.round(total / 1000))} kB
          </span>
        ) : null}
      </div>
    );
  }
  return entry.render(stepIndex, state.data, drawing);
}

export interface SceneViewProps {
  readonly entry: SceneEntry;
  readonly stepIndex: number;
  /** The URL's step text when it named no step (a notice is shown), else null. */
  readonly invalidStep: string | null;
  /** The learner's drawing the URL carried, or why it could not be read. */
  readonly drawing: DrawingParam;
  readonly onStep: (stepIndex: number) => void;
  readonly next: SceneEntry | null;
  readonly navigate: Navigate;
}

/** ArrowRight and ArrowLeft anywhere on the page move one step (unless an input owns the arrow keys). */
function useArrowSteps(stepIndex: number, count: number, onStep: (stepIndex: number) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      if (ownsArrowKeys(e.target)) return;
      const to = stepIndex + (e.key === "ArrowRight" ? 1 : -1);
      if (to < 0 || to >= count) return;
      e.preventDefault();
      onStep(to);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [stepIndex, count, onStep]);
}

/** After a move to another step (not on opening the scene), focus goes to the new step's heading. */
function useFocusOnStep(stepIndex: number): void {
  const shown = useRef(stepIndex);
  useEffect(() => {
    if (shown.current === stepIndex) return;
    shown.current = stepIndex;
    document.getElementById("lesson-step-title")?.focus();
  }, [stepIndex]);
}

/**
 * A new step eases the live view in (it keeps its state, so it is not remounted): a short fade and rise instead of
 * a jump cut. Nothing moves under reduced motion, or where the Web Animations API is missing.
 */
function useStepTransition(live: RefObject<HTMLElement | null>, stepIndex: number, reduced: boolean): void {
  const shown = useRef(stepIndex);
  useEffect(() => {
    if (shown.current === stepIndex) return;
    shown.current = stepIndex;
    const el = live.current;
    if (reduced || !el || typeof el.animate !== "function") return;
    el.animate(
      [
        { opacity: 0.3, transform: "translateY(6px)" },
        { opacity: 1, transform: "none" },
      ],
      { duration: 280, easing: "ease-out" },
    );
  }, [live, stepIndex, reduced]);
}

/** Every step of the scene by title, the current one marked; a click jumps to it. */
function StepList({
  steps,
  stepIndex,
  onStep,
}: {
  steps: SceneEntry["def"]["steps"];
  stepIndex: number;
  onStep: (stepIndex: number) => void;
}) {
  return (
    <nav aria-label="Steps" className="step-list">
      <ol>
        {steps.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              aria-current={i === stepIndex ? "step" : undefined}
              onClick={() => onStep(i)}
            >
              <span className="step-number">{i + 1}</span>
              <span className="step-title">{s.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The step's prose and math, Back and Next, and on the last step a link to the next scene. */
function StepText({
  entry,
  stepIndex,
  onStep,
  next,
  navigate,
  drawing,
  glance,
}: Pick<SceneViewProps, "entry" | "stepIndex" | "onStep" | "next" | "navigate"> & {
  drawing: LessonDrawing | null;
  glance: GlanceStore;
}) {
  const count = entry.def.steps.length;
  const step = entry.def.steps[stepIndex]!;
  return (
    <article className="lesson-text" aria-labelledby="lesson-step-title">
      <p className="step-count">
        Step {stepIndex + 1} of {count}
      </p>
      <h2 id="lesson-step-title" tabIndex={-1}>
        {step.title}
      </h2>
      {step.prose.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {step.math?.map((m, i) => (
        <TexMath key={i} tex={m} display />
      ))}
      <div className="step-nav">
        <button type="button" onClick={() => onStep(stepIndex - 1)} disabled={stepIndex === 0}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => onStep(stepIndex + 1)}
          disabled={stepIndex === count - 1}
        >
          Next
        </button>
        <span className="hint keys">or ← →</span>
      </div>
      {stepIndex === count - 1 && next ? (
        <p className="next-scene">
          Continue with{" "}
          <LessonLink to={sceneSearch(next.def.id, next.takesDrawing ? drawing : null)} navigate={navigate}>
            {next.def.title}
          </LessonLink>
        </p>
      ) : null}
      <NetworkGlance store={glance} />
      <ColourLegend />
    </article>
  );
}

export function SceneView({
  entry,
  stepIndex,
  invalidStep,
  drawing,
  onStep,
  next,
  navigate,
}: SceneViewProps) {
  const { def } = entry;
  const mine = entry.takesDrawing && drawing.kind === "drawing" ? drawing.drawing : null;
  const count = def.steps.length;
  const step = def.steps[stepIndex]!;
  const reduced = usePrefersReducedMotion();
  const [glance] = useState(createGlanceStore);

  useArrowSteps(stepIndex, count, onStep);
  useFocusOnStep(stepIndex);
  const liveRef = useRef<HTMLElement>(null);
  useStepTransition(liveRef, stepIndex, reduced);

  return (
    <div className="lesson" data-motion={reduced ? "reduce" : "full"}>
      <header className="lesson-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <LessonLink to={INDEX_SEARCH} navigate={navigate}>
            Lessons
          </LessonLink>
          <span aria-hidden="true"> / </span>
          <span>{def.title}</span>
        </nav>
        <h1>{def.title}</h1>
      </header>
      {invalidStep !== null ? (
        <div className="notice error" role="alert">
          <p>
            <Sentence
              text={`There is no step ${quoted(invalidStep)} in this scene; its steps are 1 to ${count}. Showing step 1.`}
            />
          </p>
        </div>
      ) : null}
      {entry.takesDrawing && drawing.kind === "invalid" ? (
        <div className="notice error" role="alert">
          <p>{drawing.problem} Showing a test image instead.</p>
        </div>
      ) : null}
      <StepList steps={def.steps} stepIndex={stepIndex} onStep={onStep} />
      <p className="visually-hidden" aria-live="polite">
        Step {stepIndex + 1} of {count}: {step.title}
      </p>
      <div className="lesson-body">
        <StepText
          key={stepIndex}
          entry={entry}
          stepIndex={stepIndex}
          onStep={onStep}
          next={next}
          navigate={navigate}
          drawing={mine}
          glance={glance}
        />
        <section className="lesson-live" aria-label="Live view" ref={liveRef}>
          <GlanceContext value={glance}>
            <LiveView entry={entry} stepIndex={stepIndex} drawing={mine} />
          </GlanceContext>
        </section>
      </div>
    </div>
  );
}
