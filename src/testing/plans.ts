import type { OperationError, OperationPlan } from "./types.js";

export type Outcome = "Succeeded" | "Failed" | "Canceled";

/** A plan with every default filled in. `retryAfter`/`retryAfterMs`: the header values, null for none. */
export interface NormalisedPlan {
  steps: number[];
  outcome: Outcome;
  error: OperationError | undefined;
  retryAfter: string | null;
  retryAfterMs: string | null;
  header: NonNullable<OperationPlan["header"]>;
  inProgressStatus: string;
  terminalStatus: string;
  emptyWhileRunning: boolean;
  neverFinishes: boolean;
  sync: boolean;
}

const FAILED_ERROR: OperationError = {
  code: "TokenExchangeFailed",
  message: "The Azure DevOps OAuth token exchange failed: the authorization code has expired.",
  target: "properties.authorization.code",
  details: [{ code: "AuthorizationCodeExpired", message: "The authorization code is older than 10 minutes." }],
  additionalInfo: [{ type: "DevOpsOnboarding", info: { provider: "AzureDevOps", stage: "TokenExchange" } }],
};
export const CANCELED_ERROR: OperationError = { code: "OperationCanceled", message: "The operation was canceled." };

/**
 * The delay the mock asks for on the initial answer and every in-progress one, unless a plan says otherwise. It is
 * chosen for the pollers of every language, each of which reads other headers and treats 0 as "not given"
 * (src/testing/README.md, "Timing"):
 * - this package's poller and Go's azcore read `retry-after-ms` first: they wait 10 ms;
 * - Python's azure-core reads `Retry-After` first, and @azure/core-lro reads only `Retry-After`: they wait 1 s.
 *   With `Retry-After: 0` both fell back to their own interval instead (Python 30 s, core-lro 2 s), and so did Go
 *   (30 s), which is why the mock no longer sends it by default.
 */
export const DEFAULT_TIMING = { retryAfter: "1", retryAfterMs: "10" } as const;

/** Whether a plan says anything about timing: then its two headers are exactly what it says. */
const setsTiming = (plan: OperationPlan) => plan.retryAfter !== undefined || plan.retryAfterMs !== undefined;

/**
 * Fills in `plan`: each field from the plan, else from `base` (the mock's defaultPlan), else the built-in default.
 * Timing is taken whole from the first of the three that sets any of it, so a plan that gives only `retryAfter`
 * sends no `retry-after-ms`, and one that gives `retryAfter: null` sends no delay header at all.
 */
export function normalisePlan(plan: OperationPlan = {}, base: OperationPlan = {}): NormalisedPlan {
  const outcome = plan.outcome ?? base.outcome ?? "Succeeded";
  const defaultError = outcome === "Failed" ? FAILED_ERROR : outcome === "Canceled" ? CANCELED_ERROR : undefined;
  const timing = setsTiming(plan) ? plan : setsTiming(base) ? base : DEFAULT_TIMING;
  return {
    steps: [...(plan.steps ?? base.steps ?? [0, 50])],
    outcome,
    error: plan.error ?? base.error ?? defaultError,
    retryAfter: timing.retryAfter ?? null,
    retryAfterMs: timing.retryAfterMs ?? null,
    header: plan.header ?? base.header ?? "Azure-AsyncOperation",
    inProgressStatus: plan.inProgressStatus ?? base.inProgressStatus ?? "InProgress",
    terminalStatus: plan.terminalStatus ?? base.terminalStatus ?? outcome,
    emptyWhileRunning: plan.emptyWhileRunning ?? base.emptyWhileRunning ?? false,
    neverFinishes: plan.neverFinishes ?? base.neverFinishes ?? false,
    sync: plan.sync ?? base.sync ?? false,
  };
}
