import { beforeEach, describe, expect, inject, it } from "vitest";
import { commands } from "vitest/browser";
// Answered with dist/index.js by the config (see "package-under-test-is-dist"); typed from the source.
import { createClient } from "../../src/index.js";
import { remoteControl } from "../behaviour/control.js";
import "./provided.js";

// The browser half of test/client/core-runtime.test.ts: what @azure-rest/core-client's runtime does differently in a
// browser (fetch), against the loopback mock.
const mock = remoteControl((op, args) => commands.mockControl(op, args));
const { endpoint, token } = inject("mockInfo");
const client = createClient(
  { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 60_000 }) },
  { endpoint, retryOptions: { maxRetries: 0 } },
);

describe("core-client's runtime in Chromium", () => {
  beforeEach(() => mock.reset());

  it("gives the body as a web ReadableStream from asBrowserStream, unread", async () => {
    await mock.script("GET", "/stream", {
      status: 200,
      headers: { "content-type": "application/octet-stream" },
      rawBody: "streamed bytes",
    });
    const response = await client.pathUnchecked("/stream").get().asBrowserStream();
    expect(response.status).toBe("200");
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(await new Response(response.body).text()).toBe("streamed bytes");
  });

  it("refuses asNodeStream in the browser, naming asBrowserStream, before sending", async () => {
    await expect(client.pathUnchecked("/stream").get().asNodeStream()).rejects.toThrow(/asBrowserStream/);
    expect(await mock.requests()).toHaveLength(0);
  });

  it("sends a Blob body as its bytes, with the Blob's type as content-type", async () => {
    await mock.script("PUT", "/blob", { status: 200, body: {} });
    const response = await client
      .pathUnchecked("/blob")
      .put({ body: new Blob(["blob bytes"], { type: "text/plain" }) });
    expect(response.status).toBe("200");
    // The CORS preflight is recorded too; the PUT is the request itself.
    const sent = (await mock.requests()).find((request) => request.method === "PUT");
    expect(sent?.headers["content-type"]).toBe("text/plain");
    expect(sent?.body).toBe("blob bytes");
  });
});
