import { expect } from "vitest";
import type { SecurityDevOpsClient } from "../../src/custom/connectorScope.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { paths } from "../types/paths.js";

// What the getLongRunningPoller suites (getLongRunningPoller.test.ts, flows.test.ts) start their operations on: the
// DevOps configuration and one Azure DevOps org of the mock's default connector.

export const CONFIG = paths.configuration;
export const ORG = paths.azureDevOpsOrg;
const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;

/** The error `f` throws synchronously; fails the test when it returns instead. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/**
 * The operation targets of a suite whose mock and client are set by useMockArm, read through `suite` when called
 * (they exist only once the file's beforeAll has run).
 */
export function lroTargets(suite: () => { mock: MockArm; client: SecurityDevOpsClient }) {
  const config = () => suite().client.path(CONFIG, sub, rg, name);
  return {
    config,
    org: () => suite().client.path(ORG, sub, rg, name, "contoso-ado"),
    /** The DevOps configuration is not seeded: create it synchronously so DELETE has something to delete. */
    async createConfig(): Promise<void> {
      suite().mock.planOperations({ sync: true });
      expect((await config().put({ body: { properties: {} } })).status).toBe("200");
    },
  };
}
