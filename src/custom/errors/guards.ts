import type { AbortError } from "@azure/abort-controller";
import { DevOpsOperationError, type DevOpsOperationErrorCode } from "./devOpsOperationError.js";
import { PollingError, type PollingErrorReason } from "./pollingError.js";
import { isNamedError } from "./isNamedError.js";
import type { ArmRestError } from "./toRestError.js";

/**
 * Everything a poller can reject with, discriminable by `name`:
 * - `DevOpsOperationError`: the operation ended Failed or Canceled (unless `resolveOnUnsuccessful`).
 * - `PollingError`: the status could not be read (an HTTP error from the status URL — 404, 401, 403, … —,
 *   transient errors past the bound, an untrusted URL, ...); `statusCode` holds the HTTP status that caused it.
 * - `RestError`: the initial response was an error, or the final GET of the result failed.
 * - `AbortError`: the caller's abortSignal fired, or `timeoutInMs` elapsed (the message names which).
 */
export type PollerError =
  | DevOpsOperationError
  | PollingError
  | ArmRestError
  | (AbortError & { readonly name: "AbortError" });

// The guards test `instanceof` OR the name plus a field of the expected type: a bundle or Deno can load two
// copies of this package, whose classes are distinct, yet an error from either copy must be recognised.

/** Whether `e` is a DevOpsOperationError (from any copy of this package). */
export function isDevOpsOperationError(e: unknown): e is DevOpsOperationError;
/** Whether `e` is a DevOpsOperationError with this code; narrows `e.code` to it. */
export function isDevOpsOperationError<C extends DevOpsOperationErrorCode>(e: unknown, code: C): e is DevOpsOperationError<C>;
export function isDevOpsOperationError(e: unknown, code?: string): boolean {
  return isNamedError(e, DevOpsOperationError, "DevOpsOperationError", "code") && (code === undefined || (e as DevOpsOperationError).code === code);
}

/** Whether `e` is a PollingError (from any copy of this package), optionally with this reason. */
export function isPollingError(e: unknown): e is PollingError;
export function isPollingError<R extends PollingErrorReason>(e: unknown, reason: R): e is PollingError<R>;
export function isPollingError(e: unknown, reason?: string): boolean {
  return isNamedError(e, PollingError, "PollingError", "reason") && (reason === undefined || (e as PollingError).reason === reason);
}

/** Whether `e` is an AbortError (the caller's signal or the poller's timeout). */
export function isAbortError(e: unknown): e is AbortError & { readonly name: "AbortError" } {
  return e instanceof Error && e.name === "AbortError";
}
