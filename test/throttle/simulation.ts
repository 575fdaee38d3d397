// A fleet of readers sharing one ScopeBudget against a model of ARM's bucket — the mock's own (src/testing/throttle/
// bucket.ts), with other tools as steady drains — on fake timers, so a run of minutes of ARM time takes
// milliseconds and gives the same counts every time. Each read spends half its latency going to the service and
// half coming back; the service takes a token or answers 429 with the exact wait (retry-after-ms), and the reader
// then waits that long and asks the budget again, as core-rest-pipeline's retry policy does.
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { vi } from "vitest";
import { ScopeBudget } from "../../src/custom/throttle/scopeBudget.js";
import { TokenBucket as ServiceBucket } from "../../src/testing/throttle/bucket.js";

export interface SimulationOptions {
  /** The service's bucket. */
  size: number;
  refillPerSecond: number;
  /** What the client is told the bucket is (default: the same). */
  budget?: { size: number; refillPerSecond: number };
  /** Other tools: reads per second from `fromMs` on (default: from the start). */
  others?: { perSecond: number; fromMs?: number };
  readers: number;
  reads: number;
  latencyMs: number;
}

export interface SimulationResult {
  sent: number;
  throttled: number;
  elapsedMs: number;
  /** What the bucket allows: (reads − size) ÷ the refill left by the others. */
  idealMs: number;
  budget: ScopeBudget;
}

const STEP_MS = 10;
const SUBSCRIPTION = "5d3c1b7e-2f4a-4c8e-9b61-0a7f3e2d9c15";
const URL_OF_A_READ = `https://management.azure.com/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Security/x`;

export async function simulate(o: SimulationOptions): Promise<SimulationResult> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "Date"], now: 0 });
  try {
    const service = new ServiceBucket(o.size, o.refillPerSecond, Date.now());
    const budget = new ScopeBudget(
      { key: "sim", origin: "https://management.azure.com", subscriptionId: SUBSCRIPTION },
      o.budget ?? { size: o.size, refillPerSecond: o.refillPerSecond },
    );
    if (o.others) {
      const { perSecond, fromMs = 0 } = o.others;
      setTimeout(() => service.drain(perSecond, Number.POSITIVE_INFINITY, Date.now()), fromMs);
    }
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    let sent = 0;
    let throttled = 0;
    let done = 0;
    let next = 0;
    const request = createPipelineRequest({ url: URL_OF_A_READ });
    async function reader(): Promise<void> {
      while (next < o.reads) {
        next += 1;
        for (;;) {
          const ticket = await budget.acquire(undefined);
          sent += 1;
          await sleep(o.latencyMs / 2);
          const now = Date.now();
          const served = service.take(now);
          const headers = createHttpHeaders({ "x-ms-ratelimit-remaining-subscription-reads": String(service.remaining(now)) });
          const waitMs = Math.ceil(service.msUntilToken(now));
          if (!served) headers.set("retry-after-ms", String(waitMs));
          const response: PipelineResponse = { status: served ? 200 : 429, headers, request };
          await sleep(o.latencyMs / 2);
          budget.settle(ticket, response);
          if (served) break;
          throttled += 1;
          await sleep(waitMs);
        }
        done += 1;
      }
    }
    for (let i = 0; i < o.readers; i++) void reader();
    const start = Date.now();
    const leftByOthers = o.refillPerSecond - (o.others?.perSecond ?? 0);
    const idealMs = (Math.max(0, o.reads - o.size) / leftByOthers) * 1000;
    // Bounded: at most ten times the ideal (plus 10 s) of fake time, in steps of 10 ms. A run that does not finish
    // shows in the counts; its readers are left waiting on timers that are never advanced again.
    const maxSteps = (10 * idealMs + 10_000) / STEP_MS;
    for (let i = 0; done < o.reads && i < maxSteps; i++) await vi.advanceTimersByTimeAsync(STEP_MS);
    if (done < o.reads) throw new Error(`the simulated fleet did ${done} of ${o.reads} reads within ${maxSteps * STEP_MS} ms`);
    return { sent, throttled, elapsedMs: Date.now() - start, idealMs, budget };
  } finally {
    vi.useRealTimers();
  }
}
