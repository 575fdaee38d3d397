// Section "fleet" (issue 13): N pollers of operation results at once, each operation needing 5 polls (4 running,
// then Succeeded; Retry-After 0), against the mock throttling like ARM with a scaled-down read bucket. Side by side:
// this package's pollOperationResult, core-lro's createHttpPoller over bare core-client (what an RLC user has
// today), and the bucket-limited ideal: (reads − burst) ÷ refill. Then again with a simulated second tool spending
// half the refill. Each run is a fresh child process on fresh operations and full buckets; the mock counts the
// reads and 429s. This package's client is given the mock's bucket as its readBudget (children/fleet.mjs), as a
// user would configure it for the limits of the ARM it talks to. See bench/README.md for why the bucket is sized
// as it is.
import { hasPoller } from "../lib/has-poller.mjs";
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const PLAN = { steps: [20, 40, 60, 80], retryAfter: "0" };
const POLLS = PLAN.steps.length + 1;
// ARM's read bucket (250, refill 25/s) with its clock 20× fast: the same burst, 20 tokens for every one of ARM's.
// --quick: a fifth of the pollers and of the burst, the refill at 200/s.
const FULL = { n: 1000, size: 250, refillPerSecond: 500, rounds: 2 };
const QUICK = { n: 200, size: 50, refillPerSecond: 200, rounds: 1 };
const SCENARIOS = [
  { label: "", otherShare: 0 },
  { label: ", other tool at ½ refill", otherShare: 0.5 },
];
const VARIANTS = ["ours", "core-lro"];
// The issue's targets for this package: at most 1% of reads answered 429, within 1.15× the ideal time.
const SHARE_LIMIT = 0.01;
const WALL_LIMIT = 1.15;
const POLLER_TIMEOUT_MS = 120_000;
const CHILD_TIMEOUT_MS = 180_000;

export async function run({ mock, quick, snap, log }) {
  if (!(await hasPoller(snap))) {
    return { rows: [row("fleet", "ours", "ms", { n: 0 }, { note: "pollOperationResult not exported by this build" })], data: {} };
  }
  const p = quick ? QUICK : FULL;
  const child = `${snap}/bench/children/fleet.mjs`;
  const subscriptionId = mock.scope.subscriptionId;
  const reads = p.n * POLLS;
  const rows = [];
  const data = { plan: PLAN, ...p, scenarios: [] };
  let runNo = 0;
  try {
    for (const scenario of SCENARIOS) {
      const otherPerSecond = p.refillPerSecond * scenario.otherShare;
      const netRefill = p.refillPerSecond - otherPerSecond;
      const idealMs = (Math.max(0, reads - p.size) / netRefill) * 1000;
      log(`fleet: ${p.n} pollers${scenario.label}, ideal ${(idealMs / 1000).toFixed(1)} s, ${p.rounds} round(s) …`);
      const runs = await interleave(VARIANTS, p.rounds, async (variant) => {
        await mock.settle(); // the previous child's sockets closed, so this run's peak is its own
        await mock.reset();
        await mock.throttle({ retryAfterMs: true, subscription: { reads: { size: p.size, refillPerSecond: p.refillPerSecond } } });
        const prefix = `fleet-${runNo++}-`;
        await mock.addMany(prefix, p.n, PLAN);
        // Started before the child: while the bucket is full the tool's spending is refilled at once, so the burst
        // is still whole when the pollers start.
        const stop = otherPerSecond > 0 ? await mock.simulateOtherClient({ subscriptionId, reads: otherPerSecond }) : undefined;
        let result;
        try {
          ({ result } = await runNode(child, [variant, String(p.n), prefix, String(POLLER_TIMEOUT_MS), String(p.size), String(p.refillPerSecond)], {
            env: clientEnv(mock),
            timeoutMs: CHILD_TIMEOUT_MS,
          }));
        } finally {
          await stop?.();
        }
        const counters = (await mock.throttleCounters(subscriptionId)).reads;
        const sockets = await mock.connections();
        return { ...result, reads: counters.requests, throttled: counters.throttled, spentByOthers: counters.spentByOthers, sockets };
      });
      data.scenarios.push({ ...scenario, otherPerSecond, idealMs, runs });
      rows.push(...scenarioRows(`fleet ${p.n.toLocaleString("en-US")}×${POLLS} polls${scenario.label}`, runs, { ...p, reads, idealMs, netRefill }));
    }
  } finally {
    await mock.reset(); // throttling off again for the sections after this one
  }
  return { rows, data };
}

/** What this package's client reported about its read budget (readBudgetState) at the end of each run. */
function budgetNotes(runs) {
  const budgets = runs.map((x) => x.budget).filter((b) => b && b.reads !== undefined);
  if (budgets.length === 0) return [];
  const pauses = summarize(budgets.map((b) => b.pauses));
  const others = budgets.map((b) => b.othersPerSecond).filter((o) => typeof o === "number");
  return [
    `pauses after a 429: ${pauses.min === pauses.max ? pauses.min : `${pauses.min}–${pauses.max}`}`,
    ...(others.length ? [`others' spending estimated at ${others.map((o) => Math.round(o)).join(", ")}/s`] : []),
  ];
}

function scenarioRows(label, runs, { n, size, reads, idealMs, netRefill }) {
  const rows = [];
  const ideal = { median: idealMs, min: idealMs, max: idealMs, n: 1 };
  for (const v of VARIANTS) {
    const r = runs[v];
    const failed = r.reduce((sum, x) => sum + (x.n - x.succeeded), 0);
    const kinds = [...new Set(r.flatMap((x) => Object.keys(x.failures)))];
    const pollers = r.length > 1 ? `${n * r.length} pollers (${r.length} runs)` : `${n} pollers`;
    const peak = summarize(r.map((x) => x.sockets.peak));
    rows.push(
      row(`${label}: reads sent`, v, "req", summarize(r.map((x) => x.reads)), {
        note: [
          failed ? `${failed} of ${pollers} failed: ${kinds.join("; ")}` : `all ${pollers} succeeded`,
          `peak sockets ${peak.min === peak.max ? peak.min : `${peak.min}–${peak.max}`}`,
        ].join("; "),
      }),
    );
  }
  rows.push(row(`${label}: reads sent`, "ideal", "req", { median: reads, min: reads, max: reads, n: 1 }, { note: `${n} × ${POLLS} polls` }));
  for (const v of VARIANTS) {
    const r = runs[v];
    const share = summarize(r.map((x) => x.throttled / x.reads));
    rows.push(
      row(`${label}: 429s`, v, "req", summarize(r.map((x) => x.throttled)), {
        target: v === "ours" ? `≤ ${SHARE_LIMIT * 100}% of reads` : "",
        // The worst run decides: the target holds for every run, not for the median one.
        verdict: v === "ours" ? verdict(share.max, SHARE_LIMIT) : "",
        note: [`${(share.median * 100).toFixed(2)}% of reads${v === "core-lro" ? " (the baseline)" : ""}`, ...budgetNotes(r)].join("; "),
      }),
    );
  }
  for (const v of VARIANTS) {
    const wall = summarize(runs[v].map((x) => x.wallMs));
    // Pollers that gave up early end sooner than the ideal allows: such a wall time meets nothing.
    const failed = runs[v].some((x) => x.succeeded < x.n);
    rows.push(
      row(`${label}: wall`, v, "ms", wall, {
        ratio: ratio(wall.median, idealMs),
        vs: "ideal",
        target: v === "ours" ? `≤ ${WALL_LIMIT.toFixed(2)}× ideal` : "",
        verdict: v === "ours" ? (failed ? "misses" : verdict(ratio(wall.median, idealMs), WALL_LIMIT)) : "",
        note: [
          failed ? "some pollers failed (see reads sent): not comparable" : "",
          `client CPU ${(summarize(runs[v].map((x) => x.cpuMs)).median / 1000).toFixed(1)} s`,
        ]
          .filter(Boolean)
          .join("; "),
      }),
    );
  }
  rows.push(
    row(`${label}: wall`, "ideal", "ms", ideal, {
      ratio: 1,
      vs: "ideal",
      note: `(${reads} reads − ${size} burst) ÷ ${netRefill} refill/s`,
    }),
  );
  return rows;
}
