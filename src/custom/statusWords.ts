import type { OperationStatus } from "@azure/core-lro";

// ARM's status words (an operation's `status`, a resource's `provisioningState`) and what each means to a poller.
// One list for the pollers (poller/status.ts) and for DevOpsOperationError, which tells Canceled from Failed by it.

/** The poller status a status word stands for. */
export type PolledStatus = Exclude<OperationStatus, "notStarted">;

// ARM's contract names three terminal states; services also spell Canceled "Cancelled", and this API reports its
// own DeletionSuccess / DeletionFailure. Everything else (InProgress, Accepted, Running, a value invented next year)
// keeps the poll going. Matched whole and case-insensitively — never by substring, so "FailedOver" or
// "NotCanceled" do not end an operation.
const TERMINAL: Readonly<Record<string, PolledStatus>> = {
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  cancelled: "canceled",
  deletionsuccess: "succeeded",
  deletionfailure: "failed",
};

/** The poller status for an ARM status string: terminal ones by name, any other string is "running". */
export function classifyStatus(status: string): PolledStatus {
  return TERMINAL[status.trim().toLowerCase()] ?? "running";
}
