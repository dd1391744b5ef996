// Lint rules: typescript-eslint's recommended set plus React hooks; part of `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "src/**/*.as.ts",
      "dist",
      "node_modules",
      "public/data",
      "test-results",
      "playwright-report",
      "models",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The page guard is inlined into the built page: plain browser JavaScript.
    files: ["scripts/pageGuard.js"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        location: "readonly",
        fetch: "readonly",
        URL: "readonly",
      },
    },
  },
  {
    // The example lesson site runs in a browser.
    files: ["examples/**/*.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly", URLSearchParams: "readonly" } },
  },
  {
    // One concept per file and functions that fit on a screen; a longer one says why in a disable comment.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/engine/wasm/kernelsWasm.ts"],
    rules: {
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
);
