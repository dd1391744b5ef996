// The lessons page: `?scene=<id>&step=<n>` shows a scene at a step, `?lessons` (or no scene) the index of
// scenes, and an unknown scene a notice with the list. Every step and every link is a history entry.
import { Sentence } from "../components/Sentence.tsx";
import { quoted } from "../engine/userText.ts";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { startLessonBridge, type LessonBridge } from "../embed/lessonBridge.ts";
import { reportHeightInFrame } from "../embed/resize.ts";
import { readDrawingParam, searchWithDrawing } from "../store/drawingLink.ts";
import { SetDrawing } from "./drawingContext.ts";
import { parseUrlSettings } from "../store/urlState.ts";
import "./lessons.css";
import { SCENE_SIZES } from "./sceneDefs.ts";
import { SCENES } from "./scenes.tsx";
import { LessonLink, SceneView, type Navigate } from "./SceneView.tsx";
import { drawingPart, parseLessonRoute, sceneSearch, searchWithStep } from "./url.ts";
import { fileLessonServices, LessonProvider } from "./LessonProvider.tsx";

const SITE = "How a neural network learns";

function SceneList({ navigate }: { navigate: Navigate }) {
  return (
    <ol className="scene-list">
      {SCENES.map(({ def }, i) => (
        <li key={def.id}>
          <span className="scene-number">{i + 1}</span>
          <div>
            <LessonLink to={sceneSearch(def.id)} navigate={navigate} className="scene-title">
              {def.title}
            </LessonLink>
            <p>{def.summary}</p>
            <span className="hint">{def.steps.length} steps</span>
          </div>
        </li>
      ))}
    </ol>
  );
}

function LessonIndex({ navigate, unknown }: { navigate: Navigate; unknown: string | null }) {
  return (
    <div className="lesson-index">
      <header>
        <p className="kicker">Lessons</p>
        <h1>{SITE}, one step at a time</h1>
        <p className="lede">
          Short scenes that take the videos&apos; network apart with its real numbers: a network trained on
          MNIST, running in your browser. Move through the steps with the Next and Back buttons or the arrow
          keys.
        </p>
      </header>
      {unknown !== null ? (
        <div className="notice error" role="alert">
          <p>
            <Sentence text={`There is no scene called ${quoted(unknown)}. These are the scenes there are:`} />
          </p>
        </div>
      ) : null}
      <SceneList navigate={navigate} />
      <p>
        <a href="./">Open the explorable</a>, where you draw digits and watch the network train.
      </p>
    </div>
  );
}

/** The lessons page: its data and labs made once, from the files next to the page, and provided to every scene. */
export function LessonApp() {
  const [services] = useState(() => fileLessonServices(document.baseURI));
  return (
    <LessonProvider services={services}>
      <Lessons />
    </LessonProvider>
  );
}

/** The lessons, reading and writing the page's URL; the scenes' data and labs come from the LessonProvider. */
export function Lessons() {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const go = useCallback((next: string, how: "push" | "replace") => {
    const url = `${next}${window.location.hash}`;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    setSearch(window.location.search);
  }, []);
  const navigate = useCallback<Navigate>((next) => go(next, "push"), [go]);
  const route = parseLessonRoute(search, SCENE_SIZES);
  // Read once per drawing, not once per step: the scenes keep their traces while the reader moves on.
  const drawingQuery = drawingPart(search);
  const drawing = useMemo(() => readDrawingParam(drawingQuery), [drawingQuery]);
  // A drawing made in a scene goes into the address: a history entry, and a link that shows it.
  const setDrawing = useCallback(
    (x: Float32Array, label: number) => go(searchWithDrawing(window.location.search, x, label), "push"),
    [go],
  );
  const sceneIndex = route.kind === "scene" ? SCENES.findIndex((s) => s.def.id === route.id) : -1;
  const entry = SCENES[sceneIndex];
  // Each step is a history entry: the browser's Back and Forward move between steps.
  const onStep = useCallback(
    (stepIndex: number) => go(searchWithStep(window.location.search, stepIndex), "push"),
    [go],
  );

  useEffect(() => {
    document.title = entry ? `${entry.def.title} · ${SITE}` : `Lessons · ${SITE}`;
  }, [entry]);

  // In a host page's iframe: `goToStep` messages move the scene, and each step is reported as `stepChanged`.
  const bridge = useRef<LessonBridge | null>(null);
  const steps = entry?.def.steps.length ?? 0;
  useEffect(() => {
    if (window.parent === window) return;
    const { origins } = parseUrlSettings(window.location.search).settings;
    const b = startLessonBridge((step) => {
      const route = parseLessonRoute(window.location.search, SCENE_SIZES);
      if (route.kind !== "scene") return;
      const size = SCENES.find((s) => s.def.id === route.id)?.def.steps.length ?? 1;
      go(searchWithStep(window.location.search, Math.min(step, size) - 1), "replace");
    }, origins);
    bridge.current = b;
    return () => {
      b.stop();
      bridge.current = null;
    };
  }, [go]);
  const sceneId = route.kind === "scene" ? route.id : null;
  const stepIndex = route.kind === "scene" ? route.stepIndex : -1;
  useEffect(() => {
    if (sceneId !== null && steps > 0) bridge.current?.stepChanged(sceneId, stepIndex + 1, steps);
  }, [sceneId, stepIndex, steps]);

  const page =
    route.kind === "scene" && entry ? (
      <SceneView
        key={entry.def.id}
        entry={entry}
        stepIndex={route.stepIndex}
        invalidStep={route.invalidStep}
        drawing={drawing}
        onStep={onStep}
        next={SCENES[sceneIndex + 1] ?? null}
        navigate={navigate}
      />
    ) : (
      <LessonIndex navigate={navigate} unknown={route.kind === "unknownScene" ? route.requested : null} />
    );
  // embed=1 (a scene in a teacher's iframe): no breadcrumb back to the index; the host hears the content's height.
  const embedded = new URLSearchParams(window.location.search).get("embed") === "1";
  return (
    <div
      ref={embedded ? reportHeightInFrame : undefined}
      className={embedded ? "lessons embedded" : "lessons"}
    >
      <SetDrawing.Provider value={setDrawing}>{page}</SetDrawing.Provider>
    </div>
  );
}
