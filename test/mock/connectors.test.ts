import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPE, type MockArm, type MockScope, startMockArm } from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { call, destroyAgent } from "./http.js";
import { connector } from "./paths.js";

let mock: MockArm;
const EXTRA: MockScope = { ...DEFAULT_SCOPE, securityConnectorName: "extra-connector" };
useMockArm((m) => (mock = m), { beforeClose: destroyAgent, connectors: [EXTRA] });

const other = (changes: Partial<MockScope>): MockScope => ({ ...DEFAULT_SCOPE, ...changes });
const owners = (scope: MockScope) => `${connector(scope)}/devops/default/gitHubOwners`;

describe("security connectors that do not exist", () => {
  it("answer 404 ParentResourceNotFound, naming the connector, to a list under it instead of an empty list", async () => {
    const reply = await call(mock, owners(other({ securityConnectorName: "no-such-connector" })));
    expect(reply.status).toBe(404);
    expect(reply.headers["x-ms-error-code"]).toBe("ParentResourceNotFound");
    expect(reply.json.error).toEqual({
      code: "ParentResourceNotFound",
      message: "Can not perform requested operation on nested resource. Parent resource 'no-such-connector' not found.",
    });
  });

  it("answer every operation under them so: a GET, a PUT, a POST list and an operation result", async () => {
    const base = `${connector(other({ securityConnectorName: "gone" }))}/devops/default`;
    const replies = await Promise.all([
      call(mock, `${base}/gitHubOwners/contoso`),
      call(mock, `${base}/azureDevOpsOrgs/contoso-ado`, { method: "PUT", body: { properties: {} } }),
      call(mock, `${base}/listAvailableGitHubOwners`, { method: "POST" }),
      call(mock, `${base}/operationResults/op-1`),
      call(mock, base, { method: "DELETE" }),
    ]);
    expect(replies.map((r) => [r.status, r.json.error.code])).toEqual(Array.from({ length: 5 }, () => [404, "ParentResourceNotFound"]));
  });

  it("answer ResourceGroupNotFound and SubscriptionNotFound when no connector is in that group or subscription", async () => {
    const group = await call(mock, owners(other({ resourceGroupName: "other-rg" })));
    expect([group.status, group.json.error]).toEqual([404, { code: "ResourceGroupNotFound", message: "Resource group 'other-rg' could not be found." }]);
    const subscription = await call(mock, owners(other({ subscriptionId: "00000000-0000-0000-0000-000000000000" })));
    expect([subscription.status, subscription.json.error.code]).toEqual([404, "SubscriptionNotFound"]);
  });

  it("match names without regard to case, as ARM does", async () => {
    const reply = await call(mock, owners({ subscriptionId: DEFAULT_SCOPE.subscriptionId.toUpperCase(), resourceGroupName: "CONTOSO-RG", securityConnectorName: "Contoso-Connector" }));
    expect([reply.status, reply.json.value.length]).toEqual([200, 2]);
  });
});

describe("making connectors exist", () => {
  it("the connectors option adds connectors without inventory, beside DEFAULT_SCOPE's seeded one", async () => {
    expect(mock.connectors()).toEqual([DEFAULT_SCOPE, EXTRA]);
    expect((await call(mock, owners(EXTRA))).json).toEqual({ value: [] });
  });

  it("addConnector makes one exist until reset(), which goes back to the start options", async () => {
    const added = other({ resourceGroupName: "new-rg", securityConnectorName: "new" });
    expect((await call(mock, owners(added))).status).toBe(404);
    mock.addConnector(added);
    expect((await call(mock, owners(added))).json).toEqual({ value: [] });
    expect(mock.connectors()).toContainEqual(added);
    mock.reset();
    expect((await call(mock, owners(added))).status).toBe(404);
    expect(() => mock.addConnector({ ...added, securityConnectorName: "" })).toThrow(/^addConnector\(scope\): scope\.securityConnectorName: must be a non-empty string/);
  });

  it("addOperationResult under another scope registers that connector, so its status URL answers", async () => {
    const elsewhere = other({ subscriptionId: "11111111-2222-3333-4444-555555555555", securityConnectorName: "fleet" });
    const url = mock.addOperationResult("op-elsewhere", { steps: [] }, elsewhere);
    const reply = await call(mock, url);
    expect([reply.status, reply.json.status]).toEqual([200, "Succeeded"]);
    expect(mock.connectors()).toContainEqual(elsewhere);
  });

  it("a mock started with seed: false still has DEFAULT_SCOPE's connector, empty", async () => {
    const empty = await startMockArm({ https: false, seed: false });
    try {
      expect((await call(empty, owners(DEFAULT_SCOPE))).json).toEqual({ value: [] });
    } finally {
      destroyAgent(empty);
      await empty.close();
    }
  });
});
