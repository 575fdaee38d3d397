import { defineConfig } from "vitest/config";

// The packed-artefact checks: a separate run because they need the build and an npm install, which the
// source-level node project must not wait for. Run: vitest run --config test/pack/vitest.config.ts
export default defineConfig({
  test: {
    name: "pack",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/pack/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
