// Section "cold-start": a fresh process per run, from importing the app to the first operation result, as a
// ratio to raw fetch. The mock is already listening in its own process. Variants interleaved, several rounds.
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const LIMIT = 1.1; // issue target: within 1.10× of bare core-client
const VARIANTS = ["fetch", "bare", "ours"];

export async function run({ snap, mock, quick }) {
  const child = `${snap}/bench/children/cold.mjs`;
  const rounds = quick ? 4 : 12;
  await mock.reset();
  await mock.add("cold", { steps: [] }); // already terminal: every GET answers Succeeded at once
  const env = clientEnv(mock, { BENCH_ID: "cold" });
  const app = (v) => `${snap}/bench/apps/${v}-get.mjs`;
  const once = (v) => runNode(child, [app(v)], { env, timeoutMs: 30_000 });
  // One discarded run each, so the file-system cache holds every variant's modules before measuring.
  for (const v of VARIANTS) await once(v);
  const runs = await interleave(VARIANTS, rounds, once);

  const importMs = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.result.importToResultMs))]));
  const spawnMs = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.firstOutputMs))]));
  const rows = [];
  for (const [label, s] of [["import→result", importMs], ["spawn→result", spawnMs]]) {
    for (const v of VARIANTS) {
      const vsBare = ratio(s[v].median, s.bare.median);
      const targeted = v === "ours" && label === "import→result";
      rows.push(
        row(`cold start ${label}`, v, "ms", s[v], {
          ratio: ratio(s[v].median, s.fetch.median),
          vs: "fetch",
          target: targeted ? `≤ ${LIMIT.toFixed(2)}× bare` : "",
          verdict: targeted ? verdict(vsBare, LIMIT) : "",
          note: v === "ours" ? `${vsBare.toFixed(2)}× bare` : "",
        }),
      );
    }
  }
  return { rows, data: { rounds, importToResultMs: importMs, spawnToResultMs: spawnMs } };
}
