// Reads the README's marked code blocks and the example files they must equal.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** `<!-- snippet: name -->` followed by a fenced block: name → block content. */
export function readmeSnippets(): Map<string, string> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const found = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- snippet: ([\w-]+) -->\n```\w*\n([\s\S]*?)\n```/g)) {
    if (found.has(m[1]!)) throw new Error(`README has two snippets named ${m[1]}`);
    found.set(m[1]!, m[2]!);
  }
  return found;
}

/**
 * The README text of examples/readme/<name>.ts: every `// snippet-start` … `// snippet-end` region, dedented to
 * its marker, joined by a blank line, with the source's relative imports shown as the package names users write.
 */
export function exampleSnippet(name: string): string {
  const source = readFileSync(join(root, "examples", "readme", `${name}.ts`), "utf8");
  const regions = [...source.matchAll(/^([ \t]*)\/\/ snippet-start\n([\s\S]*?)^[ \t]*\/\/ snippet-end\n/gm)];
  if (regions.length === 0) throw new Error(`examples/readme/${name}.ts has no snippet-start/snippet-end region`);
  return regions
    .map(([, indent = "", body = ""]) =>
      body
        .split("\n")
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join("\n")
        .replace(/\n+$/, ""),
    )
    .join("\n\n")
    .replaceAll('"../../src/index.js"', '"arm-security-devops"')
    .replaceAll('"../../src/testing/index.js"', '"arm-security-devops/testing"');
}

/** Snippets whose runnable copy belongs to another suite (Deno and browser runners), and where it lives. */
export const EXTERNAL: Record<string, string> = {
  deno: "test/deno/readme-snippet.ts",
  "node-esm": "examples/readme/node-esm.mjs",
  "node-cjs": "examples/readme/node-cjs.cjs",
  "mock-python": "examples/readme/mock_python.py", // run by test/cli/mock-python.test.ts
};

export const exists = (path: string) => existsSync(join(root, path));
export const read = (path: string) => readFileSync(join(root, path), "utf8").replace(/\n+$/, "");
