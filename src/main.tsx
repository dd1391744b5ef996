// Entry point: mounts the app into #root, or the lessons (?scene=… or ?lessons), the experiments
// (?experiment=… or ?experiments) or the teachers' page (?teachers) when the URL asks for them.
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { registerServiceWorker } from "./app/serviceWorker.ts";
import { isExperimentUrl } from "./experiments/url.ts";
import { isLessonUrl } from "./lessons/url.ts";
import { isTeachersUrl } from "./teachers/snippets.ts";
import "./styles.css";

const ExperimentsApp = lazy(() =>
  import("./experiments/ExperimentsApp.tsx").then((m) => ({ default: m.ExperimentsApp })),
);
const TeachersApp = lazy(() =>
  import("./teachers/TeachersApp.tsx").then((m) => ({ default: m.TeachersApp })),
);
const LessonApp = lazy(() => import("./lessons/LessonApp.tsx").then((m) => ({ default: m.LessonApp })));

registerServiceWorker();
const root = document.getElementById("root");
if (root) {
  // No StrictMode: its double-mounting would start and stop the training worker twice.
  createRoot(root).render(
    isExperimentUrl(window.location.search) ? (
      <Suspense fallback={null}>
        <ExperimentsApp />
      </Suspense>
    ) : isTeachersUrl(window.location.search) ? (
      <Suspense fallback={null}>
        <TeachersApp />
      </Suspense>
    ) : isLessonUrl(window.location.search) ? (
      <Suspense fallback={null}>
        <LessonApp />
      </Suspense>
    ) : (
      <App />
    ),
  );
}
