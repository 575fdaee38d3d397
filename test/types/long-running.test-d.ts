// getLongRunningPoller accepts the responses of the long-running operations' requests only, and its poller resolves
// with that operation's result: the resource for a PUT or PATCH, undefined for the DELETE. Every response here comes
// from a real client.path(...) call, as users get them. (The swagger marks 9 operations long-running — 4 PUT,
// 4 PATCH, 1 DELETE — where the issue and the README say 10.)
import { describe, expectTypeOf, it } from "vitest";
import { getLongRunningPoller, isUnexpected, operations, type LroInitialResponse, type LroResult } from "../../src/index.js";
import type * as G from "../../src/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;

/** The type the poller of `initial` resolves with. */
const resultOf = <R extends LroInitialResponse>(initial: R) => getLongRunningPoller(client, initial).pollUntilDone();

describe("getLongRunningPoller accepts each of the 9 long-running operations and resolves with its result", () => {
  it("AzureDevOpsOrgs_CreateOrUpdate and _Update resolve with the organization", async () => {
    const org = client.path(paths.azureDevOpsOrg, ...scope, "org");
    expectTypeOf(resultOf(await org.put({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsOrgOutput>();
    expectTypeOf(resultOf(await org.patch({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsOrgOutput>();
  });

  it("AzureDevOpsProjects_CreateOrUpdate and _Update resolve with the project", async () => {
    const project = client.path(paths.azureDevOpsProject, ...scope, "org", "project");
    expectTypeOf(resultOf(await project.put({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsProjectOutput>();
    expectTypeOf(resultOf(await project.patch({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsProjectOutput>();
  });

  it("AzureDevOpsRepos_CreateOrUpdate and _Update resolve with the repository", async () => {
    const repo = client.path(paths.azureDevOpsRepo, ...scope, "org", "project", "repo");
    expectTypeOf(resultOf(await repo.put({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsRepositoryOutput>();
    expectTypeOf(resultOf(await repo.patch({ body: {} }))).resolves.toEqualTypeOf<G.AzureDevOpsRepositoryOutput>();
  });

  it("DevOpsConfigurations_CreateOrUpdate and _Update resolve with the configuration, _Delete with undefined", async () => {
    const configuration = client.path(paths.configuration, ...scope);
    expectTypeOf(resultOf(await configuration.put({ body: {} }))).resolves.toEqualTypeOf<G.DevOpsConfigurationOutput>();
    expectTypeOf(resultOf(await configuration.patch({ body: {} }))).resolves.toEqualTypeOf<G.DevOpsConfigurationOutput>();
    expectTypeOf(resultOf(await configuration.delete())).resolves.toEqualTypeOf<undefined>();
  });

  it("keeps the result once isUnexpected has narrowed the response, and for a single status", async () => {
    const initial = await client.path(paths.azureDevOpsOrg, ...scope, "org").put({ body: {} });
    if (isUnexpected(initial)) return;
    expectTypeOf(getLongRunningPoller(client, initial)).toEqualTypeOf<G.DevOpsPoller<G.AzureDevOpsOrgOutput>>();
    if (initial.status === "201") expectTypeOf(resultOf(initial)).resolves.toEqualTypeOf<G.AzureDevOpsOrgOutput>();
  });

  it("tells the organization's PUT from the project's, although their resources are assignable to each other", () => {
    expectTypeOf<G.AzureDevOpsOrgOutput>().toMatchTypeOf<G.AzureDevOpsProjectOutput>();
    expectTypeOf<LroResult<G.AzureDevOpsOrgsCreateOrUpdate201Response>>().toEqualTypeOf<G.AzureDevOpsOrgOutput>();
    expectTypeOf<LroResult<G.AzureDevOpsProjectsCreateOrUpdate201Response>>().toEqualTypeOf<G.AzureDevOpsProjectOutput>();
  });

  it("resolves every operation with the result its table entry names", () => {
    type Agrees = {
      [K in keyof G.LongRunningOperations]: LroResult<G.LongRunningOperations[K]["initial"]> extends G.LongRunningOperations[K]["result"]
        ? G.LongRunningOperations[K]["result"] extends LroResult<G.LongRunningOperations[K]["initial"]>
          ? true
          : false
        : false;
    };
    expectTypeOf<Agrees>().toEqualTypeOf<{ [K in keyof G.LongRunningOperations]: true }>();
  });

  it("the table holds exactly the operations the swagger marks long-running", () => {
    type MarkedLongRunning = Extract<(typeof operations)[number], { longRunning: object }>["operationId"];
    expectTypeOf<G.LongRunningOperationId>().toEqualTypeOf<MarkedLongRunning>();
    expectTypeOf<G.LongRunningOperationId>().toEqualTypeOf<
      | "AzureDevOpsOrgs_CreateOrUpdate"
      | "AzureDevOpsOrgs_Update"
      | "AzureDevOpsProjects_CreateOrUpdate"
      | "AzureDevOpsProjects_Update"
      | "AzureDevOpsRepos_CreateOrUpdate"
      | "AzureDevOpsRepos_Update"
      | "DevOpsConfigurations_CreateOrUpdate"
      | "DevOpsConfigurations_Update"
      | "DevOpsConfigurations_Delete"
    >();
  });
});

describe("getLongRunningPoller refuses what is not the initial response of a long-running operation", () => {
  it("refuses a GET response, as returned and once narrowed to its 200", async () => {
    const got = await client.path(paths.azureDevOpsOrg, ...scope, "org").get();
    // @ts-expect-error a GET's response (200 | default) is not a long-running operation's
    getLongRunningPoller(client, got);
    if (isUnexpected(got)) return;
    // @ts-expect-error the GET's 200 has the same status and body as the PUT's 200, but it answers a GET
    getLongRunningPoller(client, got);
  });

  it("refuses the responses of the configuration GET, an operation result, a list and a POST", async () => {
    // @ts-expect-error DevOpsConfigurations_Get
    getLongRunningPoller(client, await client.path(paths.configuration, ...scope).get());
    // @ts-expect-error DevOpsOperationResults_Get
    getLongRunningPoller(client, await client.path(paths.operationResult, ...scope, "op").get());
    // @ts-expect-error GitHubOwners_List
    getLongRunningPoller(client, await client.path(paths.gitHubOwners, ...scope).get());
    // @ts-expect-error GitHubOwners_ListAvailable (a POST, not long-running)
    getLongRunningPoller(client, await client.path(paths.listAvailableGitHubOwners, ...scope).post());
  });

  it("refuses an untyped pathUnchecked response and a GET response type given as the type argument", async () => {
    // @ts-expect-error nothing says which operation this answers
    getLongRunningPoller(client, await client.pathUnchecked("/any").put());
    // @ts-expect-error the type argument must be a long-running operation's response too
    getLongRunningPoller<G.DevOpsConfigurationsGet200Response>(client, undefined, { restoreFrom: "{}" });
  });
});

describe("the default (error) response of a long-running operation", () => {
  it("is accepted, as getLongRunningPoller throws its RestError, and adds nothing to the result", async () => {
    const initial = await client.path(paths.configuration, ...scope).put({ body: {} });
    expectTypeOf(initial).toMatchTypeOf<LroInitialResponse>();
    expectTypeOf<G.DevOpsConfigurationsCreateOrUpdateDefaultResponse>().toMatchTypeOf<LroInitialResponse>();
    expectTypeOf<LroResult<G.DevOpsConfigurationsCreateOrUpdateDefaultResponse>>().toBeNever();
    expectTypeOf(resultOf(initial)).resolves.toEqualTypeOf<G.DevOpsConfigurationOutput>();
  });

  it("of a GET is refused", () => {
    expectTypeOf<G.AzureDevOpsOrgsGetDefaultResponse>().not.toMatchTypeOf<LroInitialResponse>();
  });
});

describe("a resumed poller", () => {
  it("resolves with the result of the response type given as the type argument", () => {
    const resumed = getLongRunningPoller<G.DevOpsConfigurationsCreateOrUpdate201Response>(client, undefined, { restoreFrom: "{}" });
    expectTypeOf(resumed.pollUntilDone()).resolves.toEqualTypeOf<G.DevOpsConfigurationOutput>();
    const deleted = getLongRunningPoller<G.DevOpsConfigurationsDelete202Response>(client, undefined, { restoreFrom: "{}" });
    expectTypeOf(deleted.pollUntilDone()).resolves.toEqualTypeOf<undefined>();
  });
});
