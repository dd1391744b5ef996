// Entry point: mounts the app into #root, or the lessons (?scene=… or ?lessons), the experiments
// (?experiment=… or ?experiments) or the teachers' page (?teachers) when the URL asks for them; at an address
// that is not the app's, its "not found".
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { appFolder, isAppPath } from "./app/appPath.ts";
import { NotFound } from "./app/NotFound.tsx";
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

const root = document.getElementById("root");
const folder = appFolder(import.meta.url);
const atApp = isAppPath(window.location.pathname, folder);
// In an iframe sandboxed without allow-same-origin (origin "null") the app cannot run: the page guard
// (scripts/pageGuard.js) has said so in the page.
if (root && window.origin !== "null") {
  if (atApp) registerServiceWorker();
  // No StrictMode: its double-mounting would start and stop the training worker twice.
  createRoot(root).render(
    !atApp ? (
      <NotFound pathname={window.location.pathname} folder={folder} />
    ) : isExperimentUrl(window.location.search) ? (
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
