import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClient, isPollingError, pathParameters, pollOperationResult } from "../../src/index.js";
import { DEFAULT_SCOPE, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { failOnUnhandledRejections } from "./helpers.js";
import { useMockArm } from "../helpers/mock.js";
import { refusal } from "../helpers/refusal.js";

// Bad input that test/client/validation.test.ts does not already cover: every route × every parameter with
// non-string values, resourceGroupName rules on every route, per-request api-version overrides, and the ids given
// to pollOperationResult (which builds its URL itself, not through client.path).

let mock: MockArm;
let client: ReturnType<typeof mockClient>;
useMockArm((m) => {
  mock = m;
  client = mockClient(m);
});
failOnUnhandledRejections();

const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
const templates = Object.keys(pathParameters) as Array<keyof typeof pathParameters>;
type Rules = ReadonlyArray<{ readonly name: string }>;
const validValues = (rules: Rules) =>
  rules.map((r) =>
    r.name === "subscriptionId"
      ? sub
      : r.name === "resourceGroupName"
        ? rg
        : r.name === "securityConnectorName"
          ? name
          : "x",
  );
const untypedPath = (template: string, values: unknown[]) =>
  (client.path as unknown as (t: string, ...v: unknown[]) => Record<string, (o?: unknown) => Promise<unknown>>)(
    template,
    ...values,
  );

describe("non-string path values are refused on every route, naming the parameter", () => {
  const nonStrings: unknown[] = [42, null, undefined, ["x"], true, { toString: () => "x" }, Symbol("x")];
  it.each(templates)("%s", (template) => {
    const rules = pathParameters[template] as Rules;
    rules.forEach((rule, i) => {
      for (const bad of nonStrings) {
        const values: unknown[] = validValues(rules);
        values[i] = bad;
        const error = refusal(() => untypedPath(template, values));
        expect(error.parameter).toBe(rule.name);
        expect(error.rule).toBe("must be a non-empty string");
      }
    });
    expect(mock.requests).toHaveLength(0);
  });
});

describe("resourceGroupName's swagger rules hold on every route that has one", () => {
  const routes = templates.filter((t) => (pathParameters[t] as Rules).some((r) => r.name === "resourceGroupName"));
  const bad: Array<[string, RegExp]> = [
    ["r".repeat(91), /at most 90/],
    ["", /empty/],
    ["rg/x", /pattern/],
    ["rg?x", /pattern/],
    ["rg#x", /pattern/],
    ["rg%2Fx", /pattern/],
    ["rg x", /pattern/],
    ["rg\uFF0Fx", /pattern/], // a fullwidth solidus that looks like "/"
    ["rg😀", /pattern/], // not a letter or digit in any script
    ["rg.", /must not end with a period/],
    ["..", /must not be "\." or "\.\."/],
  ];
  it.each(routes)("%s", async (template) => {
    const rules = pathParameters[template] as Rules;
    const at = rules.findIndex((r) => r.name === "resourceGroupName");
    for (const [value, rule] of bad) {
      const values: unknown[] = validValues(rules);
      values[at] = value;
      expect(refusal(() => untypedPath(template, values))).toMatchObject({
        parameter: "resourceGroupName",
        rule: expect.stringMatching(rule),
      });
    }
    expect(mock.requests).toHaveLength(0);
    // The limit itself is allowed: 90 characters of every class the pattern admits reach the server, and so do
    // letters of any script, which ARM accepts although the swagger's ASCII-only \w would not.
    for (const good of ["a-b_c.d(e)".repeat(9), "grüße", "東京-rg"]) {
      const values: unknown[] = validValues(rules);
      values[at] = good;
      await untypedPath(template, values)["get"]?.();
    }
    expect(mock.requests).toHaveLength(3);
  });
});

describe("per-request api-version overrides", () => {
  const template =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners";
  const owners = () => untypedPath(template, [sub, rg, name]) as { get(o?: unknown): Promise<unknown> };

  it.each([
    ["an empty", ""],
    ["a whitespace-only", "  "],
    ["a numeric", 20240401],
  ])("refuses %s api-version override before any request, naming it", (_, value) => {
    const error = refusal(() => owners().get({ queryParameters: { "api-version": value } }));
    expect(error.parameter).toBe('queryParameters["api-version"]');
    expect(error.message).toMatch(/must be a non-empty string/);
    expect(mock.requests).toHaveLength(0);
  });

  it("sends a non-empty override as the only api-version", async () => {
    await owners().get({ queryParameters: { "api-version": "2024-04-01" } });
    expect(mock.requests.at(-1)!.url).toMatch(/\?api-version=2024-04-01$/);
  });

  it("refuses a whitespace-only apiVersion when the client is created", () => {
    expect(() => createClient(mock.credential, { endpoint: mock.endpoint, apiVersion: "   " })).toThrow(
      /options.apiVersion must be a non-empty string/,
    );
  });
});

describe("pollOperationResult's ids obey the same rules, before any request", () => {
  const ids = (patch: Record<string, string>) => ({
    subscriptionId: sub,
    resourceGroupName: rg,
    securityConnectorName: name,
    operationResultId: "op",
    ...patch,
  });

  it.each([
    [
      "an operationResultId of '..', which URL normalisation would turn into a GET of devops/default",
      { operationResultId: ".." },
      "target.operationResultId",
      /"\.\."/,
    ],
    ["an operationResultId of '.'", { operationResultId: "." }, "target.operationResultId", /"\."/],
    [
      "a resourceGroupName of 91 characters",
      { resourceGroupName: "r".repeat(91) },
      "target.resourceGroupName",
      /at most 90/,
    ],
    ["a resourceGroupName with a slash", { resourceGroupName: "rg/x" }, "target.resourceGroupName", /pattern/],
    ["a lone surrogate", { securityConnectorName: "c\uD800" }, "target.securityConnectorName", /Unicode/],
  ])("refuses %s", (_, patch, parameter, rule) => {
    expect(refusal(() => pollOperationResult(client, ids(patch)))).toMatchObject({
      parameter,
      rule: expect.stringMatching(rule),
    });
    expect(mock.requests).toHaveLength(0);
  });

  it("keeps any accepted ids on the operationResults path: one segment each, api-version the only query", async () => {
    const tricky = fc.oneof(
      fc.string({ unit: fc.constantFrom("/", "\\", "?", "#", "%", ".", "2", "F", "&", "=", " ", "a") }),
      fc.constantFrom(".", "..", "%2F", "..%2F", "a/../b", "\uFF0F", "?api-version=1", "#x"),
    );
    await fc.assert(
      fc.asyncProperty(tricky, tricky, async (connector, id) => {
        const before = mock.requests.length;
        let poller;
        try {
          poller = pollOperationResult(client, ids({ securityConnectorName: connector, operationResultId: id }), {
            intervalInMs: 1,
          });
        } catch (e) {
          // InvalidParameterError for a broken swagger rule; a plain TypeError for an empty id (checked first).
          if (!(e instanceof TypeError) || !/^target\.\w+ /.test(e.message)) throw e;
          expect(mock.requests.length).toBe(before);
          return;
        }
        const error = await poller.poll().catch((e: unknown) => e);
        expect(isPollingError(error, "operationNotFound"), String(error)).toBe(true); // the mock has no such operation
        const sent = mock.requests.at(-1)!;
        const segments = sent.path.split("/").map(decodeURIComponent);
        expect(segments).toEqual([
          "",
          "subscriptions",
          sub,
          "resourceGroups",
          rg,
          "providers",
          "Microsoft.Security",
          "securityConnectors",
          connector,
          "devops",
          "default",
          "operationResults",
          id,
        ]);
        expect(Object.keys(sent.query)).toEqual(["api-version"]);
      }),
      { numRuns: 100 },
    );
  });
});
