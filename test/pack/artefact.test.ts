import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, posix } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_SCOPE, startMockArm } from "../../src/testing/index.js";
import { createConsumer, root } from "./consumer.js";

// The package as npm would publish it: packed, installed by name into a throwaway project, then loaded, type
// checked and bundled the ways its users do. Run after the build (npm test does).

let files: string[];
let consumer: string;

beforeAll(() => {
  const packed = inject("packed");
  files = packed.files;
  // A Node consumer has Node's types: the version the repository itself builds with.
  consumer = createConsumer("consumer", packed.tarball, [`@types/node@${typesNodeVersion()}`]);
  for (const folder of ["test/pack/fixtures", "examples/readme"]) {
    for (const file of readdirSync(join(root, folder))) copyFileSync(join(root, folder, file), join(consumer, file));
  }
}, 240_000);

function typesNodeVersion(): string {
  return (JSON.parse(readFileSync(join(root, "node_modules/@types/node/package.json"), "utf8")) as { version: string }).version;
}

function node(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
}

function nodeAsync(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: consumer, timeout: 60_000, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

function tsc(project: string): string {
  try {
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", project], { cwd: consumer, encoding: "utf8" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("the packed package", () => {
  it("holds the built entries, README, the documents it links to and LICENSE, and no sources, tests or source maps", () => {
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "LICENSE", "package.json"]));
    const documents = ["LICENSE", "README.md", "package.json", "bench/README.md", "src/testing/README.md"];
    expect(files.filter((f) => !f.startsWith("dist/") && !documents.includes(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  });

  it("links, in every Markdown file it ships, only to files it ships (or to web addresses)", () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const file = posix.normalize(posix.join(posix.dirname(doc), target.split("#")[0]!));
        if (!files.includes(file)) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("is loaded by require() by name, with the factory as named and default export", () => {
    const out = node(["-e", "const m = require('arm-security-devops'); console.log(typeof m.createClient, m.default === m.createClient, typeof m.isUnexpected)"]);
    expect(out.trim()).toBe("function true function");
  });

  it("is loaded by import by name, with the factory as named and default export", () => {
    const out = node(["--input-type=module", "-e", "import m, { createClient, isUnexpected } from 'arm-security-devops'; console.log(typeof createClient, m === createClient, typeof isUnexpected)"]);
    expect(out.trim()).toBe("function true function");
  });

  it("loads no CommonJS file of its own when imported as ESM (no dual-package hazard inside the package)", () => {
    const out = node([
      "--input-type=module",
      "-e",
      "import 'arm-security-devops'; import { createRequire } from 'node:module'; console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)))",
    ]);
    const ours = (JSON.parse(out) as string[]).filter((path) => path.includes("/node_modules/arm-security-devops/"));
    expect(ours).toEqual([]);
  });

  for (const [kind, file] of [["esm", "node-esm.mjs"], ["cjs", "node-cjs.cjs"]] as const) {
    it(`runs the README's Node ${kind.toUpperCase()} snippet (examples/readme/${file}) to a Succeeded operation`, async () => {
      const mock = await startMockArm();
      try {
        mock.addOperationResult("op-readme", { steps: [0], retryAfter: "0" });
        const ids = { ...DEFAULT_SCOPE, operationResultId: "op-readme" };
        const snippet = JSON.stringify({ endpoint: mock.endpoint, token: mock.token, ca: mock.certificate, ids });
        // Asynchronous child: the mock answers from this process while the snippet runs in the other.
        const out = await nodeAsync(["run-snippet.mjs", kind], { ARM_SNIPPET: snippet });
        expect(out.trim()).toBe("Succeeded");
      } finally {
        await mock.close();
      }
    });
  }

  it("type-checks an .mts and a .cts consumer under moduleResolution NodeNext", () => {
    expect(tsc("tsconfig.nodenext.json")).toBe("");
  });

  it("type-checks a consumer under moduleResolution Bundler", () => {
    expect(tsc("tsconfig.bundler.json")).toBe("");
  });

  it("bundles for the browser with no Node built-in module in the bundle", async () => {
    const result = await build({
      absWorkingDir: consumer,
      entryPoints: ["browser.ts"],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => builtins.has(path) || path.startsWith("node:"))).toEqual([]);
    // The Azure core libraries must have resolved to their browser builds, not the Node ones.
    const azure = Object.keys(result.metafile.inputs).filter((path) => path.includes("node_modules/@azure/core-rest-pipeline/"));
    expect(azure.length).toBeGreaterThan(0);
    expect(azure.filter((path) => !path.includes("/dist/browser/"))).toEqual([]);
  });
});
