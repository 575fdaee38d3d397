import { defineConfig } from "vitest/config";

// The fresh-dependency run: needs the consumer install that run.ts makes (ARM_FRESH_CONSUMER).
// Run: tsx test/fresh-deps/run.ts
export default defineConfig({
  test: {
    name: "fresh-deps",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/fresh-deps/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The consumer's files load natively (no Vite transform), so Node itself resolves the package and its
    // dependencies there, as in a user's project.
    server: { deps: { external: [/fresh-consumer\//] } },
  },
});
