import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClient, isInvalidParameterError, pathParameters } from "../../src/index.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { useMockArm } from "../helpers/mock.js";

const base =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const opResult = `${base}/devops/default/operationResults/{operationResultId}`;
const { subscriptionId, resourceGroupName, securityConnectorName } = DEFAULT_SCOPE;

let mock: MockArm;
useMockArm((m) => (mock = m));

/** Calls client.path with raw arguments, bypassing the compile-time types as untyped callers (JS) would. */
function callPath(template: string, ...values: unknown[]) {
  const path = mockClient(mock).path as unknown as (t: string, ...v: unknown[]) => { get(): Promise<unknown> };
  return () => path(template, ...values).get();
}

function expectRefused(call: () => unknown, parameter: string, rule: RegExp) {
  let thrown: unknown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  expect(isInvalidParameterError(thrown), `expected InvalidParameterError, got ${String(thrown)}`).toBe(true);
  const error = thrown as { parameter: string; rule: string; message: string };
  expect(error.parameter).toBe(parameter);
  expect(error.rule).toMatch(rule);
  expect(error.message).toContain(parameter);
  expect(mock.requests).toHaveLength(0);
}

describe("bad path arguments are refused before any request, naming the parameter and the rule", () => {
  it.each([
    ["a missing subscriptionId", [undefined, resourceGroupName, securityConnectorName, "op"], "subscriptionId", /non-empty string/],
    ["an empty subscriptionId", ["", resourceGroupName, securityConnectorName, "op"], "subscriptionId", /empty/],
    ["an empty operationResultId", [subscriptionId, resourceGroupName, securityConnectorName, ""], "operationResultId", /empty/],
    ["a resourceGroupName of 91 characters", [subscriptionId, "r".repeat(91), securityConnectorName, "op"], "resourceGroupName", /at most 90/],
    ["a resourceGroupName with a slash", [subscriptionId, "rg/other", securityConnectorName, "op"], "resourceGroupName", /pattern/],
    ["a resourceGroupName with a space", [subscriptionId, "my rg", securityConnectorName, "op"], "resourceGroupName", /pattern/],
    ["a numeric securityConnectorName", [subscriptionId, resourceGroupName, 42, "op"], "securityConnectorName", /string/],
    ["an object as operationResultId", [subscriptionId, resourceGroupName, securityConnectorName, { value: "x" }], "operationResultId", /string/],
    ["'..' as operationResultId", [subscriptionId, resourceGroupName, securityConnectorName, ".."], "operationResultId", /"\.\."/],
    ["'.' as securityConnectorName", [subscriptionId, resourceGroupName, ".", "op"], "securityConnectorName", /"\."/],
    ["a lone surrogate", [subscriptionId, resourceGroupName, securityConnectorName, "op\uD800"], "operationResultId", /Unicode/],
  ])("refuses %s", (_, values, parameter, rule) => {
    expectRefused(callPath(opResult, ...values), parameter, rule);
  });

  it.each([
    ["bad/rg", /^must match the pattern \/\^\[-\\p\{L\}\\p\{N\}_/],
    ["rg.", /^must not end with a period$/],
    ["..", /^must not be "\." or "\.\."$/],
    ["é".repeat(91), /^must be at most 90 characters long$/],
    ["rg name", /pattern/],
    ["rg😀", /pattern/],
  ])("refuses the resourceGroupName %j, naming ARM's rule", (value, rule) => {
    expectRefused(callPath(opResult, subscriptionId, value, securityConnectorName, "op"), "resourceGroupName", rule);
  });

  it("refuses a resourceGroupName with a trailing period in pollOperationResult's ids too", async () => {
    const { pollOperationResult } = await import("../../src/index.js");
    expectRefused(
      () => pollOperationResult(mockClient(mock), { subscriptionId, resourceGroupName: "rg.", securityConnectorName, operationResultId: "op" }),
      "target.resourceGroupName",
      /must not end with a period/,
    );
  });

  it("refuses too few path arguments instead of sending a literal {operationResultId}", () => {
    expectRefused(callPath(opResult, subscriptionId, resourceGroupName, securityConnectorName), "path", /takes 4 path parameters/);
  });

  it("refuses a template that is not one of the API's paths", () => {
    expectRefused(callPath("/subscriptions/{subscriptionId}/providers/Other", subscriptionId), "path", /path templates/);
  });

  it("refuses an empty api-version override when the client is created", () => {
    expect(() => createClient(mock.credential, { endpoint: mock.endpoint, apiVersion: "" })).toThrow(/apiVersion/);
  });

  it("refuses an endpoint that is not an absolute http(s) URL", () => {
    expect(() => createClient(mock.credential, { endpoint: "management.azure.com" })).toThrow(/endpoint/);
  });
});

describe("resource group names as ARM accepts them", () => {
  it.each(["Instruktører", "東京-rg", "rg_(prod).v2", "Группа-1", "٣-rg", "a".repeat(90)])(
    "sends the resourceGroupName %j, percent-encoded as one segment",
    async (name) => {
      await callPath(opResult, subscriptionId, name, securityConnectorName, "op")();
      const sent = mock.requests.at(-1)!;
      expect(sent.path).toContain(`/resourceGroups/${encodeURIComponent(name)}/providers/`);
      expect(decodeURIComponent(sent.path.split("/")[4]!)).toBe(name);
    },
  );
});

describe("whatever strings the parameters hold, the request stays on the intended path", () => {
  const templates = Object.keys(pathParameters) as Array<keyof typeof pathParameters>;
  // Strings full of the characters that could move a request: separators, dots, escapes, unicode look-alikes.
  const tricky = fc.oneof(
    fc.string({ unit: fc.constantFrom("/", "\\", "?", "#", "%", ".", "2", "F", "e", "&", "=", " ", "$", "+", ";", "a") }),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(".", "..", "%2F", "%2e%2e", "..%2F", "%00", "\u2024\u2024", "\uFF0F", "a/../b", "./", "?api-version=1", "#frag"),
  );

  it("sends each value as exactly one decoded segment, with api-version as the only query parameter", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...templates), fc.array(tricky, { minLength: 7, maxLength: 7 }), async (template, pool) => {
        const rules = pathParameters[template];
        // Keep subscriptionId and resourceGroupName valid (their rules are tested above); fuzz the free-form ones.
        const values = rules.map((rule, i) =>
          rule.name === "subscriptionId" ? subscriptionId : rule.name === "resourceGroupName" ? resourceGroupName : pool[i]!,
        );
        const before = mock.requests.length;
        let refused = false;
        try {
          await callPath(template, ...values)();
        } catch (e) {
          if (!isInvalidParameterError(e)) throw e;
          refused = true;
        }
        if (refused) {
          expect(mock.requests.length).toBe(before);
          return;
        }
        const sent = mock.requests.at(-1)!;
        const segments = sent.path.split("/").slice(1).map(decodeURIComponent);
        const templateSegments = template.split("/").slice(1);
        expect(segments.length).toBe(templateSegments.length);
        let next = 0;
        templateSegments.forEach((segment, i) => {
          expect(segments[i]).toBe(segment.startsWith("{") ? values[next++] : segment);
        });
        expect(Object.keys(sent.query)).toEqual(["api-version"]);
        expect(sent.query["api-version"]).toBe("2024-04-01");
      }),
      { numRuns: 150 },
    );
  });
});
