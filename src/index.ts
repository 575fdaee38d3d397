// The package root: the generated REST-level client, with the hand-written additions from src/custom.

export * from "./generated/index.js";
// The custom factory replaces the generated one of the same name (an explicit export wins over `export *`), and
// so does its options type, which adds the shared read budget and the bound on requests in flight.
export { createClient, createClient as default, type SecurityDevOpsClientOptions } from "./custom/client.js";
// ... and so does the client type it returns, which adds `connector(scope)` (scoped paths).
export type { SecurityDevOpsClient, ConnectorScope, WithConnectorScope } from "./custom/connectorScope.js";

// Waiting for long-running operations.
export * from "./custom/poller/index.js";
export type { LroInitialResponse } from "./custom/poller/lroTypes.js";
export { parseRetryAfter, DEFAULT_POLL_INTERVAL_MS, MAX_RETRY_AFTER_MS } from "./custom/retry-after.js";

// Errors and their guards (name-based, so they work across duplicate copies of the package).
export {
  DevOpsOperationError,
  type DevOpsOperationErrorCode,
  type KnownDevOpsOperationErrorCode,
} from "./custom/errors/devOpsOperationError.js";
export { PollingError, type PollingErrorReason } from "./custom/errors/pollingError.js";
export { isDevOpsOperationError, isPollingError, isAbortError, type PollerError } from "./custom/errors/guards.js";
export { toRestError, RestError, isRestError, type ArmRestError } from "./custom/errors/toRestError.js";
export type { ArmErrorDetail, ArmErrorAdditionalInfo } from "./custom/errors/armErrorDetail.js";
export { InvalidParameterError, isInvalidParameterError } from "./custom/errors/invalidParameterError.js";

// Argument checks that client.path() runs, for callers that build URLs themselves.
export { checkPathArguments, checkPathParameter } from "./custom/validate.js";

// Paging through list operations.
export {
  paginate,
  type PaginateOptions,
  type PageSettings,
  type PagedAsyncIterableIterator,
  type PaginateReturn,
} from "./custom/paginate.js";
export { PagingError, isPagingError, type PagingErrorReason } from "./custom/errors/pagingError.js";

// Many operations at once: the shared read budget per subscription and the bound on requests in flight.
export type { ReadBudgetOptions, ThrottleClientOptions } from "./custom/throttle/options.js";
export { sharedReadBudget } from "./custom/throttle/install.js";
export {
  readBudgetState,
  requestLimitState,
  type ReadBudgetState,
  type ReadScopeState,
  type RequestLimitState,
} from "./custom/throttle/budgetState.js";
