// No secret in any span: the bearer token, the query of a status URL (ARM's can be signed) and the OAuth
// authorization code of an onboarding never reach a span's name, attributes, status or recorded exceptions — ours
// or the pipeline's HTTP spans. Each test first shows the secret was really in play (sent, or in the error).
import { describe, expect, it } from "vitest";
import { isPollingError } from "../../src/custom/errors/guards.js";
import { isPagingError } from "../../src/custom/errors/pagingError.js";
import { paginate } from "../../src/custom/paginate.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";
import type { RecordedSpan } from "../helpers/recordingInstrumenter.js";
import { devops } from "../mock/paths.js";
import { paths } from "../types/paths.js";
import { app, onlySpan, useRecorder } from "./spans.js";

const recorder = useRecorder();
let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m, { retryOptions: { maxRetries: 0 } });
});

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const CONFIG = paths.configuration;
const rawConfig = devops();
const SIGNATURE = "sig-7f3a9c2e5b1d";
const CODE = "oauth-code-4d8e1f6a9b";

/** Everything a span shows an exporter, as text: name, attributes, status and recorded exceptions. */
function shown(span: RecordedSpan): string[] {
  const errorText = (e: unknown) => (e instanceof Error ? [e.name, e.message, e.stack ?? "", String((e as { code?: unknown }).code)] : [String(e)]);
  return [
    span.name,
    ...Object.entries(span.attributes).flatMap(([key, value]) => [key, String(value)]),
    ...(span.status?.status === "error" && span.status.error !== undefined ? errorText(span.status.error) : []),
    ...span.exceptions.flatMap(errorText),
  ];
}

function expectNoSecretInAnySpan(): void {
  expect(recorder().spans.length).toBeGreaterThan(0);
  for (const span of recorder().spans) {
    for (const text of shown(span)) {
      expect(text, `span ${span.name}`).not.toContain(mock.token);
      expect(text, `span ${span.name}`).not.toContain(SIGNATURE);
      expect(text, `span ${span.name}`).not.toContain(CODE);
    }
  }
}

describe("no secret in any span", () => {
  it("holds none through an onboarding with an authorization code and a signed status URL", async () => {
    mock.planOperations({ sync: true });
    await client.path(CONFIG, sub, rg, name).put({ body: { properties: { autoDiscovery: "Enabled" } } }); // exists now
    const signed = `${mock.addOperationResult("signed-1", { steps: [0, 50] })}&sig=${SIGNATURE}`;
    mock.script("PUT", rawConfig, { status: 201, headers: { "Azure-AsyncOperation": signed, "Retry-After": "0" }, body: {} });
    recorder().clear();

    await app.withSpan("Contoso.onboard", { tracingOptions: {} }, async (options) => {
      const body = { properties: { autoDiscovery: "Enabled" as const, authorization: { code: CODE } } };
      const initial = await client.path(CONFIG, sub, rg, name).put({ body, tracingOptions: options.tracingOptions });
      await getLongRunningPoller(client, initial, { intervalInMs: 10 });
    });

    // The secrets were in play: the code went in the PUT, the token with every request, the signature in each poll.
    const puts = mock.requests.filter((r) => r.method === "PUT");
    expect(JSON.stringify(puts.at(-1)!.body)).toContain(CODE);
    expect(mock.requests.every((r) => r.headers["authorization"] === `Bearer ${mock.token}`)).toBe(true);
    expect(mock.requests.filter((r) => r.query["sig"] === SIGNATURE)).toHaveLength(3);
    // ... and the spans saw those requests: the HTTP spans' URLs carry the query with its value redacted.
    const httpUrls = recorder().spans.map((s) => s.attributes["http.url"]).filter((u): u is string => typeof u === "string");
    expect(httpUrls.filter((u) => u.includes("sig=REDACTED"))).toHaveLength(3);
    expect(onlySpan(recorder(), "DevOpsConfigurations_CreateOrUpdate.wait").attributes["lro.operation_result_id"]).toBe("signed-1");
    expectNoSecretInAnySpan();
  });

  it("records the PollingError of a failed status read with the status URL's query cut", async () => {
    const signed = `${mock.addOperationResult("signed-2")}&sig=${SIGNATURE}`;
    mock.script("GET", signed, { status: 403, body: { error: { code: "AuthorizationFailed", message: "no access" } } });
    const error = await pollOperationResult(client, signed).pollUntilDone().catch((e: unknown) => e);
    expect(isPollingError(error, "statusReadFailed")).toBe(true);
    expect((error as Error).message).toContain(SIGNATURE); // the caller's error keeps the URL whole

    const wait = onlySpan(recorder(), "DevOpsOperationResults.wait");
    const recorded = wait.exceptions[0] as Error;
    expect(recorded).toMatchObject({ name: "PollingError" });
    expect(recorded.message).toMatch(/operationResults\/signed-2\?… answered|at .*operationResults\/signed-2\?…/);
    expect(recorded.stack).not.toContain(SIGNATURE);
    expectNoSecretInAnySpan();
  });

  it("records the PagingError of a refused nextLink with its query cut", async () => {
    const owners = `${rawConfig}/gitHubOwners`;
    mock.script("GET", owners, { status: 200, body: { value: [{ name: "contoso" }], nextLink: `https://elsewhere.example/owners?sig=${SIGNATURE}` } });
    const first = await client.pathUnchecked(owners).get();
    recorder().clear();
    const error = await (async () => {
      for await (const _ of paginate(client, first));
    })().catch((e: unknown) => e);
    expect(isPagingError(error)).toBe(true);
    expect((error as Error).message).toContain(SIGNATURE);
    expect(String((onlySpan(recorder(), "GitHubOwners_List.paginate").exceptions[0] as Error).message)).toContain("https://elsewhere.example/owners?…");
    expectNoSecretInAnySpan();
  });
});
