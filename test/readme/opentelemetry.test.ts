// The README's "Tracing" snippets, run as a user runs them: a child Node process loads the OpenTelemetry setup
// (examples/readme/opentelemetry.ts) with --import, then the example (examples/readme/tracing.ts) waits for an
// operation of the mock in this process; the spans OpenTelemetry exported come back as JSON.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { root } from "./snippets.js";

interface ExportedSpan {
  name: string;
  spanId: string;
  traceId: string;
  parentId: string | undefined;
  kind: number;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  scope: string;
}

const SPAN_KIND = { INTERNAL: 0, CLIENT: 2 };

let mock: MockArm;
beforeAll(async () => {
  mock = await startMockArm();
});
afterAll(() => mock?.close());

async function runTracingSnippet(): Promise<{ printed: string[]; spans: ExportedSpan[] }> {
  const ids = { ...DEFAULT_SCOPE, operationResultId: "onboarding-1" };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--import", "./examples/readme/opentelemetry.ts", join("test", "readme", "fixtures", "run-tracing.ts")],
    {
      cwd: root,
      env: { ...process.env, ARM_SNIPPET: JSON.stringify({ endpoint: mock.endpoint, token: mock.token, ca: mock.certificate, ids }) },
      timeout: 60_000,
    },
  );
  const lines = stdout.trim().split("\n");
  return { printed: lines.slice(0, -1), spans: JSON.parse(lines.at(-1)!) as ExportedSpan[] };
}

describe("README tracing snippets, with OpenTelemetry", () => {
  it("export the app's span, the wait's span under it, and every poll's HTTP GET under the wait", { timeout: 60_000 }, async () => {
    mock.addOperationResult("onboarding-1", { steps: [0, 50] });
    const { printed, spans } = await runTracingSnippet();
    expect(printed).toEqual(["Succeeded"]);

    const named = (name: string) => spans.filter((s) => s.name === name);
    const [app] = named("onboard contoso");
    const [wait] = named("DevOpsOperationResults.wait");
    expect(app).toMatchObject({ scope: "onboarding-app" });
    expect(app!.parentId).toBeUndefined();
    expect(wait).toMatchObject({ parentId: app!.spanId, traceId: app!.traceId, kind: SPAN_KIND.INTERNAL, scope: "arm-security-devops" });
    expect(wait!.attributes).toMatchObject({
      "az.namespace": "Microsoft.Security",
      "lro.kind": "operation-result",
      "lro.operation_result_id": "onboarding-1",
      "lro.polls": 3,
      "lro.status": "succeeded",
      "lro.percent_complete": 100,
    });
    expect(wait!.status.code).not.toBe(2); // not ERROR (OpenTelemetry leaves a success UNSET)

    const http = named("HTTP GET");
    expect(http).toHaveLength(mock.pollCount("onboarding-1"));
    expect(http).toHaveLength(3);
    for (const span of http) expect(span).toMatchObject({ parentId: wait!.spanId, kind: SPAN_KIND.CLIENT, scope: "@azure/core-rest-pipeline" });
    // W3C trace context reached the service: each poll carried a traceparent naming its HTTP span.
    const traceparents = mock.requests.map((r) => r.headers["traceparent"]);
    expect(traceparents).toEqual(http.map((s) => `00-${s.traceId}-${s.spanId}-01`));
    expect(spans).toHaveLength(5);
    expect(JSON.stringify(spans)).not.toContain(mock.token);
  });
});
