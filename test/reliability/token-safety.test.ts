import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createClient,
  getLongRunningPoller,
  isPagingError,
  isPollingError,
  isRestError,
  paginate,
  pollOperationResult,
} from "../../src/index.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import {
  failOnUnhandledRejections,
  rejection,
  startPlainHttpServer,
  startTwoOrigins,
  type RecordingServer,
} from "./helpers.js";

// The bearer token goes only to the client's endpoint, over TLS. "home" is the client's endpoint; "other" is a
// second https origin with the same certificate (so TLS would succeed: a refusal is ours, not a handshake
// failure) that records every header; "plain" is an http:// server. Decision: URLs from headers, bodies and
// resume tokens that leave the endpoint are refused, never followed — even without credentials, since the
// follow-up would be a request the caller did not ask for to a host they did not choose. Redirects are the
// pipeline's: it follows same-origin GET redirects without the token and hands cross-origin ones back.

let home: MockArm;
let other: MockArm;
let plain: RecordingServer;
let client: ReturnType<typeof mockClient>;
beforeAll(async () => {
  ({ home, other } = await startTwoOrigins());
  plain = await startPlainHttpServer();
  client = mockClient(home, { retryOptions: { maxRetries: 0 } });
});
afterAll(() => Promise.all([home.close(), other.close(), plain.close()]));
beforeEach(() => {
  home.reset();
  other.reset();
  plain.seen.length = 0;
});
failOnUnhandledRejections();

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const CONFIG =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";
const configPath = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default`;
const ownersPath = `${configPath}/gitHubOwners`;
const statusPath = (id: string) => `${configPath}/operationResults/${id}?api-version=2024-04-01`;
const elsewhere = () => ({ other: other.requests.length, plain: plain.seen.length });

async function thrownOrRejected(f: () => unknown): Promise<unknown> {
  try {
    const value = f();
    return await rejection(value as Promise<unknown>);
  } catch (e) {
    return e;
  }
}

describe("a URL that leaves the client's endpoint is refused before anything is sent there", () => {
  const put = () => client.path(CONFIG, sub, rg, name).put({ body: { properties: { autoDiscovery: "Enabled" } } });
  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      "an Azure-AsyncOperation header on another https origin",
      async () => {
        home.script("PUT", configPath, {
          status: 201,
          headers: { "Azure-AsyncOperation": other.endpoint + statusPath("op") },
          body: {},
        });
        return getLongRunningPoller(client, await put());
      },
    ],
    [
      "a Location header on another https origin",
      async () => {
        home.script("DELETE", configPath, { status: 202, headers: { Location: other.endpoint + statusPath("op") } });
        return getLongRunningPoller(client, await client.path(CONFIG, sub, rg, name).delete());
      },
    ],
    [
      "an Azure-AsyncOperation header on plain http://",
      async () => {
        home.script("PUT", configPath, {
          status: 201,
          headers: { "Azure-AsyncOperation": plain.origin + statusPath("op") },
          body: {},
        });
        return getLongRunningPoller(client, await put());
      },
    ],
    [
      "a Location moved to another origin by a 202 mid-poll",
      async () => {
        home.script("DELETE", configPath, {
          status: 202,
          headers: { Location: home.endpoint + statusPath("op-moved"), "Retry-After": "0" },
        });
        home.script("GET", statusPath("op-moved"), {
          status: 202,
          headers: { Location: other.endpoint + statusPath("op") },
        });
        return getLongRunningPoller(client, await client.path(CONFIG, sub, rg, name).delete());
      },
    ],
    [
      "a nextLink on another origin",
      async () => {
        home.script("GET", ownersPath, {
          status: 200,
          body: { value: [], nextLink: `${other.endpoint}${ownersPath}?api-version=2024-04-01` },
        });
        const pages = paginate(client, await client.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get()).byPage();
        for await (const page of pages) expect(page).toEqual([]);
      },
    ],
    [
      "a nextLink downgraded to plain http://",
      async () => {
        home.script("GET", ownersPath, { status: 200, body: { value: [], nextLink: `${plain.origin}${ownersPath}` } });
        for await (const owner of paginate(client, await client.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get()))
          expect(owner).toBeUndefined();
      },
    ],
    [
      "a forged resume token pointing the LRO poller at another origin",
      async () => {
        const token = {
          v: 1,
          kind: "azure-async-operation",
          url: other.endpoint + statusPath("op"),
          method: "PUT",
          resourceUrl: home.endpoint + configPath,
        };
        return getLongRunningPoller(client, undefined, { restoreFrom: JSON.stringify(token) });
      },
    ],
    [
      "a forged resume token pointing the by-id poller at plain http://",
      async () => {
        const token = { v: 1, kind: "operation-result", url: plain.origin + statusPath("op") };
        return pollOperationResult(client, undefined, { restoreFrom: JSON.stringify(token) });
      },
    ],
    [
      "a status URL on another origin given as target",
      async () => pollOperationResult(client, other.endpoint + statusPath("op")),
    ],
  ];

  it.each(cases)("refuses %s", async (_, act) => {
    const error = await thrownOrRejected(act);
    const untrusted =
      isPollingError(error, "untrustedUrl") || (isPagingError(error) && error.reason === "untrustedUrl");
    expect(untrusted, String(error)).toBe(true);
    expect((error as Error).message).toMatch(/not on the client's endpoint/);
    expect(elsewhere()).toEqual({ other: 0, plain: 0 });
  });
});

describe("origins the caller trusts with options.allowedOrigins", () => {
  const put = () => client.path(CONFIG, sub, rg, name).put({ body: { properties: { autoDiscovery: "Enabled" } } });

  it("follows a status monitor on a listed origin, sending the token there as the caller chose", async () => {
    const monitor = other.addOperationResult("op-regional", { steps: [0] });
    home.script("PUT", configPath, { status: 201, headers: { "Azure-AsyncOperation": monitor, "Retry-After": "0" }, body: {} });
    home.script("GET", configPath, { status: 200, body: { name: "default", properties: { provisioningState: "Succeeded" } } });
    const result = await getLongRunningPoller(client, await put(), { intervalInMs: 1, allowedOrigins: [other.endpoint] });
    expect(result?.properties?.provisioningState).toBe("Succeeded");
    expect(other.pollCount("op-regional")).toBe(2);
    expect(other.requests.every((r) => r.headers["authorization"] === `Bearer ${home.token}`)).toBe(true);
    // The final GET of the resource goes to the client's own endpoint.
    expect(home.requests.at(-1)).toMatchObject({ method: "GET", path: configPath });
  });

  it("still refuses every origin not listed, before sending anything there", async () => {
    home.script("PUT", configPath, { status: 201, headers: { "Azure-AsyncOperation": `${plain.origin}${statusPath("op")}` }, body: {} });
    const initial = await put();
    const error = await thrownOrRejected(() => getLongRunningPoller(client, initial, { allowedOrigins: [other.endpoint] }));
    expect(isPollingError(error, "untrustedUrl")).toBe(true);
    expect((error as Error).message).toContain(`or in options.allowedOrigins (${other.endpoint})`);
    expect(elsewhere()).toEqual({ other: 0, plain: 0 });
  });

  it("lets paginate follow a nextLink on a listed origin", async () => {
    home.script("GET", ownersPath, { status: 200, body: { value: [{ name: "a" }], nextLink: `${other.endpoint}${ownersPath}?api-version=2024-04-01` } });
    const first = await client.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get();
    const names: unknown[] = [];
    for await (const owner of paginate(client, first, { allowedOrigins: [other.endpoint] })) names.push(owner.name);
    // "a" from the client's endpoint, then the other origin's five seeded owners over its own pages.
    expect(names).toHaveLength(6);
    expect(other.requests.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [["https://westeurope.management.azure.com/subscriptions"], "options.allowedOrigins[0] must be an https origin"],
    [["https://ok.example", "http://example.com"], "options.allowedOrigins[1] must be an https origin"],
    [["not a url"], "options.allowedOrigins[0]"],
    ["https://one.example", "options.allowedOrigins must be an array of origins"],
  ])("refuses allowedOrigins %j, naming the entry and the rule", (allowedOrigins, message) => {
    expect(() => pollOperationResult(client, home.operationResultUrl("op"), { allowedOrigins } as never)).toThrow(message);
    expect(() => paginate(client, { status: "200", headers: {}, body: {}, request: { url: home.endpoint } } as never, { allowedOrigins } as never)).toThrow(
      message,
    );
  });
});

describe("redirects to another origin never carry the token", () => {
  const owners = () => client.path(`${CONFIG}/gitHubOwners`, sub, rg, name);
  const redirect = (status: number, to: string) => ({ status, headers: { Location: to } });

  it.each([301, 302, 307])("hands a %i to another origin back to the caller without following it", async (status) => {
    home.script("GET", ownersPath, redirect(status, `${other.endpoint}${ownersPath}?api-version=2024-04-01`));
    const response = await owners().get();
    expect(response.status).toBe(String(status));
    expect(elsewhere()).toEqual({ other: 0, plain: 0 });
  });

  it.each([301, 302, 307])(
    "follows a %i to another origin only when the caller allows it, and then without Authorization",
    async (status) => {
      const permissive = mockClient(home, {
        retryOptions: { maxRetries: 0 },
        redirectOptions: { allowCrossOriginRedirects: true },
      });
      home.script("GET", ownersPath, redirect(status, `${other.endpoint}${ownersPath}?api-version=2024-04-01`));
      const response = await permissive.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get();
      expect(response.status).toBe("200");
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.headers["authorization"]).toBeUndefined();
      expect(home.requests[0]!.headers["authorization"]).toBe(`Bearer ${home.token}`);
    },
  );

  it.each([301, 302, 307])(
    "fails a poll whose status URL answers %i to another origin with untrustedUrl",
    async (status) => {
      const url = home.operationResultUrl("op-redirected");
      home.script("GET", url, redirect(status, other.endpoint + statusPath("op")));
      const error = await rejection(pollOperationResult(client, url, { intervalInMs: 1 }));
      expect(isPollingError(error, "untrustedUrl")).toBe(true);
      expect(error).toMatchObject({
        statusCode: status,
        message: expect.stringContaining(`another origin (${other.endpoint})`),
      });
      expect(elsewhere()).toEqual({ other: 0, plain: 0 });
    },
  );

  it("follows a same-origin redirect of the status URL without the token, so the poll fails with the 401", async () => {
    const url = home.operationResultUrl("op-same-origin");
    home.script("GET", url, redirect(302, home.operationResultUrl("op-elsewhere")));
    const error = await rejection(pollOperationResult(client, url, { intervalInMs: 1 }));
    // A 401 from the status URL is a failure to read the status (PollingError), its RestError the cause.
    expect(isPollingError(error, "statusReadFailed")).toBe(true);
    expect(error).toMatchObject({ statusCode: 401 });
    expect(isRestError((error as Error).cause)).toBe(true);
    expect((error as Error).cause).toMatchObject({ statusCode: 401, code: "AuthenticationFailed" });
    expect(home.requests.map((r) => r.headers["authorization"] !== undefined)).toEqual([true, false]);
  });
});

describe("the token travels only over TLS and never in errors or resume tokens", () => {
  it("sends nothing to an http:// endpoint: the bearer policy refuses non-TLS URLs", async () => {
    const insecure = createClient(home.credential, { endpoint: plain.origin });
    const error = await rejection(insecure.path(`${CONFIG}/gitHubOwners`, sub, rg, name).get());
    expect((error as Error).message).toMatch(/not permitted for non-TLS/);
    expect(plain.seen).toHaveLength(0);
  });

  it("keeps the token out of inspected and serialised errors of failed polls", async () => {
    const url = home.operationResultUrl("op-denied");
    home.script("GET", url, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no" } } });
    home.script("GET", home.operationResultUrl("op-down"), ...Array.from({ length: 2 }, () => ({ status: 503 })));
    const denied = await rejection(pollOperationResult(client, url, { intervalInMs: 1 }));
    const exhausted = await rejection(
      pollOperationResult(client, home.operationResultUrl("op-down"), { intervalInMs: 1, maxTransientErrors: 1 }),
    );
    for (const error of [denied, exhausted]) {
      expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(home.token);
      expect(JSON.stringify(error)).not.toContain(home.token);
    }
  });

  it("writes only URLs and the method into serialize(), never a header or the token", async () => {
    const poller = pollOperationResult(client, home.operationResultUrl("op-token"));
    const token = await poller.serialize();
    expect(token).not.toContain(home.token);
    expect(Object.keys(JSON.parse(token) as object).sort()).toEqual(["kind", "url", "v"]);
  });
});
