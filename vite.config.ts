// Vite builds the app; Vitest runs the unit and component tests from test/.
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { pageGuard } from "./scripts/pageGuardPlugin.ts";
import { precacheServiceWorker } from "./scripts/serviceWorker.ts";
import { themeVariables } from "./scripts/themePlugin.ts";

export default defineConfig({
  plugins: [react(), pageGuard(), themeVariables(), precacheServiceWorker()],
  base: "./",
  worker: { format: "es" },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    testTimeout: 60_000,
  },
});
