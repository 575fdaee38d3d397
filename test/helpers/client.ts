import { createClient, type SecurityDevOpsClientOptions } from "../../src/custom/client.js";
import type { MockArm } from "../../src/testing/index.js";

/**
 * A client of the mock: its endpoint, credential and certificate. Extra options (e.g. `retryOptions`) are passed
 * through. One place for every suite, so a change of factory is one line.
 */
export function mockClient(mock: MockArm, options: SecurityDevOpsClientOptions = {}) {
  return createClient(mock.credential, {
    endpoint: mock.endpoint,
    ...(mock.certificate ? { tlsOptions: { ca: mock.certificate } } : {}),
    ...options,
  });
}
