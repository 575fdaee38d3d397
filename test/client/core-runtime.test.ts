// The client runs on @azure-rest/core-client's getClient (src/generated/securityDevOpsClient.ts) and core's default
// pipeline. This suite pins down what users of an @azure-rest client rely on from that runtime, through our
// createClient, over real HTTPS on 127.0.0.1 (echo-server.ts records each request as it arrived): request bodies of
// every kind, URLs (path values, query styles, pathParameters), headers, response decoding, onResponse (errors
// included), streams, request options passed through to the pipeline, and where our policies sit in core's pipeline.
// A core upgrade that changes any of it fails here first.
//
// Versions: the lockfile holds core-client 2.7.0 on @typespec/ts-http-runtime 0.3.6, the newest that run on Node 20.
// Users on Node 22+ get 2.9 / 0.3.11, which also send an ArrayBuffer's bytes and read Content-Type and Accept case-
// insensitively; on 0.3.6 an ArrayBuffer is sent as "{}" and a "Content-Type" header spelt with capitals is
// overwritten. Neither can be mended by a pipeline policy (the body is serialised before the pipeline runs) and no
// typed body of this API is binary, so we keep core's behaviour: those cases run where core has the fix.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RequestParameters } from "@azure-rest/core-client";
import { isRestError, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { createClient } from "../../src/index.js";
import type { SecurityDevOpsClientOptions } from "../../src/generated/securityDevOpsClient.js";
import { startEchoServer, type EchoServer } from "./echo-server.js";

const credential = { getToken: async () => ({ token: "t0k3n", expiresOnTimestamp: Date.now() + 3_600_000 }) };

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

function client(options: SecurityDevOpsClientOptions = {}) {
  return createClient(credential, {
    endpoint: server.endpoint,
    tlsOptions: { ca: server.certificate },
    retryOptions: { maxRetries: 0 },
    ...options,
  });
}

/** The last request the server received. */
const last = () => server.received.at(-1)!;

/** Sends `options` with a PUT to /echo and returns what the server received. */
async function put(options: RequestParameters) {
  const response = await client().pathUnchecked("/echo").put(options);
  expect(response.status).toBe("200");
  return last();
}

// The version of ts-http-runtime that core-client runs on here.
const runtimeVersion = (() => {
  const require = createRequire(import.meta.url);
  const main = require.resolve("@typespec/ts-http-runtime");
  const manifest = main.slice(0, main.lastIndexOf("/dist/")) + "/package.json";
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
})();
const [, minor = 0, patch = 0] = runtimeVersion.split(".").map(Number);
const runtimeHasBinaryAndHeaderFixes = minor > 3 || (minor === 3 && patch >= 7);

describe("request bodies", () => {
  it("sends a plain object as JSON with content-type application/json", async () => {
    const sent = await put({ body: { a: 1, b: [true, null], c: "ü" } });
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body.toString("utf8"))).toEqual({ a: 1, b: [true, null], c: "ü" });
  });

  it("sends a class instance as the JSON of its own fields, honouring toJSON", async () => {
    class Owner {
      constructor(
        public name: string,
        public readonly secret: string,
      ) {}
      get upper() {
        return this.name.toUpperCase();
      }
    }
    class Stamp {
      toJSON() {
        return "2026-11-27";
      }
    }
    const sent = await put({ body: { owner: new Owner("contoso", "s"), stamp: new Stamp() } });
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body.toString("utf8"))).toEqual({
      owner: { name: "contoso", secret: "s" },
      stamp: "2026-11-27",
    });
  });

  it("sends an object without a prototype as JSON", async () => {
    const body = Object.assign(Object.create(null) as Record<string, unknown>, {
      properties: { autoDiscovery: "Enabled" },
    });
    const sent = await put({ body });
    expect(JSON.parse(sent.body.toString("utf8"))).toEqual({ properties: { autoDiscovery: "Enabled" } });
  });

  it("sends an array and a number as JSON", async () => {
    expect((await put({ body: [1, "two"] })).body.toString("utf8")).toBe('[1,"two"]');
    expect((await put({ body: 42 })).body.toString("utf8")).toBe("42");
  });

  it("sends a Uint8Array as its bytes with content-type application/octet-stream", async () => {
    const sent = await put({ body: new Uint8Array([0, 1, 254, 255]) });
    expect(sent.headers["content-type"]).toBe("application/octet-stream");
    expect([...sent.body]).toEqual([0, 1, 254, 255]);
  });

  it("sends a Uint8Array view of part of a buffer as exactly those bytes", async () => {
    const sent = await put({ body: new Uint8Array(new Uint8Array([9, 1, 2, 9]).buffer, 1, 2) });
    expect([...sent.body]).toEqual([1, 2]);
  });

  it.runIf(runtimeHasBinaryAndHeaderFixes)(
    "sends an ArrayBuffer as its bytes with content-type application/octet-stream (ts-http-runtime ≥ 0.3.7)",
    async () => {
      const sent = await put({ body: new Uint8Array([7, 8, 9]).buffer });
      expect(sent.headers["content-type"]).toBe("application/octet-stream");
      expect([...sent.body]).toEqual([7, 8, 9]);
    },
  );

  it("sends a string that is not JSON as it is, with no content-type", async () => {
    const sent = await put({ body: "plain words" });
    expect(sent.body.toString("utf8")).toBe("plain words");
    expect(sent.headers["content-type"]).toBeUndefined();
  });

  it("sends a string that parses as JSON JSON-encoded, as a JSON string (core's rule: pass the object instead)", async () => {
    const sent = await put({ body: '{"a":1}' });
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body.toString("utf8"))).toBe('{"a":1}');
  });

  it("sends String(body) under contentType text/plain", async () => {
    const sent = await put({ body: 42, contentType: "text/plain" });
    expect(sent.headers["content-type"]).toBe("text/plain");
    expect(sent.body.toString("utf8")).toBe("42");
  });

  it("streams a Node Readable body, and a function returning one", async () => {
    expect((await put({ body: Readable.from([Buffer.from("ab"), Buffer.from("cd")]) })).body.toString("utf8")).toBe(
      "abcd",
    );
    expect((await put({ body: () => Readable.from([Buffer.from("lazy")]) })).body.toString("utf8")).toBe("lazy");
  });

  it("refuses a Blob or a web ReadableStream body in Node with a RestError, and sends nothing", async () => {
    // Core's Node HTTP client sends strings, bytes and Node streams only (browsers' fetch takes both).
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
        controller.close();
      },
    });
    for (const body of [new Blob(["hi"], { type: "text/x" }), web]) {
      const error = await client()
        .pathUnchecked("/echo")
        .put({ body })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isRestError(error) && error.message).toBe("Unrecognized body type");
    }
    expect(server.received).toHaveLength(0);
  });
});

describe("request headers", () => {
  it("takes the content-type from contentType, then the content-type header, then the body", async () => {
    const fromHeader = await put({ body: { a: 1 }, headers: { "content-type": "application/merge-patch+json" } });
    expect(fromHeader.headers["content-type"]).toBe("application/merge-patch+json");
    expect(fromHeader.body.toString("utf8")).toBe('{"a":1}');
    const fromOption = await put({
      body: { a: 1 },
      contentType: "application/x",
      headers: { "content-type": "application/y" },
    });
    expect(fromOption.headers["content-type"]).toBe("application/x");
  });

  it("asks for application/json unless accept or an accept header says otherwise", async () => {
    expect((await put({})).headers["accept"]).toBe("application/json");
    expect((await put({ headers: { accept: "application/xml" } })).headers["accept"]).toBe("application/xml");
    expect((await put({ accept: "text/plain", headers: { accept: "application/xml" } })).headers["accept"]).toBe(
      "text/plain",
    );
  });

  it.runIf(runtimeHasBinaryAndHeaderFixes)(
    "reads Content-Type and Accept headers whatever their case (ts-http-runtime ≥ 0.3.7)",
    async () => {
      const sent = await put({
        body: { a: 1 },
        headers: { "Content-Type": "application/merge-patch+json", Accept: "application/xml" },
      });
      expect(sent.headers["content-type"]).toBe("application/merge-patch+json");
      expect(sent.headers["accept"]).toBe("application/xml");
    },
  );

  it("sends custom headers, a bearer token, a client request id and a user agent naming the package", async () => {
    const sent = await put({ headers: { "x-custom": "1" } });
    expect(sent.headers["x-custom"]).toBe("1");
    expect(sent.headers["authorization"]).toBe("Bearer t0k3n");
    expect(sent.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.headers["user-agent"]).toMatch(/^arm-security-devops\/\d+\.\d+\.\d+ /);
  });
});

describe("request URLs", () => {
  const get = (
    path: string,
    values: unknown[] = [],
    options: RequestParameters = {},
    clientOptions?: SecurityDevOpsClientOptions,
  ) =>
    (
      client(clientOptions).pathUnchecked as unknown as (
        p: string,
        ...v: unknown[]
      ) => { get: (o: RequestParameters) => PromiseLike<unknown> }
    )(path, ...values).get(options);

  it("percent-encodes each path value into its segment", async () => {
    await get("/a/{x}/b/{y}", ["sp ace/slash?#%", "ünï"]);
    expect(last().url).toBe("/a/sp%20ace%2Fslash%3F%23%25/b/%C3%BCn%C3%AF?api-version=2024-04-01");
  });

  it("takes numbers, allowReserved values as they are, and skipUrlEncoding for every value", async () => {
    await get("/a/{x}/{y}", [42, { value: "r/e", allowReserved: true }]);
    expect(last().url).toBe("/a/42/r/e?api-version=2024-04-01");
    await get("/a/{x}", ["v%20w"], { skipUrlEncoding: true });
    expect(last().url).toBe("/a/v%20w?api-version=2024-04-01");
  });

  it("fills {name} placeholders of the endpoint from pathParameters", async () => {
    await get("/echo", [], { pathParameters: { tenant: "contoso ltd" } }, { endpoint: `${server.endpoint}/{tenant}` });
    expect(last().url).toBe("/contoso%20ltd/echo?api-version=2024-04-01");
  });

  it("joins endpoint and path with one slash, and keeps a query of either", async () => {
    await get("a/b", [], {}, { endpoint: `${server.endpoint}/base/` });
    expect(last().url).toBe("/base/a/b?api-version=2024-04-01");
    await get("/a?x=1", [], {}, { endpoint: `${server.endpoint}/base` });
    expect(last().url).toBe("/base/a?x=1&api-version=2024-04-01");
  });

  it("uses an absolute URL as it is, and keeps an api-version it already has", async () => {
    await get(`${server.endpoint}/other?api-version=2020-01-01&q=1`);
    expect(last().url).toBe("/other?api-version=2020-01-01&q=1");
  });

  it("writes scalar, Date, array and object query values, skipping null and undefined", async () => {
    await get("/q", [], {
      queryParameters: {
        s: "a b&c",
        n: 3,
        d: new Date(Date.UTC(2026, 10, 27, 10, 0, 0)),
        list: ["x", "y z"],
        obj: { k: "v", w: 1 },
        skipped: undefined,
        alsoSkipped: null,
        "we ird": "k",
      },
    });
    expect(last().url).toBe(
      "/q?s=a%20b%26c&n=3&d=2026-11-27T10%3A00%3A00.000Z&list=x,y%20z&obj=k,v,w,1&we%20ird=k&api-version=2024-04-01",
    );
  });

  it("explodes arrays and objects and joins pipeDelimited and spaceDelimited values", async () => {
    await get("/q", [], {
      queryParameters: {
        e: { value: ["1", "2"], explode: true },
        o: { value: { p: "1", q: "2" }, explode: true },
        pipes: { value: ["a", "b"], style: "pipeDelimited" },
        spaces: { value: ["a", "b"], style: "spaceDelimited" },
      },
    });
    expect(last().url).toBe("/q?e=1&e=2&p=1&q=2&pipes=a|b&spaces=a%20b&api-version=2024-04-01");
  });

  it("refuses explode on a scalar before sending", async () => {
    expect(() => get("/q", [], { queryParameters: { e: { value: "1", explode: true } } })).toThrow(/explode/);
    expect(server.received).toHaveLength(0);
  });

  it("adds a query value once when the path already has it, and a second value beside it", async () => {
    await get("/q?x=1", [], { queryParameters: { x: "1", y: "2" } });
    expect(last().url).toBe("/q?x=1&y=2&api-version=2024-04-01");
    await get("/q?x=1", [], { queryParameters: { x: "2" } });
    expect(last().url).toBe("/q?x=1&x=2&api-version=2024-04-01");
  });
});

describe("responses", () => {
  const getEcho = (options: RequestParameters = {}) => client().pathUnchecked("/r").get(options);

  it("gives the status as a string, headers as a lower-cased object and a JSON body parsed", async () => {
    server.answer("/r", {
      headers: { "Content-Type": "application/json; charset=utf-8", "X-Ms-Request-Id": "r1" },
      body: '{"status":"Succeeded"}',
    });
    const response = await getEcho();
    expect(response.status).toBe("200");
    expect(response.headers["x-ms-request-id"]).toBe("r1");
    expect(response.body).toEqual({ status: "Succeeded" });
  });

  it("gives undefined for an empty body, text for text/plain, and text for unparsable JSON of another type", async () => {
    server.answer(
      "/r",
      { status: 204, headers: {} },
      { headers: { "content-type": "text/plain; charset=utf-8" }, body: "123" },
      { headers: { "content-type": "application/problem" }, body: "{oops" },
    );
    expect((await getEcho()).body).toBeUndefined();
    expect((await getEcho()).body).toBe("123");
    expect((await getEcho()).body).toBe("{oops");
  });

  it("returns a 4xx with its ARM error body as data, and calls onResponse once with it", async () => {
    server.answer("/r", { status: 404, body: '{"error":{"code":"ResourceNotFound","message":"gone"}}' });
    const seen: unknown[] = [];
    const response = await getEcho({
      onResponse: (raw, error) => seen.push({ status: raw.status, body: raw.parsedBody, error }),
    });
    expect(response.status).toBe("404");
    expect(response.body).toEqual({ error: { code: "ResourceNotFound", message: "gone" } });
    expect(seen).toEqual([
      { status: 404, body: { error: { code: "ResourceNotFound", message: "gone" } }, error: undefined },
    ]);
  });

  it("rejects unparsable JSON under application/json with a PARSE_ERROR, after calling onResponse with the error", async () => {
    server.answer("/r", { headers: { "content-type": "application/json", "x-ms-request-id": "r2" }, body: "{oops" });
    const seen: Array<{ status: number; header?: string; error: unknown; legacy: unknown }> = [];
    const outcome = await getEcho({
      onResponse: (raw, error, legacy) =>
        seen.push({ status: raw.status, header: raw.rawHeaders?.["x-ms-request-id"], error, legacy }),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isRestError(outcome) && outcome.code).toBe("PARSE_ERROR");
    expect(seen).toEqual([{ status: 200, header: "r2", error: outcome, legacy: outcome }]);
  });
});

describe("response streams", () => {
  it("gives the body as a Node stream from asNodeStream, unread", async () => {
    server.answer("/s", { headers: { "content-type": "application/octet-stream" }, body: ["chunk-1,", "chunk-2"] });
    const response = await client().pathUnchecked("/s").get().asNodeStream();
    expect(response.status).toBe("200");
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString("utf8")).toBe("chunk-1,chunk-2");
  });

  it("refuses asBrowserStream in Node, naming asNodeStream, before sending", async () => {
    await expect(client().pathUnchecked("/s").get().asBrowserStream()).rejects.toThrow(/asNodeStream/);
    expect(server.received).toHaveLength(0);
  });
});

describe("request options reach the pipeline", () => {
  /** A client whose per-call policy hands each request to `see` before it is sent. */
  const watched = (see: (request: Record<string, unknown>) => void, position: "perCall" | "perRetry" = "perCall") => {
    const policy: PipelinePolicy = {
      name: "watch",
      sendRequest: (request, next) => (see(request as never), next(request)),
    };
    return client({ additionalPolicies: [{ position, policy }] });
  };

  it("copies options core does not know onto the request, as core-client does", async () => {
    const seen: unknown[] = [];
    const options = { custom: { x: 1 }, tracingOptions: { tracingContext: undefined } } as RequestParameters;
    await watched((request) => seen.push(request["custom"], request["tracingOptions"]))
      .pathUnchecked("/echo")
      .get(options);
    expect(seen).toEqual([{ x: 1 }, { tracingContext: undefined }]);
  });

  it("applies timeout, abortSignal and the download progress callback", async () => {
    const seen: unknown[] = [];
    const controller = new AbortController();
    let progressed = 0;
    await watched((request) => seen.push(request["timeout"], request["abortSignal"] !== undefined))
      .pathUnchecked("/echo")
      .get({ timeout: 5_000, abortSignal: controller.signal, onDownloadProgress: () => void progressed++ });
    expect(seen).toEqual([5_000, true]);
    expect(progressed).toBeGreaterThan(0);
    controller.abort();
    await expect(client().pathUnchecked("/echo").get({ abortSignal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("runs per-call policies once and per-retry policies after signing, on each attempt", async () => {
    server.answer("/retry", { status: 503, headers: { "retry-after": "0" } });
    const order: string[] = [];
    const retried = client({
      retryOptions: { maxRetries: 1, retryDelayInMs: 1 },
      additionalPolicies: [
        {
          position: "perCall",
          policy: { name: "perCall", sendRequest: (r, next) => (order.push("perCall"), next(r)) },
        },
        {
          position: "perRetry",
          policy: {
            name: "perRetry",
            sendRequest: (r, next) => (order.push(`perRetry:${r.headers.has("authorization")}`), next(r)),
          },
        },
      ],
    });
    const response = await retried.pathUnchecked("/retry").get();
    expect(response.status).toBe("200");
    expect(order).toEqual(["perCall", "perRetry:true", "perRetry:true"]);
  });

  it("sends every verb with its method", async () => {
    const methods: string[] = [];
    for (const verb of ["get", "post", "put", "patch", "delete", "head", "options", "trace"] as const) {
      await client().pathUnchecked("/echo")[verb]();
      methods.push(last().method);
    }
    expect(methods).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]);
  });
});

describe("the pipeline", () => {
  it("is core-client's default pipeline, with our redacting log policy where core's was", () => {
    const names = client()
      .pipeline.getOrderedPolicies()
      .map((policy) => policy.name);
    // The names core-rest-pipeline's createPipelineFromOptions and core-client's createDefaultPipeline give.
    expect(names).toEqual(
      expect.arrayContaining([
        "formDataPolicy",
        "multipartPolicy",
        "ApiVersionPolicy",
        "bearerTokenAuthenticationPolicy",
        "defaultRetryPolicy",
      ]),
    );
    expect(names.filter((name) => name === "logPolicy")).toHaveLength(1);
    expect(names.at(-1)).toBe("logPolicy");
  });

  it("leaves a caller's own pipeline as it was given", () => {
    const own = client().pipeline;
    const before = own.getOrderedPolicies();
    const mine = client({ pipeline: own });
    expect(mine.pipeline.getOrderedPolicies()).toEqual(before);
  });
});
