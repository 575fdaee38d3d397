import type { PipelineRequest } from "@azure/core-rest-pipeline";

// The request option that puts a GET under the client's shared read budget: the pollers (poller/http.ts) and
// paginate set it; @azure-rest/core-client copies request options it does not know onto the PipelineRequest (pinned
// by test/client/core-runtime.test.ts), where readBudgetPolicy.ts reads it. A string, not a symbol, so that two
// copies of the package in one bundle still recognise each other's reads.
const SHARED_READ = "armSecurityDevOpsSharedRead";

/** `options` with the mark of a read that waits for the client's shared read budget. */
export function sharedRead<T extends object>(options: T): T {
  return { ...options, [SHARED_READ]: true };
}

export function isSharedRead(request: PipelineRequest): boolean {
  return (request as unknown as Record<string, unknown>)[SHARED_READ] === true;
}
