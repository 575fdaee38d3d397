import type { AbortSignalLike } from "@azure/abort-controller";
import { DEFAULT_POLL_INTERVAL_MS } from "../retry-after.js";
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
  endpoint: string | undefined;
}

// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): a larger value would turn into a busy loop.
const MAX_TIMER_MS = 2_147_483_647;

export function normalizePollerOptions(options: PollerOptions | undefined): NormalizedPollerOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError("options must be an object");
  }
  const o = options ?? {};
  return {
    intervalInMs: number(o.intervalInMs, "intervalInMs", 0, MAX_TIMER_MS, false) ?? DEFAULT_POLL_INTERVAL_MS,
    abortSignal: signal(o.abortSignal),
    timeoutInMs: number(o.timeoutInMs, "timeoutInMs", 1, MAX_TIMER_MS, false),
    resolveOnUnsuccessful: boolean(o.resolveOnUnsuccessful, "resolveOnUnsuccessful"),
    restoreFrom: string(o.restoreFrom, "restoreFrom"),
    maxTransientErrors: number(o.maxTransientErrors, "maxTransientErrors", 0, 1000, true) ?? 5,
    maxPolls: number(o.maxPolls, "maxPolls", 1, 1_000_000, true) ?? 10_000,
    endpoint: endpoint(o.endpoint),
  };
}

function number(value: unknown, name: string, min: number, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const kind = integer ? "an integer" : "a number";
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new TypeError(`options.${name} must be ${kind} between ${min} and ${max}, got ${String(value)}`);
  }
  if (value < min || value > max) {
    throw new RangeError(`options.${name} must be ${kind} between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function boolean(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new TypeError(`options.${name} must be a boolean, got ${typeof value}`);
  return value;
}

function string(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`options.${name} must be a non-empty string (the output of serialize())`);
  }
  return value;
}

function signal(value: unknown): AbortSignalLike | undefined {
  if (value === undefined) return undefined;
  const s = value as AbortSignalLike;
  if (typeof s !== "object" || s === null || typeof s.aborted !== "boolean" || typeof s.addEventListener !== "function") {
    throw new TypeError("options.abortSignal must be an AbortSignal");
  }
  return s;
}

function endpoint(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new TypeError(`options.endpoint must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url.origin;
}
