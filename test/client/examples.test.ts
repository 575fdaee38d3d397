import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isUnexpected, operations, pathParameters } from "../../src/index.js";
import type { MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

// Every operation, called through the client with the request of each of its swagger examples; the mock answers
// with each documented response of the example in turn, and the client must hand back exactly that status and body.

interface Example {
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}

const swagger = JSON.parse(readFileSync("swagger/securityConnectorsDevOps.json", "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string; "x-ms-examples"?: Record<string, { $ref: string }> }>>;
};

function examplesOf(operationId: string): Array<[string, Example]> {
  for (const methods of Object.values(swagger.paths)) {
    for (const op of Object.values(methods)) {
      if (op.operationId !== operationId) continue;
      return Object.entries(op["x-ms-examples"] ?? {}).map(([title, ref]) => [
        title,
        JSON.parse(readFileSync(`swagger/${ref.$ref}`, "utf8")) as Example,
      ]);
    }
  }
  return [];
}

const cases = operations.flatMap((op) =>
  examplesOf(op.operationId).flatMap(([title, example]) =>
    Object.keys(example.responses).map((status) => ({ op, title, example, status })),
  ),
);

let mock: MockArm;
useMockArm((m) => (mock = m));

describe("every operation decodes its example responses", () => {
  it("covers all 30 operations", () => {
    expect(new Set(cases.map((c) => c.op.operationId)).size).toBe(30);
  });

  it.each(cases.map((c) => [`${c.op.operationId} (${c.title}) → ${c.status}`, c] as const))("%s", async (_, c) => {
    const { op, example, status } = c;
    const names: string[] = pathParameters[op.path].map((rule) => rule.name);
    const values = names.map((name) => String(example.parameters[name]));
    const bodyName = Object.keys(example.parameters).find((k) => k !== "api-version" && !names.includes(k));
    const rawPath = names.reduce<string>((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(values[i]!)), op.path);
    const answer = example.responses[status]!;
    mock.script(op.method, rawPath, { status: Number(status), headers: answer.headers ?? {}, body: answer.body });

    const client = mockClient(mock);
    const resource = (client.path as unknown as (p: string, ...v: string[]) => Record<string, (o?: object) => Promise<any>>)(
      op.path,
      ...values,
    );
    const response = await resource[op.method.toLowerCase()]!(
      bodyName ? { body: example.parameters[bodyName] } : {},
    );

    expect(response.status).toBe(status);
    expect(isUnexpected(response)).toBe(false);
    if (answer.body === undefined) expect(response.body ?? "").toEqual("");
    else expect(response.body).toEqual(answer.body);
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      expect(response.headers[name.toLowerCase()]).toBe(value);
    }
    const sent = mock.requests.at(-1)!;
    expect(sent.method).toBe(op.method);
    expect(sent.path).toBe(rawPath);
    expect(sent.query["api-version"]).toBe("2024-04-01");
    if (bodyName) expect(sent.body).toEqual(example.parameters[bodyName]);
  });
});
