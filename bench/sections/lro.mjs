// Section "lro": one long-running PUT (DevOps configuration) answering 201 + Azure-AsyncOperation, then 5
// in-progress polls and Succeeded, with Retry-After "0" and "1" on the 201 and on every in-progress poll. Polled
// to the resource by this package's getLongRunningPoller and by @azure/core-lro's createHttpPoller over bare
// @azure-rest/core-client (bench/children/lro.mjs), both with default options. Each run is a fresh process; the
// mock is reset and the operation planned before it, and counts its requests.
//
// The floor: the PUT, 5 in-progress answers and the terminal one (6 GETs of the status URL), and one GET of the
// resource: 8 requests. The wall-time floor is the waits the server asks for: 6 × Retry-After (the 201's and the 5
// in-progress ones). With Retry-After 0 that is 0, and this package's read budget (5 reads at once, then 1 a
// second) spaces the 6th status read about a second after the first.
import { clientEnv, runNode } from "../lib/run-child.mjs";
import { interleave, ratio, summarize } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const STEPS = [10, 30, 50, 70, 90];
const FLOOR_REQUESTS = 1 + STEPS.length + 1 + 1;
const WALL_LIMIT = 1.1; // target: wall time within 10% of the server's requested waits
const VARIANTS = ["core-lro", "ours"];

export async function run({ snap, mock, quick }) {
  const child = `${snap}/bench/children/lro.mjs`;
  const rows = [];
  const data = { floorRequests: FLOOR_REQUESTS, steps: STEPS };
  for (const retryAfter of ["0", "1"]) {
    // core-lro waits its 2 s default interval for a Retry-After of 0: 6 × 2 s per run.
    const rounds = quick ? 1 : 3;
    const sumMs = (STEPS.length + 1) * Number(retryAfter) * 1000;
    const runs = await interleave(VARIANTS, rounds, async (variant) => {
      await mock.reset();
      await mock.plan({ steps: STEPS, retryAfter });
      const { result } = await runNode(child, [variant], { env: clientEnv(mock), timeoutMs: 90_000 });
      const seen = await mock.count("/subscriptions/");
      if (result.state !== "Succeeded") throw new Error(`${variant} ended with provisioningState ${result.state}`);
      return { wallMs: result.wallMs, requests: seen.count, methods: seen.methods, serverSpanMs: seen.last - seen.first };
    });
    const wall = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.wallMs))]));
    const requests = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.requests))]));
    const span = Object.fromEntries(VARIANTS.map((v) => [v, summarize(runs[v].map((r) => r.serverSpanMs))]));
    data[`retryAfter${retryAfter}`] = { rounds, sumMs, wallMs: wall, requests, serverSpanMs: span, runs };
    const section = `LRO PUT, 5 polls, Retry-After ${retryAfter}`;
    for (const v of VARIANTS) {
      const exact = requests[v].min === FLOOR_REQUESTS && requests[v].max === FLOOR_REQUESTS;
      rows.push(
        row(`${section}: requests`, v, "req", requests[v], {
          target: v === "ours" ? `= ${FLOOR_REQUESTS} (floor)` : "",
          verdict: v === "ours" ? (exact ? "meets" : "misses") : "",
          note: v === "core-lro" ? `floor: PUT + ${STEPS.length + 1} status GETs + 1 resource GET` : "",
        }),
      );
    }
    for (const v of VARIANTS) {
      // With Retry-After 0 the server asks for no wait and "within 10%" has no meaning: reported side by side only.
      const targeted = v === "ours" && sumMs > 0;
      rows.push(
        row(`${section}: wall`, v, "ms", wall[v], {
          ratio: ratio(wall[v].median, wall["core-lro"].median),
          vs: "core-lro",
          target: targeted ? `≤ ${(sumMs * WALL_LIMIT).toFixed(0)} ms` : "",
          verdict: targeted ? verdict(wall[v].median / sumMs, WALL_LIMIT) : "",
          // The span at the mock (PUT to last request) leaves out process and module set-up.
          note: `mock saw PUT→last in ${span[v].median.toFixed(0)} ms${v === "core-lro" ? `; waits asked ${sumMs} ms` : ""}`,
        }),
      );
    }
  }
  return { rows, data };
}
