// ESLint (flat config): Next's rules (React, hooks, a11y, Core Web Vitals), typescript-eslint with
// type information for the mistakes tsc lets through (promises nobody awaits or misused, awaiting
// what is no promise, switches that miss a case). Not no-unnecessary-type-assertion: its view of
// template-literal types differs from tsc's, and its fixes broke the build. Not import/no-cycle:
// it took 60 s of the run; test/import-cycles.test.ts checks the same in under a second.
// And the layering rules of ARCHITECTURE.md:
//   app/ and components/ never import the database (they read through lib/),
//   components/ and lib/ never import app/, lib/ never imports components/.
// `npm run lint` fails on any warning (--max-warnings 0); it is a stage of `npm test`.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const database = {
  group: ["@/lib/db", "@/lib/generated/*", "@/lib/generated/**", "@prisma/client", "**/lib/db", "**/generated/**"],
  message: "Pages, route files and components read and write through lib/ functions, never the database (ARCHITECTURE.md).",
};
const appFolder = { group: ["@/app/*", "@/app/**", "**/app/**"], message: "app/ is the top layer: move what both need into lib/ or components/." };
const componentsFolder = { group: ["@/components/*", "@/components/**"], message: "lib/ does not depend on UI components." };

export default defineConfig([
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "warn",
      "@typescript-eslint/no-misused-promises": ["warn", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "warn",
      "@typescript-eslint/switch-exhaustiveness-check": ["warn", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // tests and Playwright fixtures are not React: their `use...` helpers are not hooks; their
    // answers are read loosely (`body: any`) on purpose
    files: ["**/*.test.ts", "test/**", "e2e/**", "bench/**", "cli/**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Server components render once per request, so reading the clock there is what they should do;
    // the rule is written for client components, which read time from props or state.
    rules: { "react-hooks/purity": "off" },
  },
  {
    files: ["app/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["warn", { patterns: [database] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["warn", { patterns: [database, appFolder] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["warn", { patterns: [appFolder, componentsFolder] }] },
  },
]);
