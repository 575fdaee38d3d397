import { defineConfig } from "tsup";

// Three entries: the library (neutral: one build for Node, Deno and browsers, with no Node built-ins; the Azure core
// libraries it imports bring their own browser builds), the testing mock (Node only) and the CLI (Node only). The
// library and the mock are emitted as ESM (.js + .d.ts) and CJS (.cjs + .d.cts), the CLI as ESM.
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
    entry: { testing: "src/testing/index.ts" },
    format: ["esm", "cjs"],
    platform: "node",
    target: "node20",
    dts: true,
    sourcemap: false,
    clean: false,
    splitting: false,
    // selfsigned is an optional peer dependency, loaded only when a certificate is made (certificate.ts).
    external: ["selfsigned"],
  },
  {
    // The command-line tool: ESM only, Node only. It is the one bundle that may load @azure/identity (dynamically,
    // in credential.ts), which stays external so the user's installed copy is used; so does selfsigned, which its
    // mock command loads (through src/testing/certificate.ts) and which a user may not have installed.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: false,
    sourcemap: false,
    clean: false,
    splitting: false,
    external: ["@azure/identity", "selfsigned"],
    banner: { js: "#!/usr/bin/env node" },
  },
]);
