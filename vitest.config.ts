// Two projects: every integration test runs on SQLite and on PostgreSQL, each against a fresh
// database that its globalSetup migrates (test/global-setup.ts).
import { defineConfig } from "vitest/config";

const shared = {
  include: ["**/*.test.ts"],
  exclude: ["node_modules/**", "e2e/**", ".next/**"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  fileParallelism: false,
  setupFiles: ["test/setup-env.ts"],
};
const env = { NODE_ENV: "test" as const, KEYDESK_SECRET: "test-only-secret-0123456789abcdefghijklmnop" };

export default defineConfig({
  // lib/'s `import "server-only"` is Next's to resolve; in tests, as on any server, it is empty
  resolve: { tsconfigPaths: true, alias: { "server-only": "next/dist/compiled/server-only/empty.js" } },
  test: {
    projects: [
      { extends: true, test: { ...shared, name: "sqlite", env: { ...env, KEYDESK_TEST_DB: "sqlite" }, globalSetup: ["test/global-setup.ts"] } },
      { extends: true, test: { ...shared, name: "postgresql", env: { ...env, KEYDESK_TEST_DB: "postgresql" }, globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
