import { armError } from "./respond.js";
import { API_VERSION, connectorId, connectorPath, scopeKey } from "./scope.js";
import type { MockResponse, MockScope, OperationError, OperationPlan } from "./types.js";

export type Outcome = "Succeeded" | "Failed" | "Canceled";

export interface NormalisedPlan {
  steps: number[];
  outcome: Outcome;
  error: OperationError | undefined;
  retryAfter: string | null;
  header: "Azure-AsyncOperation" | "Location" | "both";
  inProgressStatus: string;
  sync: boolean;
}

interface Operation {
  id: string;
  scope: MockScope;
  plan: NormalisedPlan;
  polls: number;
  startTime: string;
  endTime?: string;
  /** Applies the outcome to the resource, once, at the first terminal poll. */
  settle?: (outcome: Outcome) => void;
}

const FAILED_ERROR: OperationError = {
  code: "TokenExchangeFailed",
  message: "The Azure DevOps OAuth token exchange failed: the authorization code has expired.",
  target: "properties.authorization.code",
  details: [{ code: "AuthorizationCodeExpired", message: "The authorization code is older than 10 minutes." }],
  additionalInfo: [{ type: "DevOpsOnboarding", info: { provider: "AzureDevOps", stage: "TokenExchange" } }],
};
const CANCELED_ERROR: OperationError = { code: "OperationCanceled", message: "The operation was canceled." };

export function normalisePlan(plan: OperationPlan = {}): NormalisedPlan {
  const outcome = plan.outcome ?? "Succeeded";
  const defaultError = outcome === "Failed" ? FAILED_ERROR : outcome === "Canceled" ? CANCELED_ERROR : undefined;
  return {
    steps: [...(plan.steps ?? [0, 50])],
    outcome,
    error: plan.error ?? defaultError,
    retryAfter: plan.retryAfter === undefined ? "0" : plan.retryAfter,
    header: plan.header ?? "Azure-AsyncOperation",
    inProgressStatus: plan.inProgressStatus ?? "InProgress",
    sync: plan.sync ?? false,
  };
}

const statusPath = (scope: MockScope, id: string) =>
  `${connectorPath(scope)}/devops/default/operationResults/${encodeURIComponent(id)}?api-version=${API_VERSION}`;

/** The async operation engine: plans waiting to be used, and every operation started, by id. */
export class OperationEngine {
  private plans: OperationPlan[] = [];
  private readonly operations = new Map<string, Operation>();

  constructor(private readonly endpoint: () => string) {}

  queue(plans: OperationPlan[]): void {
    this.plans.push(...plans);
  }

  nextPlan(): NormalisedPlan {
    return normalisePlan(this.plans.shift());
  }

  statusUrl(id: string, scope: MockScope): string {
    return this.endpoint() + statusPath(scope, id);
  }

  start(id: string, scope: MockScope, plan: NormalisedPlan, settle?: (outcome: Outcome) => void): string {
    this.operations.set(id, { id, scope, plan, polls: 0, startTime: new Date().toISOString(), settle });
    return this.statusUrl(id, scope);
  }

  /** Headers of the initial 201/202 that point the client at the status URL. */
  initialHeaders(id: string, scope: MockScope, plan: NormalisedPlan): Record<string, string> {
    const url = this.statusUrl(id, scope);
    const headers: Record<string, string> = {};
    if (plan.header !== "Location") headers["Azure-AsyncOperation"] = url;
    if (plan.header !== "Azure-AsyncOperation") headers["Location"] = url;
    if (plan.retryAfter !== null) headers["Retry-After"] = plan.retryAfter;
    return headers;
  }

  pollCount(id: string): number {
    return this.operations.get(id)?.polls ?? 0;
  }

  /** Serves one GET of a status URL; each one advances the operation by one step. */
  poll(id: string, scope: MockScope): MockResponse {
    const op = this.operations.get(id);
    if (!op || scopeKey(op.scope) !== scopeKey(scope)) {
      return armError(404, "ResourceNotFound", `The operation result '${id}' was not found.`);
    }
    op.polls += 1;
    const { plan } = op;
    const base = {
      id: `${connectorId(scope)}/devops/default/operationResults/${id}?api-version=${API_VERSION}`,
      name: id,
    };
    const step = plan.steps[op.polls - 1];
    if (step !== undefined) {
      const retry: Record<string, string> = plan.retryAfter === null ? {} : { "Retry-After": plan.retryAfter };
      if (plan.header === "Location")
        return { status: 202, headers: { ...retry, Location: this.statusUrl(id, scope) } };
      const operations = [
        { name: "Validate", status: "Succeeded", percentComplete: 100 },
        { name: "Apply", status: plan.inProgressStatus, percentComplete: step },
      ];
      const body = {
        ...base,
        status: plan.inProgressStatus,
        percentComplete: step,
        startTime: op.startTime,
        operations,
      };
      return { status: 200, headers: retry, body };
    }
    if (op.endTime === undefined) {
      op.endTime = new Date().toISOString();
      op.settle?.(plan.outcome);
    }
    const percentComplete = plan.outcome === "Succeeded" ? 100 : (plan.steps[plan.steps.length - 1] ?? 0);
    const body: Record<string, unknown> = {
      ...base,
      status: plan.outcome,
      percentComplete,
      startTime: op.startTime,
      endTime: op.endTime,
    };
    if (plan.outcome !== "Succeeded" && plan.error) body["error"] = plan.error;
    return { status: 200, body };
  }

  clear(): void {
    this.plans = [];
    this.operations.clear();
  }
}
