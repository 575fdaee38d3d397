import { CANCELED_ERROR, type NormalisedPlan, normalisePlan } from "./plans.js";
import { armError } from "./respond.js";
import { API_VERSION, connectorId, connectorPath, scopeKey } from "./scope.js";
import type { MockResponse, MockScope, OperationPlan } from "./types.js";

/** What the code that started an operation wants done when it ends. */
interface OperationHooks {
  /** Applies the outcome to the resource, once, at the first terminal poll. */
  settle?: () => void;
  /** What the operation would have answered synchronously: a Location monitor's answer once it succeeded. */
  syncAnswer?: () => MockResponse;
}

interface Operation extends OperationHooks {
  id: string;
  scope: MockScope;
  plan: NormalisedPlan;
  polls: number;
  startTime: string;
  endTime?: string;
}

/** The region of the mock's Location monitors (`.../locations/{region}/operationResults/{id}`). */
const MONITOR_REGION = "westeurope";

const statusPath = (scope: MockScope, id: string) =>
  `${connectorPath(scope)}/devops/default/operationResults/${encodeURIComponent(id)}?api-version=${API_VERSION}`;
const locationPath = (scope: MockScope, id: string) =>
  `/subscriptions/${encodeURIComponent(scope.subscriptionId)}/providers/Microsoft.Security/locations/${MONITOR_REGION}` +
  `/operationResults/${encodeURIComponent(id)}?api-version=${API_VERSION}`;

/** Retry-After and retry-after-ms, as the plan asks, for the initial answer and every in-progress one. */
function retryHeaders(plan: NormalisedPlan): Record<string, string> {
  const headers: Record<string, string> = {};
  if (plan.retryAfter !== null) headers["Retry-After"] = plan.retryAfter;
  if (plan.retryAfterMs !== null) headers["retry-after-ms"] = plan.retryAfterMs;
  return headers;
}

/**
 * The async operation engine: plans waiting to be used, and every operation started, by id. An operation is read
 * through one of three doors, each GET advancing it one step: its operation resource (`.../devops/default/
 * operationResults/{id}`, the spec's DevOpsOperationResults_Get, named by Azure-AsyncOperation or
 * Operation-Location), its Location monitor (the mock's own path, answering by HTTP status as ARM's Location
 * monitors do), or — for a body-polled PUT/PATCH — the resource itself.
 */
export class OperationEngine {
  private plans: OperationPlan[] = [];
  /** The mock's defaultPlan: what every plan's missing fields are taken from. */
  private base: OperationPlan = {};
  private readonly operations = new Map<string, Operation>();
  /** Resources whose provisioningState is polled directly (header "none"), by object, with their operation. */
  private readonly bodyPolled = new Map<object, string>();

  constructor(private readonly endpoint: () => string) {}

  queue(plans: OperationPlan[]): void {
    this.plans.push(...plans);
  }

  /** Replaces the plans waiting to be used. */
  replaceQueue(plans: OperationPlan[]): void {
    this.plans = [...plans];
  }

  setDefaultPlan(plan: OperationPlan): void {
    this.base = { ...plan };
  }

  /** The plan of the next operation a write starts: the next queued one, else the default plan. */
  nextPlan(): NormalisedPlan {
    return this.complete(this.plans.shift());
  }

  /** `plan` with its missing fields taken from the default plan. */
  complete(plan?: OperationPlan): NormalisedPlan {
    return normalisePlan(plan, this.base);
  }

  statusUrl(id: string, scope: MockScope): string {
    return this.endpoint() + statusPath(scope, id);
  }

  locationUrl(id: string, scope: MockScope): string {
    return this.endpoint() + locationPath(scope, id);
  }

  start(id: string, scope: MockScope, plan: NormalisedPlan, hooks: OperationHooks = {}): string {
    this.operations.set(id, { id, scope, plan, polls: 0, startTime: new Date().toISOString(), ...hooks });
    return this.statusUrl(id, scope);
  }

  /** Polls of `resource` (a stored resource object) advance operation `id`: the body-polling flow. */
  watchResource(resource: object, id: string): void {
    this.bodyPolled.set(resource, id);
  }

  /** Headers of the initial answer that point the client at the operation. */
  initialHeaders(id: string, scope: MockScope, plan: NormalisedPlan): Record<string, string> {
    const headers: Record<string, string> = {};
    if (plan.header === "Azure-AsyncOperation" || plan.header === "both") headers["Azure-AsyncOperation"] = this.statusUrl(id, scope);
    if (plan.header === "Operation-Location") headers["Operation-Location"] = this.statusUrl(id, scope);
    if (plan.header === "Location" || plan.header === "both") headers["Location"] = this.locationUrl(id, scope);
    return { ...headers, ...retryHeaders(plan) };
  }

  pollCount(id: string): number {
    return this.operations.get(id)?.polls ?? 0;
  }

  /** One GET of the operation resource: 200 with the OperationStatusResult (202 empty while running, if planned). */
  poll(id: string, scope: MockScope): MockResponse {
    const op = this.operations.get(id);
    if (!op || scopeKey(op.scope) !== scopeKey(scope)) {
      return armError(404, "ResourceNotFound", `The operation result '${id}' was not found.`);
    }
    const step = this.advance(op);
    const { plan } = op;
    const base = {
      id: `${connectorId(scope)}/devops/default/operationResults/${id}?api-version=${API_VERSION}`,
      name: id,
      startTime: op.startTime,
    };
    if (step !== undefined) {
      if (plan.emptyWhileRunning) return { status: 202, headers: retryHeaders(plan) };
      const operations = [
        { name: "Validate", status: "Succeeded", percentComplete: 100 },
        { name: "Apply", status: plan.inProgressStatus, percentComplete: step },
      ];
      const body = { ...base, status: plan.inProgressStatus, percentComplete: step, operations };
      return { status: 200, headers: retryHeaders(plan), body };
    }
    const percentComplete = plan.outcome === "Succeeded" ? 100 : (plan.steps.at(-1) ?? 0);
    const body: Record<string, unknown> = { ...base, status: plan.terminalStatus, percentComplete, endTime: op.endTime };
    if (plan.outcome !== "Succeeded" && plan.error) body["error"] = plan.error;
    return { status: 200, body };
  }

  /**
   * One GET of the Location monitor, as ARM's Location contract has it: 202 (with Location and Retry-After) while
   * running; then exactly what the operation would have answered synchronously; when it failed, the ARM error
   * response — 400 for Failed, 409 for Canceled — with the operation's error.
   */
  pollLocation(id: string, subscriptionId: string): MockResponse {
    const op = this.operations.get(id);
    if (!op || op.scope.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) {
      return armError(404, "ResourceNotFound", `The operation '${id}' was not found.`);
    }
    const { plan } = op;
    if (this.advance(op) !== undefined) {
      return { status: 202, headers: { Location: this.locationUrl(id, op.scope), ...retryHeaders(plan) } };
    }
    if (plan.outcome === "Succeeded") return op.syncAnswer?.() ?? { status: 204 };
    const error = plan.error ?? CANCELED_ERROR;
    return { status: plan.outcome === "Failed" ? 400 : 409, headers: { "x-ms-error-code": error.code }, body: { error } };
  }

  /** A GET of a stored resource: advances the operation that polls it, if any, before the resource is answered. */
  touchResource(resource: object): void {
    const id = this.bodyPolled.get(resource);
    const op = id === undefined ? undefined : this.operations.get(id);
    if (op && this.advance(op) === undefined) this.bodyPolled.delete(resource);
  }

  /** One step: the percentComplete while running, undefined once terminal (settled at the first terminal step). */
  private advance(op: Operation): number | undefined {
    op.polls += 1;
    const { plan } = op;
    if (plan.neverFinishes) return plan.steps[op.polls - 1] ?? plan.steps.at(-1) ?? 0;
    const step = plan.steps[op.polls - 1];
    if (step !== undefined) return step;
    if (op.endTime === undefined) {
      op.endTime = new Date().toISOString();
      op.settle?.();
    }
    return undefined;
  }

  clear(): void {
    this.plans = [];
    this.operations.clear();
    this.bodyPolled.clear();
  }
}
