import type { OperationStatus } from "@azure/core-lro";
import type { OperationStatusResultOutput } from "../../generated/outputModels.js";
import { isObject, readArmErrorDetail } from "../errors/armErrorDetail.js";

/** `OperationStatusResult` (common-types v2): what DevOpsOperationResults_Get returns; the generated output model. */
export type OperationStatusResult = OperationStatusResultOutput;

// ARM's async-operation contract names exactly three terminal states; everything else (InProgress, Accepted,
// Running, NotStarted, a value invented next year) keeps the poll going. Matched whole and case-insensitively —
// never by substring, so "FailedOver" or "NotCanceled" do not end an operation.
type PolledStatus = Exclude<OperationStatus, "notStarted">;
/** The poller status for an ARM status string: terminal ones by name, any other string is "running". */
export function classifyStatus(status: string): PolledStatus {
  const s = status.trim().toLowerCase();
  return /^(succeeded|failed|canceled)$/.test(s) ? (s as PolledStatus) : "running";
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
export function readPercent(value: unknown): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value));
}
