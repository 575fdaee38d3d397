import { defineConfig } from "vitest/config";

// One config, several projects: `node` runs the behaviour suites against the source; `types` checks the
// type-level tests (*.test-d.ts). The browser project is added by test/browser (see README "Testing").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**", "test/deno/**", "test/bun/**", "test/workerd/**", "test/fresh-deps/**", "test/pack/**", "node_modules/**"],
          environment: "node",
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
