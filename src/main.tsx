// Entry point: mounts the app into #root.
import { createRoot } from "react-dom/client";
import { App } from "./components/App.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  // No StrictMode: its double-mounting would start and stop the training worker twice.
  createRoot(root).render(<App />);
}
