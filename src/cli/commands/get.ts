import type { SecurityDevOpsClient } from "../../generated/clientDefinitions.js";
import { isUnexpected } from "../../generated/isUnexpected.js";
import { toRestError } from "../../custom/errors/toRestError.js";
import { PollingError } from "../../custom/errors/pollingError.js";
import { classifyStatus, readOperationStatusResult, type OperationStatusResult } from "../../custom/poller/status.js";
import type { OperationTarget } from "../args.js";
import { ExitCode } from "../exitCodes.js";
import { formatJson, formatOperationResult } from "../output.js";
import type { Io } from "../io.js";
import { OPERATION_RESULT_PATH } from "../operationUrl.js";

/** One GET of the operation result: by ids through the typed path, by URL as given (already checked to be on the endpoint). */
export async function readOperationResult(
  client: SecurityDevOpsClient,
  target: OperationTarget,
  abortSignal?: AbortSignal,
): Promise<OperationStatusResult> {
  if (target.kind === "ids") {
    const response = await client
      .path(OPERATION_RESULT_PATH, target.subscriptionId, target.resourceGroupName, target.securityConnectorName, target.operationResultId)
      .get({ abortSignal });
    if (isUnexpected(response)) throw toRestError(response);
    return checked(response.body, response.request.url);
  }
  const response = await client.pathUnchecked(target.url).get({ abortSignal });
  const status = Number(response.status);
  if (status < 200 || status > 299) throw toRestError(response);
  return checked(response.body, target.url);
}

function checked(body: unknown, url: string): OperationStatusResult {
  const result = readOperationStatusResult(body);
  if (result === undefined) {
    throw new PollingError(`The answer from ${url} is not an operation status (it has no string "status")`, {
      reason: "invalidStatusResponse",
      url,
    });
  }
  return result;
}

/**
 * `get`: prints the operation result once. Exit 1 if it ended Failed/Canceled, else 0 (running included).
 * `interrupt` (Ctrl+C) cancels the request, its retries and the sign-in it waits for.
 */
export async function runGet(client: SecurityDevOpsClient, target: OperationTarget, json: boolean, io: Io, interrupt?: AbortSignal): Promise<ExitCode> {
  const result = await readOperationResult(client, target, interrupt);
  io.out(json ? formatJson(result) : formatOperationResult(result));
  const status = classifyStatus(result.status);
  return status === "failed" || status === "canceled" ? ExitCode.operationFailed : ExitCode.ok;
}
