import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTERNAL, exampleSnippet, exists, read, readmeSnippets, root } from "./snippets.js";

const snippets = readmeSnippets();
const examples = readdirSync(join(root, "examples", "readme"))
  // The .ts files are this suite's examples; the .mjs/.cjs ones belong to the Node/browser runners (EXTERNAL).
  .filter((f) => f.endsWith(".ts") && f !== "context.ts")
  .map((f) => f.slice(0, -3));

describe("README", () => {
  it("starts with the title, the purpose, then npm ci && npm start and npm test", () => {
    const lines = read("README.md").split("\n");
    expect(lines[0]).toBe("# arm-security-devops");
    expect(lines[2]).toMatch(/client for the Microsoft Defender for Cloud DevOps API/);
    expect(lines.slice(4, 8).join("\n")).toMatch(/^```sh\nnpm ci && npm start .*\nnpm test .*\n```$/);
  });

  it("shows every example file as a snippet, and has no snippet without a tested source", () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const name of examples) expect(snippets.has(name), `README lacks <!-- snippet: ${name} -->`).toBe(true);
    for (const name of snippets.keys()) expect(examples.includes(name) || name in EXTERNAL, `${name} has no source`).toBe(true);
  });

  it.each(examples)("snippet %s is byte-identical to its example file", (name) => {
    expect(snippets.get(name)).toBe(exampleSnippet(name));
  });

  for (const [name, path] of Object.entries(EXTERNAL)) {
    // The Deno and browser runners execute these files; until a file lands, the README block is a draft.
    it.skipIf(!exists(path))(`snippet ${name} is byte-identical to ${path}, which its own suite runs`, () => {
      expect(snippets.get(name)).toBe(read(path));
    });
  }
});
