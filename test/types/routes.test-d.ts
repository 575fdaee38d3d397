// client.path(template, ...ids): one generic signature over RouteTemplates. A template that is not the API's is
// reported at the template argument (the @ts-expect-error lines below sit right above it, inside the call), and
// every template keeps its own path parameters and resource type.
import type { Client } from "@azure-rest/core-client";
import { describe, expectTypeOf, it } from "vitest";
import type * as G from "../../src/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;

describe("client.path", () => {
  it("returns each template's own resource", () => {
    expectTypeOf(client.path(paths.gitHubOwner, ...scope, "o")).toEqualTypeOf<G.GitHubOwnersGet>();
    expectTypeOf(client.path(paths.configuration, ...scope)).toEqualTypeOf<G.DevOpsConfigurationsGet>();
    expectTypeOf(client.path(paths.azureDevOpsRepo, ...scope, "o", "p", "r")).toEqualTypeOf<G.AzureDevOpsReposGet>();
    expectTypeOf<G.RouteTemplates[typeof paths.gitLabProject]["pathParameters"]>().toEqualTypeOf<
      [subscriptionId: string, resourceGroupName: string, securityConnectorName: string, groupFQName: string, projectName: string]
    >();
  });

  it("has one template per path of the API", () => {
    expectTypeOf<keyof G.RouteTemplates>().toEqualTypeOf<G.PathTemplate>();
  });

  it("reports a misspelt template at the template argument", () => {
    client.path(
      // @ts-expect-error gitHubOwner for gitHubOwners
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwner/{ownerName}",
      ...scope,
      "contoso",
    );
    client.path(
      // @ts-expect-error a template relative to the connector belongs to client.connector(scope).path
      "/devops/default/gitHubOwners/{ownerName}",
      "contoso",
    );
  });

  it("refuses a wrong number of ids and a non-string id", () => {
    // @ts-expect-error ownerName is missing
    client.path(paths.gitHubOwner, ...scope);
    // @ts-expect-error one id too many
    client.path(paths.gitHubOwners, ...scope, "extra");
    // @ts-expect-error ids are strings
    client.path(paths.gitHubOwner, ...scope, 42);
  });

  it("keeps the generated and the created client core-client Clients", () => {
    expectTypeOf<G.SecurityDevOpsClient>().toMatchTypeOf<Client>();
    expectTypeOf<typeof client.path>().toMatchTypeOf<Client["path"]>();
  });
});
