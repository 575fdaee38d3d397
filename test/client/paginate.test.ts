import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isPagingError, isRestError, paginate } from "../../src/index.js";
import { DEFAULT_SCOPE, SEED, startMockArm, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";

const base =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const owners = `${base}/devops/default/gitHubOwners` as const;
const scope = [DEFAULT_SCOPE.subscriptionId, DEFAULT_SCOPE.resourceGroupName, DEFAULT_SCOPE.securityConnectorName] as const;
const rawOwners = `/subscriptions/${scope[0]}/resourceGroups/${scope[1]}/providers/Microsoft.Security/securityConnectors/${scope[2]}/devops/default/gitHubOwners`;
const seededOwners = Object.keys(SEED.gitHubOwners).sort();

let mock: MockArm;
let other: MockArm;
beforeAll(async () => {
  [mock, other] = await Promise.all([startMockArm(), startMockArm({ token: "other" })]);
});
afterAll(() => Promise.all([mock.close(), other.close()]));
beforeEach(() => {
  mock.reset();
  other.reset();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("paginate", () => {
  it("yields every seeded GitHub owner across pages, one request per page", async () => {
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const names = (await collect(paginate(client, first))).map((owner) => owner.name);
    expect([...names].sort()).toEqual(seededOwners);
    const pages = Math.ceil(seededOwners.length / 2);
    expect(mock.requests.filter((r) => r.method === "GET")).toHaveLength(pages);
  });

  it("walks page by page and resumes from a continuation token", async () => {
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    if (first.status !== "200") throw new Error(`unexpected ${first.status}`);
    const pages = await collect(paginate(client, first).byPage());
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const resumed = await collect(paginate(client, first).byPage({ continuationToken: first.body.nextLink! }));
    expect(resumed.flat().map((o) => o.name)).toEqual(pages.slice(1).flat().map((o) => o.name));
  });

  it("throws the first page's error response as a RestError with the ARM code", async () => {
    mock.script("GET", rawOwners, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no access" } } });
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const error = await collect(paginate(client, first)).catch((e: unknown) => e);
    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
  });

  it("refuses a nextLink on another origin without sending it the token", async () => {
    const hostile = `${other.endpoint}${rawOwners}?api-version=2024-04-01&$skipToken=x`;
    mock.script("GET", rawOwners, { status: 200, body: { value: [{ name: "contoso" }], nextLink: hostile } });
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const owner of paginate(client, first)) seen.push(owner.name!);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["contoso"]);
    expect(isPagingError(error) && error.reason).toBe("untrustedUrl");
    expect(other.requests).toHaveLength(0);
  });

  it("refuses a nextLink that downgrades to plain http on the same host and port", async () => {
    const downgrade = `${mock.endpoint.replace("https:", "http:")}${rawOwners}?$skipToken=x`;
    mock.script("GET", rawOwners, { status: 200, body: { value: [], nextLink: downgrade } });
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const error = await collect(paginate(client, first)).catch((e: unknown) => e);
    expect(isPagingError(error) && error.reason).toBe("untrustedUrl");
    expect(mock.requests).toHaveLength(1);
  });

  it("stops with a PagingError when the service repeats a nextLink", async () => {
    const loop = `${mock.endpoint}${rawOwners}?api-version=2024-04-01&$skipToken=loop`;
    const page = { status: 200, body: { value: [{ name: "a" }], nextLink: loop } };
    mock.script("GET", rawOwners, page, page, page);
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const error = await collect(paginate(client, first)).catch((e: unknown) => e);
    expect(isPagingError(error) && error.reason).toBe("pageLimitReached");
    expect(mock.requests).toHaveLength(2);
  });

  it("stops at maxPages", async () => {
    const client = mockClient(mock);
    const first = await client.path(owners, ...scope).get();
    const error = await collect(paginate(client, first, { maxPages: 2 })).catch((e: unknown) => e);
    expect(isPagingError(error) && error.reason).toBe("pageLimitReached");
    expect(() => paginate(client, first, { maxPages: 0 })).toThrow(/options\.maxPages/);
  });
});
