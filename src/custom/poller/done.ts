import type { Client } from "@azure-rest/core-client";
import { getResult } from "./http.js";
import type { LroMethod } from "./resumeToken.js";
import type { PollingStrategy, SettledOutcome } from "./strategy.js";

// Strategy "done": the initial response already ended the operation — a DELETE's or POST's 200/201/204, a
// PUT/PATCH's 200/201 with a terminal provisioningState (whatever stray headers it carries; none of them is read),
// or without any provisioningState and without a monitor header. No poll is sent; the body in hand is the result.
// Restored from a token (which never carries a body), a succeeded PUT/PATCH costs one GET of the resource.

export interface DoneInit {
  method: LroMethod;
  /** URL of the initial request; checked before any request is sent to it. */
  resourceUrl: string;
  outcome: SettledOutcome;
  /** The initial response's body; absent when restored from a token. */
  body?: { value: unknown } | undefined;
  /** Checks `resourceUrl` when the final GET needs it (the initial request's own URL is only checked then). */
  checkResourceUrl: () => string;
}

export function doneStrategy<TResult>(client: Client, init: DoneInit): PollingStrategy<TResult> {
  const resultIsResource = init.method === "PUT" || init.method === "PATCH";
  // A DELETE has no result; a POST's is its body (absent on a 204); a PUT/PATCH's is the resource.
  const inHand = init.method === "DELETE" ? { value: undefined } : init.body;
  return {
    initial: init.outcome,
    initialResult: inHand as { value: TResult } | undefined,
    // Never called while the initial outcome is terminal; kept total for the contract.
    poll: async () => init.outcome,
    result: async (final, options) =>
      (inHand === undefined && final.status === "succeeded" && resultIsResource
        ? await getResult(client, init.checkResourceUrl(), options)
        : inHand?.value) as TResult,
    token: () => ({ v: 1, kind: "done", method: init.method, resourceUrl: init.resourceUrl, status: init.outcome.status }),
  };
}
