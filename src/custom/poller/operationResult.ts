import type { AbortSignalLike } from "@azure/abort-controller";
import type { Client } from "@azure-rest/core-client";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { PollingError } from "../errors/pollingError.js";
import { readStatus } from "./http.js";
import type { PollOutcome, PollingStrategy } from "./strategy.js";
import { classifyStatus, readOperationStatusResult, type OperationStatusResult } from "./status.js";

// Strategy "operation-result": polls a DevOpsOperationResults status URL and resolves with the final
// OperationStatusResult itself. Used by pollOperationResult (by ids or by URL). The status reading is shared with
// the Azure-AsyncOperation strategy, whose URL is the same kind of document.

/** Reads one OperationStatusResult from `url` and turns it into a PollOutcome. */
export async function pollOperationStatus(client: Client, url: string, signal: AbortSignalLike): Promise<PollOutcome> {
  const read = await readStatus(client, url, signal);
  if (read.type === "transient") return read;
  const result = readOperationStatusResult(read.response.body);
  if (result === undefined) {
    throw new PollingError(`The operation status at ${url} answered ${read.response.status} without a string "status"`, {
      reason: "invalidStatusResponse",
      url,
      statusCode: Number(read.response.status),
    });
  }
  return outcomeOf(result, url, read.retryAfterMs);
}

export function outcomeOf(result: OperationStatusResult, url: string, retryAfterMs: number | undefined): PollOutcome {
  const status = classifyStatus(result.status);
  const error =
    status === "failed" || status === "canceled"
      ? new DevOpsOperationError({
          status: result.status,
          error: result.error,
          operationResult: result,
          operationResultId: operationResultIdOf(url),
          percentComplete: result.percentComplete,
        })
      : undefined;
  return { type: "status", status, operationResult: result, percentComplete: result.percentComplete, error, retryAfterMs };
}

/** The `{operationResultId}` of a `.../operationResults/{id}` URL or path. */
export function operationResultIdOf(url: string): string | undefined {
  const path = url.split("?")[0] ?? "";
  const match = /\/operationResults\/([^/]+)\/?$/i.exec(path);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** `url` is already checked: an absolute URL on the client's origin, or a path on its endpoint. */
export function operationResultStrategy(client: Client, url: string): PollingStrategy<OperationStatusResult> {
  return {
    poll: (signal) => pollOperationStatus(client, url, signal),
    // Failed or succeeded alike, the final document is the value (with resolveOnUnsuccessful it carries the error).
    result: async (final) => final.operationResult as OperationStatusResult,
    token: () => ({ v: 1, kind: "operation-result", url }),
  };
}
