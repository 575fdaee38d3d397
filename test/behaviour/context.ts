import type { Api, MockResponse, MockScope, OperationPlan, RecordedRequest } from "./api.js";

/**
 * The mock's controls as every runtime can reach them: always async, arguments JSON-serialisable (no RegExp),
 * because in the browser they travel as vitest commands and in Deno over a loopback HTTP control plane.
 */
export interface MockControl {
  script(method: string, path: string, ...responses: MockResponse[]): Promise<void>;
  planOperations(...plans: OperationPlan[]): Promise<void>;
  /** Registers an operation; returns its absolute status URL. */
  addOperationResult(id: string, plan?: OperationPlan): Promise<string>;
  requests(): Promise<RecordedRequest[]>;
  reset(): Promise<void>;
}

/** What the Node side tells a runtime about the running mock. */
export interface MockInfo {
  endpoint: string;
  token: string;
  scope: MockScope;
}

export interface CaseContext extends MockInfo {
  /** The package as this runtime loads it: source, dist ESM, dist CJS, browser bundle or the installed tarball. */
  api: Api;
  mock: MockControl;
  /** Runtime-specific client options, e.g. Node's trust of the mock's self-signed certificate. */
  clientOptions: Record<string, unknown>;
}

export interface Case {
  name: string;
  run(ctx: CaseContext): Promise<void>;
}

/** A credential that hands out the mock's token; the suite needs no identity library in any runtime. */
export function credentialFor(ctx: Pick<MockInfo, "token">) {
  return { getToken: async () => ({ token: ctx.token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

export function clientFor(ctx: CaseContext) {
  return ctx.api.createClient(credentialFor(ctx), { endpoint: ctx.endpoint, ...ctx.clientOptions });
}
