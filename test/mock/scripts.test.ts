import { describe, expect, it } from "vitest";
import { startMockArm, type MockArm } from "../../src/testing/index.js";
import { call, destroyAgent } from "./http.js";
import { devops } from "./paths.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const OWNER = devops("gitHubOwners", "fabrikam");

describe("scripted answers", () => {
  it("are served in order, then the stateful behaviour answers again", async () => {
    mock.script(
      "GET",
      OWNER,
      { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } },
      { status: 500 },
    );
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(mock, OWNER)).status);
    expect(statuses).toEqual([503, 500, 200]);
    expect(mock.requests).toHaveLength(3);
  });

  it("match the method: a script for POST leaves GET alone", async () => {
    mock.script("post", OWNER, { status: 418 });
    expect((await call(mock, OWNER)).status).toBe(200);
    expect((await call(mock, OWNER, { method: "POST" })).status).toBe(418);
  });

  it("accept a RegExp on the raw path and an absolute URL with a query", async () => {
    mock.script("GET", /\/operationResults\//, { status: 429, headers: { "Retry-After": "3" } });
    const url = mock.addOperationResult("op-9");
    mock.script("GET", url, { status: 200, body: { status: "Scripted" } });
    const exact = await call(mock, url);
    const pattern = await call(mock, url);
    const state = await call(mock, url);
    expect(exact.json.status).toBe("Scripted");
    expect([pattern.status, pattern.headers["retry-after"]]).toEqual([429, "3"]);
    expect(state.json.status).toBe("InProgress");
    expect(mock.pollCount("op-9")).toBe(1);
  });

  it("append to the answers already queued for the same method and path", async () => {
    mock.script("GET", OWNER, { status: 501 });
    mock.script("GET", OWNER, { status: 502 });
    expect([(await call(mock, OWNER)).status, (await call(mock, OWNER)).status]).toEqual([501, 502]);
  });

  it("take precedence over authentication and api-version checks", async () => {
    mock.script("GET", OWNER, { status: 200, body: { scripted: true } });
    expect((await call(mock, OWNER, { auth: false, apiVersion: false })).json).toEqual({ scripted: true });
  });

  it("send rawBody as is with the given headers, and let headers override the defaults", async () => {
    const html = "<html><body>502 Bad Gateway</body></html>";
    mock.script("GET", OWNER, {
      status: 502,
      rawBody: html,
      headers: { "content-type": "text/html", "x-ms-request-id": "fixed" },
    });
    mock.script("GET", OWNER, { status: 200, rawBody: '{"value": [', headers: { "content-type": "application/json" } });
    mock.script("GET", OWNER, { status: 200, rawBody: "" });
    const proxy = await call(mock, OWNER);
    expect([proxy.status, proxy.text, proxy.headers["content-type"], proxy.headers["x-ms-request-id"]]).toEqual([
      502,
      html,
      "text/html",
      "fixed",
    ]);
    expect((await call(mock, OWNER)).text).toBe('{"value": [');
    const empty = await call(mock, OWNER);
    expect([empty.text, empty.headers["content-length"]]).toEqual(["", "0"]);
  });

  it("wait delayMs before answering", async () => {
    mock.script("GET", OWNER, { status: 200, body: {}, delayMs: 250 });
    const started = Date.now();
    await call(mock, OWNER);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("reset the connection without answering on fault reset, and the next request is served", async () => {
    mock.script("GET", OWNER, { status: 200, fault: "reset" });
    await expect(call(mock, OWNER)).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) });
    expect((await call(mock, OWNER)).status).toBe(200);
  });
});

describe("stalls and delays end at close()", () => {
  it("a stalled request fails promptly when the mock closes", async () => {
    const own = await startMockArm({ https: false });
    own.script("GET", OWNER, { status: 200, fault: "stall" }, { status: 200, delayMs: 60_000 });
    const stalled = call(own, OWNER).then(
      () => "answered",
      () => "failed",
    );
    const delayed = call(own, OWNER).then(
      () => "answered",
      () => "failed",
    );
    await waitFor(() => own.requests.length === 2);
    const started = Date.now();
    await own.close();
    expect(await Promise.all([stalled, delayed])).toEqual(["failed", "failed"]);
    expect(Date.now() - started).toBeLessThan(2_000);
    destroyAgent(own);
    await own.close(); // idempotent
  });
});

describe("CORS", () => {
  it("answers a preflight with 204, reflecting the origin and requested headers, without auth", async () => {
    const reply = await call(mock, OWNER, {
      method: "OPTIONS",
      auth: false,
      apiVersion: false,
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "authorization,content-type,x-ms-client-request-id",
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(reply.headers["access-control-allow-headers"]).toBe("authorization,content-type,x-ms-client-request-id");
    expect(reply.headers["access-control-allow-methods"]).toContain("PATCH");
    expect(Number(reply.headers["access-control-max-age"])).toBeGreaterThan(0);
    expect(mock.requests.at(-1)?.method).toBe("OPTIONS");
  });

  it("exposes the LRO and request-id headers on every answer, error answers included", async () => {
    const withOrigin = await call(mock, OWNER, { headers: { origin: "http://localhost:5173" } });
    const error = await call(mock, OWNER, { auth: false });
    expect(withOrigin.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(error.headers["access-control-allow-origin"]).toBe("*");
    for (const reply of [withOrigin, error]) {
      const exposed = String(reply.headers["access-control-expose-headers"]).toLowerCase();
      for (const h of [
        "retry-after",
        "x-ms-request-id",
        "x-ms-correlation-request-id",
        "azure-asyncoperation",
        "location",
      ]) {
        expect(exposed).toContain(h);
      }
    }
  });
});

/** Waits until `done()` holds, checking every 10 ms for at most 2 s. */
async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("condition not reached within 2 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}
