// The public surface of the poller; src/index.ts re-exports this file.
export { pollOperationResult, type OperationResultTarget } from "./pollOperationResult.js";
export { getLongRunningPoller, type LroResult } from "./getLongRunningPoller.js";
export type { DevOpsOperationState, DevOpsPoller, OperationStatus, PollerOptions } from "./types.js";
export type { OperationStatusResult } from "./status.js";
export type { ResumeTokenKind } from "./resumeToken.js";
