// src/custom/rest replaces @azure-rest/core-client's getClient (its comment says why). This suite holds the two side
// by side: the same calls through both, each with an HttpClient that records what the pipeline hands it and answers
// a chosen response, so that any difference in the URL, headers, body or decoded response fails here. The
// loopback suites (requests, reliability, behaviour) cover the same client over real HTTP.
import { describe, expect, it } from "vitest";
import { getClient as coreGetClient, type ClientOptions, type RequestParameters } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { getClient as ourGetClient } from "../../src/custom/rest/getClient.js";

const credential: TokenCredential = { getToken: async () => ({ token: "t0k3n", expiresOnTimestamp: Date.now() + 3_600_000 }) };

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A client made by `factory` whose HttpClient records each request and answers `answer`. */
function recording(factory: typeof coreGetClient, endpoint: string, answer: Answer = {}, options: ClientOptions = {}) {
  const sent: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request): Promise<PipelineResponse> {
      sent.push(request);
      return {
        request,
        status: answer.status ?? 200,
        headers: createHttpHeaders(answer.headers ?? { "content-type": "application/json" }),
        bodyAsText: answer.body ?? "{}",
      };
    },
  };
  const client = factory(endpoint, credential, { apiVersion: "2024-04-01", retryOptions: { maxRetries: 0 }, httpClient, ...options });
  return { client, sent };
}

/** What an HttpClient can see of a request, minus the per-request random id. */
function wire(request: PipelineRequest) {
  const headers = request.headers.toJSON();
  delete headers["x-ms-client-request-id"];
  return { url: request.url, method: request.method, headers, body: request.body };
}

type Call = (client: ReturnType<typeof coreGetClient>) => PromiseLike<unknown>;

async function both(call: Call, endpoint = "https://127.0.0.1:9/", answer?: Answer, options?: ClientOptions) {
  const core = recording(coreGetClient, endpoint, answer, options);
  const ours = recording(ourGetClient as typeof coreGetClient, endpoint, answer, options);
  const settle = (p: PromiseLike<unknown>) =>
    Promise.resolve(p).then(
      (value) => ({ value }),
      (error: { name?: string; code?: string; statusCode?: number; message?: string }) => ({
        error: { name: error.name, code: error.code, statusCode: error.statusCode, message: error.message },
      }),
    );
  const [coreResult, ourResult] = [await settle(call(core.client)), await settle(call(ours.client))];
  return { core: { result: coreResult, sent: core.sent.map(wire) }, ours: { result: ourResult, sent: ours.sent.map(wire) } };
}

/** The decoded response without its request object (compared through `sent`). */
const decoded = (r: { value?: unknown; error?: unknown }) => {
  if (!("value" in r)) return r;
  const { request: _request, ...rest } = r.value as { request: unknown };
  return { value: rest };
};

const get = (path: string, values: unknown[] = [], options: RequestParameters = {}): Call => (c) =>
  (c.pathUnchecked as unknown as (p: string, ...v: unknown[]) => { get: (o: RequestParameters) => PromiseLike<unknown> })(path, ...values).get(options);

const urlCases: Array<[string, Call, string?]> = [
  ["path values are percent-encoded", get("/a/{x}/b/{y}", ["sp ace/slash?#%", "ünï"])],
  ["numbers and allowReserved values", get("/a/{x}/{y}", [42, { value: "r/e?s", allowReserved: true }])],
  ["skipUrlEncoding leaves values as given", get("/a/{x}", ["v%20w"], { skipUrlEncoding: true })],
  ["endpoint with a trailing slash and a path without a leading one", get("a/b"), "https://127.0.0.1:9/base/"],
  ["endpoint with a trailing slash and a path with a leading one", get("/a/b"), "https://127.0.0.1:9/base/"],
  ["endpoint without a trailing slash", get("/a"), "https://127.0.0.1:9/base"],
  ["an empty path", get(""), "https://127.0.0.1:9/base"],
  ["a query on the endpoint and on the path", get("/a?x=1?y=2"), "https://127.0.0.1:9/base?e=0"],
  ["an absolute path is used as it is", get("https://127.0.0.1:9/other/{x}?q=1", ["kept"])],
  ["api-version already in the path is kept", get("/a?api-version=2020-01-01")],
  [
    "scalar, Date, array, object and empty query values",
    get("/a", [], {
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
    }),
  ],
  [
    "exploded arrays and objects, and each style",
    get("/a", [], {
      queryParameters: {
        e: { value: ["1", "2"], explode: true },
        o: { value: { p: "1", q: "2" }, explode: true },
        pipes: { value: ["a", "b"], style: "pipeDelimited" },
        spaces: { value: ["a", "b"], style: "spaceDelimited" },
      },
    }),
  ],
  ["a query value already in the path is not repeated", get("/a?x=1", [], { queryParameters: { x: "1", y: "2" } })],
  ["a second value for a name in the path is added", get("/a?x=1", [], { queryParameters: { x: "2" } })],
  ["skipUrlEncoding applies to query values", get("/a", [], { queryParameters: { x: "a%2Fb" }, skipUrlEncoding: true })],
];

describe("src/custom/rest builds the request @azure-rest/core-client builds", () => {
  it.each(urlCases)("%s", async (_name, call, endpoint) => {
    const { core, ours } = await both(call, endpoint);
    expect(core.sent.length).toBe(1);
    expect(ours.sent).toEqual(core.sent);
  });

  const bodies: Array<[string, RequestParameters]> = [
    ["an object body is JSON", { body: { a: 1, b: [true, null] } }],
    ["a JSON string is JSON-encoded again, as core-client does", { body: '{"a":1}' }],
    ["a non-JSON string is sent as it is", { body: "plain words" }],
    ["bytes are sent as they are", { body: new Uint8Array([1, 2, 3]) }],
    ["text/plain stringifies", { body: 42, contentType: "text/plain" }],
    ["a content-type header wins over inference", { body: { a: 1 }, headers: { "content-type": "application/merge-patch+json" } }],
    ["contentType wins over the header", { body: { a: 1 }, contentType: "application/x", headers: { "content-type": "application/y" } }],
    ["accept option and custom headers", { accept: "text/plain", headers: { "x-custom": "1" } }],
    ["accept from the headers", { headers: { accept: "application/xml" } }],
  ];
  it.each(bodies)("%s", async (_name, options) => {
    const call: Call = (c) => c.pathUnchecked("/a").put(options);
    const { core, ours } = await both(call);
    expect(ours.sent).toEqual(core.sent);
  });

  const answers: Array<[string, Answer]> = [
    ["a JSON body", { body: '{"status":"Succeeded","n":[1]}' }],
    ["an empty body", { body: "" }],
    ["text/plain stays text", { headers: { "content-type": "text/plain; charset=utf-8" }, body: "{not json" }],
    ["text/plain stays text even when it parses", { headers: { "content-type": "text/plain" }, body: "123" }],
    ["unparsable JSON under application/json is a PARSE_ERROR", { body: "{oops" }],
    ["unparsable JSON under another type is text", { headers: { "content-type": "application/problem" }, body: "{oops" }],
    ["a 404 with an ARM error body", { status: 404, body: '{"error":{"code":"NotFound","message":"gone"}}' }],
  ];
  it.each(answers)("decodes %s the same way", async (_name, answer) => {
    const { core, ours } = await both(get("/a"), undefined, answer);
    expect(decoded(ours.result)).toEqual(decoded(core.result));
  });

  it("calls onResponse with the same raw response", async () => {
    const seen: Record<string, unknown[]> = { core: [], ours: [] };
    for (const [name, factory] of [
      ["core", coreGetClient],
      ["ours", ourGetClient],
    ] as const) {
      const { client } = recording(factory as typeof coreGetClient, "https://127.0.0.1:9", { body: '{"a":1}' });
      await client.pathUnchecked("/a").get({
        onResponse: (raw) => seen[name]!.push({ status: raw.status, rawHeaders: raw.rawHeaders, parsedBody: raw.parsedBody }),
      });
    }
    expect(seen.ours).toHaveLength(1);
    expect(seen.ours).toEqual(seen.core);
  });

  it("runs additional policies per call and per retry, as core-client does", async () => {
    const order: string[] = [];
    const options: ClientOptions = {
      additionalPolicies: [
        { position: "perCall", policy: { name: "perCall", sendRequest: (r, next) => (order.push("perCall"), next(r)) } },
        {
          position: "perRetry",
          policy: {
            name: "perRetry",
            sendRequest: (r, next) => (order.push(`perRetry:${r.headers.has("authorization")}`), next(r)),
          },
        },
      ],
    };
    const { core, ours } = await both(get("/a"), undefined, undefined, options);
    expect(ours.sent).toEqual(core.sent);
    expect(order).toEqual(["perCall", "perRetry:true", "perCall", "perRetry:true"]);
  });

  it("sends every verb with its method", async () => {
    for (const verb of ["get", "post", "put", "patch", "delete", "head", "options", "trace"] as const) {
      const { core, ours } = await both((c) => c.pathUnchecked("/a")[verb]());
      expect(ours.sent).toEqual(core.sent);
      expect(ours.sent[0]!.method).toBe(verb.toUpperCase());
    }
  });
});
