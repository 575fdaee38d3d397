import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { call, destroyAgent } from "./http.js";
import { connector, devops } from "./paths.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const props = { properties: { onboardingState: "Onboarded" } };

describe("paging", () => {
  it("walks every seeded GitHub owner through absolute nextLinks", async () => {
    const names: string[] = [];
    let target: string | undefined = devops("gitHubOwners");
    let pages = 0;
    for (; target && pages < 10; pages++) {
      const reply = await call(mock, target);
      expect(reply.status).toBe(200);
      names.push(...reply.json.value.map((o: { name: string }) => o.name));
      target = reply.json.nextLink;
      if (target) {
        expect(target.startsWith(`${mock.endpoint}${devops("gitHubOwners")}?api-version=2024-04-01&$skipToken=`)).toBe(
          true,
        );
      }
    }
    expect(pages).toBe(3);
    expect(names).toEqual(["contoso", "contoso-labs", "fabrikam", "northwind", "tailspin"]);
  });

  it("keeps encoded names encoded in nextLink", async () => {
    await call(mock, devops("azureDevOpsOrgs", "a b"), { method: "PUT", body: props });
    for (const project of ["p1", "p2", "p3"]) {
      await call(mock, devops("azureDevOpsOrgs", "a b", "projects", project), { method: "PUT", body: props });
    }
    const first = await call(mock, devops("azureDevOpsOrgs", "a b", "projects"));
    expect(first.json.nextLink).toContain("/azureDevOpsOrgs/a%20b/projects?");
    expect((await call(mock, first.json.nextLink)).json.value.map((p: { name: string }) => p.name)).toEqual(["p3"]);
  });

  it("answers 400 for a skip token it did not issue", async () => {
    const reply = await call(mock, `${devops("gitHubOwners")}?api-version=2024-04-01&$skipToken=garbage`);
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidSkipToken");
  });
});

describe("state", () => {
  it("answers 404 ResourceNotFound for a missing resource and ParentResourceNotFound below a missing parent", async () => {
    expect((await call(mock, devops())).json.error.code).toBe("ResourceNotFound");
    expect((await call(mock, devops("gitHubOwners", "nobody"))).json.error.code).toBe("ResourceNotFound");
    const list = await call(mock, devops("gitHubOwners", "nobody", "repos"));
    expect([list.status, list.json.error.code]).toEqual([404, "ParentResourceNotFound"]);
    const put = await call(mock, devops("azureDevOpsOrgs", "nobody", "projects", "p"), { method: "PUT", body: props });
    expect([put.status, put.json.error.code]).toEqual([404, "ParentResourceNotFound"]);
    const patch = await call(mock, devops("azureDevOpsOrgs", "nobody"), { method: "PATCH", body: props });
    expect([patch.status, patch.json.error.code]).toEqual([404, "ResourceNotFound"]);
  });

  it("stores the authorization code but never returns it", async () => {
    const body = { properties: { autoDiscovery: "Enabled", authorization: { code: "very-secret-code" } } };
    const put = await call(mock, devops(), { method: "PUT", body });
    const reads = [put, await call(mock, devops()), await call(mock, `${connector()}/devops`)];
    for (const reply of reads) expect(reply.text).not.toContain("very-secret-code");
    expect(put.json.properties.autoDiscovery).toBe("Enabled");
    expect(put.json.properties.authorization).toBeUndefined();
  });

  it("ignores readOnly fields in requests and fills them in itself", async () => {
    const path = devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments", "repos", "fresh");
    const body = { properties: { repoId: "forged", provisioningState: "Succeeded", parentOrgName: "elsewhere" } };
    const reply = await call(mock, path, { method: "PUT", body });
    expect(reply.json.properties.repoId).not.toBe("forged");
    expect(reply.json.properties.provisioningState).toBe("Accepted");
    expect(reply.json.properties).toMatchObject({ parentOrgName: "contoso-ado", parentProjectName: "payments" });
  });

  it("merges a PATCH into the stored properties", async () => {
    const path = devops("azureDevOpsOrgs", "contoso-ado");
    mock.planOperations({ sync: true });
    const body = { properties: { actionableRemediation: { inheritFromParentState: "Disabled" } } };
    const reply = await call(mock, path, { method: "PATCH", body });
    expect(reply.json.properties.actionableRemediation).toEqual({
      state: "Enabled",
      inheritFromParentState: "Disabled",
    });
    expect((await call(mock, path)).json.properties.actionableRemediation.inheritFromParentState).toBe("Disabled");
  });

  it("matches literal segments and names case-insensitively, as ARM does", async () => {
    const lower = devops("gitHubOwners", "FABRIKAM").replace("/resourceGroups/", "/resourcegroups/");
    const reply = await call(mock, lower);
    expect([reply.status, reply.json.name]).toEqual([200, "fabrikam"]);
  });

  it("keeps each connector's state apart: another connector, once added, starts empty", async () => {
    const other = devops("gitHubOwners").replace("contoso-connector", "other-connector");
    mock.addConnector({ ...DEFAULT_SCOPE, securityConnectorName: "Other-Connector" });
    expect((await call(mock, other)).json).toEqual({ value: [] });
  });
});

describe("encoded path segments", () => {
  it("decodes %24 in a GitLab group name to one segment and records the raw path", async () => {
    const path = `${devops()}/gitLabGroups/contoso-group%24platform`;
    const reply = await call(mock, path);
    expect(reply.json).toMatchObject({
      name: "contoso-group$platform",
      properties: { fullyQualifiedName: "contoso-group$platform" },
    });
    expect(reply.json.id.endsWith("/gitLabGroups/contoso-group$platform")).toBe(true);
    expect(mock.requests.at(-1)?.path).toBe(path);
  });

  it("treats %20 and %2F as part of one name", async () => {
    const path = `${devops()}/azureDevOpsOrgs/my%20org%2Fteam`;
    mock.planOperations({ sync: true });
    const put = await call(mock, path, { method: "PUT", body: props });
    expect([put.status, put.json.name]).toEqual([200, "my org/team"]);
    const get = await call(mock, path);
    expect([get.status, get.json.name]).toEqual([200, "my org/team"]);
    expect(mock.requests.at(-1)?.path).toBe(path);
    const split = await call(mock, `${devops()}/azureDevOpsOrgs/my%20org/team`);
    expect(split.status).toBe(404);
  });

  it("answers 400 for a malformed escape instead of failing", async () => {
    const reply = await call(mock, `${devops()}/gitHubOwners/bad%zz`);
    expect([reply.status, reply.json.error.code]).toEqual([400, "InvalidRequestUri"]);
  });
});
