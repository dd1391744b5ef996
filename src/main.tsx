// Entry point: mounts the app into #root, or the lessons when the URL asks for them (?scene=… or ?lessons).
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App.tsx";
import { isLessonUrl } from "./lessons/url.ts";
import "./styles.css";

const LessonApp = lazy(() => import("./lessons/LessonApp.tsx").then((m) => ({ default: m.LessonApp })));

const root = document.getElementById("root");
if (root) {
  // No StrictMode: its double-mounting would start and stop the training worker twice.
  createRoot(root).render(
    isLessonUrl(window.location.search) ? (
      <Suspense fallback={null}>
        <LessonApp />
      </Suspense>
    ) : (
      <App />
    ),
  );
}
