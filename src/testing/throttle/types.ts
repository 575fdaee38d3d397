// The public types of the mock's throttling (MockArm.throttle). Everything a control takes or returns is
// JSON-shaped (numbers, strings, null, plain objects), so a control plane in another process can carry it; the one
// exception is the `now` clock, for tests that drive time themselves.

/** ARM's three operation classes: GET/HEAD are reads, PUT/PATCH/POST writes, DELETE deletes. */
export type RequestClass = "reads" | "writes" | "deletes";

/** One token bucket: `size` tokens when full, `refillPerSecond` tokens back every second (fractions accrue). */
export interface BucketLimit {
  size?: number;
  refillPerSecond?: number;
}

/** Buckets per class; a class left out keeps ARM's default. */
export interface ClassLimits {
  reads?: BucketLimit;
  writes?: BucketLimit;
  deletes?: BucketLimit;
}

/**
 * Throttling as ARM's regional token bucket (in force since 2024). ARM's defaults, per principal: subscription reads
 * 250 + 25/s, writes 200 + 10/s, deletes 200 + 10/s; tenant reads 250 + 25/s, writes and deletes 200 + 10/s.
 */
export interface MockThrottleOptions {
  /** Buckets of each subscription (requests under `/subscriptions/{id}`). */
  subscription?: ClassLimits;
  /** Buckets of the tenant (every other request path). */
  tenant?: ClassLimits;
  /**
   * Default false (ARM sends only `Retry-After`, whole seconds). true: a 429 also carries `retry-after-ms`, the exact
   * wait, for runs with scaled-down buckets where a whole second is long. core-rest-pipeline's retry policy (so this
   * package's pipeline and bare @azure-rest/core-client alike) and this package's poller read `retry-after-ms`
   * before `Retry-After`; core-lro's poll interval reads `Retry-After` only.
   */
  retryAfterMs?: boolean;
  /** The clock in milliseconds, monotonic; default performance.now. Tests pass their own to step time exactly. */
  now?: () => number;
}

/** Another tool spending the same budget at a steady rate (tokens per second per class) until stopped. */
export interface OtherClientOptions {
  /** The subscription whose buckets it spends; null for the tenant buckets. */
  subscriptionId: string | null;
  reads?: number;
  writes?: number;
  deletes?: number;
  /** Stops on its own after this long; default: until stopped, reset() or close(). */
  forMs?: number;
}

export interface ClassCounters {
  /** Requests charged to the class (served and throttled). */
  requests: number;
  /** Of those, answered 429. */
  throttled: number;
  /** Whole tokens taken by spend() and simulated other clients. */
  spentByOthers: number;
}

export type ThrottleCounters = Record<RequestClass, ClassCounters>;

/** The controls of the mock's throttling. Off unless the mock was started with `throttle` or configure() turned it on. */
export interface MockThrottle {
  readonly enabled: boolean;
  /**
   * New limits from now on (true: ARM's defaults; false: off). Buckets start full, counters at zero, simulated
   * other clients stop. reset() goes back to the limits the mock was started with.
   */
  configure(options: MockThrottleOptions | boolean): void;
  /** Another tool sends `count` requests of `requestClass` now: takes up to `count` whole tokens; returns how many it got. */
  spend(subscriptionId: string | null, requestClass: RequestClass, count: number): number;
  /** Another tool spending at a steady rate; returns the function that stops it (also stopped by reset/close). */
  simulateOtherClient(options: OtherClientOptions): () => void;
  /** Whole tokens left now, as the next response's `x-ms-ratelimit-remaining-*` would count before that request. */
  remaining(subscriptionId: string | null, requestClass: RequestClass): number;
  /** Counters of one subscription (null: the tenant), or summed over every scope when called without an argument. */
  counters(subscriptionId?: string | null): ThrottleCounters;
}
