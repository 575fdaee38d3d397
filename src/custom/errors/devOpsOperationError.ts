import type { ArmErrorAdditionalInfo, ArmErrorDetail } from "./armErrorDetail.js";
import type { OperationStatusResult } from "../poller/status.js";

/**
 * Codes a DevOps operation is known to fail with. `TokenExchangeFailed` comes from the service's own examples;
 * `OperationFailed` and `OperationCanceled` are set by this package when the service ends an operation without
 * an error body.
 */
export type KnownDevOpsOperationErrorCode = "TokenExchangeFailed" | "OperationFailed" | "OperationCanceled";

/** A known code, or any other string the service sends (`string & {}` keeps editor completion for known ones). */
export type DevOpsOperationErrorCode = KnownDevOpsOperationErrorCode | (string & {});

export interface DevOpsOperationErrorInit {
  /** The terminal status as the service spelt it ("Failed", "canceled", ...). */
  status: string;
  /** `error` of the operation result, or of the failed resource. */
  error: ArmErrorDetail | undefined;
  operationResult: OperationStatusResult | undefined;
  operationResultId: string | undefined;
  percentComplete: number | undefined;
}

/**
 * A long-running operation ended as Failed or Canceled. Carries the ARM error of the operation, unflattened, so
 * callers can branch on `code` and read `target`, `details` and `additionalInfo`.
 */
export class DevOpsOperationError<C extends DevOpsOperationErrorCode = DevOpsOperationErrorCode> extends Error {
  override readonly name = "DevOpsOperationError" as const;
  /** The ARM error code, or OperationFailed / OperationCanceled when the service sent none. */
  readonly code!: C;
  readonly target: string | undefined;
  readonly details!: ArmErrorDetail[];
  readonly additionalInfo!: ArmErrorAdditionalInfo[];
  /** The terminal status as the service spelt it. */
  readonly status!: string;
  /** Whether the operation was canceled rather than failed. */
  readonly canceled!: boolean;
  readonly percentComplete: number | undefined;
  /** The last path segment of the status URL, when it is a DevOpsOperationResults URL. */
  readonly operationResultId: string | undefined;
  /** The final OperationStatusResult as received (undefined when the failure came without one). */
  readonly operationResult: OperationStatusResult | undefined;

  constructor(init: DevOpsOperationErrorInit) {
    const canceled = init.status.trim().toLowerCase() === "canceled";
    const code = init.error?.code ?? (canceled ? "OperationCanceled" : "OperationFailed");
    const message = init.error?.message ?? (canceled ? "The operation was canceled." : "The operation failed.");
    super(message);
    const { status, percentComplete, operationResultId, operationResult, error } = init;
    // One assignment (the definite-assignment `!`s above): this class is in every bundle that polls.
    Object.assign(this, {
      code,
      target: error?.target,
      details: error?.details ?? [],
      additionalInfo: error?.additionalInfo ?? [],
      status,
      canceled,
      percentComplete,
      operationResultId,
      operationResult,
    });
  }
}
