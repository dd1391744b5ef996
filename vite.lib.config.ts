// The <nn-explorable> custom element as one ES module (plus its worker chunks) in dist/lib/, built by `npm run
// build` after the app, so one dist/ holds everything a teachers' snippet names and works from any subpath.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // The element runs in someone else's page: no `process.env` there.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  // Relative asset URLs: the worker chunk is found beside the module (new URL(…, import.meta.url)), wherever it is.
  base: "./",
  publicDir: false,
  worker: { format: "es" },
  build: {
    outDir: "dist/lib",
    emptyOutDir: false,
    lib: { entry: "src/app/element.tsx", formats: ["es"], fileName: () => "nn-explorable.js" },
  },
});
