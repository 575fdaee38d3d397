import { describe, expect, it } from "vitest";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { createClient, isUnexpected, packageVersion } from "../../src/index.js";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

const base =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const scope = [DEFAULT_SCOPE.subscriptionId, DEFAULT_SCOPE.resourceGroupName, DEFAULT_SCOPE.securityConnectorName] as const;
const rawScope = `/subscriptions/${scope[0]}/resourceGroups/${scope[1]}/providers/Microsoft.Security/securityConnectors/${scope[2]}`;

let mock: MockArm;
useMockArm((m) => (mock = m));

const lastRequest = () => mock.requests.at(-1)!;

describe("what reaches the server", () => {
  it("adds api-version 2024-04-01, a bearer token and a user agent naming the package", async () => {
    const response = await mockClient(mock).path(`${base}/devops/default/gitHubOwners`, ...scope).get();
    expect(response.status).toBe("200");
    const sent = lastRequest();
    expect(sent.query["api-version"]).toBe("2024-04-01");
    expect(sent.headers["authorization"]).toBe(`Bearer ${mock.token}`);
    expect(sent.headers["user-agent"]).toMatch(new RegExp(`^arm-security-devops/${packageVersion.replace(/\./g, "\\.")} `));
  });

  it("puts a caller's user-agent prefix before the package's", async () => {
    await mockClient(mock, { userAgentOptions: { userAgentPrefix: "contoso-tool/2.0" } })
      .path(`${base}/devops/default/gitHubOwners`, ...scope)
      .get();
    expect(lastRequest().headers["user-agent"]).toMatch(/^contoso-tool\/2\.0 arm-security-devops\//);
  });

  it("sends an overridden api-version instead of the default", async () => {
    mock.script("GET", `${rawScope}/devops/default/gitHubOwners`, { status: 200, body: { value: [] } });
    await mockClient(mock, { apiVersion: "2023-09-01-preview" }).path(`${base}/devops/default/gitHubOwners`, ...scope).get();
    expect(lastRequest().query["api-version"]).toBe("2023-09-01-preview");
  });

  it("asks the credential for the endpoint's .default scope", async () => {
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      getToken: async (s: string | string[], _o?: GetTokenOptions): Promise<AccessToken> => {
        scopes.push([s].flat());
        return mock.credential.getToken(s) as Promise<AccessToken>;
      },
    };
    const client = createClient(credential, { endpoint: mock.endpoint, tlsOptions: { ca: mock.certificate! } });
    await client.path(`${base}/devops/default/gitHubOwners`, ...scope).get();
    expect(scopes).toEqual([[`${mock.endpoint}/.default`]]);
  });
});

describe("path parameters are percent-encoded into one segment each", () => {
  const cases = [
    ["a GitLab group with a $ namespace separator", "contoso-group$platform", "contoso-group%24platform"],
    ["a space", "my group", "my%20group"],
    ["a slash", "a/b", "a%2Fb"],
    ["a question mark", "a?b=c", "a%3Fb%3Dc"],
    ["a hash", "a#b", "a%23b"],
    ["dots inside a name", "a..b", "a..b"],
    ["a percent sign", "100%", "100%25"],
    ["non-ASCII letters", "grüße", "gr%C3%BC%C3%9Fe"],
  ] as const;

  it.each(cases)("keeps %s inside its segment", async (_, value, encoded) => {
    await mockClient(mock).path(`${base}/devops/default/gitLabGroups/{groupFQName}`, ...scope, value).get();
    const sent = lastRequest();
    expect(sent.path).toBe(`${rawScope}/devops/default/gitLabGroups/${encoded}`);
    expect(Object.keys(sent.query)).toEqual(["api-version"]);
  });
});

describe("errors come back typed", () => {
  it("narrows an ErrorResponse with details and additionalInfo through isUnexpected", async () => {
    const error = {
      code: "InvalidDevOpsConfiguration",
      message: "The inventory list names an organization the connector cannot see.",
      target: "properties.topLevelInventoryList",
      details: [{ code: "UnknownOrganization", message: "contoso-missing is not visible", target: "contoso-missing" }],
      additionalInfo: [{ type: "PolicyViolation", info: { policy: "devops-onboarding" } }],
    };
    mock.script("GET", `${rawScope}/devops/default`, { status: 400, body: { error } });
    const response = await mockClient(mock).path(`${base}/devops/default`, ...scope).get();
    if (!isUnexpected(response)) throw new Error(`expected an error response, got ${response.status}`);
    expect(response.status).toBe("400");
    expect(response.body.error?.code).toBe("InvalidDevOpsConfiguration");
    expect(response.body.error?.target).toBe("properties.topLevelInventoryList");
    expect(response.body.error?.details?.[0]?.target).toBe("contoso-missing");
    expect(response.body.error?.additionalInfo?.[0]?.info).toEqual({ policy: "devops-onboarding" });
  });

  it("reports a missing resource as unexpected with ARM's error code", async () => {
    const response = await mockClient(mock).path(`${base}/devops/default`, ...scope).get();
    expect(isUnexpected(response)).toBe(true);
    expect(response.status).toBe("404");
    expect((response.body as { error?: { code?: string } }).error?.code).toBe("ResourceNotFound");
  });
});

describe("authentication", () => {
  it("refuses to send a bearer token over plain http", async () => {
    const plain = await startMockArm({ https: false });
    try {
      const client = createClient(plain.credential, { endpoint: plain.endpoint });
      await expect(client.path(`${base}/devops/default/gitHubOwners`, ...scope).get()).rejects.toThrow(/https/i);
      expect(plain.requests).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });

  it("rejects a certificate it was not told to trust", async () => {
    const client = createClient(mock.credential, { endpoint: mock.endpoint, retryOptions: { maxRetries: 0 } });
    await expect(client.path(`${base}/devops/default/gitHubOwners`, ...scope).get()).rejects.toThrow(/certificate/i);
  });

  it("gets a 401 from the service when the token is wrong", async () => {
    const wrong: TokenCredential = { getToken: async () => ({ token: "not-the-token", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = createClient(wrong, { endpoint: mock.endpoint, tlsOptions: { ca: mock.certificate! } });
    const response = await client.path(`${base}/devops/default/gitHubOwners`, ...scope).get();
    expect(response.status).toBe("401");
    expect(isUnexpected(response)).toBe(true);
  });
});
