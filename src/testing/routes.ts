import type { Handler } from "./context.js";
import {
  getLocationMonitor,
  getOne,
  getOperationResult,
  listAvailable,
  listConfigurations,
  listPaged,
  listSubgroups,
} from "./read.js";
import { createOrUpdate, remove, update } from "./write.js";

export interface Route {
  operationId: string;
  method: string;
  /** Path template; `{name}` matches exactly one (decoded) segment, literals match case-insensitively as ARM does. */
  template: string;
  handle: Handler;
}

const CONNECTOR =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const D = `${CONNECTOR}/devops/default`;
const ADO_ORG = `${D}/azureDevOpsOrgs/{orgName}`;
const ADO_PROJECT = `${ADO_ORG}/projects/{projectName}`;
const GH_OWNER = `${D}/gitHubOwners/{ownerName}`;
const GL_GROUP = `${D}/gitLabGroups/{groupFQName}`;

const route = (operationId: string, method: string, template: string, handle: Handler): Route => ({
  operationId,
  method,
  template,
  handle,
});

/** All 30 operations of the 2024-04-01 DevOps API. */
export const ROUTES: readonly Route[] = [
  route("AzureDevOpsOrgs_ListAvailable", "POST", `${D}/listAvailableAzureDevOpsOrgs`, listAvailable("adoOrg")),
  route("AzureDevOpsOrgs_List", "GET", `${D}/azureDevOpsOrgs`, listPaged("adoOrg")),
  route("AzureDevOpsOrgs_Get", "GET", ADO_ORG, getOne("adoOrg")),
  route("AzureDevOpsOrgs_CreateOrUpdate", "PUT", ADO_ORG, createOrUpdate("adoOrg")),
  route("AzureDevOpsOrgs_Update", "PATCH", ADO_ORG, update("adoOrg")),
  route("AzureDevOpsProjects_List", "GET", `${ADO_ORG}/projects`, listPaged("adoProject")),
  route("AzureDevOpsProjects_Get", "GET", ADO_PROJECT, getOne("adoProject")),
  route("AzureDevOpsProjects_CreateOrUpdate", "PUT", ADO_PROJECT, createOrUpdate("adoProject")),
  route("AzureDevOpsProjects_Update", "PATCH", ADO_PROJECT, update("adoProject")),
  route("AzureDevOpsRepos_List", "GET", `${ADO_PROJECT}/repos`, listPaged("adoRepo")),
  route("AzureDevOpsRepos_Get", "GET", `${ADO_PROJECT}/repos/{repoName}`, getOne("adoRepo")),
  route("AzureDevOpsRepos_CreateOrUpdate", "PUT", `${ADO_PROJECT}/repos/{repoName}`, createOrUpdate("adoRepo")),
  route("AzureDevOpsRepos_Update", "PATCH", `${ADO_PROJECT}/repos/{repoName}`, update("adoRepo")),
  route("DevOpsConfigurations_List", "GET", `${CONNECTOR}/devops`, listConfigurations),
  route("DevOpsConfigurations_Get", "GET", D, getOne("devops")),
  route("DevOpsConfigurations_CreateOrUpdate", "PUT", D, createOrUpdate("devops")),
  route("DevOpsConfigurations_Update", "PATCH", D, update("devops")),
  route("DevOpsConfigurations_Delete", "DELETE", D, remove("devops")),
  route("GitHubOwners_ListAvailable", "POST", `${D}/listAvailableGitHubOwners`, listAvailable("ghOwner")),
  route("GitHubOwners_List", "GET", `${D}/gitHubOwners`, listPaged("ghOwner")),
  route("GitHubOwners_Get", "GET", GH_OWNER, getOne("ghOwner")),
  route("GitHubRepos_List", "GET", `${GH_OWNER}/repos`, listPaged("ghRepo")),
  route("GitHubRepos_Get", "GET", `${GH_OWNER}/repos/{repoName}`, getOne("ghRepo")),
  route("GitLabGroups_ListAvailable", "POST", `${D}/listAvailableGitLabGroups`, listAvailable("glGroup")),
  route("GitLabGroups_List", "GET", `${D}/gitLabGroups`, listPaged("glGroup")),
  route("GitLabGroups_Get", "GET", GL_GROUP, getOne("glGroup")),
  route("GitLabSubgroups_List", "POST", `${GL_GROUP}/listSubgroups`, listSubgroups),
  route("GitLabProjects_List", "GET", `${GL_GROUP}/projects`, listPaged("glProject")),
  route("GitLabProjects_Get", "GET", `${GL_GROUP}/projects/{projectName}`, getOne("glProject")),
  route("DevOpsOperationResults_Get", "GET", `${D}/operationResults/{operationResultId}`, getOperationResult),
];

/**
 * Paths that are the mock's own, not operations of the API: the Location monitor that a Location-mode operation
 * names, in the subscription-level form ARM documents for Location URLs.
 */
export const MONITOR_ROUTES: readonly Route[] = [
  route(
    "Mock_LocationMonitor",
    "GET",
    "/subscriptions/{subscriptionId}/providers/Microsoft.Security/locations/{location}/operationResults/{operationId}",
    getLocationMonitor,
  ),
];

const compiled = [...ROUTES, ...MONITOR_ROUTES].map((r) => ({ route: r, segments: r.template.split("/") }));

export type Match =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "method"; allowed: string[] }
  | { kind: "none" };

/** Finds the route for decoded path segments; "method" when the path exists but not with this method. */
export function matchRoute(method: string, segments: string[]): Match {
  const allowed: string[] = [];
  for (const { route: r, segments: template } of compiled) {
    const params = matchSegments(template, segments);
    if (!params) continue;
    if (r.method === method) return { kind: "route", route: r, params };
    allowed.push(r.method);
  }
  return allowed.length > 0 ? { kind: "method", allowed } : { kind: "none" };
}

function matchSegments(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] ?? "";
    const s = segments[i] ?? "";
    if (t.startsWith("{")) {
      if (s === "") return undefined;
      params[t.slice(1, -1)] = s;
    } else if (t.toLowerCase() !== s.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}
