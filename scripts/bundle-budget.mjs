#!/usr/bin/env node
// Bundle budget: the minified+gzipped browser bundle of an app using this package (test/budget/ours.ts) must stay
// within 10% of the same app on bare @azure-rest/core-client (test/budget/bare.ts). Sizes are deterministic, so
// this is a budget, not a timing. Ours is bundled from the built dist/ (what users' bundlers see), not from src/.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";

const root = fileURLToPath(new URL("..", import.meta.url));
const RATIO_LIMIT = 1.1;

// The app imports "../../src/index.js" so that the project type check covers it; the bundle takes dist instead.
const useDist = {
  name: "use-dist",
  setup(b) {
    b.onResolve({ filter: /\/src\/index\.js$/ }, () => ({ path: `${root}dist/index.js` }));
  },
};

/** Bundles one app for the browser and returns its minified and gzipped sizes in bytes. */
export async function measure(entry) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [useDist],
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, metafile: result.metafile };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(`${root}dist/index.js`)) {
    console.log("bundle-budget: dist/index.js is missing; run the build first");
    process.exit(1);
  }
  const ours = await measure("test/budget/ours.ts");
  const bare = await measure("test/budget/bare.ts");
  const ratio = ours.gzip / bare.gzip;
  console.log(`bundle-budget: ours ${kb(ours.gzip)} gzip (${kb(ours.minified)} min)`);
  console.log(`bundle-budget: bare @azure-rest/core-client ${kb(bare.gzip)} gzip (${kb(bare.minified)} min)`);
  console.log(`bundle-budget: ratio ${ratio.toFixed(3)} (limit ${RATIO_LIMIT})`);
  if (ratio > RATIO_LIMIT) {
    console.log(`bundle-budget: FAILED, ours is ${((ratio - 1) * 100).toFixed(1)}% larger than bare (limit 10%)`);
    process.exit(1);
  }
}
