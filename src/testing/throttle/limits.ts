import { performance } from "node:perf_hooks";
import type { ClassLimits, MockThrottleOptions, RequestClass } from "./types.js";

// Throttle options checked once, when the mock starts or configure() is called, every default filled in. Messages
// name the option and the rule, so a typo in a test's limits fails loudly instead of silently keeping a default.

interface Limit {
  size: number;
  refillPerSecond: number;
}

type ScopeLimits = Record<RequestClass, Limit>;

export interface NormalisedThrottle {
  subscription: ScopeLimits;
  tenant: ScopeLimits;
  retryAfterMs: boolean;
  now: () => number;
}

export const REQUEST_CLASSES: readonly RequestClass[] = ["reads", "writes", "deletes"];

// ARM's documented defaults ("request limits and throttling", regional token bucket).
const ARM_DEFAULTS: Record<"subscription" | "tenant", ScopeLimits> = {
  subscription: {
    reads: { size: 250, refillPerSecond: 25 },
    writes: { size: 200, refillPerSecond: 10 },
    deletes: { size: 200, refillPerSecond: 10 },
  },
  tenant: {
    reads: { size: 250, refillPerSecond: 25 },
    writes: { size: 200, refillPerSecond: 10 },
    deletes: { size: 200, refillPerSecond: 10 },
  },
};

/** Large enough for any scaled run, small enough that token arithmetic stays exact in a double. */
const MAX_LIMIT = 1_000_000_000;

export function normaliseThrottle(options: MockThrottleOptions | true): NormalisedThrottle {
  const o: MockThrottleOptions = options === true ? {} : options;
  if (typeof o !== "object" || o === null) throw new TypeError("throttle must be a boolean or an options object");
  onlyKeys(o, "throttle", ["subscription", "tenant", "retryAfterMs", "now"]);
  const retryAfterMs = o.retryAfterMs ?? false;
  if (typeof retryAfterMs !== "boolean")
    throw new TypeError(`throttle.retryAfterMs must be a boolean, got ${String(retryAfterMs)}`);
  if (o.now !== undefined && typeof o.now !== "function")
    throw new TypeError("throttle.now must be a function returning milliseconds");
  return {
    subscription: scopeLimits(o.subscription, "subscription"),
    tenant: scopeLimits(o.tenant, "tenant"),
    retryAfterMs,
    now: o.now ?? (() => performance.now()),
  };
}

function scopeLimits(given: ClassLimits | undefined, scope: "subscription" | "tenant"): ScopeLimits {
  const name = `throttle.${scope}`;
  if (given !== undefined && (typeof given !== "object" || given === null))
    throw new TypeError(`${name} must be an object`);
  onlyKeys(given ?? {}, name, REQUEST_CLASSES);
  const limits = {} as ScopeLimits;
  for (const cls of REQUEST_CLASSES) {
    const limit = given?.[cls];
    const path = `${name}.${cls}`;
    if (limit !== undefined && (typeof limit !== "object" || limit === null))
      throw new TypeError(`${path} must be an object`);
    onlyKeys(limit ?? {}, path, ["size", "refillPerSecond"]);
    const defaults = ARM_DEFAULTS[scope][cls];
    limits[cls] = {
      size: checkInteger(limit?.size ?? defaults.size, `${path}.size`, 1),
      // Above 0: with no refill an empty bucket would stay empty and every Retry-After would be infinite.
      refillPerSecond: checkRate(limit?.refillPerSecond ?? defaults.refillPerSecond, `${path}.refillPerSecond`, false),
    };
  }
  return limits;
}

/** An integer in [min, MAX_LIMIT]; exported for the arguments of the other controls. */
export function checkInteger(value: unknown, name: string, min: number): number {
  const rule = `${name} must be an integer between ${min} and ${MAX_LIMIT}, got ${String(value)}`;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(rule);
  if (value < min || value > MAX_LIMIT) throw new RangeError(rule);
  return value;
}

/** A finite number above 0 (or from 0 when `zeroAllowed`) and at most MAX_LIMIT. */
export function checkRate(value: unknown, name: string, zeroAllowed: boolean): number {
  const rule = `${name} must be a number ${zeroAllowed ? "from 0" : "above 0"} up to ${MAX_LIMIT}, got ${String(value)}`;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(rule);
  if (value < 0 || (value === 0 && !zeroAllowed) || value > MAX_LIMIT) throw new RangeError(rule);
  return value;
}

export function onlyKeys(value: object, name: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new TypeError(`${name}.${key} is not an option (${allowed.join(", ")})`);
  }
}
