#!/usr/bin/env node
// Bundle budget: the minified+gzipped browser bundle of an app using this package (test/budget/ours.ts), against
// the same app on bare @azure-rest/core-client (test/budget/bare.ts); target within 10%. Sizes are deterministic, so
// this is a budget, not a timing. Ours is bundled from the built dist/ (what users' bundlers see), not from src/.
import { build } from "esbuild";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
// The target: within 10% of bare core-client. The step fails above it.
const TARGET_RATIO = 1.1;

// The apps import "../../src/index.js" (so that the project type check covers them) or "../../dist/index.js" (the
// benchmark's); a browser bundler resolving the package by name takes its "browser" condition, dist/browser.js, so
// both are answered with that.
const useBrowserBuild = {
  name: "use-browser-build",
  setup(b) {
    b.onResolve({ filter: /\/(src|dist)\/index\.js$/ }, (args) => ({
      path: resolve(dirname(args.importer), args.path).replace(/\/(src|dist)\/index\.js$/, "/dist/browser.js"),
    }));
  },
};

/**
 * Bundles one app for the browser (minified ESM, as a user's bundler would) and returns its sizes in bytes.
 */
export async function measure(entry, { absWorkingDir = root } = {}) {
  const result = await build({
    absWorkingDir,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [useBrowserBuild],
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    metafile: result.metafile,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(`${root}dist/browser.js`)) {
    console.log("bundle-budget: dist/browser.js is missing; run the build first");
    process.exit(1);
  }
  const ours = await measure("test/budget/ours.ts");
  const bare = await measure("test/budget/bare.ts");
  const ratio = ours.gzip / bare.gzip;
  console.log(`bundle-budget: ours ${kb(ours.gzip)} gzip (${kb(ours.minified)} min, ${ours.gzip} B)`);
  console.log(`bundle-budget: bare @azure-rest/core-client ${kb(bare.gzip)} gzip (${kb(bare.minified)} min, ${bare.gzip} B)`);
  const headroom = Math.floor(bare.gzip * TARGET_RATIO) - ours.gzip;
  console.log(`bundle-budget: ratio ${ratio.toFixed(3)}, target ≤ ${TARGET_RATIO} (${headroom} B gzip of headroom)`);
  if (ratio > TARGET_RATIO) {
    console.log(`bundle-budget: FAILED, ours is ${ratio.toFixed(3)}× bare core-client, over the ${TARGET_RATIO}× budget`);
    process.exit(1);
  }
}
