#!/usr/bin/env node
// Size budget: the gzip bytes this package adds to the browser bundle of an Azure app that already uses
// @azure-rest/core-client with @azure/core-lro (test/budget/host.ts: one GET, one long-running PUT through core-lro's
// poller). Two apps of ours add it: test/budget/with-get.ts (a GET) and test/budget/with-lro.ts (a GET and a PUT
// waited for with getLongRunningPoller). Issue 12's targets: ≤ 2.0 KB and ≤ 6.0 KB (1 KB = 1024 B).
//
// Enforced: a regression ceiling per app, test/budget/ceilings.json, the bytes measured when it was last recorded.
// The step fails when an app adds more than its ceiling, whatever the target says. After a change that is meant to
// move the figures, re-record them with `node scripts/bundle-budget.mjs --record` (or edit the one number) and commit
// the file with that change. Printed for information only: the standalone ratio of test/budget/ours.ts to
// test/budget/bare.ts (the same get-and-poll app on bare core-client).
//
// Sizes are deterministic for a given lockfile, so this is a budget, not a timing. Our apps import the package's
// source path; that import is answered with the built dist/index.js, which is what users' bundlers get.
import { build } from "esbuild";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
// BUNDLE_BUDGET_CEILINGS points elsewhere only for the test of this script (test/scripts/bundle-budget.test.ts).
const CEILINGS_FILE = process.env.BUNDLE_BUDGET_CEILINGS || `${root}test/budget/ceilings.json`;

/** The two apps of ours, each measured against the host app. */
const BUDGET_APPS = [
  { key: "get", label: "a GET", entry: "test/budget/with-get.ts", targetBytes: 2.0 * 1024 },
  { key: "lro", label: "a GET and getLongRunningPoller", entry: "test/budget/with-lro.ts", targetBytes: 6.0 * 1024 },
];
const HOST_APP = "test/budget/host.ts";
const STANDALONE = { ours: "test/budget/ours.ts", bare: "test/budget/bare.ts" };

/** Answers the apps' import of the package ("../../src/index.js", or the bench's "../../dist/index.js") with `file`. */
function packageAs(file) {
  return {
    name: "package-as-built",
    setup(b) {
      b.onResolve({ filter: /\/(src|dist)\/index\.js$/ }, () => ({ path: file }));
    },
  };
}

/**
 * Bundles one app for the browser (minified ESM, as a user's bundler would) and returns its sizes in bytes.
 * `packageEntry` is the built file the package resolves to (default: this checkout's dist/index.js).
 */
async function measure(entry, { absWorkingDir = root, packageEntry = `${root}dist/index.js` } = {}) {
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
    plugins: [packageAs(packageEntry)],
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    metafile: result.metafile,
  };
}

/** Every figure of the budget: the host app, what each app of ours adds to it, and the standalone pair. */
export async function measureBudget(options = {}) {
  const host = await measure(HOST_APP, options);
  const apps = [];
  for (const app of BUDGET_APPS) {
    const sizes = await measure(app.entry, options);
    apps.push({ ...app, sizes, addedGzip: sizes.gzip - host.gzip });
  }
  const ours = await measure(STANDALONE.ours, options);
  const bare = await measure(STANDALONE.bare, options);
  return { host, apps, standalone: { ours, bare, ratio: ours.gzip / bare.gzip } };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const grouped = (bytes) => bytes.toLocaleString("en-US");

function readCeilings() {
  return existsSync(CEILINGS_FILE) ? JSON.parse(readFileSync(CEILINGS_FILE, "utf8")) : {};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(`${root}dist/index.js`)) {
    console.log("bundle-budget: dist/index.js is missing; run the build first");
    process.exit(1);
  }
  const record = process.argv.includes("--record");
  const { host, apps, standalone } = await measureBudget();
  const ceilings = readCeilings();
  let failed = false;
  console.log(
    `bundle-budget: host app (core-client + core-lro, ${HOST_APP}): ${kb(host.gzip)} gzip (${grouped(host.gzip)} B)`,
  );
  for (const app of apps) {
    const target = app.addedGzip <= app.targetBytes ? "meets" : "not met yet";
    const ceiling = ceilings[app.key];
    const limit =
      ceiling === undefined
        ? "no ceiling recorded"
        : app.addedGzip <= ceiling
          ? `ceiling ${grouped(ceiling)} B`
          : `OVER the ceiling of ${grouped(ceiling)} B`;
    if (!record && (ceiling === undefined || app.addedGzip > ceiling)) failed = true;
    console.log(
      `bundle-budget: + ${app.label}: +${kb(app.addedGzip)} gzip (+${grouped(app.addedGzip)} B); ` +
        `target ≤ ${kb(app.targetBytes)}: ${target}; ${limit}`,
    );
  }
  console.log(
    `bundle-budget: standalone, for information: ours ${kb(standalone.ours.gzip)} against bare core-client ` +
      `${kb(standalone.bare.gzip)} gzip (${standalone.ratio.toFixed(3)}×)`,
  );
  if (record) {
    const recorded = Object.fromEntries(apps.map((app) => [app.key, app.addedGzip]));
    writeFileSync(CEILINGS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
    console.log(`bundle-budget: recorded ${JSON.stringify(recorded)} in ${CEILINGS_FILE}`);
  } else if (failed) {
    console.log(`bundle-budget: FAILED: an app adds more than its recorded ceiling (${CEILINGS_FILE})`);
    process.exit(1);
  }
}
