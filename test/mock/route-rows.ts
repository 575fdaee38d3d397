import { expect } from "vitest";
import type { MockArm } from "../../src/testing/index.js";
import { call } from "./http.js";
import { connector, devops } from "./paths.js";

// One request per operation of the API, against the seeded inventory; shared by the route and swagger tests.

/** Onboards the DevOps configuration synchronously, for rows that need it. */
async function onboard(mock: MockArm): Promise<void> {
  mock.planOperations({ sync: true });
  expect(
    (await call(mock, devops(), { method: "PUT", body: { properties: { autoDiscovery: "Enabled" } } })).status,
  ).toBe(200);
}

export interface Row {
  op: string;
  method: string;
  path: string;
  body?: unknown;
  setup?: (mock: MockArm) => Promise<void> | void;
  status: number;
  /** How many items a list answers with, and whether it has a nextLink. */
  list?: { count: number; next: boolean };
  /** For single resources: the ARM type; the id is checked against the decoded path. */
  type?: string;
}

const T = "Microsoft.Security/securityConnectors/devops";
const props = { properties: { onboardingState: "Onboarded" } };
export const ROWS: Row[] = [
  {
    op: "AzureDevOpsOrgs_ListAvailable",
    method: "POST",
    path: devops("listAvailableAzureDevOpsOrgs"),
    status: 200,
    list: { count: 3, next: false },
  },
  {
    op: "AzureDevOpsOrgs_List",
    method: "GET",
    path: devops("azureDevOpsOrgs"),
    status: 200,
    list: { count: 2, next: true },
  },
  {
    op: "AzureDevOpsOrgs_Get",
    method: "GET",
    path: devops("azureDevOpsOrgs", "contoso-ado"),
    status: 200,
    type: `${T}/azureDevOpsOrgs`,
  },
  {
    op: "AzureDevOpsOrgs_CreateOrUpdate",
    method: "PUT",
    path: devops("azureDevOpsOrgs", "new-org"),
    body: props,
    status: 201,
    type: `${T}/azureDevOpsOrgs`,
  },
  {
    op: "AzureDevOpsOrgs_Update",
    method: "PATCH",
    path: devops("azureDevOpsOrgs", "contoso-ado"),
    body: props,
    status: 202,
    type: `${T}/azureDevOpsOrgs`,
  },
  {
    op: "AzureDevOpsProjects_List",
    method: "GET",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects"),
    status: 200,
    list: { count: 2, next: false },
  },
  {
    op: "AzureDevOpsProjects_Get",
    method: "GET",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments"),
    status: 200,
    type: `${T}/azureDevOpsOrgs/projects`,
  },
  {
    op: "AzureDevOpsProjects_CreateOrUpdate",
    method: "PUT",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "new"),
    body: props,
    status: 201,
    type: `${T}/azureDevOpsOrgs/projects`,
  },
  {
    op: "AzureDevOpsProjects_Update",
    method: "PATCH",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments"),
    body: props,
    status: 202,
    type: `${T}/azureDevOpsOrgs/projects`,
  },
  {
    op: "AzureDevOpsRepos_List",
    method: "GET",
    path: devops("azureDevOpsOrgs", "northwind-ado", "projects", "logistics", "repos"),
    status: 200,
    list: { count: 2, next: true },
  },
  {
    op: "AzureDevOpsRepos_Get",
    method: "GET",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments", "repos", "payments-api"),
    status: 200,
    type: `${T}/azureDevOpsOrgs/projects/repos`,
  },
  {
    op: "AzureDevOpsRepos_CreateOrUpdate",
    method: "PUT",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments", "repos", "new"),
    body: props,
    status: 201,
    type: `${T}/azureDevOpsOrgs/projects/repos`,
  },
  {
    op: "AzureDevOpsRepos_Update",
    method: "PATCH",
    path: devops("azureDevOpsOrgs", "contoso-ado", "projects", "payments", "repos", "payments-ui"),
    body: props,
    status: 202,
    type: `${T}/azureDevOpsOrgs/projects/repos`,
  },
  {
    op: "DevOpsConfigurations_List",
    method: "GET",
    path: `${connector()}/devops`,
    setup: onboard,
    status: 200,
    list: { count: 1, next: false },
  },
  { op: "DevOpsConfigurations_Get", method: "GET", path: devops(), setup: onboard, status: 200, type: T },
  {
    op: "DevOpsConfigurations_CreateOrUpdate",
    method: "PUT",
    path: devops(),
    body: { properties: { autoDiscovery: "Disabled" } },
    status: 201,
    type: T,
  },
  {
    op: "DevOpsConfigurations_Update",
    method: "PATCH",
    path: devops(),
    body: { properties: { autoDiscovery: "Disabled" } },
    setup: onboard,
    status: 202,
    type: T,
  },
  { op: "DevOpsConfigurations_Delete", method: "DELETE", path: devops(), setup: onboard, status: 202 },
  {
    op: "GitHubOwners_ListAvailable",
    method: "POST",
    path: devops("listAvailableGitHubOwners"),
    status: 200,
    list: { count: 5, next: false },
  },
  { op: "GitHubOwners_List", method: "GET", path: devops("gitHubOwners"), status: 200, list: { count: 2, next: true } },
  {
    op: "GitHubOwners_Get",
    method: "GET",
    path: devops("gitHubOwners", "fabrikam"),
    status: 200,
    type: `${T}/gitHubOwners`,
  },
  {
    op: "GitHubRepos_List",
    method: "GET",
    path: devops("gitHubOwners", "contoso", "repos"),
    status: 200,
    list: { count: 2, next: true },
  },
  {
    op: "GitHubRepos_Get",
    method: "GET",
    path: devops("gitHubOwners", "contoso", "repos", "contoso-api"),
    status: 200,
    type: `${T}/gitHubOwners/repos`,
  },
  {
    op: "GitLabGroups_ListAvailable",
    method: "POST",
    path: devops("listAvailableGitLabGroups"),
    status: 200,
    list: { count: 3, next: false },
  },
  { op: "GitLabGroups_List", method: "GET", path: devops("gitLabGroups"), status: 200, list: { count: 2, next: true } },
  {
    op: "GitLabGroups_Get",
    method: "GET",
    path: devops("gitLabGroups", "contoso-group$platform"),
    status: 200,
    type: `${T}/gitLabGroups`,
  },
  {
    op: "GitLabSubgroups_List",
    method: "POST",
    path: devops("gitLabGroups", "contoso-group", "listSubgroups"),
    status: 200,
    list: { count: 1, next: false },
  },
  {
    op: "GitLabProjects_List",
    method: "GET",
    path: devops("gitLabGroups", "contoso-group$platform", "projects"),
    status: 200,
    list: { count: 2, next: false },
  },
  {
    op: "GitLabProjects_Get",
    method: "GET",
    path: devops("gitLabGroups", "contoso-group", "projects", "portal"),
    status: 200,
    type: `${T}/gitLabGroups/projects`,
  },
  {
    op: "DevOpsOperationResults_Get",
    method: "GET",
    path: devops("operationResults", "op-1"),
    status: 200,
    setup: (mock) => void mock.addOperationResult("op-1"),
  },
];
