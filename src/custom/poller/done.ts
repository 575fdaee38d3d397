import type { Client } from "@azure-rest/core-client";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { isObject } from "../errors/armErrorDetail.js";
import { getResource, needsFinalGet } from "./http.js";
import type { PollOutcome, PollingStrategy } from "./strategy.js";
import { classifyStatus } from "./status.js";

// Strategy "done": the initial response already ended the operation — a 200/201/204 with no polling header and a
// terminal (or no) provisioningState. No poll is sent; the resource in hand is the result. Restored from a token
// (which never carries a body), a succeeded PUT/PATCH costs the one final GET instead.

/** The outcome a resource body states through `properties.provisioningState`; absent means succeeded. */
export function provisioningOutcome(body: unknown, retryAfterMs?: number): PollOutcome & { type: "status" } {
  const properties = isObject(body) && isObject(body["properties"]) ? body["properties"] : undefined;
  const raw = properties?.["provisioningState"];
  const state = typeof raw === "string" ? raw : "Succeeded";
  const status = classifyStatus(state);
  if (status === "succeeded" || status === "running") return { type: "status", status, retryAfterMs };
  const message = properties?.["provisioningStatusMessage"];
  const error = new DevOpsOperationError({
    status: state,
    error: typeof message === "string" ? { message } : undefined,
    operationResult: undefined,
    operationResultId: undefined,
    percentComplete: undefined,
  });
  return { type: "status", status, error, retryAfterMs };
}

export interface DoneInit {
  method: string;
  resourceUrl: string;
  outcome: PollOutcome & { type: "status"; status: "succeeded" | "failed" | "canceled" };
  /** The initial response's body, when there is one (absent when restored from a token). */
  body?: { value: unknown } | undefined;
}

export function doneStrategy<TResult>(client: Client, init: DoneInit): PollingStrategy<TResult> {
  const value = needsFinalGet(init.method) ? init.body?.value : undefined;
  const inHand = init.body !== undefined || !needsFinalGet(init.method);
  return {
    initial: init.outcome,
    initialResult: inHand ? { value: value as TResult } : undefined,
    // Never called while the initial outcome is terminal; kept total for the contract.
    poll: async () => init.outcome,
    result: async (final, signal) =>
      (final.status === "succeeded" && !inHand ? await getResource(client, init.resourceUrl, signal) : value) as TResult,
    token: () => ({ v: 1, kind: "done", method: init.method, resourceUrl: init.resourceUrl, status: init.outcome.status }),
  };
}
