import type { NormalizedReadBudget } from "./options.js";
import { readScopeOf } from "./readScope.js";
import type { ReadScopeState } from "./budgetState.js";
import { ScopeBudget } from "./scopeBudget.js";

// The read budgets of one client, one per scope (origin + subscription, or the tenant), made on first use. Shared by
// everything sent through the client's pipeline: its pollers, its pagers and (counted, or held with allReads) any
// other GET.

export class SharedReadBudget {
  private readonly scopes = new Map<string, ScopeBudget>();

  constructor(readonly options: NormalizedReadBudget) {}

  /** The budget `url` is charged to. */
  scopeOf(url: string): ScopeBudget {
    const scope = readScopeOf(url);
    let budget = this.scopes.get(scope.key);
    if (budget === undefined) {
      budget = new ScopeBudget(scope, this.options);
      this.scopes.set(scope.key, budget);
    }
    return budget;
  }

  /** Each scope's state, in the order first read (budgetState.ts adds the options). */
  scopeStates(): ReadScopeState[] {
    return [...this.scopes.values()].map((b) => ({
      origin: b.scope.origin,
      subscriptionId: b.scope.subscriptionId,
      ...b.snapshot(),
    }));
  }
}
