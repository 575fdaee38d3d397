import type { ConnectorRegistry } from "./connectors.js";
import type { OperationEngine } from "./operations.js";
import type { ResourceStore } from "./resources.js";
import type { MockResponse, MockScope } from "./types.js";

/** What one mock instance holds; shared by every handler. */
export interface MockState {
  store: ResourceStore;
  engine: OperationEngine;
  connectors: ConnectorRegistry;
  endpoint: string;
  pageSize: number;
}

/** One request as a handler sees it: path parameters already decoded. */
export interface RouteContext {
  state: MockState;
  scope: MockScope;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Raw path as received (nextLinks repeat it, so encoded names stay encoded). */
  rawPath: string;
  body: unknown;
}

export type Handler = (ctx: RouteContext) => MockResponse;
