// Where the specs live, relative to the repository root (this file is scripts/spec/paths.mjs).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const oursSpec = resolve(repoRoot, "swagger/securityConnectorsDevOps.json");

/**
 * The upstream copy is optional: a checkout of Azure/azure-rest-api-specs outside the repository, in
 * ../shared/reference/azure-rest-api-specs, or wherever AZURE_REST_API_SPECS points (also how the test of the skip
 * hides it). Without it check:spec and the comparison tests are skipped, and say so.
 */
export const upstreamRoot = resolve(
  repoRoot,
  process.env.AZURE_REST_API_SPECS || "../shared/reference/azure-rest-api-specs",
);
export const upstreamSpec = resolve(
  upstreamRoot,
  "specification/security/resource-manager/Microsoft.Security/stable/2024-04-01/securityConnectorsDevOps.json",
);
export const upstreamCommonTypes = resolve(
  upstreamRoot,
  "specification/common-types/resource-management/v2/types.json",
);
