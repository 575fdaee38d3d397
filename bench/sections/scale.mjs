// Section "scale": 1, 100, 1,000 and 10,000 concurrent pollers (this package, default client options) in a
// fresh process per run; wall time, peak sockets (the most connections the mock saw open at once), peak RSS, RSS
// per poller, and how each grows. The smaller sizes run interleaved over several rounds; 10,000 runs once (it takes
// minutes on 2 cores). --quick stops at 1,000. No throttling here: the fleet section measures that.
import { hasPoller } from "../lib/has-poller.mjs";
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const FLAT_LIMIT = 1.1; // "memory per poller flat from 100 to 10,000", read as: at most 10% more per poller
const PLAN = { steps: [50], retryAfter: "0" }; // 2 GETs per poller: one in progress, one terminal
const BIG = 10_000;

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
    const growth = previous ? `×${size / previous.size} pollers → ×${ratio(wall.median, previous.wall.median).toFixed(1)} time; ` : "";
    rows.push(
      row(label, "wall", "ms", wall, {
        note: `${growth}${r[0].requests} requests; CPU s: client ${cpu("cpuMs")}, mock ${cpu("mockCpuMs")}`,
      }),
    );
    const sockets = summarize(r.map((x) => x.sockets.peak));
    data.sizes[size].peakSockets = sockets;
    rows.push(
      row(label, "peak sockets", "n", sockets, {
        note: `${summarize(r.map((x) => x.sockets.opened)).median} connections opened in all, each a TLS handshake`,
      }),
    );
    rows.push(row(label, "peak RSS", "MB", peak, { note: `baseline ${(r[0].baselineRss / 2 ** 20).toFixed(1)} MB` }));
    const flat = size > 100 ? ratio(perPoller.median, data.sizes[100].perPollerKiB.median) : NaN;
    const targeted = size === sizes.at(-1) && size > 100;
    rows.push(
      row(label, "RSS per poller", "KB", perPoller, {
        ratio: flat,
        vs: "100",
        target: targeted ? `≤ ${FLAT_LIMIT.toFixed(2)}× the 100 value` : "",
        verdict: targeted ? verdict(flat, FLAT_LIMIT) : "",
        note: size === 1 ? "one poller: below RSS resolution" : "",
      }),
    );
    previous = { size, wall };
  }
  return { rows, data };
}
