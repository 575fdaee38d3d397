import { describe, expect, it } from "vitest";
import { oursSpec } from "../../scripts/spec/paths.mjs";
import { RefResolver } from "../../scripts/spec/refs.mjs";
import { validateValue } from "../../scripts/spec/validate-example.mjs";
import type { MockArm } from "../../src/testing/index.js";
import { ROUTES } from "../../src/testing/routes.js";
import { operations } from "../spec/spec-files.js";
import { call, destroyAgent } from "./http.js";
import { devops } from "./paths.js";
import { ROWS } from "./route-rows.js";
import { useMockArm } from "../helpers/mock.js";

// The mock must speak our swagger: same 30 operations, and bodies its schemas accept.

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const refs = new RefResolver();
const byId = new Map(operations().map((o) => [o.operationId, o]));

/** Schema problems of `body` as the answer `status` of `operationId` (the `default` response for errors). */
function problems(operationId: string, status: number, body: unknown): string[] {
  const responses = byId.get(operationId)?.op.responses ?? {};
  const response = responses[String(status)] ?? responses["default"];
  if (!response?.schema) return body === undefined ? [] : [`${operationId} ${status} has no schema but a body`];
  return validateValue(refs, body, response.schema, oursSpec, "response");
}

describe("the mock against swagger/securityConnectorsDevOps.json", () => {
  it("serves exactly the swagger's operations, with the same methods and path templates", () => {
    const spec = [...byId.values()].map((o) => `${o.operationId} ${o.method.toUpperCase()} ${o.path}`).sort();
    const mine = ROUTES.map((r) => `${r.operationId} ${r.method} ${r.template}`).sort();
    expect(mine).toEqual(spec);
  });

  it.each(ROWS)("answers $op with a body the swagger's schema accepts", async (row) => {
    await row.setup?.(mock);
    const reply = await call(mock, row.path, { method: row.method, body: row.body });
    expect(byId.has(row.op)).toBe(true);
    expect(problems(row.op, reply.status, reply.json)).toEqual([]);
  });

  it("answers operation results in progress, failed and canceled with valid OperationStatusResults", async () => {
    const urls = [
      mock.addOperationResult("a", { steps: [10] }),
      mock.addOperationResult("b", { outcome: "Failed", steps: [] }),
      mock.addOperationResult("c", { outcome: "Canceled", steps: [] }),
    ];
    for (const url of urls) {
      const reply = await call(mock, url);
      expect(problems("DevOpsOperationResults_Get", reply.status, reply.json)).toEqual([]);
    }
  });

  it("answers errors with valid ErrorResponses", async () => {
    const replies = [
      await call(mock, devops("gitHubOwners", "nobody")),
      await call(mock, devops("gitHubOwners"), { auth: false }),
      await call(mock, devops("gitHubOwners"), { apiVersion: false }),
      await call(mock, devops(), { method: "PUT", body: [] }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(problems("GitHubOwners_Get", reply.status, reply.json)).toEqual([]);
    }
  });
});
