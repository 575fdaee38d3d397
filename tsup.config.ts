import { defineConfig } from "tsup";

// Four entries: the library (neutral: Node, Deno and browsers; no Node built-ins), its browser build, the testing
// mock (Node only) and the CLI (Node only). Each is emitted as ESM (.js + .d.ts) and CJS (.cjs + .d.cts).
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    platform: "neutral",
    target: "es2022",
    dts: true,
    sourcemap: false,
    clean: true,
    treeshake: true,
    splitting: false,
    // Deno reads `@ts-self-types` to find the declarations of a plain .js module.
    banner: ({ format }) => (format === "esm" ? { js: '/* @ts-self-types="./index.d.ts" */' } : {}),
  },
  {
    // The library again, for browser bundlers (package.json's "browser" condition): the same code with the Node-only
    // pipeline policies compiled out (src/custom/rest/pipeline.ts). ESM only; the declarations are index.d.ts.
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    dts: false,
    sourcemap: false,
    clean: false,
    treeshake: true,
    splitting: false,
    define: { __BROWSER_BUILD__: "true" },
    banner: { js: '/* @ts-self-types="./index.d.ts" */' },
  },
  {
    entry: { testing: "src/testing/index.ts" },
    format: ["esm", "cjs"],
    platform: "node",
    target: "node20",
    dts: true,
    sourcemap: false,
    clean: false,
    splitting: false,
  },
  {
    // The command-line tool: ESM only, Node only. It is the one bundle that may load @azure/identity (dynamically,
    // in credential.ts), which stays external so the user's installed copy is used.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    external: ["@azure/identity"],
    banner: { js: "#!/usr/bin/env node" },
  },
]);
