// Section "scale": 1, 100, 1,000 and 10,000 concurrent pollers (this package) in a fresh process per run; wall
// time, peak RSS, RSS per poller, and how each grows. --quick stops at 1,000. Sizes interleaved across rounds.
import { fileURLToPath } from "node:url";
import { hasPoller } from "../lib/has-poller.mjs";
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const CHILD = fileURLToPath(new URL("../children/scale.mjs", import.meta.url));
const FLAT_LIMIT = 1.1; // "memory per poller flat from 100 to 10,000", read as: at most 10% more per poller
const PLAN = { steps: [50], retryAfter: "0" }; // 2 GETs per poller: one in progress, one terminal

export async function run({ root, mock, quick }) {
  if (!(await hasPoller(root))) {
    return { rows: [row("scale", "ours", "ms", { n: 0 }, { note: "pollOperationResult not exported by this build" })], data: {} };
  }
  const sizes = quick ? [1, 100, 1000] : [1, 100, 1000, 10_000];
  const rounds = quick ? 1 : 3;
  let runNo = 0;
  const runs = await interleave(sizes.map(String), rounds, async (size) => {
    const n = Number(size);
    // A fresh mock state each run: the mock's request log would otherwise grow by 20,000 entries per big run.
    await mock.reset();
    const prefix = `scale-${runNo++}-`;
    await mock.add(prefix, n, PLAN);
    await mock.add(`${prefix}warm`, 1, { steps: [] });
    const { result } = await runNode(CHILD, [size, prefix], {
      env: clientEnv(mock, { BENCH_ID: "unused" }),
      timeoutMs: 300_000,
      nodeArgs: ["--expose-gc"],
    });
    const seen = await mock.count(prefix);
    return { ...result, requests: seen.count - 1 }; // minus the warm-up poll's one GET
  });

  const rows = [];
  const data = { plan: PLAN, rounds, sizes: {} };
  let previous;
  for (const size of sizes) {
    const r = runs[String(size)];
    const wall = summarize(r.map((x) => x.wallMs));
    const peak = summarize(r.map((x) => x.peakRss / 2 ** 20));
    const perPoller = summarize(r.map((x) => x.perPollerBytes / 1024));
    data.sizes[size] = { wallMs: wall, peakRssMiB: peak, perPollerKiB: perPoller, runs: r };
    const label = `${size.toLocaleString("en-US")} pollers`;
    const growth = previous ? `×${size / previous.size} pollers → ×${ratio(wall.median, previous.wall.median).toFixed(1)} time` : "";
    rows.push(row(`scale ${label}`, "wall", "ms", wall, { note: `${growth}${growth ? ", " : ""}${r[0].requests} requests` }));
    rows.push(row(`scale ${label}`, "peak RSS", "MB", peak, { note: `baseline ${(r[0].baselineRss / 2 ** 20).toFixed(1)} MB` }));
    const flat = size > 100 ? ratio(perPoller.median, data.sizes[100].perPollerKiB.median) : NaN;
    const targeted = size === sizes.at(-1) && size > 100;
    rows.push(
      row(`scale ${label}`, "RSS per poller", "KB", perPoller, {
        ratio: flat,
        vs: "100",
        target: targeted ? `≤ ${FLAT_LIMIT.toFixed(2)}× the 100 value` : "",
        verdict: targeted ? verdict(flat, FLAT_LIMIT) : "",
      }),
    );
    previous = { size, wall };
  }
  return { rows, data };
}
