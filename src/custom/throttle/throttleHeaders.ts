import type { HttpHeaders } from "@azure/core-rest-pipeline";
import { parseRetryAfter, parseRetryAfterMs } from "../retry-after.js";

// What a response says about the read budget, read from the pipeline's headers (the poller reads the same Retry-After
// headers from a core-client response, in poller/status.ts; both parse with retry-after.ts).

/** Whole reads the service says are left (`x-ms-ratelimit-remaining-*-reads`); undefined when absent or malformed. */
export function remainingReads(headers: HttpHeaders, name: string): number | undefined {
  const text = headers.get(name)?.trim();
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/**
 * The wait a 429 asks for: `retry-after-ms`, then `x-ms-retry-after-ms`, then `Retry-After` (the order
 * core-rest-pipeline's retry policy reads them in, so the budget and the retry wait alike); undefined when none.
 */
export function requestedWaitMs(headers: HttpHeaders, nowMs: number): number | undefined {
  return (
    parseRetryAfterMs(headers.get("retry-after-ms")) ??
    parseRetryAfterMs(headers.get("x-ms-retry-after-ms")) ??
    parseRetryAfter(headers.get("retry-after"), nowMs)
  );
}
