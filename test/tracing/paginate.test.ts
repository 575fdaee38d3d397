import { describe, expect, it } from "vitest";
import { isPagingError } from "../../src/custom/errors/pagingError.js";
import { paginate } from "../../src/custom/paginate.js";
import { DEFAULT_SCOPE, SEED, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";
import { devops } from "../mock/paths.js";
import { paths } from "../types/paths.js";
import { app, onlySpan, senders, useRecorder } from "./spans.js";

const recorder = useRecorder();
let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const OWNERS = paths.gitHubOwners;
const rawOwners = devops("gitHubOwners");
const owners = Object.keys(SEED.gitHubOwners).length; // 5: three pages of 2, 2, 1

/** The first page, fetched by the test (its request is not paginate's), and the requests before paging. */
async function firstPage() {
  const first = await client.path(OWNERS, sub, rg, name).get();
  recorder().clear();
  return { first, before: mock.requests.length };
}

describe("the span of a paginate walk", () => {
  it("walks the items in one GitHubOwners_List.paginate span, with each page request as its child", async () => {
    const { first, before } = await firstPage();
    let items = 0;
    for await (const _owner of paginate(client, first)) items += 1;
    expect(items).toBe(owners);

    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    const pageRequests = mock.requests.slice(before);
    expect(pageRequests).toHaveLength(2);
    const sent = senders(recorder(), pageRequests);
    expect(sent.every((http) => http?.name === "HTTP GET" && http.parentId === walk.spanId)).toBe(true);
    expect(recorder().childrenOf(walk)).toEqual(sent);
    expect(walk).toMatchObject({ kind: "internal", packageName: "arm-security-devops", ends: 1, status: { status: "success" } });
    expect(walk.attributes).toEqual({ "az.namespace": "Microsoft.Security", "paging.pages": 3, "paging.items": owners });
  });

  it("walks byPage() from a continuation token in a span of its own, counting the pages it read", async () => {
    const { first, before } = await firstPage();
    if (first.status !== "200") throw new Error(`unexpected ${first.status}`);
    const pages: number[] = [];
    for await (const page of paginate(client, first).byPage({ continuationToken: first.body.nextLink! })) pages.push(page.length);
    expect(pages).toEqual([2, 1]);
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    expect(walk.attributes).toMatchObject({ "paging.pages": 2, "paging.items": 3 });
    expect(recorder().childrenOf(walk)).toEqual(senders(recorder(), mock.requests.slice(before)));
    expect(recorder().childrenOf(walk)).toHaveLength(2);
  });

  it("makes one span per walk: the items and byPage() of one paginate are two", async () => {
    const { first } = await firstPage();
    const pager = paginate(client, first);
    for await (const _ of pager);
    for await (const _ of pager.byPage());
    const walks = recorder().spans.filter((s) => s.name === "GitHubOwners_List.paginate");
    expect(walks).toHaveLength(2);
    expect(walks.map((w) => recorder().childrenOf(w).length)).toEqual([2, 2]);
  });

  it("ends the span when the consumer breaks, with the pages read until then", async () => {
    const { first, before } = await firstPage();
    for await (const owner of paginate(client, first)) if (owner.name) break;
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    expect(walk).toMatchObject({ ends: 1, status: { status: "success" } });
    expect(walk.attributes).toMatchObject({ "paging.pages": 1, "paging.items": 2 });
    expect(mock.requests).toHaveLength(before);
  });

  it("sets error status with the PagingError of a refused nextLink, after the pages it read", async () => {
    mock.script("GET", rawOwners, { status: 200, body: { value: [{ name: "contoso" }], nextLink: "https://elsewhere.example/owners?page=2" } });
    const { first } = await firstPage();
    const error = await (async () => {
      for await (const _ of paginate(client, first));
    })().catch((e: unknown) => e);
    expect(isPagingError(error)).toBe(true);
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    expect(walk.status?.status).toBe("error");
    expect(walk.exceptions[0]).toMatchObject({ name: "PagingError" });
    expect(walk.attributes).toMatchObject({ "paging.pages": 1, "paging.items": 1 });
    expect(recorder().childrenOf(walk)).toEqual([]);
  });

  it("sets error status with the RestError of a first page that is an error response", async () => {
    mock.script("GET", rawOwners, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no access" } } });
    const { first } = await firstPage();
    await (async () => {
      for await (const _ of paginate(client, first));
    })().catch(() => undefined);
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    expect(walk.status?.status).toBe("error");
    expect(walk.exceptions[0]).toMatchObject({ name: "RestError", code: "AuthorizationFailed" });
    expect(walk.attributes).toMatchObject({ "paging.pages": 0, "paging.items": 0 });
  });

  it("names the walk of a list elsewhere than the API's paths ListOperation.paginate", async () => {
    mock.script("GET", "/custom/list", { status: 200, body: { value: [1, 2], nextLink: `${mock.endpoint}/custom/list2` } });
    mock.script("GET", "/custom/list2", { status: 200, body: { value: [3] } });
    const first = await client.pathUnchecked("/custom/list").get();
    recorder().clear();
    const pages: unknown[][] = [];
    for await (const page of paginate(client, first).byPage()) pages.push(page);
    expect(pages).toEqual([[1, 2], [3]]);
    expect(recorder().childrenOf(onlySpan(recorder(), "ListOperation.paginate"))).toHaveLength(1);
  });

  it("makes options.tracingOptions the parent of the walk's span", async () => {
    const { first } = await firstPage();
    const { span, updatedOptions } = app.startSpan("Contoso.inventory");
    for await (const _ of paginate(client, first, { tracingOptions: updatedOptions.tracingOptions }));
    span.end();
    const walk = onlySpan(recorder(), "GitHubOwners_List.paginate");
    expect(walk.parentId).toBe(onlySpan(recorder(), "Contoso.inventory").spanId);
  });

  it("refuses tracingOptions that are not an object with a TypeError naming the option", async () => {
    const { first } = await firstPage();
    expect(() => paginate(client, first, { tracingOptions: "yes" } as never)).toThrow(
      new TypeError("options.tracingOptions must be an object ({ tracingContext }), got string"),
    );
  });
});
