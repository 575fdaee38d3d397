import { describe, expect, it } from "vitest";
import { isPollingError, isRestError, isUnexpected, pollOperationResult, toRestError } from "../../src/index.js";
import { DEFAULT_SCOPE, type MockArm, type MockResponse } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { expectNoLaterRequests, failOnUnhandledRejections, rejection } from "./helpers.js";
import { useMockArm } from "../helpers/mock.js";

// What the poller and plain calls do with answers that are not what the swagger promises. Decisions:
// - a body that cannot be read (malformed JSON labelled application/json, a connection dropped mid-body, a 5xx
//   proxy page) is a failed READ: the poller polls again, within maxTransientErrors;
// - a 2xx that was read but holds no string `status` (empty, HTML, text/plain, a number) is an ANSWER that is not
//   ARM's: the poller fails at once with PollingError invalidStatusResponse — polling on would only hide it;
// - percentComplete is clamped into 0..100, a non-number is dropped; unknown fields are kept.

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  // The pipeline's own retries are off so that each bad answer reaches the poller once.
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});
failOnUnhandledRejections();

const json = "application/json; charset=utf-8";
const raw = (status: number, contentType: string | undefined, rawBody: string): MockResponse => ({
  status,
  headers: contentType ? { "content-type": contentType } : {},
  rawBody,
});
const done: MockResponse = { status: 200, body: { status: "Succeeded", percentComplete: 100 } };
const MB5 = 5 * 1024 * 1024;
const statusGets = () => mock.requests.filter((r) => r.path.includes("/operationResults/")).length;
const poll = (id: string, ...answers: MockResponse[]) => {
  const url = mock.operationResultUrl(id);
  mock.script("GET", url, ...answers);
  return pollOperationResult(client, url, { intervalInMs: 1, maxTransientErrors: 2 });
};

describe("bad status responses through the poller", () => {
  it("treats malformed JSON labelled application/json as a failed read, polls again and completes", async () => {
    const result = await poll("op-malformed", raw(200, json, '{"status": "InPr'), done);
    expect(result.status).toBe("Succeeded");
    expect(statusGets()).toBe(2);
  });

  it("gives up on malformed JSON every time with transientErrorsExhausted, the PARSE_ERROR as cause", async () => {
    const bad = raw(200, json, "{not json");
    const error = await rejection(poll("op-always-malformed", bad, bad, bad, bad));
    expect(isPollingError(error, "transientErrorsExhausted")).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: "PARSE_ERROR", statusCode: 200 });
    expect(statusGets()).toBe(3);
    await expectNoLaterRequests(mock);
  });

  it("treats a body cut off mid-way by a dropped connection as a failed read and completes", async () => {
    const cut: MockResponse = {
      status: 200,
      body: { status: "Succeeded", padding: "x".repeat(1000) },
      fault: "truncate",
    };
    const result = await poll("op-truncated", cut, done);
    expect(result.status).toBe("Succeeded");
    expect(statusGets()).toBe(2);
  });

  it("treats a proxy's HTML error page on 502 as a failed read and completes", async () => {
    const proxy = raw(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
    expect((await poll("op-proxy", proxy, done)).status).toBe("Succeeded");
  });

  it.each([
    ["an empty body", raw(200, undefined, "")],
    ["an empty object", { status: 200, body: {} }],
    ["a status that is a number", { status: 200, body: { status: 1 } }],
    ["a status that is null", { status: 200, body: { status: null } }],
    ["a status that is an object", { status: 200, body: { status: { value: "Succeeded" } } }],
    ["a JSON array", { status: 200, body: [{ status: "Succeeded" }] }],
    ["a proxy's HTML page on 200", raw(200, "text/html", "<html><body>Please sign in to the proxy</body></html>")],
    ["JSON labelled text/plain (read as text)", raw(200, "text/plain", '{"status":"Succeeded"}')],
  ] as Array<[string, MockResponse]>)("fails at once with invalidStatusResponse on %s", async (_, answer) => {
    const error = await rejection(poll("op-odd", answer, done));
    expect(isPollingError(error, "invalidStatusResponse")).toBe(true);
    expect(error).toMatchObject({ statusCode: 200, message: expect.stringMatching(/without a string "status"/) });
    expect(statusGets()).toBe(1);
    await expectNoLaterRequests(mock);
  });

  it.each([
    ["application/octet-stream", "application/octet-stream"],
    ["no content type at all", undefined],
  ])("tolerates a JSON status document labelled %s", async (_, contentType) => {
    const result = await poll("op-label", raw(200, contentType, '{"status":"Succeeded"}'));
    expect(result.status).toBe("Succeeded");
  });

  it("clamps percentComplete outside 0..100 and drops a non-number, in progress and in the result", async () => {
    const running = (percentComplete: unknown): MockResponse => ({
      status: 200,
      body: { status: "InProgress", percentComplete },
    });
    const poller = poll("op-percent", running(-20), running(250), running("50"), {
      status: 200,
      body: { status: "Succeeded", percentComplete: 1e308 },
    });
    const seen: Array<number | undefined> = [];
    poller.onProgress((s) => seen.push(s.operationResult?.percentComplete));
    const result = await poller;
    expect(seen).toEqual([0, 100, undefined, 100]);
    expect(result.percentComplete).toBe(100);
  });

  it("keeps unknown extra fields of the status document in the result", async () => {
    const result = await poll("op-extra", {
      status: 200,
      body: { status: "Succeeded", futureField: { tier: "gold" }, resourceId: "/x" },
    });
    expect(result).toMatchObject({ status: "Succeeded", futureField: { tier: "gold" }, resourceId: "/x" });
  });

  it("reads a 5 MB status document and completes well within the test's bound", async () => {
    const result = await poll("op-huge", { status: 200, body: { status: "Succeeded", padding: "x".repeat(MB5) } });
    expect(result.status).toBe("Succeeded");
    expect((result as { padding?: string }).padding).toHaveLength(MB5);
  });

  it("treats a 5 MB HTML page on 503 as a failed read and completes", async () => {
    const page = raw(503, "text/html", `<html>${"<p>busy</p>".repeat(MB5 / 11)}</html>`);
    expect((await poll("op-huge-503", page, done)).status).toBe("Succeeded");
  });
});

describe("bad responses to plain client calls (core-client behaviour, documented)", () => {
  const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
  const template =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners";
  const path = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Security/securityConnectors/${name}/devops/default/gitHubOwners`;
  const get = (answer: MockResponse) => {
    mock.script("GET", path, answer);
    return client.path(template, sub, rg, name).get();
  };

  it("rejects malformed JSON on a 200 with a RestError PARSE_ERROR carrying the status", async () => {
    const error = await rejection(get(raw(200, json, '{"value": [')));
    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ code: "PARSE_ERROR", statusCode: 200 });
  });

  it("resolves an HTML page on a 200 with the page as a string body, so callers must check the body's type", async () => {
    const response = await get(raw(200, "text/html", "<html>captive portal</html>"));
    expect(response.status).toBe("200");
    expect(response.body).toBe("<html>captive portal</html>");
  });

  it("resolves an empty 200 with an undefined body", async () => {
    expect((await get(raw(200, undefined, ""))).body).toBeUndefined();
  });

  it("returns a proxy's HTML 502 as an unexpected response whose RestError names the method and path", async () => {
    const response = await get(raw(502, "text/html", "<html>Bad Gateway</html>"));
    expect(isUnexpected(response)).toBe(true);
    const error = toRestError(response);
    expect(error.statusCode).toBe(502);
    expect(error.message).toContain(`(GET ${path})`);
  });

  it("decides isUnexpected from the request and status only, whatever x-ms-original-url says", async () => {
    const ok = await get({ status: 200, headers: { "x-ms-original-url": "::not a url::" }, body: { value: [] } });
    expect(ok.headers["x-ms-original-url"]).toBe("::not a url::");
    expect(isUnexpected(ok)).toBe(false);
    // A header naming a path the API does not describe (where any 2xx would pass) changes nothing either: the
    // list operation documents 200 only.
    const odd = await get({ status: 204, headers: { "x-ms-original-url": "https://elsewhere.example/anything" } });
    expect(isUnexpected(odd)).toBe(true);
  });

  it("treats a response whose request URL is not a URL as a path the API does not describe", () => {
    const response = { status: "200", headers: {}, body: {}, request: { method: "GET", url: "not a url" } };
    expect(isUnexpected(response as never)).toBe(false);
    expect(isUnexpected({ ...response, status: "500" } as never)).toBe(true);
  });

  it("returns a 5 MB list page whole, unknown fields kept", async () => {
    const owner = { id: "x", name: "o", properties: { note: "y".repeat(MB5) }, futureField: 1 };
    const response = await get({ status: 200, body: { value: [owner] } });
    expect(response.status).toBe("200");
    expect(response.body).toMatchObject({ value: [{ futureField: 1 }] });
  });
});
