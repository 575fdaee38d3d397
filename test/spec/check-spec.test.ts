import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareSpecs, type SpecDifference } from "../../scripts/spec/compare.mjs";
import { repoRoot, upstreamSpec } from "../../scripts/spec/paths.mjs";
import { swaggerDir, type Json } from "./spec-files.js";

const hasUpstream = existsSync(upstreamSpec);
if (!hasUpstream) console.warn(`[test/spec] upstream copy absent (${upstreamSpec}): comparison tests skipped.`);

const PREFIX =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security" +
  "/securityConnectors/{securityConnectorName}";
const at = (suffix: string) => `$.paths[${JSON.stringify(PREFIX + suffix)}]`;
const cli = resolve(repoRoot, "scripts/check-spec.mjs");

describe.skipIf(!hasUpstream)("check:spec against the upstream 2024-04-01 spec", () => {
  it("finds no difference in our swagger and compares all 30 operations and 42+7 schemas", () => {
    const result = compareSpecs(resolve(swaggerDir, "securityConnectorsDevOps.json"), upstreamSpec);
    expect(result.differences).toEqual([]);
    expect(result.operations).toBe(30);
    expect(result.schemas).toEqual({ local: 42, external: 7 });
  });

  describe("on a mutated copy of swagger/", () => {
    let dir = "";
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "check-spec-"));
      cpSync(swaggerDir, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const edit = (file: string, change: (doc: Json) => void) => {
      const full = join(dir, file);
      const doc = JSON.parse(readFileSync(full, "utf8"));
      change(doc);
      writeFileSync(full, JSON.stringify(doc, null, 2));
    };
    const main = (change: (doc: Json) => void) => edit("securityConnectorsDevOps.json", change);
    const op = (doc: Json, suffix: string, method: string) => doc.paths[PREFIX + suffix][method];
    const compare = (): SpecDifference[] =>
      compareSpecs(join(dir, "securityConnectorsDevOps.json"), upstreamSpec).differences;
    const paths = (diffs: SpecDifference[]) => diffs.map((d) => d.path);

    it("reports a changed resourceGroupName pattern at that parameter of every operation", () => {
      edit("common-types.json", (d) => {
        d.parameters.ResourceGroupNameParameter.pattern = "^[a-z]+$";
      });
      const diffs = compare();
      expect(diffs).toHaveLength(30);
      expect(diffs).toContainEqual({
        path: `${at("/devops/default")}.get.parameters["path:resourceGroupName"].pattern`,
        kind: "changed",
        ours: "^[a-z]+$",
        upstream: "^[-\\w\\._\\(\\)]+$",
      });
    });

    it("reports a dropped response code at that code as present only upstream", () => {
      main((d) => {
        delete op(d, "/devops/default/azureDevOpsOrgs/{orgName}", "put").responses["201"];
      });
      const diffs = compare();
      expect(paths(diffs)).toEqual([`${at("/devops/default/azureDevOpsOrgs/{orgName}")}.put.responses["201"]`]);
      expect(diffs[0]!.kind).toBe("only-upstream");
    });

    it("reports a readOnly flag turned off at the definition and at every operation using it", () => {
      main((d) => {
        d.definitions.GitHubOwnerProperties.properties.ownerUrl.readOnly = false;
      });
      const found = paths(compare());
      expect(found).toContain("$.definitions.GitHubOwnerProperties.properties.ownerUrl.readOnly");
      expect(found).toContain(
        `${at("/devops/default/gitHubOwners/{ownerName}")}.get.responses["200"].schema` +
          ".properties.properties.properties.ownerUrl.readOnly",
      );
    });

    it("reports a readOnly flag added where upstream has none as present only in ours", () => {
      main((d) => {
        d.definitions.AzureDevOpsProjectProperties.properties.parentOrgName.readOnly = true;
      });
      expect(compare()).toContainEqual({
        path: "$.definitions.AzureDevOpsProjectProperties.properties.parentOrgName.readOnly",
        kind: "only-ours",
        ours: true,
      });
    });

    it("reports a renamed operationId at the operation", () => {
      main((d) => {
        op(d, "/devops/default/operationResults/{operationResultId}", "get").operationId = "OperationResults_Get";
      });
      expect(compare()).toEqual([
        {
          path: `${at("/devops/default/operationResults/{operationResultId}")}.get.operationId`,
          kind: "changed",
          ours: "OperationResults_Get",
          upstream: "DevOpsOperationResults_Get",
        },
      ]);
    });

    it("reports an added query parameter under its in:name key", () => {
      main((d) => {
        op(d, "/devops", "get").parameters.push({ in: "query", name: "$top", type: "integer", required: false });
      });
      expect(paths(compare())).toEqual([`${at("/devops")}.get.parameters["query:$top"]`]);
    });

    it("reports an operation that loses its long-running options, and a path that disappears", () => {
      main((d) => {
        delete op(d, "/devops/default", "patch")["x-ms-long-running-operation-options"];
        delete d.paths[`${PREFIX}/devops/default/listAvailableGitLabGroups`];
      });
      expect(paths(compare()).sort()).toEqual(
        [
          `${at("/devops/default")}.patch["x-ms-long-running-operation-options"]`,
          `${at("/devops/default/listAvailableGitLabGroups")}`,
        ].sort(),
      );
    });

    it("reports a removed enum value and an enum that is no longer extensible", () => {
      main((d) => {
        d.definitions.RuleCategory.enum = d.definitions.RuleCategory.enum.filter((v: string) => v !== "IaC");
        d.definitions.AutoDiscovery["x-ms-enum"].modelAsExtensible = false;
      });
      const found = paths(compare());
      expect(found).toContain("$.definitions.RuleCategory.enum");
      expect(found).toContain('$.definitions.AutoDiscovery["x-ms-enum"].modelAsExtensible');
    });

    it("reports a recursive schema whose recursion now points elsewhere", () => {
      edit("common-types.json", (d) => {
        d.definitions.ErrorDetail.properties.details.items.$ref = "#/definitions/ErrorAdditionalInfo";
      });
      expect(paths(compare())).toContain("$.externalDefinitions.ErrorDetail.properties.details.items.$recursion");
    });

    it("treats parameters declared on the path like the same parameters on each operation", () => {
      main((d) => {
        const item = d.paths[`${PREFIX}/devops/default`];
        const shared = item.get.parameters.slice(0, 3);
        item.parameters = shared;
        for (const m of ["get", "put", "patch", "delete"]) item[m].parameters = item[m].parameters.slice(3);
      });
      expect(compare()).toEqual([]);
    });

    it("ignores documentation edits, renamed definitions and booleans spelled out at their default", () => {
      main((d) => {
        d.info.description = "changed";
        op(d, "/devops/default", "get").summary = "changed";
        d.definitions.Authorization.properties.code.description = "changed";
        d.definitions.GitLabGroupProperties.properties.url.readOnly = true;
        d.definitions.CategoryConfiguration.properties.minimumSeverityLevel.readOnly = false;
        d.parameters.OrgName.description = "changed";
      });
      const text = readFileSync(join(dir, "securityConnectorsDevOps.json"), "utf8")
        .replaceAll('"AzureDevOpsOrgProperties"', '"OrgBag"')
        .replaceAll('#/definitions/AzureDevOpsOrgProperties"', '#/definitions/OrgBag"');
      expect(text).toContain('"#/definitions/OrgBag"');
      writeFileSync(join(dir, "securityConnectorsDevOps.json"), text);
      expect(compare()).toEqual([]);
    });

    it("makes the CLI exit 1, print each difference with its path, and end with a summary line", () => {
      main((d) => {
        op(d, "/devops/default", "delete").responses["204"] = { description: "x", schema: { type: "string" } };
      });
      const run = spawnSync(process.execPath, [cli, join(dir, "securityConnectorsDevOps.json")], {
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stdout.trim().split("\n");
      expect(lines[0]).toBe(`${at("/devops/default")}.delete.responses["204"].schema: only in ours: {"type":"string"}`);
      expect(lines.at(-1)).toBe("check:spec: 30 operations, 42+7 schemas compared, 1 difference");
    });
  });
});

describe("check:spec without the upstream copy", () => {
  it("prints one line saying the check is skipped and exits 0", () => {
    const missing = join(tmpdir(), "no-such-dir", "securityConnectorsDevOps.json");
    const run = spawnSync(process.execPath, [cli, resolve(swaggerDir, "securityConnectorsDevOps.json"), missing], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`check:spec: upstream copy is absent (${missing}); check skipped.\n`);
  });
});
