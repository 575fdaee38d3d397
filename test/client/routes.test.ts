// The generated route matcher (routes.ts `routeOf`), which isUnexpected and the span names share, and the small
// operationId tables the span names read (operationIds.ts), checked against the table of every operation.
import { describe, expect, it } from "vitest";
import {
  longRunningOperationIds,
  pageableOperationIds,
  type OperationIdTable,
} from "../../src/generated/operationIds.js";
import { operations } from "../../src/generated/operations.js";
import { routeOf, routePrefix, routes } from "../../src/generated/routes.js";

const endpoint = "https://management.azure.com";
const connector = `${endpoint}/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c`;

describe("routeOf", () => {
  it("finds the template of a URL, ignoring case, the query and one trailing slash", () => {
    expect(routeOf(`${connector}/devops/default/gitHubOwners/contoso?api-version=2024-04-01`)).toBe(
      "/devops/default/gitHubOwners/{ownerName}",
    );
    expect(
      routeOf(`${connector.toUpperCase().replace("HTTPS://MANAGEMENT.AZURE.COM", endpoint)}/DEVOPS/DEFAULT/`),
    ).toBe("/devops/default");
  });

  it("matches a parameter to one raw segment: an encoded slash stays inside it", () => {
    expect(routeOf(`${connector}/devops/default/gitHubOwners/a%2Fb`)).toBe("/devops/default/gitHubOwners/{ownerName}");
    expect(routeOf(`${connector}/devops/default/gitHubOwners/a/b`)).toBeUndefined();
  });

  it("is undefined for a path of no template, an empty segment or a relative URL", () => {
    expect(routeOf(`${endpoint}/providers/Microsoft.Security/operations`)).toBeUndefined();
    expect(routeOf(`${connector}/devops/default/gitHubOwners//repos`)).toBeUndefined();
    expect(routeOf("/subscriptions/s/resourceGroups/rg")).toBeUndefined();
  });

  it("finds every template of the API from a URL made of it", () => {
    for (const rest of Object.keys(routes)) {
      const url = endpoint + (routePrefix + rest).replace(/\{\w+\}/g, "x");
      expect(routeOf(url), rest).toBe(rest);
    }
  });
});

describe("the operationId tables", () => {
  /** Every entry of `table` as "METHOD full-template operationId". */
  const entries = (table: OperationIdTable) =>
    Object.entries(table).flatMap(([rest, methods]) =>
      Object.entries(methods).map(([method, id]) => `${method} ${routePrefix + rest} ${id}`),
    );
  const expected = (marked: (op: (typeof operations)[number]) => boolean) =>
    operations.filter(marked).map((op) => `${op.method} ${op.path} ${op.operationId}`);

  it("name exactly the long-running operations", () => {
    expect(entries(longRunningOperationIds).sort()).toEqual(expected((op) => "longRunning" in op).sort());
    expect(entries(longRunningOperationIds)).toHaveLength(9);
  });

  it("name exactly the pageable operations", () => {
    expect(entries(pageableOperationIds).sort()).toEqual(expected((op) => "pageable" in op).sort());
  });
});
