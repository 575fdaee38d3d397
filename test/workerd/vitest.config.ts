import { defineConfig } from "vitest/config";

// The workerd suite: a separate run because it needs the build, an npm install and the workerd binary (ARM_WORKERD).
// Run: vitest run --config test/workerd/vitest.config.ts
export default defineConfig({
  test: {
    name: "workerd",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/workerd/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
