// Type rules of the generated models, parameters and responses that users rely on.
import { describe, expectTypeOf, it } from "vitest";
import type * as G from "../../src/generated/index.js";
import { paths, scope } from "./paths.js";

declare const client: G.SecurityDevOpsClient;

describe("request bodies", () => {
  it("requires a body on PUT and PATCH, as the spec marks the body parameter required", () => {
    // @ts-expect-error -- body is required
    void client.path(paths.azureDevOpsOrg, ...scope, "org").put();
    // @ts-expect-error -- body is required
    void client.path(paths.configuration, ...scope).patch({});
    void client.path(paths.configuration, ...scope).put({ body: { properties: { autoDiscovery: "Enabled" } } });
  });

  it("leaves read-only properties out of input models and keeps the secret authorization code", () => {
    const body: G.DevOpsConfiguration = { properties: { authorization: { code: "oauth-code" } } };
    expectTypeOf(body).not.toHaveProperty("id");
    expectTypeOf<G.DevOpsConfiguration>().not.toHaveProperty("systemData");
    expectTypeOf<G.DevOpsConfigurationProperties>().not.toHaveProperty("provisioningStatusMessage");
    // @ts-expect-error -- id is read-only, so users cannot send it
    const withId: G.DevOpsConfiguration = { id: "/subscriptions/x" };
    void withId;
  });


  it("takes no path arguments other than strings, in template order", () => {
    // @ts-expect-error -- operationResultId is missing
    void client.path(paths.operationResult, ...scope);
    // @ts-expect-error -- path parameters are strings
    void client.path(paths.operationResult, ...scope, 42);
  });
});

// The literal members of T: what an editor offers as completions. `string & {}` is not a literal (string extends
// it), so it drops out; a type that has collapsed to plain `string` has none at all.
type KnownValues<T> = T extends string ? (string extends T ? never : T) : never;

describe("extensible enums", () => {
  it("accepts the known values, any other string the service may add, and a plain string variable", () => {
    expectTypeOf<"Enabled">().toExtend<G.AutoDiscovery>();
    expectTypeOf<"SomeFutureValue">().toExtend<G.AutoDiscovery>();
    expectTypeOf<string>().toExtend<G.AutoDiscovery>();
    const fromService: G.AutoDiscoveryOutput = "SomeFutureValue";
    const sent: G.DevOpsConfiguration = { properties: { autoDiscovery: fromService } };
    void sent;
  });

  it("keeps the known values in the type instead of collapsing it to string", () => {
    expectTypeOf<G.AutoDiscovery>().not.toEqualTypeOf<string>();
    expectTypeOf<KnownValues<G.AutoDiscovery>>().toEqualTypeOf<"Disabled" | "Enabled" | "NotApplicable">();
    expectTypeOf<KnownValues<G.ActionableRemediationStateOutput>>().toEqualTypeOf<"None" | "Disabled" | "Enabled">();
    expectTypeOf<KnownValues<G.DevOpsConfigurationOutput["properties"]>>().toEqualTypeOf<never>(); // not an enum
  });

  it("keeps known values in every extensible enum the API declares, input and output", () => {
    type Enums = [
      G.DevOpsProvisioningState,
      G.OnboardingState,
      G.ActionableRemediationState,
      G.RuleCategory,
      G.AnnotateDefaultBranchState,
      G.InheritFromParentState,
      G.AutoDiscovery,
      G.CreatedByTypeOutput,
      G.DevOpsProvisioningStateOutput,
      G.OnboardingStateOutput,
      G.ActionableRemediationStateOutput,
      G.RuleCategoryOutput,
      G.AnnotateDefaultBranchStateOutput,
      G.InheritFromParentStateOutput,
      G.AutoDiscoveryOutput,
    ];
    // Each entry true when the enum has literal members and still takes any string.
    type Guides = { [K in keyof Enums]: [KnownValues<Enums[K]>] extends [never] ? false : string extends Enums[K] ? true : false };
    expectTypeOf<Guides[number]>().toEqualTypeOf<true>();
  });
});

describe("response models", () => {
  it("keeps read-only properties in output models and drops the secret code", () => {
    expectTypeOf<G.DevOpsConfigurationOutput>().toHaveProperty("systemData");
    expectTypeOf<G.DevOpsConfigurationOutput>().toHaveProperty("id");
    expectTypeOf<G.DevOpsConfigurationPropertiesOutput>().toHaveProperty("provisioningStatusMessage");
    // @ts-expect-error -- the service never returns the secret code
    const returned: G.AuthorizationOutput = { code: "oauth-code" };
    void returned;
  });

  it("types date-times as strings and the operation status as a free string", () => {
    expectTypeOf<G.OperationStatusResultOutput["startTime"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<G.OperationStatusResultOutput["status"]>().toEqualTypeOf<string>();
  });

  it("types a provisioning state the enum does not list (Accepted) as valid", () => {
    const state: G.DevOpsProvisioningStateOutput = "Accepted";
    expectTypeOf(state).toExtend<string>();
  });
});

describe("default (error) responses", () => {
  it("never type a documented success code as the default response's status", () => {
    expectTypeOf<"200">().not.toExtend<G.DevOpsOperationResultsGetDefaultResponse["status"]>();
    expectTypeOf<"404">().toExtend<G.DevOpsOperationResultsGetDefaultResponse["status"]>();
    expectTypeOf<"202" | "204">().not.toExtend<G.DevOpsConfigurationsDeleteDefaultResponse["status"]>();
    expectTypeOf<"201">().toExtend<G.DevOpsConfigurationsDeleteDefaultResponse["status"]>();
    // @ts-expect-error -- "200" is the success status, not the error's
    const status: G.DevOpsOperationResultsGetDefaultResponse["status"] = "200";
    void status;
  });

  it("keep success responses apart from the default response even when bodies overlap", () => {
    expectTypeOf<G.DevOpsOperationResultsGet200Response>().not.toExtend<G.DevOpsOperationResultsGetDefaultResponse>();
    expectTypeOf<G.DevOpsConfigurationsDelete204Response>().not.toExtend<G.DevOpsConfigurationsDeleteDefaultResponse>();
  });
});

describe("operations table", () => {
  it("types every path of the operations table as a template with path-parameter rules", () => {
    expectTypeOf<G.OperationSpec["path"]>().toEqualTypeOf<G.PathTemplate>();
    expectTypeOf<G.PathParameterRule>().toHaveProperty("pattern");
  });
});
