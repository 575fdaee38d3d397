import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README's usage snippets are files that the runtime suites run unchanged (Node ESM and CJS in the packed
// consumer, the ESM one also in Chromium, the Deno one in deno test). This keeps the README's copies identical.
const root = new URL("../../", import.meta.url);
const readme = () => readFileSync(new URL("README.md", root), "utf8");
const SNIPPETS = ["examples/readme/node-esm.mjs", "examples/readme/node-cjs.cjs", "test/deno/readme-snippet.ts"];

describe("README usage snippets", () => {
  for (const path of SNIPPETS) {
    it(`shows ${path} verbatim`, () => {
      const snippet = readFileSync(new URL(path, root), "utf8").trim();
      expect(readme()).toContain(snippet);
    });
  }
});
