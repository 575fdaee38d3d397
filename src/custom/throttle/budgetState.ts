import type { Pipeline } from "@azure/core-rest-pipeline";
import type { NormalizedReadBudget } from "./options.js";
import type { RequestSlots } from "./requestSlots.js";
import type { SharedReadBudget } from "./sharedReadBudget.js";

// What the client's throttling looks like now, for logs and dashboards: `readBudgetState(client)` and
// `requestLimitState(client)`. createClient records its options and its bound here, keyed by the client's pipeline
// (a WeakMap, as clientEndpoint.ts does), so copies of a client object and its connector scopes find them too; the
// budget itself is added to the record when it is installed (install.ts).

/** The budget of one subscription (or the tenant) at one origin. */
export interface ReadScopeState {
  /** The endpoint origin, e.g. https://management.azure.com. */
  origin: string;
  /** The subscription id (lower-case); undefined for the tenant's bucket (paths outside /subscriptions/{id}). */
  subscriptionId: string | undefined;
  /** Reads that could go now without waiting: the local estimate of the budget left, never above the size. */
  remaining: number;
  /** Reads waiting for the budget now (the pollers' and pagers' reads, or every GET with allReads). */
  waiting: number;
  /** Reads of this scope sent and not yet answered. */
  inFlight: number;
  /** The end of a pause (Date.now() milliseconds) after ARM answered 429; undefined when not paused. */
  pausedUntil: number | undefined;
  /** When the first waiting read may go, from now (ms); undefined when none waits, or while the first read is out. */
  nextReadInMs: number | undefined;
  /** The rate reads are paced at now: the configured refill less what others are estimated to spend. */
  refillPerSecond: number;
  /** The reads left that ARM reported last (x-ms-ratelimit-remaining-subscription-reads, or -tenant-reads). */
  reportedRemaining: number | undefined;
  /** Reads per second other clients spend from the same bucket, as estimated from ARM's headers. */
  othersPerSecond: number | undefined;
  /** Reads sent in this scope since the client was made. */
  reads: number;
  /** Of those, how many ARM answered 429. */
  throttled: number;
  /** How many times a 429 paused the scope (a burst of 429s is one pause). */
  pauses: number;
}

/** The state of a client's shared read budget. */
export interface ReadBudgetState {
  /** The options in force. */
  size: number;
  refillPerSecond: number;
  allReads: boolean;
  /** One entry per scope read so far, in the order first read. */
  scopes: ReadScopeState[];
}

/** The bound on a client's requests in flight. */
export interface RequestLimitState {
  /** The bound (options.maxConcurrentRequests). */
  maxConcurrentRequests: number;
  /** Requests sent and not yet answered. */
  inFlight: number;
  /** Requests waiting for their turn. */
  queued: number;
}

/** What createClient records about the pipeline it built. */
export interface ClientThrottle {
  /** The options of the shared read budget; undefined when it is off. */
  readonly readBudget: NormalizedReadBudget | undefined;
  /** The budget, once installed in the pipeline (install.ts). */
  budget: SharedReadBudget | undefined;
  readonly slots: RequestSlots;
}

const throttles = new WeakMap<Pipeline, ClientThrottle>();

/** Records the throttling of the pipeline createClient built. */
export function rememberThrottle(pipeline: Pipeline, throttle: ClientThrottle): void {
  throttles.set(pipeline, throttle);
}

/** What createClient recorded about `pipeline`; undefined for a pipeline it did not build. */
export function throttleOf(pipeline: Pipeline): ClientThrottle | undefined {
  return throttles.get(pipeline);
}

/**
 * The shared read budget of a client made by `createClient`, per subscription: the reads left by the local
 * estimate, the reads waiting, a pause after a 429, the rate, what ARM reported. No scopes yet before the client's
 * first poller or paginate installs the budget. `undefined` when the budget is off (`readBudget: false`) or the
 * client has a pipeline of its own.
 */
export function readBudgetState(client: { pipeline: Pipeline }): ReadBudgetState | undefined {
  const throttle = throttles.get(client.pipeline);
  if (throttle?.readBudget === undefined) return undefined;
  return { ...throttle.readBudget, scopes: throttle.budget?.scopeStates() ?? [] };
}

/**
 * The requests of a client made by `createClient` in flight and queued, and the bound. `undefined` when the client
 * has a pipeline of its own.
 */
export function requestLimitState(client: { pipeline: Pipeline }): RequestLimitState | undefined {
  return throttles.get(client.pipeline)?.slots.state();
}
