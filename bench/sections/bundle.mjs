// Section "bundle": esbuild browser bundles (minified) of the same tiny app written with raw fetch, bare
// @azure-rest/core-client and this package, in raw / gzip / brotli bytes. Measured by scripts/bundle-budget.mjs's
// measure(), so the bench and the test budget bundle alike. Sizes are deterministic, so one build per variant; no rounds.
import { relative } from "node:path";
import { measure } from "../../scripts/bundle-budget.mjs";
import { ratio } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const LIMIT = 1.1; // issue target: within 1.10× of bare core-client

async function sizes(root, entry) {
  const { minified, gzip, brotli } = await measure(entry, { absWorkingDir: root });
  return { raw: minified, gzip, brotli };
}

const kb = (b) => (b / 1024).toFixed(1);

export async function run({ root, snap }) {
  const app = (file) => `${snap}/bench/apps/${file}`;
  const groups = [
    {
      name: "get",
      baseline: "bare",
      entries: { fetch: app("fetch-get.mjs"), bare: app("bare-get.mjs"), ours: app("ours-get.mjs") },
    },
    {
      name: "get+poll",
      baseline: "bare",
      // bare: the bundle budget's own yardstick app, reused as is.
      entries: { fetch: app("fetch-poll.mjs"), bare: `${root}/test/budget/bare.ts`, ours: app("ours-poll.mjs") },
    },
  ];
  const rows = [];
  const data = {};
  for (const group of groups) {
    const measured = {};
    for (const [variant, entry] of Object.entries(group.entries)) {
      try {
        measured[variant] = { entry: relative(root, entry).replace(/^bench\/results\/\.build\/snap\//, ""), ...(await sizes(root, entry)) };
      } catch (e) {
        // e.g. the poller not exported by this build yet: report the gap, keep the other variants.
        measured[variant] = { entry, raw: NaN, gzip: NaN, brotli: NaN, error: String(e?.errors?.[0]?.text ?? e) };
      }
    }
    data[group.name] = measured;
    for (const [variant, m] of Object.entries(measured)) {
      const r = ratio(m.gzip, measured[group.baseline].gzip);
      rows.push(
        row("bundle gzip", `${variant} ${group.name}`, "B", { median: m.gzip, min: m.gzip, max: m.gzip, n: 1 }, {
          ratio: r,
          vs: "bare",
          note: m.error ? `not built: ${m.error}` : `min ${kb(m.raw)} KB, br ${kb(m.brotli)} KB`,
          target: variant === "ours" ? `≤ ${LIMIT.toFixed(2)}× bare` : "",
          verdict: variant === "ours" ? verdict(r, LIMIT) : "",
        }),
      );
    }
  }
  return { rows, data };
}
