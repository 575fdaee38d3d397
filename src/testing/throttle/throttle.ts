import type { MockResponse } from "../types.js";
import { TokenBucket } from "./bucket.js";
import {
  checkInteger,
  checkRate,
  normaliseThrottle,
  onlyKeys,
  REQUEST_CLASSES,
  type NormalisedThrottle,
} from "./limits.js";
import { remainingHeader, requestClassOf, subscriptionOf } from "./scope.js";
import { throttled } from "./throttled.js";
import type {
  ClassCounters,
  MockThrottle,
  MockThrottleOptions,
  OtherClientOptions,
  RequestClass,
  ThrottleCounters,
} from "./types.js";

/** What the pipeline adds to one request's answer: the remaining-tokens header, and the 429 if the bucket was empty. */
export interface Charge {
  headers: Record<string, string>;
  rejection?: MockResponse;
}

/** One bucket of one scope and class, with its counters. */
interface Entry {
  subscriptionId: string | null;
  requestClass: RequestClass;
  bucket: TokenBucket;
  requests: number;
  throttled: number;
}

/**
 * The mock's throttling: a token bucket per subscription (or the tenant) and request class, created full on first
 * use. The mock accepts one bearer token, so it has one principal, and ARM's per-principal buckets are simply these.
 * A throttled request takes no token: ARM does not serve it, and an empty bucket cannot go below zero, so a client
 * that retries before the token is back finds the bucket still empty and earns another 429.
 */
export class Throttle implements MockThrottle {
  private limits: NormalisedThrottle | undefined;
  private readonly entries = new Map<string, Entry>();
  private readonly stops = new Set<() => void>();

  /** `initial`: the mock's start option, which reset() returns to. */
  constructor(private readonly initial: MockThrottleOptions | boolean = false) {
    this.configure(initial);
  }

  get enabled(): boolean {
    return this.limits !== undefined;
  }

  configure(options: MockThrottleOptions | boolean): void {
    const limits = options === false ? undefined : normaliseThrottle(options);
    // Dropping the buckets drops the simulated clients' drains with them; their stop functions become no-ops.
    this.stops.clear();
    this.entries.clear();
    this.limits = limits;
  }

  /** Charges one authenticated request to its bucket; undefined when throttling is off. */
  charge(method: string, rawPath: string): Charge | undefined {
    if (!this.limits) return undefined;
    const entry = this.entry(subscriptionOf(rawPath), requestClassOf(method));
    const now = this.limits.now();
    entry.requests += 1;
    const header = remainingHeader(entry.subscriptionId, entry.requestClass);
    if (entry.bucket.take(now)) return { headers: { [header]: String(entry.bucket.remaining(now)) } };
    entry.throttled += 1;
    const rejection = throttled({
      subscriptionId: entry.subscriptionId,
      requestClass: entry.requestClass,
      size: entry.bucket.size,
      refillPerSecond: entry.bucket.refillPerSecond,
      waitMs: entry.bucket.msUntilToken(now),
      withMs: this.limits.retryAfterMs,
    });
    return { headers: { [header]: "0" }, rejection };
  }

  spend(subscriptionId: string | null, requestClass: RequestClass, count: number): number {
    const limits = this.required("spend");
    const entry = this.entry(
      checkScope(subscriptionId, "throttle.spend: subscriptionId"),
      checkClass(requestClass, "spend"),
    );
    return entry.bucket.spend(checkInteger(count, "throttle.spend: count", 0), limits.now());
  }

  simulateOtherClient(options: OtherClientOptions): () => void {
    const limits = this.required("simulateOtherClient");
    const name = "throttle.simulateOtherClient: options";
    if (typeof options !== "object" || options === null) throw new TypeError(`${name} must be an object`);
    onlyKeys(options, name, ["subscriptionId", ...REQUEST_CLASSES, "forMs"]);
    const subscriptionId = checkScope(options.subscriptionId, `${name}.subscriptionId`);
    const forMs = options.forMs === undefined ? Infinity : checkRate(options.forMs, `${name}.forMs`, false);
    // Every argument checked before any drain starts, so a bad one leaves nothing half-started.
    const rates = REQUEST_CLASSES.map((cls) => ({
      cls,
      perSecond: options[cls] === undefined ? 0 : checkRate(options[cls], `${name}.${cls}`, true),
    }));
    const now = limits.now();
    const stopDrains = rates
      .filter(({ perSecond }) => perSecond > 0)
      .map(({ cls, perSecond }) => this.entry(subscriptionId, cls).bucket.drain(perSecond, now + forMs, now));
    const stop = (): void => {
      // After reset() or configure() the buckets, and their drains, are gone: nothing left to stop.
      if (!this.stops.delete(stop) || !this.limits) return;
      const at = this.limits.now();
      for (const stopDrain of stopDrains) stopDrain(at);
    };
    this.stops.add(stop);
    return stop;
  }

  remaining(subscriptionId: string | null, requestClass: RequestClass): number {
    const limits = this.required("remaining");
    const entry = this.entry(
      checkScope(subscriptionId, "throttle.remaining: subscriptionId"),
      checkClass(requestClass, "remaining"),
    );
    return entry.bucket.remaining(limits.now());
  }

  counters(subscriptionId?: string | null): ThrottleCounters {
    const scope =
      subscriptionId === undefined ? undefined : checkScope(subscriptionId, "throttle.counters: subscriptionId");
    const sums = Object.fromEntries(
      REQUEST_CLASSES.map((cls) => [cls, { requests: 0, throttled: 0, spentByOthers: 0 } satisfies ClassCounters]),
    ) as ThrottleCounters;
    for (const e of this.entries.values()) {
      if (scope !== undefined && e.subscriptionId !== scope) continue;
      const sum = sums[e.requestClass];
      sum.requests += e.requests;
      sum.throttled += e.throttled;
      sum.spentByOthers += e.bucket.spentByOthers;
    }
    return sums;
  }

  /** Back to the start option: buckets full, counters at zero, simulated clients stopped. */
  reset(): void {
    this.configure(this.initial);
  }

  close(): void {
    this.configure(false);
  }

  private entry(subscriptionId: string | null, requestClass: RequestClass): Entry {
    const limits = this.limits as NormalisedThrottle;
    const key = `${subscriptionId === null ? "tenant" : `subscription:${subscriptionId}`}|${requestClass}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const { size, refillPerSecond } = (subscriptionId === null ? limits.tenant : limits.subscription)[requestClass];
      entry = {
        subscriptionId,
        requestClass,
        bucket: new TokenBucket(size, refillPerSecond, limits.now()),
        requests: 0,
        throttled: 0,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private required(control: string): NormalisedThrottle {
    if (!this.limits)
      throw new Error(
        `throttle.${control}: throttling is off; start the mock with { throttle } or call throttle.configure()`,
      );
    return this.limits;
  }
}

/** A subscription id as the buckets key it (lower case), or null for the tenant. */
function checkScope(value: unknown, name: string): string | null {
  if (value === null) return null;
  if (typeof value !== "string" || value === "")
    throw new TypeError(`${name} must be a subscription id or null (the tenant), got ${String(value)}`);
  return value.toLowerCase();
}

function checkClass(value: unknown, control: string): RequestClass {
  if (!REQUEST_CLASSES.includes(value as RequestClass)) {
    throw new TypeError(
      `throttle.${control}: requestClass must be one of ${REQUEST_CLASSES.join(", ")}, got ${String(value)}`,
    );
  }
  return value as RequestClass;
}
