import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationTracingOptions } from "@azure/core-tracing";
import { checkNumberOption, type NumberRule } from "../numberOption.js";
import { DEFAULT_POLL_INTERVAL_MS } from "../retry-after.js";
import { TokenBucket } from "../throttle/tokenBucket.js";
import { readTracingOptions } from "../tracing.js";
import { readAllowedOrigins } from "../trustedUrl.js";
import type { PollerOptions } from "./types.js";

/** PollerOptions checked once at the boundary, every default filled in. */
export interface NormalizedPollerOptions {
  intervalInMs: number;
  abortSignal: AbortSignalLike | undefined;
  timeoutInMs: number | undefined;
  resolveOnUnsuccessful: boolean;
  restoreFrom: string | undefined;
  maxTransientErrors: number;
  maxPolls: number;
  readBurst: number;
  readsPerSecond: number;
  allowedOrigins: string[];
  endpoint: string | undefined;
  tracingOptions: OperationTracingOptions | undefined;
}

// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): a larger value would turn into a busy loop.
const MAX_TIMER_MS = 2_147_483_647;

export const RULES = {
  intervalInMs: { min: 0, max: MAX_TIMER_MS },
  timeoutInMs: { min: 1, max: MAX_TIMER_MS },
  maxTransientErrors: { min: 0, max: 1000, integer: true },
  maxPolls: { min: 1, max: 1_000_000, integer: true },
  readBurst: { min: 1, max: 1000, integer: true },
  readsPerSecond: { min: 0.01, max: 1000 },
} satisfies Record<string, NumberRule>;

// The read budget: each read of a status is charged to the caller's subscription (ARM's regional bucket refills
// 25 reads/s for all of a principal's clients), so a server answering `Retry-After: 0` forever must not turn one
// poller into hundreds of reads a second. 5 at once, then 1 per second: a quick operation still finishes at once,
// and a 2 s interval never meets the limit.
const DEFAULT_READ_BURST = 5;
const DEFAULT_READS_PER_SECOND = 1;

// Without a timeout, 1,800 polls: an hour at the 2 s default interval, 5 hours at the 10 s minimum ARM documents
// for Retry-After, 30 minutes at the fastest the read budget allows. A DevOps onboarding takes minutes. With a
// timeout the bound is what the budget allows within it, so that the timeout decides, as the caller asked.
const DEFAULT_MAX_POLLS = 1_800;

export function normalizePollerOptions(options: PollerOptions | undefined): NormalizedPollerOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError("options must be an object");
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const readBurst = readNumber(o, "readBurst") ?? DEFAULT_READ_BURST;
  const readsPerSecond = readNumber(o, "readsPerSecond") ?? DEFAULT_READS_PER_SECOND;
  const timeoutInMs = readNumber(o, "timeoutInMs");
  const resolveOnUnsuccessful = o["resolveOnUnsuccessful"] ?? false;
  if (typeof resolveOnUnsuccessful !== "boolean") {
    throw new TypeError(`options.resolveOnUnsuccessful must be a boolean, got ${typeof resolveOnUnsuccessful}`);
  }
  const restoreFrom = o["restoreFrom"];
  if (restoreFrom !== undefined && (typeof restoreFrom !== "string" || restoreFrom === "")) {
    throw new TypeError("options.restoreFrom must be a non-empty string (the output of serialize())");
  }
  return {
    intervalInMs: readNumber(o, "intervalInMs") ?? DEFAULT_POLL_INTERVAL_MS,
    abortSignal: signal(o["abortSignal"]),
    timeoutInMs,
    resolveOnUnsuccessful,
    restoreFrom,
    maxTransientErrors: readNumber(o, "maxTransientErrors") ?? 5,
    maxPolls:
      readNumber(o, "maxPolls") ??
      (timeoutInMs === undefined ? DEFAULT_MAX_POLLS : Math.ceil(readBurst + (timeoutInMs / 1000) * readsPerSecond)),
    readBurst,
    readsPerSecond,
    allowedOrigins: readAllowedOrigins(o["allowedOrigins"]),
    endpoint: endpoint(o["endpoint"]),
    tracingOptions: readTracingOptions(o["tracingOptions"], "options.tracingOptions"),
  };
}

/** The read budget of one poller, from its options. */
export function readBudgetOf(options: NormalizedPollerOptions): TokenBucket {
  return new TokenBucket({ capacity: options.readBurst, refillPerSecond: options.readsPerSecond });
}

/** `options[name]` checked against its rule; undefined when not given. */
function readNumber(o: Record<string, unknown>, name: keyof typeof RULES): number | undefined {
  return o[name] === undefined ? undefined : checkNumberOption(`options.${name}`, o[name], RULES[name]);
}

function signal(value: unknown): AbortSignalLike | undefined {
  if (value !== undefined && typeof (value as AbortSignalLike | null)?.addEventListener !== "function") {
    throw new TypeError("options.abortSignal must be an AbortSignal");
  }
  return value as AbortSignalLike | undefined;
}

function endpoint(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    url = undefined;
  }
  if (typeof value !== "string" || !url || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(`options.endpoint must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}
