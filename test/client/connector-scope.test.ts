// client.connector(scope).path(relativeTemplate, ...ids) against the embedded mock over HTTPS: for every operation
// it sends exactly the request client.path sends with the full template, and gets the same answer; its own checks
// (the scope, the relative template, the number of ids) refuse bad input before anything is sent.
import type { HttpResponse } from "@azure-rest/core-client";
import { describe, expect, it } from "vitest";
import { operations, routePrefix, routes } from "../../src/index.js";
import { DEFAULT_SCOPE, SEED, type MockArm, type RecordedRequest } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";
import { refusal as refused } from "../helpers/refusal.js";

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});

const scopeIds = [DEFAULT_SCOPE.subscriptionId, DEFAULT_SCOPE.resourceGroupName, DEFAULT_SCOPE.securityConnectorName] as const;
const configuration = { properties: { autoDiscovery: "Enabled" as const } };
const [gitLabGroup, gitLabProjects] = Object.entries(SEED.gitLabGroups)[1]!; // "contoso-group$platform": encoded

/** Seeded ids for the path parameters after the connector's, per relative template. */
const IDS: Record<string, string[]> = {
  "/devops": [],
  "/devops/default": [],
  "/devops/default/operationResults/{operationResultId}": ["op-1"],
  "/devops/default/listAvailableAzureDevOpsOrgs": [],
  "/devops/default/azureDevOpsOrgs": [],
  "/devops/default/azureDevOpsOrgs/{orgName}": ["contoso-ado"],
  "/devops/default/azureDevOpsOrgs/{orgName}/projects": ["contoso-ado"],
  "/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}": ["contoso-ado", "payments"],
  "/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos": ["contoso-ado", "payments"],
  "/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos/{repoName}": ["contoso-ado", "payments", "payments-api"],
  "/devops/default/listAvailableGitHubOwners": [],
  "/devops/default/gitHubOwners": [],
  "/devops/default/gitHubOwners/{ownerName}": ["contoso"],
  "/devops/default/gitHubOwners/{ownerName}/repos": ["contoso"],
  "/devops/default/gitHubOwners/{ownerName}/repos/{repoName}": ["contoso", "contoso-web"],
  "/devops/default/listAvailableGitLabGroups": [],
  "/devops/default/gitLabGroups": [],
  "/devops/default/gitLabGroups/{groupFQName}": [gitLabGroup],
  "/devops/default/gitLabGroups/{groupFQName}/listSubgroups": [gitLabGroup],
  "/devops/default/gitLabGroups/{groupFQName}/projects": [gitLabGroup],
  "/devops/default/gitLabGroups/{groupFQName}/projects/{projectName}": [gitLabGroup, gitLabProjects[0]!],
};

// One loop over every template: the per-template types are the type tests' job (test/types/connector-scope.test-d.ts).
type AnyResource = Record<string, (options?: unknown) => PromiseLike<HttpResponse>>;
const untyped = (path: unknown) => path as (template: string, ...ids: string[]) => AnyResource;

interface Exchange {
  request: Omit<RecordedRequest, "at" | "headers"> & { headers: Record<string, string> };
  status: string;
  body: unknown;
  asyncOperation: boolean;
}

/** From the seeded state: `setup`, then `send`; what reached the mock last, and the answer. */
async function exchange(setup: () => Promise<void>, send: () => PromiseLike<HttpResponse>): Promise<Exchange> {
  mock.reset();
  await setup();
  const response = await send();
  const { at: _at, headers, ...request } = mock.requests.at(-1)!;
  // The only headers that differ between two identical requests: a fresh id per request, and the mock's port.
  const { "x-ms-client-request-id": _id, host: _host, ...stable } = headers;
  return { request: { ...request, headers: stable }, status: response.status, body: response.body, asyncOperation: "azure-asyncoperation" in response.headers };
}

/** `body` with every ISO timestamp replaced: the two requests of a comparison are a few milliseconds apart. */
function withoutTimes(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body ?? null), (_, value: unknown) =>
    typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value) ? "<time>" : value,
  );
}

const bodies: Record<string, unknown> = { "/devops/default": configuration };

describe("connector(scope).path sends what client.path sends, for every operation", () => {
  it("has seeded ids for every template below the connector", () => {
    expect(Object.keys(IDS).sort()).toEqual(Object.keys(routes).sort());
    expect(operations.every((op) => op.path.startsWith(routePrefix))).toBe(true);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))("%s", async (_, op) => {
    const template = op.path.slice(routePrefix.length);
    const ids = IDS[template]!;
    const verb = op.method.toLowerCase();
    const options = op.body === "none" ? undefined : { body: bodies[template] ?? { properties: { onboardingState: "Onboarded" } } };
    const setup = async () => {
      mock.addOperationResult("op-1", { steps: [50] });
      // The DevOps configuration is not seeded: onboard it at once, so that reading, changing and deleting it succeed.
      mock.planOperations({ sync: true });
      await client.path(`${routePrefix}/devops/default`, ...scopeIds).put({ body: configuration });
    };
    const scoped = await exchange(setup, () => untyped(client.connector(DEFAULT_SCOPE).path)(template, ...ids)[verb]!(options));
    const full = await exchange(setup, () => untyped(client.path)(op.path, ...scopeIds, ...ids)[verb]!(options));
    expect(scoped.request).toEqual(full.request);
    expect(scoped.request.method).toBe(op.method);
    expect(scoped.status).toBe(full.status);
    expect(op.successStatuses).toContain(scoped.status);
    expect(scoped.asyncOperation).toBe(full.asyncOperation);
    // Writes stamp fresh ids into what they answer; reads must answer the same, but for the times things happened.
    if (op.method === "GET" || op.method === "POST") expect(withoutTimes(scoped.body)).toEqual(withoutTimes(full.body));
  });

  it("encodes the scope's ids and the remaining ones as client.path does", async () => {
    const scope = { subscriptionId: "sub one", resourceGroupName: "rg(1)", securityConnectorName: "connector#1" };
    const relative = "/devops/default/gitLabGroups/{groupFQName}/projects/{projectName}" as const;
    await client.connector(scope).path(relative, "a/b", "grüße").get();
    await client.path(`${routePrefix}${relative}`, scope.subscriptionId, scope.resourceGroupName, scope.securityConnectorName, "a/b", "grüße").get();
    const [scoped, full] = mock.requests.slice(-2);
    expect(scoped!.url).toBe(full!.url);
    expect(scoped!.path).toBe("/subscriptions/sub%20one/resourceGroups/rg(1)/providers/Microsoft.Security/securityConnectors/connector%231/devops/default/gitLabGroups/a%2Fb/projects/gr%C3%BC%C3%9Fe");
  });

  it("keeps the ids it was given when the scope object changes afterwards", async () => {
    const scope = { ...DEFAULT_SCOPE };
    const helper = client.connector(scope);
    scope.securityConnectorName = "another-connector";
    await helper.path("/devops/default/gitHubOwners/{ownerName}", "contoso").get();
    expect(mock.requests.at(-1)!.path).toContain(`/securityConnectors/${DEFAULT_SCOPE.securityConnectorName}/devops/`);
  });
});

describe("connector(scope) refuses bad input before any request", () => {
  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", "contoso-connector"],
])("refuses %s as the scope, naming its first id", (_, scope) => {
    const error = refused(() => client.connector(scope as never));
    expect(error.parameter).toBe("scope.subscriptionId");
    expect(error.message).toBe("scope.subscriptionId must be a non-empty string (got undefined)");
    expect(mock.requests).toHaveLength(0);
  });

  it.each([
    ["a missing subscriptionId", { ...DEFAULT_SCOPE, subscriptionId: undefined }, "scope.subscriptionId", "must be a non-empty string"],
    ["a 91-character resourceGroupName", { ...DEFAULT_SCOPE, resourceGroupName: "r".repeat(91) }, "scope.resourceGroupName", "must be at most 90 characters long"],
    ["a resourceGroupName off the pattern", { ...DEFAULT_SCOPE, resourceGroupName: "rg/other" }, "scope.resourceGroupName", "must match the pattern /^[-\\p{L}\\p{N}_\\._\\(\\)]+$/u"],
    ['a securityConnectorName of ".."', { ...DEFAULT_SCOPE, securityConnectorName: ".." }, "scope.securityConnectorName", 'must not be "." or ".."'],
    ["a number as securityConnectorName", { ...DEFAULT_SCOPE, securityConnectorName: 7 }, "scope.securityConnectorName", "must be a non-empty string"],
  ])("refuses %s when the helper is made, naming scope.<id> and the rule", (_, scope, parameter, rule) => {
    const error = refused(() => client.connector(scope as never));
    expect(error.parameter).toBe(parameter);
    expect(error.rule).toBe(rule);
    expect(mock.requests).toHaveLength(0);
  });

  it("refuses a template that is not one below the connector, quoting it as given", () => {
    const helper = client.connector(DEFAULT_SCOPE);
    const error = refused(() => untyped(helper.path)("/devops/default/gitHubOwner/{ownerName}", "contoso"));
    expect(error.parameter).toBe("path");
    expect(error.message).toBe('path must be one of the API\'s path templates below the security connector (got "/devops/default/gitHubOwner/{ownerName}")');
    expect(refused(() => untyped(helper.path)(`${routePrefix}/devops/default`)).message).toMatch(/below the security connector \(got "\/subscriptions\//);
    expect(refused(() => untyped(helper.path)(42 as never)).message).toMatch(/\(got 42\)$/);
    expect(mock.requests).toHaveLength(0);
  });

  it("counts only the path parameters after the connector's", () => {
    const path = untyped(client.connector(DEFAULT_SCOPE).path);
    expect(refused(() => path("/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos/{repoName}", "org", "project")).message).toBe(
      "path takes 3 path parameters after the connector's ({orgName}, {projectName}, {repoName}) (got 2)",
    );
    expect(refused(() => path("/devops/default", "extra")).message).toBe("path takes 0 path parameters after the connector's (got 1)");
    expect(mock.requests).toHaveLength(0);
  });

  it("refuses a bad remaining id and a bad api-version override with client.path's own errors", async () => {
    const scoped = () => client.connector(DEFAULT_SCOPE).path("/devops/default/gitHubOwners/{ownerName}/repos/{repoName}", "contoso", "..");
    const full = () => client.path(`${routePrefix}/devops/default/gitHubOwners/{ownerName}/repos/{repoName}`, ...scopeIds, "contoso", "..");
    expect(refused(scoped)).toMatchObject({ parameter: "repoName", message: refused(full).message });
    const owners = client.connector(DEFAULT_SCOPE).path("/devops/default/gitHubOwners");
    expect(refused(() => owners.get({ queryParameters: { "api-version": " " } })).parameter).toBe('queryParameters["api-version"]');
    expect(mock.requests).toHaveLength(0);
  });
});
