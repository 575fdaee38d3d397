import { existsSync, readdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { oursSpec } from "../../scripts/spec/paths.mjs";
import { RefResolver } from "../../scripts/spec/refs.mjs";
import { validateExample, validateValue } from "../../scripts/spec/validate-example.mjs";
import { commonTypesFile, examples, operations, readJson, swaggerDir, type Json } from "./spec-files.js";

const LRO_CODES = ["201", "202"];

describe("swagger/examples", () => {
  const all = examples();

  it("gives every one of the 30 operations at least one example, each file present and valid JSON", () => {
    const ops = operations();
    expect(ops).toHaveLength(30);
    for (const { operationId, op } of ops) {
      expect(Object.keys(op["x-ms-examples"] ?? {}), operationId).not.toHaveLength(0);
    }
    for (const { file } of all) {
      expect(existsSync(file), file).toBe(true);
      expect(() => readJson(file), file).not.toThrow();
    }
  });

  it("has no example file that no operation refers to", () => {
    const referenced = new Set(all.map((e) => basename(e.file)));
    const onDisk = readdirSync(resolve(swaggerDir, "examples")).filter((f) => f.endsWith(".json"));
    expect(onDisk.filter((f) => !referenced.has(f))).toEqual([]);
  });

  it("names its own operation and title, and calls api-version 2024-04-01", () => {
    for (const e of all) {
      const ex = readJson(e.file);
      expect(ex.operationId, e.file).toBe(e.operationId);
      expect(ex.title, e.file).toBe(e.title);
      expect(ex.parameters["api-version"], e.file).toBe("2024-04-01");
    }
  });

  it("validates against the schemas: parameters, request bodies without readOnly fields, and response bodies", () => {
    const refs = new RefResolver();
    const problems = all.flatMap((e) =>
      validateExample(oursSpec, e.op, readJson(e.file), refs).map((p) => `${basename(e.file)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("gives each long-running 201/202 answer an Azure-AsyncOperation URL of DevOpsOperationResults_Get on the same connector", () => {
    const lro = all.filter((e) => e.op["x-ms-long-running-operation"]);
    expect(new Set(lro.map((e) => e.operationId)).size).toBe(9);
    for (const e of lro) {
      const ex = readJson(e.file);
      const p = ex.parameters;
      const codes = Object.keys(ex.responses).filter((c) => LRO_CODES.includes(c));
      expect(codes, e.file).not.toHaveLength(0);
      for (const code of codes) {
        const url = new URL(ex.responses[code].headers["Azure-AsyncOperation"]);
        expect(url.origin).toBe("https://management.azure.com");
        expect(url.pathname).toMatch(
          new RegExp(
            `^/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}` +
              `/providers/Microsoft\\.Security/securityConnectors/${p.securityConnectorName}/devops/default/operationResults/[0-9a-f-]{36}$`,
          ),
        );
        expect(url.searchParams.get("api-version")).toBe("2024-04-01");
      }
    }
  });

  it("uses resource ids that match the request path, and names that are the last id segment", () => {
    const single = all.filter(
      (e) =>
        ["get", "put", "patch"].includes(e.method) &&
        !e.op["x-ms-pageable"] &&
        e.operationId !== "DevOpsOperationResults_Get",
    );
    expect(single.length).toBeGreaterThan(15);
    for (const e of single) {
      const ex = readJson(e.file);
      const expected = e.path.replace(/\{([^}]+)\}/g, (_, name: string) => ex.parameters[name]);
      for (const [code, response] of Object.entries<Json>(ex.responses)) {
        expect(response.body.id, `${e.file} ${code}`).toBe(expected);
        expect(response.body.name, `${e.file} ${code}`).toBe(expected.split("/").at(-1));
      }
    }
  });

  it("include a Failed operation result with a full ARM error and a Succeeded one with nested steps", () => {
    const bodies = all
      .filter((e) => e.operationId === "DevOpsOperationResults_Get")
      .map((e) => readJson(e.file).responses["200"].body);
    const failed = bodies.find((b) => b.status === "Failed");
    expect(failed?.error).toMatchObject({
      code: "TokenExchangeFailed",
      message: expect.any(String),
      target: expect.any(String),
    });
    expect(failed?.error.details).toEqual([
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    ]);
    expect(failed?.error.additionalInfo).toEqual([{ type: expect.any(String), info: expect.any(Object) }]);
    const succeeded = bodies.find((b) => b.status === "Succeeded");
    expect(succeeded?.percentComplete).toBe(100);
    expect(succeeded?.operations.length).toBeGreaterThan(0);
    expect(succeeded?.operations.every((o: Json) => o.status === "Succeeded")).toBe(true);
  });
});

describe("the example validator", () => {
  const refs = new RefResolver();
  const org = { $ref: "#/definitions/AzureDevOpsOrg" };
  const check = (value: unknown, direction: "request" | "response" = "request") =>
    validateValue(refs, value, org, oursSpec, direction);

  it("rejects readOnly properties in requests but accepts them in responses", () => {
    const body = { properties: { provisioningStatusMessage: "x" } };
    expect(check(body)).toEqual([
      "$.properties.provisioningStatusMessage: readOnly property must not be sent in a request",
    ]);
    expect(check(body, "response")).toEqual([]);
  });

  it("rejects wrong types, bad date-times, undeclared properties and values of a closed enum", () => {
    expect(check({ properties: { actionableRemediation: { branchConfiguration: { branchNames: "main" } } } })).toEqual([
      '$.properties.actionableRemediation.branchConfiguration.branchNames: expected array, got "main"',
    ]);
    expect(check({ properties: { provisioningStatusUpdateTimeUtc: "yesterday" } }, "response")).toEqual([
      '$.properties.provisioningStatusUpdateTimeUtc: "yesterday" is not an RFC 3339 date-time',
    ]);
    expect(check({ propertiez: {} })).toEqual(["$.propertiez: property is not declared in the schema"]);
    expect(
      validateValue(
        refs,
        { createdByType: "Robot" },
        { type: "object", properties: { createdByType: { type: "string", enum: ["User"] } } },
        oursSpec,
        "response",
      ),
    ).toEqual(['$.createdByType: "Robot" is not one of ["User"]']);
  });

  it("rejects a missing required property and a number out of bounds", () => {
    const status = { $ref: "./common-types.json#/definitions/OperationStatusResult" };
    expect(validateValue(refs, { percentComplete: 120 }, status, oursSpec, "response")).toEqual([
      '$: required property "status" is missing',
      "$.percentComplete: 120 is above maximum 100",
    ]);
  });
});

describe("swagger/common-types.json", () => {
  it("holds only definitions and parameters that the spec refers to", () => {
    const text = JSON.stringify(readJson(oursSpec)) + JSON.stringify(readJson(commonTypesFile));
    const ct = readJson(commonTypesFile);
    const unused = [
      ...Object.keys(ct.definitions).map((n) => `#/definitions/${n}"`),
      ...Object.keys(ct.parameters).map((n) => `#/parameters/${n}"`),
    ].filter((ref) => !text.includes(ref));
    expect(unused).toEqual([]);
  });
});
