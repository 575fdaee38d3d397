import type { TokenCredential } from "@azure/core-auth";
import type { ConnectionStats } from "./connections.js";
import type { MockThrottle, MockThrottleOptions } from "./throttle/types.js";

/** One scripted (or computed) answer of the mock. */
export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised with content-type application/json. */
  body?: unknown;
  /** Sent as is (with `headers` as given): malformed JSON, HTML proxy pages, empty bodies. Wins over `body`. */
  rawBody?: string | Uint8Array;
  /** Wait before answering; cut short by close(). */
  delayMs?: number;
  /**
   * reset: destroy the socket without answering; stall: never answer until close(); truncate: send the status,
   * headers and half the body (content-length announcing all of it), then destroy the socket.
   */
  fault?: "reset" | "stall" | "truncate";
}

/** A request as the mock received it. */
export interface RecordedRequest {
  method: string;
  /** Raw path as received, without the query. */
  path: string;
  /** Raw path and query as received. */
  url: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw string if not JSON, undefined if empty. */
  body: unknown;
  /** Date.now() at arrival. */
  at: number;
}

export interface OperationError {
  code: string;
  message: string;
  target?: string;
  details?: unknown[];
  additionalInfo?: unknown[];
}

/**
 * How one long-running operation behaves. Each GET of its monitor (or, for header "none", of its resource) advances
 * it one step: one in-progress answer per entry of `steps`, then the outcome.
 */
export interface OperationPlan {
  /** percentComplete reported by successive in-progress polls (default [0, 50]). */
  steps?: number[];
  /** Default "Succeeded". */
  outcome?: "Succeeded" | "Failed" | "Canceled";
  /** For Failed/Canceled; Failed defaults to a TokenExchangeFailed error with target, a detail and additionalInfo. */
  error?: OperationError;
  /** Retry-After on the initial answer and every in-progress poll; default "0"; null = no header. */
  retryAfter?: string | null;
  /** `retry-after-ms` (milliseconds, as Azure services also send) beside Retry-After; default none. */
  retryAfterMs?: string;
  /**
   * How the initial answer names the operation; default Azure-AsyncOperation.
   * - "Azure-AsyncOperation", "Operation-Location": the operation resource `.../devops/default/operationResults/{id}`
   *   (200 with the OperationStatusResult).
   * - "Location": the mock's own Location monitor, `/subscriptions/{sub}/providers/Microsoft.Security/locations/
   *   westeurope/operationResults/{id}` — 202 while running, then what the operation answers synchronously (PUT/PATCH:
   *   200 with the resource; DELETE: 200), or the ARM error response (Failed: 400, Canceled: 409).
   * - "both": Azure-AsyncOperation and Location.
   * - "none": no header. PUT answers 201 and PATCH 200 with provisioningState Accepted, and each GET of the resource
   *   advances the operation (body polling). DELETE answers 202 without a header, which ARM forbids (to test clients).
   */
  header?: "Azure-AsyncOperation" | "Operation-Location" | "Location" | "both" | "none";
  /** The status of in-progress answers; default "InProgress". */
  inProgressStatus?: string;
  /** The word the end is reported with (status and provisioningState); default the outcome, e.g. "succeeded", "Cancelled". */
  terminalStatus?: string;
  /** The operation resource answers 202 with an empty body while running (instead of 200 with the document). */
  emptyWhileRunning?: boolean;
  /** Never ends: every poll answers in progress (after the steps, at the last step's percentComplete). */
  neverFinishes?: boolean;
  /** Answer synchronously: 200 with provisioningState Succeeded and no header. */
  sync?: boolean;
}

/** The security connector a request addresses. */
export interface MockScope {
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
}

export interface MockArm {
  /** "https://127.0.0.1:PORT" (or http:// when https: false). */
  readonly endpoint: string;
  /** PEM of the server certificate (https), for `tlsOptions: { ca }` or NODE_EXTRA_CA_CERTS. */
  readonly certificate: string | undefined;
  /** The bearer token the mock accepts. */
  readonly token: string;
  /** Resolves { token, expiresOnTimestamp } with the accepted token. */
  readonly credential: TokenCredential;
  /** Every request in arrival order, OPTIONS preflights included. */
  readonly requests: RecordedRequest[];
  /**
   * Successive answers for method + path (the exact raw path without query — an absolute URL or a query is
   * stripped — or a RegExp tested on the raw path), consumed in order; once exhausted the stateful behaviour
   * answers again. Scripts take precedence over everything else (auth and api-version checks included).
   */
  script(method: string, path: string | RegExp, ...responses: MockResponse[]): void;
  /** Plans for the next long-running operations started, in order; afterwards the default plan. */
  planOperations(...plans: OperationPlan[]): void;
  /** Registers an operation that touches no resource; returns its absolute status URL. */
  addOperationResult(id: string, plan?: OperationPlan, scope?: MockScope): string;
  operationResultUrl(id: string, scope?: MockScope): string;
  /** How many GETs of its status URL the operation engine has served (scripted answers not counted). */
  pollCount(id: string): number;
  /** Throttling as ARM's token buckets: off unless started with `throttle` or turned on by `throttle.configure()`. */
  readonly throttle: MockThrottle;
  /** TCP connections: open now, the most open at once since start or reset(), and opened since then. */
  connections(): ConnectionStats;
  /**
   * Back to the seeded state; scripts, plans, operations and recorded requests cleared; throttling back to the start
   * option (buckets full, counters zero, simulated clients stopped); the connection peak restarts from those open.
   */
  reset(): void;
  /** Closes the server and every socket, stalled ones included; idempotent. */
  close(): Promise<void>;
}

export interface MockArmOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default true: a self-signed certificate made at start. */
  https?: boolean | { key: string; cert: string };
  /** Default a random string. */
  token?: string;
  /** Default true: 401 AuthenticationFailed without `Authorization: Bearer <token>`. */
  requireAuth?: boolean;
  /** Items per page of pageable lists; default 2 so paging is visible. */
  pageSize?: number;
  /** Default true: the seeded inventory of DEFAULT_SCOPE. */
  seed?: boolean;
  /** Default false (no throttling). true: ARM's limits; an object: limits of your own, e.g. scaled-down buckets. */
  throttle?: boolean | MockThrottleOptions;
}
