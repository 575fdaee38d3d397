import { armError } from "./respond.js";
import { scopeKey } from "./scope.js";
import type { MockResponse, MockScope } from "./types.js";

/**
 * The security connectors that exist, so that a request under any other one is answered as ARM answers it — a 404
 * naming what is missing — instead of as an empty connector. A subscription or resource group exists when some
 * connector is registered in it. Names compare without regard to case, as ARM's do.
 */
export class ConnectorRegistry {
  private readonly known = new Map<string, MockScope>();

  add(scope: MockScope): void {
    const key = scopeKey(scope);
    if (!this.known.has(key)) this.known.set(key, { ...scope });
  }

  has(scope: MockScope): boolean {
    return this.known.has(scopeKey(scope));
  }

  list(): MockScope[] {
    return [...this.known.values()].map((scope) => ({ ...scope }));
  }

  /** Back to exactly these connectors. */
  reset(scopes: readonly MockScope[]): void {
    this.known.clear();
    for (const scope of scopes) this.add(scope);
  }

  /**
   * ARM's 404 for a request under `scope` when its connector does not exist: SubscriptionNotFound, then
   * ResourceGroupNotFound, then — the connector being the parent of every DevOps resource —
   * ParentResourceNotFound. Undefined when the connector exists.
   */
  missing(scope: MockScope): MockResponse | undefined {
    if (this.has(scope)) return undefined;
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const scopes = [...this.known.values()];
    const inSubscription = scopes.filter((s) => same(s.subscriptionId, scope.subscriptionId));
    if (inSubscription.length === 0) {
      return armError(404, "SubscriptionNotFound", `The subscription '${scope.subscriptionId}' could not be found.`);
    }
    if (!inSubscription.some((s) => same(s.resourceGroupName, scope.resourceGroupName))) {
      return armError(404, "ResourceGroupNotFound", `Resource group '${scope.resourceGroupName}' could not be found.`);
    }
    return armError(
      404,
      "ParentResourceNotFound",
      `Can not perform requested operation on nested resource. Parent resource '${scope.securityConnectorName}' not found.`,
    );
  }
}
