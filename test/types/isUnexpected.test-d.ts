// isUnexpected must narrow both ways for every operation: to the default (error)
// response when true, and to exactly the documented success responses when false
// (never to `never`). One test per operation; the last test fails when an
// operation is added to the spec without a test here.
import { describe, expectTypeOf, it } from "vitest";
import { isUnexpected } from "../../src/generated/index.js";
import type * as G from "../../src/generated/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;

describe("isUnexpected narrowing, Azure DevOps operations", () => {
  it("AzureDevOpsOrgs_ListAvailable narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.listAvailableAzureDevOpsOrgs, ...scope).post();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsListAvailableDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsListAvailable200Response>();
  });
  it("AzureDevOpsOrgs_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsOrgs, ...scope).get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsList200Response>();
  });
  it("AzureDevOpsOrgs_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsOrg, ...scope, "org").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsGet200Response>();
  });
  it("AzureDevOpsOrgs_CreateOrUpdate narrows to default when unexpected and to 200 | 201 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsOrg, ...scope, "org").put({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsCreateOrUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        G.AzureDevOpsOrgsCreateOrUpdate200Response | G.AzureDevOpsOrgsCreateOrUpdate201Response
      >();
  });
  it("AzureDevOpsOrgs_Update narrows to default when unexpected and to 200 | 202 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsOrg, ...scope, "org").patch({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsUpdateDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsOrgsUpdate200Response | G.AzureDevOpsOrgsUpdate202Response>();
  });
  it("AzureDevOpsProjects_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsProjects, ...scope, "org").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsList200Response>();
  });
  it("AzureDevOpsProjects_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsProject, ...scope, "org", "project").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsGet200Response>();
  });
  it("AzureDevOpsProjects_CreateOrUpdate narrows to default when unexpected and to 200 | 201 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsProject, ...scope, "org", "project").put({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsCreateOrUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        G.AzureDevOpsProjectsCreateOrUpdate200Response | G.AzureDevOpsProjectsCreateOrUpdate201Response
      >();
  });
  it("AzureDevOpsProjects_Update narrows to default when unexpected and to 200 | 202 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsProject, ...scope, "org", "project").patch({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsProjectsUpdate200Response | G.AzureDevOpsProjectsUpdate202Response>();
  });
  it("AzureDevOpsRepos_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsRepos, ...scope, "org", "project").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposList200Response>();
  });
  it("AzureDevOpsRepos_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsRepo, ...scope, "org", "project", "repo").get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposGet200Response>();
  });
  it("AzureDevOpsRepos_CreateOrUpdate narrows to default when unexpected and to 200 | 201 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsRepo, ...scope, "org", "project", "repo").put({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposCreateOrUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        G.AzureDevOpsReposCreateOrUpdate200Response | G.AzureDevOpsReposCreateOrUpdate201Response
      >();
  });
  it("AzureDevOpsRepos_Update narrows to default when unexpected and to 200 | 202 otherwise", async () => {
    const r = await client.path(paths.azureDevOpsRepo, ...scope, "org", "project", "repo").patch({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposUpdateDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.AzureDevOpsReposUpdate200Response | G.AzureDevOpsReposUpdate202Response>();
  });
});

describe("isUnexpected narrowing, DevOps configuration and operation results", () => {
  it("DevOpsConfigurations_List narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.configurations, ...scope).get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsListDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsList200Response>();
  });
  it("DevOpsConfigurations_Get narrows to default when unexpected and to 200 otherwise", async () => {
    const r = await client.path(paths.configuration, ...scope).get();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsGetDefaultResponse>();
    else expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsGet200Response>();
  });
  it("DevOpsConfigurations_CreateOrUpdate narrows to default when unexpected and to 200 | 201 | 202 otherwise", async () => {
    const r = await client.path(paths.configuration, ...scope).put({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsCreateOrUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        | G.DevOpsConfigurationsCreateOrUpdate200Response
        | G.DevOpsConfigurationsCreateOrUpdate201Response
        | G.DevOpsConfigurationsCreateOrUpdate202Response
      >();
  });
  it("DevOpsConfigurations_Update narrows to default when unexpected and to 200 | 202 otherwise", async () => {
    const r = await client.path(paths.configuration, ...scope).patch({ body: {} });
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsUpdateDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        G.DevOpsConfigurationsUpdate200Response | G.DevOpsConfigurationsUpdate202Response
      >();
  });
  it("DevOpsConfigurations_Delete narrows to default when unexpected and to 200 | 202 | 204 otherwise", async () => {
    const r = await client.path(paths.configuration, ...scope).delete();
    if (isUnexpected(r)) expectTypeOf(r).toEqualTypeOf<G.DevOpsConfigurationsDeleteDefaultResponse>();
    else
      expectTypeOf(r).toEqualTypeOf<
        | G.DevOpsConfigurationsDelete200Response
        | G.DevOpsConfigurationsDelete202Response
        | G.DevOpsConfigurationsDelete204Response
      >();
  });
  it("DevOpsOperationResults_Get narrows to default when unexpected and to 200 otherwise, with the status body in the else branch", async () => {
    const r = await client.path(paths.operationResult, ...scope, "op-id").get();
    if (isUnexpected(r)) {
      expectTypeOf(r).toEqualTypeOf<G.DevOpsOperationResultsGetDefaultResponse>();
      expectTypeOf(r.body).toEqualTypeOf<G.ErrorResponseOutput>();
    } else {
      expectTypeOf(r).toEqualTypeOf<G.DevOpsOperationResultsGet200Response>();
      expectTypeOf(r.body).toEqualTypeOf<G.OperationStatusResultOutput>();
      expectTypeOf(r.body.status).toEqualTypeOf<string>();
    }
  });
});
