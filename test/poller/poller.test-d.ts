import { describe, expectTypeOf, it } from "vitest";
import type { OperationState, PollerLike } from "@azure/core-lro";
import type { DevOpsConfigurationOutput } from "../../src/generated/outputModels.js";
import type {
  DevOpsConfigurationsCreateOrUpdate200Response,
  DevOpsConfigurationsCreateOrUpdate201Response,
  DevOpsConfigurationsCreateOrUpdateDefaultResponse,
  DevOpsConfigurationsDelete202Response,
  DevOpsConfigurationsDelete204Response,
  DevOpsConfigurationsDeleteDefaultResponse,
} from "../../src/generated/responses.js";
import type { Client } from "@azure-rest/core-client";
import type { RestError } from "@azure/core-rest-pipeline";
import { DevOpsOperationError } from "../../src/custom/errors/devOpsOperationError.js";
import { isDevOpsOperationError, isPollingError, type PollerError } from "../../src/custom/errors/guards.js";
import type { PollingError } from "../../src/custom/errors/pollingError.js";
import type { ArmErrorDetail } from "../../src/custom/errors/armErrorDetail.js";
import { toRestError, type ArmRestError } from "../../src/custom/errors/toRestError.js";
import { getLongRunningPoller } from "../../src/custom/poller/getLongRunningPoller.js";
import { pollOperationResult } from "../../src/custom/poller/pollOperationResult.js";
import type { OperationStatusResult } from "../../src/custom/poller/status.js";
import type { DevOpsOperationState, DevOpsPoller } from "../../src/custom/poller/types.js";

declare const client: Client;
declare const e: unknown;
declare const put: DevOpsConfigurationsCreateOrUpdate200Response | DevOpsConfigurationsCreateOrUpdate201Response | DevOpsConfigurationsCreateOrUpdateDefaultResponse;
declare const del: DevOpsConfigurationsDelete202Response | DevOpsConfigurationsDelete204Response | DevOpsConfigurationsDeleteDefaultResponse;
declare const put201: DevOpsConfigurationsCreateOrUpdate201Response;
declare const error: PollerError;
declare const response: DevOpsConfigurationsCreateOrUpdateDefaultResponse;

describe("poller types", () => {
  it("pollOperationResult resolves with the OperationStatusResult and is a core-lro PollerLike", () => {
    const poller = pollOperationResult(client, "https://x");
    expectTypeOf(poller).toMatchTypeOf<PollerLike<OperationState<OperationStatusResult>, OperationStatusResult>>();
    expectTypeOf(poller.pollUntilDone()).resolves.toEqualTypeOf<OperationStatusResult>();
    expectTypeOf(poller.operationState.percentComplete).toEqualTypeOf<number | undefined>();
    expectTypeOf(poller.operationState.error).toEqualTypeOf<DevOpsOperationError | undefined>();
    expectTypeOf(poller.onProgress).returns.toEqualTypeOf<() => void>();
    // For UIs: failed reads in a row, and the latest one's error.
    expectTypeOf(poller.operationState.transientFailures).toEqualTypeOf<number>();
    expectTypeOf(poller.operationState.lastTransientError).toEqualTypeOf<RestError | undefined>();
  });

  it("getLongRunningPoller resolves with the resource of a PUT and with undefined for a DELETE", () => {
    expectTypeOf(getLongRunningPoller(client, put)).toEqualTypeOf<DevOpsPoller<DevOpsConfigurationOutput>>();
    expectTypeOf(getLongRunningPoller(client, del).pollUntilDone()).resolves.toEqualTypeOf<undefined>();
  });

  it("getLongRunningPoller returns the poller itself, not a Promise of it", () => {
    expectTypeOf(getLongRunningPoller(client, put201).onProgress).toBeFunction();
    expectTypeOf<DevOpsOperationState<DevOpsConfigurationOutput>["status"]>().toEqualTypeOf<
      "notStarted" | "running" | "succeeded" | "failed" | "canceled"
    >();
  });
});

describe("error narrowing", () => {
  it("isDevOpsOperationError with a code narrows e.code to that code", () => {
    if (isDevOpsOperationError(e, "TokenExchangeFailed")) {
      expectTypeOf(e.code).toEqualTypeOf<"TokenExchangeFailed">();
      expectTypeOf(e.details).toEqualTypeOf<ArmErrorDetail[]>();
      expectTypeOf(e.operationResult).toEqualTypeOf<OperationStatusResult | undefined>();
    }
    if (isDevOpsOperationError(e)) {
      // Known codes complete in editors, yet any string is accepted.
      expectTypeOf<"TokenExchangeFailed">().toMatchTypeOf<typeof e.code>();
      expectTypeOf<"SomeFutureCode">().toMatchTypeOf<typeof e.code>();
      // An open string type cannot be narrowed by `===` (TS keeps `string & {}`): the guard above is the narrowing tool.
    }
    // @ts-expect-error the code must be a string
    isDevOpsOperationError(e, 42);
  });

  it("isPollingError with a reason narrows it; unknown reasons are refused", () => {
    if (isPollingError(e, "operationNotFound")) expectTypeOf(e.reason).toEqualTypeOf<"operationNotFound">();
    if (isPollingError(e, "statusReadFailed")) expectTypeOf(e.statusCode).toEqualTypeOf<number | undefined>();
    // @ts-expect-error not a PollingErrorReason
    isPollingError(e, "somethingElse");
  });

  it("the union a poller rejects with is discriminated by name", () => {
    switch (error.name) {
      case "DevOpsOperationError":
        expectTypeOf(error).toEqualTypeOf<DevOpsOperationError>();
        break;
      case "PollingError":
        expectTypeOf(error).toEqualTypeOf<PollingError>();
        break;
      case "RestError":
        expectTypeOf(error).toEqualTypeOf<ArmRestError>();
        expectTypeOf(error.details).toEqualTypeOf<ArmErrorDetail | undefined>();
        break;
      case "AbortError":
        expectTypeOf(error.message).toBeString();
        break;
      default:
        expectTypeOf(error).toBeNever();
    }
  });

  it("toRestError gives the status code and the parsed ErrorDetail", () => {
    const error = toRestError(response);
    expectTypeOf(error.statusCode).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.details).toEqualTypeOf<ArmErrorDetail | undefined>();
  });
});
