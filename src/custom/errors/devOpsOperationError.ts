import type { ArmErrorAdditionalInfo, ArmErrorDetail } from "./armErrorDetail.js";
import type { OperationStatusResult } from "../poller/status.js";
import { classifyStatus } from "../statusWords.js";

/**
 * Codes a DevOps operation is known to fail with. `TokenExchangeFailed` comes from the service's own examples;
 * `OperationFailed` and `OperationCanceled` are set by this package when the service ends an operation without
 * an error body.
 */
export type KnownDevOpsOperationErrorCode = "TokenExchangeFailed" | "OperationFailed" | "OperationCanceled";

/** A known code, or any other string the service sends (`string & {}` keeps editor completion for known ones). */
export type DevOpsOperationErrorCode = KnownDevOpsOperationErrorCode | (string & {});

export interface DevOpsOperationErrorInit {
  /** The terminal status as the service spelt it ("Failed", "canceled", "Cancelled", "DeletionFailure", ...). */
  status: string;
  /** `error` of the operation result, or of the failed resource. */
  error?: ArmErrorDetail | undefined;
  /** Absent when the failure came without a status document (a failed resource, a Location monitor's 4xx). */
  operationResult?: OperationStatusResult | undefined;
  operationResultId?: string | undefined;
  percentComplete?: number | undefined;
  /** The HTTP status that reported the failure: a Location monitor's 4xx. Absent when a status body said so. */
  statusCode?: number | undefined;
}

/**
 * A long-running operation ended as Failed or Canceled. Carries the ARM error of the operation, unflattened, so
 * callers can branch on `code` and read `target`, `details` and `additionalInfo`.
 */
export class DevOpsOperationError<C extends DevOpsOperationErrorCode = DevOpsOperationErrorCode> extends Error {
  override readonly name = "DevOpsOperationError" as const;
  /** The ARM error code, or OperationFailed / OperationCanceled when the service sent none. */
  readonly code: C;
  readonly target: string | undefined;
  readonly details: ArmErrorDetail[];
  readonly additionalInfo: ArmErrorAdditionalInfo[];
  /** The terminal status as the service spelt it. */
  readonly status: string;
  /** Whether the operation was canceled rather than failed. */
  readonly canceled: boolean;
  readonly percentComplete: number | undefined;
  /** The last path segment of the status URL, when it is a DevOpsOperationResults URL. */
  readonly operationResultId: string | undefined;
  /** The final OperationStatusResult as received (undefined when the failure came without one). */
  readonly operationResult: OperationStatusResult | undefined;
  /** The HTTP status that reported the failure (a Location monitor's 4xx); undefined when a status body did. */
  readonly statusCode: number | undefined;

  constructor(init: DevOpsOperationErrorInit) {
    // Canceled as ARM spells it, and Cancelled as some services do: the pollers' own list (statusWords.ts).
    const canceled = classifyStatus(init.status) === "canceled";
    super(init.error?.message ?? (canceled ? "The operation was canceled." : "The operation failed."));
    this.code = (init.error?.code ?? (canceled ? "OperationCanceled" : "OperationFailed")) as C;
    this.target = init.error?.target;
    this.details = init.error?.details ?? [];
    this.additionalInfo = init.error?.additionalInfo ?? [];
    this.status = init.status;
    this.canceled = canceled;
    this.percentComplete = init.percentComplete;
    this.operationResultId = init.operationResultId;
    this.operationResult = init.operationResult;
    this.statusCode = init.statusCode;
  }
}
