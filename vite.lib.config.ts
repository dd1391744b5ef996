// The library: the <nn-explorable> custom element as one ES module (plus its worker chunks) in dist/lib/, and
// (`--mode react`) a thin React component beside it, dist/lib/react.js, which uses the page's own React and the
// element module. Built by `npm run build` after the app, so one dist/ holds everything a teachers' snippet names
// and works from any subpath; `npm run pack` makes an npm package of dist/lib.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const ELEMENT = /\/src\/app\/element\.tsx$/;

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  // The element runs in someone else's page: no `process.env` there.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  // Relative asset URLs: the worker chunk is found beside the module (new URL(…, import.meta.url)), wherever it is.
  base: "./",
  publicDir: false,
  worker: { format: "es" as const },
  build: {
    outDir: "dist/lib",
    emptyOutDir: false,
    ...(mode === "react"
      ? {
          lib: { entry: "src/app/react.tsx", formats: ["es" as const], fileName: () => "react.js" },
          rollupOptions: {
            // The page's React; the element from the module beside this one (it brings its own React inside).
            external: (id: string) => id === "react" || id.startsWith("react/") || ELEMENT.test(id),
            output: { paths: (id: string) => (ELEMENT.test(id) ? "./nn-explorable.js" : id) },
          },
        }
      : {
          lib: { entry: "src/app/element.tsx", formats: ["es" as const], fileName: () => "nn-explorable.js" },
        }),
  },
}));
