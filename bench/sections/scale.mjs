// Section "scale": 1, 100, 1,000 and 10,000 concurrent pollers (this package, default client options but the read
// budget, off: the mock does not throttle here) in a fresh process per run; wall time, peak sockets (the most
// connections the mock saw open at once), peak RSS, RSS per poller, and how each grows. The smaller sizes run
// interleaved over several rounds; 10,000 runs once. --quick stops at 1,000. The fleet section measures throttling.
//
// Targets (issue 13): 10,000 pollers take at most 11× the wall of 1,000 (the cost grows linearly), never open more
// sockets than the client's bound (maxConcurrentRequests), and use no more RSS per poller than 1,000 do.
import { hasPoller } from "../lib/has-poller.mjs";
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const PLAN = { steps: [50], retryAfter: "0" }; // 2 GETs per poller: one in progress, one terminal
const BIG = 10_000;
const WALL_GROWTH_LIMIT = 11; // ×10 pollers → at most ×11 time
const RSS_LIMIT = 1; // RSS per poller at 10,000 no higher than at 1,000

export async function run({ mock, quick, snap, log }) {
  const child = `${snap}/bench/children/scale.mjs`;
  if (!(await hasPoller(snap))) {
    return { rows: [row("scale", "ours", "ms", { n: 0 }, { note: "pollOperationResult not exported by this build" })], data: {} };
  }
  let runNo = 0;
  const once = async (size) => {
    const n = Number(size);
    // A fresh mock state each run: the mock's request log would otherwise grow by 20,000 entries per big run. The
    // previous child's sockets are closed first, so the peak counted from the reset is this run's own.
    await mock.settle();
    await mock.reset();
    const prefix = `scale-${runNo++}-`;
    await mock.addMany(prefix, n, PLAN);
    await mock.add(`${prefix}warm`, { steps: [] });
    const mockCpu0 = await mock.cpuMs();
    const { result } = await runNode(child, [size, prefix], {
      env: clientEnv(mock),
      timeoutMs: 600_000,
      nodeArgs: ["--expose-gc"],
    });
    const mockCpuMs = (await mock.cpuMs()) - mockCpu0;
    const seen = await mock.count(prefix);
    const sockets = await mock.connections(); // the warm-up's socket included: it is the pollers' to reuse
    return { ...result, mockCpuMs, requests: seen.count - 1, sockets }; // minus the warm-up poll's one GET
  };
  const small = [1, 100, 1000];
  const runs = await interleave(small.map(String), quick ? 1 : 3, once);
  if (!quick) {
    log(`scale: ${BIG} pollers, once (minutes on a small machine) …`);
    runs[String(BIG)] = [await once(String(BIG))];
  }
  const sizes = quick ? small : [...small, BIG];

  const rows = [];
  const data = { plan: PLAN, sizes: {} };
  let previous;
  for (const size of sizes) {
    const r = runs[String(size)];
    const wall = summarize(r.map((x) => x.wallMs));
    const peak = summarize(r.map((x) => x.peakRss / 2 ** 20));
    const perPoller = summarize(r.map((x) => x.perPollerBytes / 1024));
    const cpu = (key) => (summarize(r.map((x) => x[key])).median / 1000).toFixed(1);
    data.sizes[size] = { wallMs: wall, peakRssMiB: peak, perPollerKiB: perPoller, runs: r };
    const label = `scale ${size.toLocaleString("en-US")} pollers`;
    const growth = previous ? ratio(wall.median, previous.wall.median) : NaN;
    const big = size === BIG;
    rows.push(
      row(label, "wall", "ms", wall, {
        ratio: big ? growth : NaN,
        vs: "1,000",
        target: big ? `≤ ${WALL_GROWTH_LIMIT}× the 1,000 wall` : "",
        verdict: big ? verdict(growth, WALL_GROWTH_LIMIT) : "",
        note: `${previous ? `×${size / previous.size} pollers → ×${growth.toFixed(1)} time; ` : ""}${r[0].requests} requests; CPU s: client ${cpu("cpuMs")}, mock ${cpu("mockCpuMs")}`,
      }),
    );
    const sockets = summarize(r.map((x) => x.sockets.peak));
    // JSON has no Infinity: a client without a bound reports null.
    const bound = r[0].maxConcurrentRequests ?? Number.POSITIVE_INFINITY;
    data.sizes[size].peakSockets = sockets;
    rows.push(
      row(label, "peak sockets", "n", sockets, {
        target: Number.isFinite(bound) ? `≤ ${bound} (maxConcurrentRequests)` : "",
        verdict: Number.isFinite(bound) ? verdict(sockets.max, bound) : "",
        note: `${summarize(r.map((x) => x.sockets.opened)).median} connections opened in all, each a TLS handshake`,
      }),
    );
    rows.push(row(label, "peak RSS", "MB", peak, { note: `baseline ${(r[0].baselineRss / 2 ** 20).toFixed(1)} MB` }));
    const vs1000 = big ? ratio(perPoller.median, data.sizes[1000].perPollerKiB.median) : NaN;
    rows.push(
      row(label, "RSS per poller", "KB", perPoller, {
        ratio: vs1000,
        vs: "1,000",
        target: big ? `≤ ${RSS_LIMIT.toFixed(2)}× the 1,000 value` : "",
        verdict: big ? verdict(vs1000, RSS_LIMIT) : "",
        note:
          size === 1
            ? "one poller: below RSS resolution"
            : size > 100
              ? `${ratio(perPoller.median, data.sizes[100].perPollerKiB.median).toFixed(2)}× the 100 value`
              : "",
      }),
    );
    previous = { size, wall };
  }
  return { rows, data };
}
