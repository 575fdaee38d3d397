import { defineConfig } from "vitest/config";

// The packed-artefact checks: a separate run because they need the build and npm installs, which the source-level
// node project must not wait for. global-setup.ts packs once; each file installs the tarball into its own consumer
// project. Run: vitest run --config test/pack/vitest.config.ts
export default defineConfig({
  test: {
    name: "pack",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/pack/**/*.test.ts"],
    globalSetup: ["test/pack/global-setup.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
