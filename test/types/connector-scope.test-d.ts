// client.connector(scope).path(template, ...ids): every template below the security connector is typed, with its
// remaining path parameters and the same resource (hence responses) as client.path with the full template.
import type { Client } from "@azure-rest/core-client";
import { describe, expectTypeOf, it } from "vitest";
import { isUnexpected, type OperationResultTarget } from "../../src/index.js";
import type * as G from "../../src/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;
const connector = client.connector({ subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "connector" });

type Prefix = typeof G.routePrefix;
/** The full templates' table, keyed by the template without the prefix: what the scoped table must equal. */
type FullByRelative = {
  [K in keyof G.RouteTemplates as K extends `${Prefix}${infer Rest}` ? Rest : never]: {
    pathParameters: G.RouteTemplates[K]["pathParameters"] extends [string, string, string, ...infer Rest] ? Rest : never;
    resource: G.RouteTemplates[K]["resource"];
  };
};

describe("the scoped templates", () => {
  it("are every template of the API without the connector's part, with the same resource and the remaining ids", () => {
    expectTypeOf<G.SecurityConnectorRouteTemplates>().toEqualTypeOf<FullByRelative>();
    expectTypeOf<keyof G.SecurityConnectorRouteTemplates>().toEqualTypeOf<keyof FullByRelative>();
  });

  it("type the scope as the prefix's three ids", () => {
    expectTypeOf<G.SecurityConnectorScope>().toEqualTypeOf<{ subscriptionId: string; resourceGroupName: string; securityConnectorName: string }>();
    expectTypeOf(client.connector).parameter(0).toEqualTypeOf<G.SecurityConnectorScope>();
    expectTypeOf(client.connector).returns.toEqualTypeOf<G.ConnectorScope>();
  });
});

describe("connector(scope).path returns what client.path returns, for every template", () => {
  it("the DevOps configurations and operation results", () => {
    expectTypeOf(connector.path("/devops")).toEqualTypeOf(client.path(paths.configurations, ...scope));
    expectTypeOf(connector.path("/devops/default")).toEqualTypeOf(client.path(paths.configuration, ...scope));
    expectTypeOf(connector.path("/devops/default/operationResults/{operationResultId}", "op")).toEqualTypeOf(
      client.path(paths.operationResult, ...scope, "op"),
    );
  });

  it("Azure DevOps", () => {
    expectTypeOf(connector.path("/devops/default/listAvailableAzureDevOpsOrgs")).toEqualTypeOf(client.path(paths.listAvailableAzureDevOpsOrgs, ...scope));
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs")).toEqualTypeOf(client.path(paths.azureDevOpsOrgs, ...scope));
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs/{orgName}", "o")).toEqualTypeOf(client.path(paths.azureDevOpsOrg, ...scope, "o"));
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs/{orgName}/projects", "o")).toEqualTypeOf(
      client.path(paths.azureDevOpsProjects, ...scope, "o"),
    );
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}", "o", "p")).toEqualTypeOf(
      client.path(paths.azureDevOpsProject, ...scope, "o", "p"),
    );
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos", "o", "p")).toEqualTypeOf(
      client.path(paths.azureDevOpsRepos, ...scope, "o", "p"),
    );
    expectTypeOf(connector.path("/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos/{repoName}", "o", "p", "r")).toEqualTypeOf(
      client.path(paths.azureDevOpsRepo, ...scope, "o", "p", "r"),
    );
  });

  it("GitHub", () => {
    expectTypeOf(connector.path("/devops/default/listAvailableGitHubOwners")).toEqualTypeOf(client.path(paths.listAvailableGitHubOwners, ...scope));
    expectTypeOf(connector.path("/devops/default/gitHubOwners")).toEqualTypeOf(client.path(paths.gitHubOwners, ...scope));
    expectTypeOf(connector.path("/devops/default/gitHubOwners/{ownerName}", "o")).toEqualTypeOf(client.path(paths.gitHubOwner, ...scope, "o"));
    expectTypeOf(connector.path("/devops/default/gitHubOwners/{ownerName}/repos", "o")).toEqualTypeOf(client.path(paths.gitHubRepos, ...scope, "o"));
    expectTypeOf(connector.path("/devops/default/gitHubOwners/{ownerName}/repos/{repoName}", "o", "r")).toEqualTypeOf(
      client.path(paths.gitHubRepo, ...scope, "o", "r"),
    );
  });

  it("GitLab", () => {
    expectTypeOf(connector.path("/devops/default/listAvailableGitLabGroups")).toEqualTypeOf(client.path(paths.listAvailableGitLabGroups, ...scope));
    expectTypeOf(connector.path("/devops/default/gitLabGroups")).toEqualTypeOf(client.path(paths.gitLabGroups, ...scope));
    expectTypeOf(connector.path("/devops/default/gitLabGroups/{groupFQName}", "g")).toEqualTypeOf(client.path(paths.gitLabGroup, ...scope, "g"));
    expectTypeOf(connector.path("/devops/default/gitLabGroups/{groupFQName}/listSubgroups", "g")).toEqualTypeOf(
      client.path(paths.gitLabSubgroups, ...scope, "g"),
    );
    expectTypeOf(connector.path("/devops/default/gitLabGroups/{groupFQName}/projects", "g")).toEqualTypeOf(client.path(paths.gitLabProjects, ...scope, "g"));
    expectTypeOf(connector.path("/devops/default/gitLabGroups/{groupFQName}/projects/{projectName}", "g", "p")).toEqualTypeOf(
      client.path(paths.gitLabProject, ...scope, "g", "p"),
    );
  });

  it("its responses narrow with isUnexpected like client.path's", async () => {
    const response = await connector.path("/devops/default/gitHubOwners/{ownerName}", "contoso").get();
    if (isUnexpected(response)) expectTypeOf(response).toEqualTypeOf<G.GitHubOwnersGetDefaultResponse>();
    else expectTypeOf(response.body).toEqualTypeOf<G.GitHubOwnerOutput>();
  });
});

describe("what connector and its path refuse", () => {
  it("refuses a scope without one of its ids, and takes any object that has them", () => {
    // @ts-expect-error securityConnectorName is missing
    client.connector({ subscriptionId: "sub", resourceGroupName: "rg" });
    // @ts-expect-error the ids are strings
    client.connector({ subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: 1 });
    const target: OperationResultTarget = { subscriptionId: "s", resourceGroupName: "r", securityConnectorName: "c", operationResultId: "o" };
    expectTypeOf(client.connector(target)).toEqualTypeOf<G.ConnectorScope>();
  });

  it("refuses a wrong number of ids", () => {
    // @ts-expect-error ownerName is missing
    connector.path("/devops/default/gitHubOwners/{ownerName}");
    // @ts-expect-error the configuration takes no id after the connector's
    connector.path("/devops/default", "extra");
  });

  it("reports a wrong template at the template argument", () => {
    connector.path(
      // @ts-expect-error not a template: gitHubOwner for gitHubOwners
      "/devops/default/gitHubOwner/{ownerName}",
      "contoso",
    );
    connector.path(
      // @ts-expect-error a full template: connector().path takes the part below the connector
      paths.gitHubOwner,
      "contoso",
    );
  });

  it("keeps the client a core-client Client", () => {
    expectTypeOf<G.SecurityDevOpsClient>().toMatchTypeOf<Client>();
  });
});
