import type { Pipeline } from "@azure/core-rest-pipeline";
import { checkNumberOption, describeValue, type NumberRule } from "../numberOption.js";

// The client options of the shared read budget and of the bound on requests in flight, checked once in createClient
// with every default filled in. Messages name the option and the rule, as the poller's options do.

/** The shared read budget (see README "Many operations at once"). */
export interface ReadBudgetOptions {
  /** Reads that may go at once after a quiet spell: ARM's bucket size. Default 250. An integer from 1 to 1,000,000. */
  size?: number;
  /** Reads per second once the burst is spent: ARM's refill. Default 25. A number above 0, up to 1,000,000. */
  refillPerSecond?: number;
  /**
   * Whether every GET and HEAD sent through the client waits for the budget, not only the reads of the pollers and
   * `paginate`. Default false: other reads go at once, and are counted.
   */
  allReads?: boolean;
}

/** The options createClient adds to core-client's. */
export interface ThrottleClientOptions {
  /**
   * A read budget per subscription shared by the client's pollers and pagers, shaped like ARM's (default 250 reads,
   * refilled at 25 a second), that learns from ARM's answers. `false` turns it off.
   */
  readBudget?: boolean | ReadBudgetOptions;
  /**
   * Requests in flight at once through this client; more wait their turn in order. With core's keep-alive agent this
   * bounds the sockets open in Node. Default 32; `Infinity` for no bound.
   */
  maxConcurrentRequests?: number;
}

export interface NormalizedReadBudget {
  size: number;
  refillPerSecond: number;
  allReads: boolean;
}

/** ARM's documented read bucket per subscription and principal: 250, refilled at 25 a second. */
export const DEFAULT_READ_BUDGET = { size: 250, refillPerSecond: 25 } as const;

/** Enough for a client reading at ARM's 25 reads a second with round trips of a second, and a few writes beside. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 32;

const MAX = 1_000_000;
const SIZE: NumberRule = { min: 1, max: MAX, integer: true };
const RATE: NumberRule = { min: 0, max: MAX, aboveMin: true };

/** `options.readBudget` checked, with every default filled in; undefined when the budget is off. */
export function normalizeReadBudget(value: unknown): NormalizedReadBudget | undefined {
  if (value === false) return undefined;
  if (value === undefined || value === true) return { ...DEFAULT_READ_BUDGET, allReads: false };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`options.readBudget must be a boolean or an object { size, refillPerSecond, allReads }, got ${describeValue(value)}`);
  }
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!["size", "refillPerSecond", "allReads"].includes(key)) {
      throw new TypeError(`options.readBudget.${key} is not an option (size, refillPerSecond, allReads)`);
    }
  }
  const size = checkNumberOption("options.readBudget.size", o["size"] ?? DEFAULT_READ_BUDGET.size, SIZE);
  const rate = checkNumberOption("options.readBudget.refillPerSecond", o["refillPerSecond"] ?? DEFAULT_READ_BUDGET.refillPerSecond, RATE);
  const allReads = o["allReads"] ?? false;
  if (typeof allReads !== "boolean") throw new TypeError(`options.readBudget.allReads must be a boolean, got ${describeValue(allReads)}`);
  return { size, refillPerSecond: rate, allReads };
}

/** `options.maxConcurrentRequests` checked, with its default filled in. */
export function normalizeMaxConcurrentRequests(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_CONCURRENT_REQUESTS;
  return checkNumberOption("options.maxConcurrentRequests", value, { min: 1, max: MAX, integer: true, orInfinity: true });
}

/** Puts the shared read budget into the pipeline of a client made by createClient (install.ts). */
export type ReadBudgetInstaller = (client: { pipeline: Pipeline }) => void;

// The option objects made by sharedReadBudget() (install.ts), which createClient installs at once. The installer is
// kept here, beside the options createClient checks, so that createClient calls it without importing the budget's
// code: an app that never waits for an operation, pages or calls sharedReadBudget() does not bundle that code.
const installers = new WeakMap<object, ReadBudgetInstaller>();

export function registerInstaller(options: object, install: ReadBudgetInstaller): void {
  installers.set(options, install);
}

/** The installer of a `readBudget` made by sharedReadBudget(); undefined for any other value. */
export function installerOf(value: unknown): ReadBudgetInstaller | undefined {
  return typeof value === "object" && value !== null ? installers.get(value) : undefined;
}
