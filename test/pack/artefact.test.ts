import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { createConsumer, pack, root } from "./consumer.js";

// The package as npm would publish it: packed, installed by name into a throwaway project, then loaded, type
// checked and bundled the ways its users do. Run after the build (npm test does).

let files: string[];
let consumer: string;

beforeAll(() => {
  const packed = pack();
  files = packed.files;
  // A Node consumer has Node's types; the version the repository itself builds with, so it comes from the cache.
  consumer = createConsumer("consumer", packed.tarball, [`@types/node@${typesNodeVersion()}`]);
  for (const fixture of readdirSync(join(root, "test/pack/fixtures"))) {
    copyFileSync(join(root, "test/pack/fixtures", fixture), join(consumer, fixture));
  }
}, 240_000);

function typesNodeVersion(): string {
  return (JSON.parse(readFileSync(join(root, "node_modules/@types/node/package.json"), "utf8")) as { version: string }).version;
}

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: "utf8", timeout: 60_000 });
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
  it("holds the built entries, README and LICENSE, and no sources, tests or source maps", () => {
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "LICENSE", "package.json"]));
    expect(files.filter((f) => !f.startsWith("dist/") && !["LICENSE", "README.md", "package.json"].includes(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
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
