// Where the specs live, relative to the repository root (this file is scripts/spec/paths.mjs).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const oursSpec = resolve(repoRoot, "swagger/securityConnectorsDevOps.json");
/** The upstream copy is optional: it sits outside the repository, in ../shared. */
export const upstreamSpec = resolve(
  repoRoot,
  "../shared/reference/azure-rest-api-specs/specification/security/" +
    "resource-manager/Microsoft.Security/stable/2024-04-01/securityConnectorsDevOps.json",
);
export const upstreamCommonTypes = resolve(
  repoRoot,
  "../shared/reference/azure-rest-api-specs/specification/" + "common-types/resource-management/v2/types.json",
);
