// Section "per-request": N sequential DevOpsOperationResults_Get calls in a fresh client process per run;
// client CPU µs per call (process.cpuUsage, mock CPU excluded: it runs in its own process) and ms per call,
// as ratios to bare core-client. Variants interleaved, several rounds.
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const LIMIT = 1.05; // issue target: per-call CPU within 1.05× of bare core-client
const VARIANTS = ["fetch", "bare", "ours"];

export async function run({ snap, mock, quick }) {
  const child = `${snap}/bench/children/per-request.mjs`;
  const rounds = quick ? 3 : 7;
  const warmup = quick ? 50 : 200;
  const n = quick ? 300 : 1500;
  await mock.reset();
  await mock.add("per-request", { steps: [] });
  const env = clientEnv(mock, { BENCH_ID: "per-request" });
  const once = async (v) => {
    const r = await runNode(child, [`${snap}/bench/apps/${v}-get.mjs`, String(warmup), String(n)], { env, timeoutMs: 120_000 });
    // The mock records every request; clearing it between runs keeps its memory flat (the operation stays).
    await mock.reset();
    await mock.add("per-request", { steps: [] });
    return r.result;
  };
  const runs = await interleave(VARIANTS, rounds, once);

  const cpu = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.cpuUsPerCall))]));
  const wall = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.msPerCall))]));
  const rows = [];
  for (const v of VARIANTS) {
    const r = ratio(cpu[v].median, cpu.bare.median);
    rows.push(
      row("per-call client CPU", v, "µs", cpu[v], {
        ratio: r,
        vs: "bare",
        target: v === "ours" ? `≤ ${LIMIT.toFixed(2)}× bare` : "",
        verdict: v === "ours" ? verdict(r, LIMIT) : "",
        note: v === "bare" ? `${n} calls/run, ${rounds} runs` : "",
      }),
    );
  }
  for (const v of VARIANTS) rows.push(row("per-call wall", v, "ms", wall[v], { ratio: ratio(wall[v].median, wall.bare.median), vs: "bare" }));
  return { rows, data: { rounds, warmup, callsPerRun: n, cpuUsPerCall: cpu, msPerCall: wall } };
}
