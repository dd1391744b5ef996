// Lint rules: typescript-eslint's recommended set plus React hooks; part of `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "src/**/*.as.ts",
      "dist",
      "dist-lib",
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
);
