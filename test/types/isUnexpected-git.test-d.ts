// isUnexpected narrowing for the GitHub and GitLab operations (see isUnexpected.test-d.ts).
import { describe, expectTypeOf, it } from "vitest";
import { isUnexpected, operations, type OperationId } from "../../src/generated/index.js";
import type * as G from "../../src/generated/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;

describe("isUnexpected narrowing, GitHub and GitLab operations", () => {
  it("GitHubOwners_ListAvailable narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.listAvailableGitHubOwners, ...scope).post();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersListAvailableDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersListAvailable200Response>();
  });
  it("GitHubOwners_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitHubOwners, ...scope).get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersList200Response>();
  });
  it("GitHubOwners_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitHubOwner, ...scope, "owner").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitHubOwnersGet200Response>();
  });
  it("GitHubRepos_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitHubRepos, ...scope, "owner").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitHubReposListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitHubReposList200Response>();
  });
  it("GitHubRepos_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitHubRepo, ...scope, "owner", "repo").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitHubReposGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitHubReposGet200Response>();
  });
  it("GitLabGroups_ListAvailable narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.listAvailableGitLabGroups, ...scope).post();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsListAvailableDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsListAvailable200Response>();
  });
  it("GitLabGroups_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitLabGroups, ...scope).get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsList200Response>();
  });
  it("GitLabGroups_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitLabGroup, ...scope, "group$sub").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabGroupsGet200Response>();
  });
  it("GitLabSubgroups_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitLabSubgroups, ...scope, "group").post();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabSubgroupsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabSubgroupsList200Response>();
  });
  it("GitLabProjects_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitLabProjects, ...scope, "group").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabProjectsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabProjectsList200Response>();
  });
  it("GitLabProjects_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.gitLabProject, ...scope, "group", "project").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.GitLabProjectsGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.GitLabProjectsGet200Response>();
  });
});

describe("narrowing coverage", () => {
  it("has a narrowing test for exactly the 30 operations of the operations table", () => {
    // Update both test files when this fails: an operation was added or removed.
    expectTypeOf<OperationId>().toEqualTypeOf<
      | "AzureDevOpsOrgs_ListAvailable"
      | "AzureDevOpsOrgs_List"
      | "AzureDevOpsOrgs_Get"
      | "AzureDevOpsOrgs_CreateOrUpdate"
      | "AzureDevOpsOrgs_Update"
      | "AzureDevOpsProjects_List"
      | "AzureDevOpsProjects_Get"
      | "AzureDevOpsProjects_CreateOrUpdate"
      | "AzureDevOpsProjects_Update"
      | "AzureDevOpsRepos_List"
      | "AzureDevOpsRepos_Get"
      | "AzureDevOpsRepos_CreateOrUpdate"
      | "AzureDevOpsRepos_Update"
      | "DevOpsConfigurations_List"
      | "DevOpsConfigurations_Get"
      | "DevOpsConfigurations_CreateOrUpdate"
      | "DevOpsConfigurations_Update"
      | "DevOpsConfigurations_Delete"
      | "GitHubOwners_ListAvailable"
      | "GitHubOwners_List"
      | "GitHubOwners_Get"
      | "GitHubRepos_List"
      | "GitHubRepos_Get"
      | "GitLabGroups_ListAvailable"
      | "GitLabGroups_List"
      | "GitLabGroups_Get"
      | "GitLabSubgroups_List"
      | "GitLabProjects_List"
      | "GitLabProjects_Get"
      | "DevOpsOperationResults_Get"
    >();
    expectTypeOf(operations).toHaveProperty("length").toEqualTypeOf<30>();
  });
});
