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

// Each numeric option: [min, max, integer, default].
const NUMBERS = {
  intervalInMs: [0, MAX_TIMER_MS, false, DEFAULT_POLL_INTERVAL_MS],
  timeoutInMs: [1, MAX_TIMER_MS, false, undefined],
  maxTransientErrors: [0, 1000, true, 5],
  maxPolls: [1, 1_000_000, true, 10_000],
} as const;

export function normalizePollerOptions(options: PollerOptions | undefined): NormalizedPollerOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError("options must be an object");
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const numbers: Record<string, number | undefined> = {};
  for (const [name, [min, max, integer, fallback]] of Object.entries(NUMBERS)) {
    const value = o[name];
    if (value !== undefined) {
      // A value of the wrong type and one out of range are told apart, as the built-in APIs do.
      const rule = `options.${name} must be ${integer ? "an integer" : "a number"} between ${min} and ${max}, got ${String(value)}`;
      if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) throw new TypeError(rule);
      if (value < min || value > max) throw new RangeError(rule);
    }
    numbers[name] = (value as number | undefined) ?? fallback;
  }
  const resolveOnUnsuccessful = o["resolveOnUnsuccessful"] ?? false;
  if (typeof resolveOnUnsuccessful !== "boolean") {
    throw new TypeError(`options.resolveOnUnsuccessful must be a boolean, got ${typeof resolveOnUnsuccessful}`);
  }
  const restoreFrom = o["restoreFrom"];
  if (restoreFrom !== undefined && (typeof restoreFrom !== "string" || restoreFrom === "")) {
    throw new TypeError("options.restoreFrom must be a non-empty string (the output of serialize())");
  }
  return {
    ...(numbers as Pick<NormalizedPollerOptions, "intervalInMs" | "timeoutInMs" | "maxTransientErrors" | "maxPolls">),
    abortSignal: signal(o["abortSignal"]),
    resolveOnUnsuccessful,
    restoreFrom,
    endpoint: endpoint(o["endpoint"]),
  };
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
