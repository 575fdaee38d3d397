import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import type { ClientThrottle } from "./budgetState.js";
import { isSharedRead } from "./readMark.js";

// The shared read budget in the pipeline. In the per-retry phase, so that every attempt — core's own retries of a
// 429 or a 503 included — is a read charged to the subscription and waits for its token, and a wait happens before
// the request takes a connection slot (requestSlots.ts). Reads are GET and HEAD, as ARM counts them; the marked ones
// (pollers, paginate) or, with allReads, all of them wait; the others go at once and are counted. Every answer is
// learnt from, whoever sent the read.
//
// createClient puts the policy in its place at once, and it lets every request through untouched until the budget is
// installed (install.ts: by the client's first poller or paginate), so that the budget's code is not in the bundle
// of an app that only sends requests.

export function readBudgetPolicy(throttle: ClientThrottle): PipelinePolicy {
  return {
    name: "sharedReadBudgetPolicy",
    sendRequest: async (request, next) => {
      const budget = throttle.budget;
      if (budget === undefined || (request.method !== "GET" && request.method !== "HEAD")) return next(request);
      const scope = budget.scopeOf(request.url);
      const ticket =
        budget.options.allReads || isSharedRead(request) ? await scope.acquire(request.abortSignal) : scope.charge();
      let response: PipelineResponse | undefined;
      try {
        response = await next(request);
        return response;
      } finally {
        scope.settle(ticket, response);
      }
    },
  };
}
