// Runs every README example against the embedded mock and checks what it printed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { isUnexpected, readBudgetState, requestLimitState } from "../../src/index.js";
import { DEFAULT_SCOPE, startMockArm } from "../../src/testing/index.js";
import type { MockArm } from "../../src/testing/types.js";
import type { ReadmeContext } from "../../examples/readme/context.js";
import * as abort from "../../examples/readme/abort.js";
import * as connectorScope from "../../examples/readme/connector-scope.js";
import * as createClientExample from "../../examples/readme/create-client.js";
import * as errors from "../../examples/readme/errors.js";
import * as firstCall from "../../examples/readme/first-call.js";
import * as longRunning from "../../examples/readme/long-running.js";
import * as manyOperations from "../../examples/readme/many-operations.js";
import * as paging from "../../examples/readme/paging.js";
import * as resume from "../../examples/readme/resume.js";
import * as testingMock from "../../examples/readme/testing-mock.js";
import * as tuneReadBudget from "../../examples/readme/tune-read-budget.js";
import * as waitOperationResult from "../../examples/readme/wait-operation-result.js";
import { mockClient } from "../helpers/client.js";

const rawConnector = `/subscriptions/${DEFAULT_SCOPE.subscriptionId}/resourceGroups/${DEFAULT_SCOPE.resourceGroupName}/providers/Microsoft.Security/securityConnectors/${DEFAULT_SCOPE.securityConnectorName}`;

let mock: MockArm;
let ctx: ReadmeContext;
let printed: string[];

beforeAll(async () => {
  mock = await startMockArm();
  // What every example gets: a client of this mock (no option of its own) and the default connector's names.
  ctx = { client: mockClient(mock), mock, ...DEFAULT_SCOPE };
});
afterAll(() => mock?.close());
beforeEach(() => {
  mock.reset();
  printed = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  return () => vi.restoreAllMocks();
});

describe("README examples, run against the embedded mock", () => {
  it("create-client makes a client for the public cloud without sending anything", () => {
    const client = createClientExample.example();
    expect(typeof client.path).toBe("function");
    expect(mock.requests).toHaveLength(0);
  });

  it("first-call reads a GitHub owner and prints its name and URL", async () => {
    await firstCall.example(ctx);
    expect(printed).toEqual(["contoso https://github.com/contoso"]);
  });

  it("connector-scope reads a GitHub owner and an Azure DevOps project below the connector", async () => {
    await connectorScope.example(ctx);
    expect(printed).toEqual(["contoso", "contoso-ado payments"]);
    expect(mock.requests.map((r) => r.path)).toEqual([
      `${rawConnector}/devops/default/gitHubOwners/contoso`,
      `${rawConnector}/devops/default/azureDevOpsOrgs/contoso-ado/projects/payments`,
    ]);
  });

  it("wait-operation-result prints each progress step and the final status", async () => {
    mock.addOperationResult("onboarding-1", { steps: [0, 50] });
    await waitOperationResult.example(ctx);
    expect(printed.slice(0, 3)).toEqual(["InProgress 0%", "InProgress 50%", "Succeeded 100%"]);
    expect(printed[3]).toMatch(/^Succeeded \d{4}-\d\d-\d\dT/);
  });

  it("long-running onboards the DevOps configuration and prints progress then Succeeded", async () => {
    mock.planOperations({ steps: [0, 50] });
    await longRunning.example(ctx);
    expect(printed).toEqual(["0%", "50%", "100%", "Succeeded"]);
    const get = await ctx.client.path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default", DEFAULT_SCOPE.subscriptionId, DEFAULT_SCOPE.resourceGroupName, DEFAULT_SCOPE.securityConnectorName).get();
    expect(isUnexpected(get) ? undefined : get.body.properties?.autoDiscovery).toBe("Enabled");
  });

  it("resume finishes from a token holding the status URL and no secret", async () => {
    const token = await resume.example(ctx);
    expect(printed).toEqual(["Succeeded"]);
    expect(token).not.toContain(mock.token);
    expect(mock.pollCount("resume-1")).toBe(3);
  });

  it("abort stops waiting when the signal fires, well before the operation ends", async () => {
    const started = Date.now();
    await abort.example(ctx);
    expect(printed).toEqual(["stopped waiting; the operation itself goes on in Azure"]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("errors shows the 404 as data, as a RestError, and a failed operation narrowed to its code and target", async () => {
    mock.planOperations({ steps: [0], outcome: "Failed" });
    await errors.example(ctx);
    expect(printed).toEqual([
      "404 ResourceNotFound",
      "404 ResourceNotFound",
      "TokenExchangeFailed properties.authorization.code The Azure DevOps OAuth token exchange failed: the authorization code has expired.",
    ]);
  });

  it("paging prints every owner across pages, then the page sizes", async () => {
    await paging.example(ctx);
    expect(printed).toEqual(["contoso", "contoso-labs", "fabrikam", "northwind", "tailspin", "2", "2", "1"]);
  });

  it("many-operations waits for 20 operations with one client and prints what its read budget counted", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `fleet-${i}`);
    for (const id of ids) mock.addOperationResult(id, { steps: [50], retryAfter: "0" });
    const client = mockClient(mock);
    await manyOperations.example({ ...ctx, client }, ids);
    expect(printed).toEqual(["20 succeeded", `${DEFAULT_SCOPE.subscriptionId}: 40 reads, 0 answered 429, 0 pauses`]);
  });

  it("tune-read-budget makes a client with the budget and the bound it names, without sending anything", () => {
    const client = tuneReadBudget.example();
    expect(readBudgetState(client)).toMatchObject({ size: 250, refillPerSecond: 25, allReads: false });
    expect(requestLimitState(client)).toMatchObject({ maxConcurrentRequests: 32 });
    expect(mock.requests).toHaveLength(0);
  });

  it("testing-mock starts its own mock and reads a failed operation without throwing", async () => {
    await testingMock.example();
    expect(printed).toEqual(["Failed TokenExchangeFailed"]);
  });
});
