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
  /**
   * `Retry-After` (seconds) on the initial answer and every in-progress poll; null = no header. A plan that sets
   * neither this nor `retryAfterMs` gets the mock's default timing — the defaultPlan's, else `Retry-After: 1` with
   * `retry-after-ms: 10`, which keeps the pollers of Node, Python and Go fast (src/testing/README.md, "Timing"); a
   * plan that sets either gets exactly the headers it sets.
   */
  retryAfter?: string | null;
  /** `retry-after-ms` (milliseconds, as Azure services also send) beside Retry-After; null = no header. */
  retryAfterMs?: string | null;
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
  /** Every request in arrival order, OPTIONS preflights included (none with `recordRequests: false`). */
  readonly requests: RecordedRequest[];
  /**
   * Successive answers for method + path (the exact raw path without query — an absolute URL or a query is
   * stripped — or a RegExp tested on the raw path), consumed in order; once exhausted the stateful behaviour
   * answers again. Scripts take precedence over everything else (auth and api-version checks included).
   */
  script(method: string, path: string | RegExp, ...responses: MockResponse[]): void;
  /**
   * Plans for the next long-running operations that writes (PUT, PATCH, DELETE) start, one each, in order; then
   * the default plan. A field a plan leaves out is taken from the default plan (`defaultPlan`).
   */
  planOperations(...plans: OperationPlan[]): void;
  /**
   * Registers an operation that touches no resource, readable at once; returns its absolute status URL. Its
   * connector (`scope`, default DEFAULT_SCOPE) is registered too, if it was not (see `addConnector`).
   */
  addOperationResult(id: string, plan?: OperationPlan, scope?: MockScope): string;
  /**
   * Makes a security connector exist. Requests under a connector that does not exist are answered 404 as ARM
   * answers them (SubscriptionNotFound, ResourceGroupNotFound, or ParentResourceNotFound for the connector).
   * DEFAULT_SCOPE and the `connectors` option exist from the start; a new connector has no inventory.
   */
  addConnector(scope: MockScope): void;
  /** The connectors that exist, in the order they were added. */
  connectors(): MockScope[];
  /**
   * Applies a scenario (the JSON format of `arm-security-devops mock --scenario`): replaces the queued plans, every
   * scripted answer left and the default plan; adds its connectors and registers its operation results. It is
   * checked whole first: a MockScenarioError lists every problem with its JSON path, and nothing is applied.
   */
  applyScenario(scenario: MockScenario): void;
  operationResultUrl(id: string, scope?: MockScope): string;
  /**
   * How many GETs of the operation the engine has served: of its status URL, of its Location monitor, and — for a
   * body-polled PUT/PATCH, up to the first terminal one — of the resource itself (scripted answers not counted).
   */
  pollCount(id: string): number;
  /** Throttling as ARM's token buckets: off unless started with `throttle` or turned on by `throttle.configure()`. */
  readonly throttle: MockThrottle;
  /** TCP connections: open now, the most open at once since start or reset(), and opened since then. */
  connections(): ConnectionStats;
  /**
   * Back to the seeded state; scripts, plans, operations and recorded requests cleared; the connectors and the
   * default plan back to the start options; throttling back to the start option (buckets full, counters zero,
   * simulated clients stopped); the connection peak restarts from those open. A scenario file is applied again.
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
  /**
   * Default true: without `Authorization: Bearer <token>`, 401 with ARM's `WWW-Authenticate: Bearer …` challenge
   * (AuthenticationFailed when the header is missing or not Bearer, InvalidAuthenticationToken for another token).
   */
  requireAuth?: boolean;
  /** Items per page of pageable lists; default 2 so paging is visible. */
  pageSize?: number;
  /** Default true: the seeded inventory of DEFAULT_SCOPE. */
  seed?: boolean;
  /** Default false (no throttling). true: ARM's limits; an object: limits of your own, e.g. scaled-down buckets. */
  throttle?: boolean | MockThrottleOptions;
  /** Connectors that exist besides DEFAULT_SCOPE (which always does); they start without inventory. */
  connectors?: MockScope[];
  /**
   * What every operation's plan is completed from, instead of the built-in defaults: e.g. `{ retryAfter: "0" }`
   * for this package's poller alone, `{ retryAfter: null, retryAfterMs: "10" }` for Python and Go pollers at 10 ms.
   */
  defaultPlan?: OperationPlan;
  /**
   * A scenario file (MockScenario as JSON), applied at start — a missing or invalid file makes startMockArm reject —
   * and again before the next request whenever the file has changed. While it is invalid, every request is
   * answered 400 InvalidMockScenario with the reason.
   */
  scenarioFile?: string;
  /** Told each time the scenario file is applied again, or found invalid. */
  onScenarioFile?: (event: ScenarioFileEvent) => void;
  /** Default true: keep every request in `requests`. A long-running mock nobody reads from sets false. */
  recordRequests?: boolean;
}

/**
 * A scenario: the mock's controls as one JSON document, for `applyScenario`, the `scenarioFile` option and
 * `arm-security-devops mock --scenario <file>`. Every field is optional.
 */
export interface MockScenario {
  /** Ignored: a JSON schema URL, for editors. */
  $schema?: string;
  /** Ignored: what the scenario is for. */
  description?: string;
  /** Replaces the default plan (absent: the `defaultPlan` start option's, else the built-in defaults). */
  defaultPlan?: OperationPlan;
  /** Replaces the queued plans: the next operations writes start, in order (as planOperations). */
  plans?: OperationPlan[];
  /** Replaces every scripted answer left: each entry as one `script(method, path, ...responses)` call. */
  scripts?: ScenarioScript[];
  /** Connectors to add (none is removed). */
  connectors?: MockScope[];
  /** Operations to register (as addOperationResult); one whose id exists is registered afresh. */
  operationResults?: ScenarioOperationResult[];
}

export interface ScenarioScript {
  method: string;
  /** The raw path (or an absolute URL on the mock), compared exactly; or give `pathPattern`. */
  path?: string;
  /** A regular expression (JavaScript syntax, no flags) tested on the raw path. */
  pathPattern?: string;
  /** The answers, in order; a file's `rawBody` is a string. */
  responses: MockResponse[];
}

export interface ScenarioOperationResult {
  id: string;
  plan?: OperationPlan;
  /** Default DEFAULT_SCOPE. */
  scope?: MockScope;
}

/** What happened when the scenario file was read again. */
export type ScenarioFileEvent =
  | { kind: "applied"; path: string; scenario: MockScenario }
  | { kind: "invalid"; path: string; message: string };
