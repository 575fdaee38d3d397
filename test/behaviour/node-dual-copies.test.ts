import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockArm } from "../../src/testing/index.js";
import type { Api, MockArm } from "./api.js";
import { credentialFor } from "./context.js";

// An app can hold two copies of the package: the ESM and the CommonJS build (one dependency imports, another
// requires), or two versions in a bundle. Their classes differ, so `instanceof` fails across them; the guards
// must not. Built artefacts only: run `npm run build` first (npm test does).
const require = createRequire(import.meta.url);
const esmEntry = new URL("../../dist/index.js", import.meta.url).href;

describe("two copies of the package in one process", () => {
  let esm: Api;
  let cjs: Api;
  let mock: MockArm;

  beforeAll(async () => {
    esm = (await import(esmEntry)) as Api;
    cjs = require("../../dist/index.cjs") as Api;
    mock = await startMockArm();
  });
  afterAll(() => mock?.close());

  it("isDevOpsOperationError of the ESM copy recognises an error made by the CommonJS copy", () => {
    const error = new cjs.DevOpsOperationError({
      status: "Failed",
      error: { code: "TokenExchangeFailed", message: "The token exchange failed." },
      operationResult: undefined,
      operationResultId: "op-1",
      percentComplete: 40,
    });
    expect(error instanceof esm.DevOpsOperationError).toBe(false);
    expect(esm.isDevOpsOperationError(error, "TokenExchangeFailed")).toBe(true);
    const canceled = new esm.DevOpsOperationError({
      status: "Canceled",
      error: undefined,
      operationResult: undefined,
      operationResultId: undefined,
      percentComplete: undefined,
    });
    expect(cjs.isDevOpsOperationError(canceled, "OperationCanceled")).toBe(true);
  });

  it("isRestError of the ESM copy recognises the RestError the CommonJS copy made from a real 404", async () => {
    const client = cjs.createClient(credentialFor(mock), { endpoint: mock.endpoint, tlsOptions: { ca: mock.certificate } });
    const response = await client.pathUnchecked("/subscriptions/s/resourceGroups/r/providers/Microsoft.Security/securityConnectors/missing/devops/default").get();
    expect(response.status).toBe("404");
    const error = cjs.toRestError(response);
    expect(error instanceof esm.RestError).toBe(false);
    expect(esm.isRestError(error)).toBe(true);
    expect(error.statusCode).toBe(404);
  });
});
