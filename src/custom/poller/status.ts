import type { OperationStatusResultOutput } from "../../generated/outputModels.js";
import { DevOpsOperationError } from "../errors/devOpsOperationError.js";
import { isObject, readArmErrorDetail } from "../errors/armErrorDetail.js";
import { requestedDelay } from "../retry-after.js";
import { classifyStatus } from "../statusWords.js";
import type { StatusOutcome } from "./strategy.js";

// What an ARM response says about an operation, read the same way by every strategy: status words, the
// provisioning state of a resource, the status document, headers and the delay asked for. Bodies and headers come
// from the network, so every field is type-checked before it is trusted.

/** `OperationStatusResult` (common-types v2): what DevOpsOperationResults_Get returns; the generated output model. */
export type OperationStatusResult = OperationStatusResultOutput;

// The status words are shared with DevOpsOperationError (errors/ does not import the pollers); read here with the rest.
export { classifyStatus, type PolledStatus } from "../statusWords.js";

/** Case-insensitive header lookup: RLC responses lower-case names, hand-built ones may not. */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The delay a core-client response asks for before the next request (retry-after.ts `requestedDelay`). */
export function requestedDelayMs(headers: Record<string, string> | undefined): number | undefined {
  return requestedDelay((name) => headerValue(headers, name));
}

// Bounds nesting of `operations` as readArmErrorDetail bounds `details`.
const MAX_DEPTH = 16;

/** The OperationStatusResult in `body`, or `undefined` if it has no string `status` (then it is not one). */
export function readOperationStatusResult(body: unknown, depth = 0): OperationStatusResult | undefined {
  if (!isObject(body) || typeof body["status"] !== "string" || depth > MAX_DEPTH) return undefined;
  // Unknown extra fields are kept: the full document is what callers asked for.
  const result: OperationStatusResult = { ...body, status: body["status"] };
  for (const key of ["id", "name", "startTime", "endTime"] as const) {
    if (typeof body[key] !== "string") delete result[key];
  }
  const percent = readPercent(body["percentComplete"]);
  if (percent === undefined) delete result.percentComplete;
  else result.percentComplete = percent;
  if (Array.isArray(body["operations"])) {
    result.operations = body["operations"].flatMap((o) => readOperationStatusResult(o, depth + 1) ?? []);
  } else delete result.operations;
  const error = readArmErrorDetail(body["error"]);
  if (error === undefined) delete result.error;
  else result.error = error;
  return result;
}

/** A finite number clamped into 0..100, else undefined (the spec bounds it; a server bug should not leak NaN). */
function readPercent(value: unknown): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value));
}

/** What a status document (Azure-AsyncOperation, Operation-Location, operationResults) says. */
export function outcomeOfStatusDocument(doc: OperationStatusResult, url: string, retryAfterMs: number | undefined): StatusOutcome {
  const status = classifyStatus(doc.status);
  const error =
    status === "failed" || status === "canceled"
      ? new DevOpsOperationError({
          status: doc.status,
          error: doc.error,
          operationResult: doc,
          operationResultId: operationResultIdOf(url),
          percentComplete: doc.percentComplete,
        })
      : undefined;
  return { type: "status", status, operationResult: doc, error, retryAfterMs };
}

/** `properties.provisioningState` of a resource body, when it is a string. */
export function readProvisioningState(body: unknown): string | undefined {
  const properties = isObject(body) ? body["properties"] : undefined;
  const state = isObject(properties) ? properties["provisioningState"] : undefined;
  return typeof state === "string" ? state : undefined;
}

/** What a resource body says through its provisioningState; ARM: a resource without one has Succeeded. */
export function outcomeOfResource(body: unknown, retryAfterMs: number | undefined): StatusOutcome {
  const state = readProvisioningState(body) ?? "Succeeded";
  const status = classifyStatus(state);
  if (status === "succeeded" || status === "running") return { type: "status", status, retryAfterMs };
  // This API's resources explain a failure in provisioningStatusMessage; they carry no ARM error object.
  const properties = isObject(body) && isObject(body["properties"]) ? body["properties"] : {};
  const message = properties["provisioningStatusMessage"];
  const error = new DevOpsOperationError({ status: state, error: typeof message === "string" ? { message } : undefined });
  return { type: "status", status, error, retryAfterMs };
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
