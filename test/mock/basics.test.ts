import https from "node:https";
import { describe, expect, it } from "vitest";
import { startMockArm, type MockArm } from "../../src/testing/index.js";
import { call, destroyAgent } from "./http.js";
import { devops } from "./paths.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

/** A bare node:https GET, with or without trusting the mock's certificate. */
function tlsGet(ca: string | undefined, host = "127.0.0.1"): Promise<number> {
  const { port } = new URL(mock.endpoint);
  return new Promise((resolve, reject) => {
    const req = https.get({ host, port, path: "/", ca, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
}

describe("transport", () => {
  it("serves https on 127.0.0.1 with a certificate that Node's TLS verifies when given as ca", async () => {
    expect(mock.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.certificate).toContain("BEGIN CERTIFICATE");
    expect(await tlsGet(mock.certificate)).toBe(401);
    expect(await tlsGet(mock.certificate, "localhost")).toBe(401);
  });

  it("is refused by Node's TLS when the certificate is not trusted", async () => {
    await expect(tlsGet(undefined)).rejects.toMatchObject({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
  });

  it("serves plain http when https is false", async () => {
    const plain = await startMockArm({ https: false, seed: false });
    try {
      expect(plain.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(plain.certificate).toBeUndefined();
      expect((await call(plain, devops("gitHubOwners"))).json).toEqual({ value: [] });
    } finally {
      destroyAgent(plain);
      await plain.close();
    }
  });

  it("rejects a pageSize that is not a positive integer, naming the option", async () => {
    await expect(startMockArm({ https: false, pageSize: 0 })).rejects.toThrow(/pageSize/);
  });
});

describe("authentication", () => {
  it("answers 401 AuthenticationFailed without a bearer token", async () => {
    const reply = await call(mock, devops("gitHubOwners"), { auth: false });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe("AuthenticationFailed");
    expect(reply.headers["x-ms-error-code"]).toBe("AuthenticationFailed");
  });

  it("answers 401 for a wrong token and 200 for the mock's own", async () => {
    const wrong = await call(mock, devops("gitHubOwners"), { auth: false, headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    expect((await call(mock, devops("gitHubOwners"))).status).toBe(200);
  });

  it.each([
    ["no Authorization header", undefined, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.", "The authentication failed because of missing 'Authorization' header."],
    ["another scheme", "Basic dXNlcjpwYXNz", "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format.", "The authentication failed because the 'Authorization' header is not a Bearer token."],
    ["a token the mock does not accept", "Bearer not-the-token", "InvalidAuthenticationToken", "The access token is invalid.", "The access token is invalid."],
  ])("answers %s with ARM's 401: its code, message and WWW-Authenticate Bearer challenge", async (_name, authorization, code, message, description) => {
    const reply = await call(mock, devops("gitHubOwners"), { auth: false, headers: authorization ? { authorization } : {} });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: { code, message } });
    expect(reply.headers["x-ms-error-code"]).toBe(code);
    expect(reply.headers["www-authenticate"]).toBe(`Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${description}"`);
    // A browser's client may read the challenge too.
    expect(reply.headers["access-control-expose-headers"]).toContain("WWW-Authenticate");
  });

  it("offers a credential that resolves the accepted token", async () => {
    const token = await mock.credential.getToken("https://management.azure.com/.default");
    expect(token?.token).toBe(mock.token);
    expect(token?.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });

  it("accepts anonymous requests when requireAuth is false", async () => {
    const open = await startMockArm({ https: false, requireAuth: false, token: "fixed-token" });
    try {
      expect(open.token).toBe("fixed-token");
      expect((await call(open, devops("gitHubOwners"), { auth: false })).status).toBe(200);
    } finally {
      destroyAgent(open);
      await open.close();
    }
  });
});

describe("request validation", () => {
  it("answers 400 MissingApiVersionParameter without api-version", async () => {
    const reply = await call(mock, devops("gitHubOwners"), { apiVersion: false });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("MissingApiVersionParameter");
  });

  it("answers 400 InvalidApiVersionParameter for another api-version", async () => {
    const reply = await call(mock, `${devops("gitHubOwners")}?api-version=2023-09-01-preview`);
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidApiVersionParameter");
  });

  it("answers 404 NotFound for a path no operation has", async () => {
    const reply = await call(mock, devops("bitbucketWorkspaces"));
    expect(reply.status).toBe(404);
    expect(reply.json.error.code).toBe("NotFound");
  });

  it("answers 405 with Allow for a known path and an unsupported method", async () => {
    const reply = await call(mock, devops("gitHubOwners", "contoso"), { method: "DELETE" });
    expect(reply.status).toBe(405);
    expect(reply.headers["allow"]).toBe("GET");
  });

  it("answers 400 InvalidRequestContent for a body that is not JSON and survives it", async () => {
    const reply = await call(mock, devops("azureDevOpsOrgs", "contoso-ado"), { method: "PUT", raw: "{not json" });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidRequestContent");
    expect(mock.requests.at(-1)?.body).toBe("{not json");
    expect((await call(mock, devops("gitHubOwners"))).status).toBe(200);
  });

  it("answers 400 InvalidRequestContent for a JSON body without a properties object", async () => {
    for (const body of [[], { properties: [] }, { name: "x" }, "text"]) {
      const reply = await call(mock, devops(), { method: "PUT", body });
      expect(reply.json?.error.code, JSON.stringify(body)).toBe("InvalidRequestContent");
    }
  });

  it("refuses a body over 1 MiB with 413 and keeps serving", async () => {
    const huge = JSON.stringify({ properties: { blob: "x".repeat(1024 * 1024 + 10) } });
    const reply = await call(mock, devops(), { method: "PUT", raw: huge });
    expect(reply.status).toBe(413);
    expect(reply.json.error.code).toBe("RequestEntityTooLarge");
    expect((await call(mock, devops("gitHubOwners"))).status).toBe(200);
  });
});

describe("recording and headers", () => {
  it("records every request with raw path, decoded query, lower-case headers and parsed body", async () => {
    const before = Date.now();
    await call(mock, `${devops("gitHubOwners")}?api-version=2024-04-01&%24top=5`, {
      headers: { "X-Custom-Thing": "yes" },
    });
    await call(mock, devops("azureDevOpsOrgs", "contoso-ado"), { method: "PATCH", body: { properties: {} } });
    const [get, patch] = mock.requests;
    expect(get).toMatchObject({
      method: "GET",
      path: devops("gitHubOwners"),
      query: { "api-version": "2024-04-01", $top: "5" },
    });
    expect(get?.url).toBe(`${devops("gitHubOwners")}?api-version=2024-04-01&%24top=5`);
    expect(get?.headers["x-custom-thing"]).toBe("yes");
    expect(get?.body).toBeUndefined();
    expect(get?.at).toBeGreaterThanOrEqual(before);
    expect(patch).toMatchObject({ method: "PATCH", body: { properties: {} } });
  });

  it("sends a request id on every answer and echoes the caller's correlation id", async () => {
    const a = await call(mock, devops("gitHubOwners"), { headers: { "x-ms-correlation-request-id": "corr-1" } });
    const b = await call(mock, devops("nothing"));
    expect(a.headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers["x-ms-request-id"]).not.toBe(a.headers["x-ms-request-id"]);
    expect(a.headers["x-ms-correlation-request-id"]).toBe("corr-1");
    expect(b.headers["x-ms-correlation-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reset clears recorded requests, scripts, plans and state back to the seed", async () => {
    await call(mock, devops(), { method: "PUT", body: { properties: {} } });
    mock.script("GET", devops("gitHubOwners"), { status: 418 });
    mock.planOperations({ sync: true });
    mock.reset();
    expect(mock.requests).toHaveLength(0);
    expect((await call(mock, devops())).status).toBe(404);
    expect((await call(mock, devops("gitHubOwners"))).status).toBe(200);
    expect((await call(mock, devops(), { method: "PUT", body: { properties: {} } })).status).toBe(201);
  });
});
