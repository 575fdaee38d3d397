import { describe, expect, it } from "vitest";
import { createPipelineRequest, createHttpHeaders } from "@azure/core-rest-pipeline";
import { DevOpsOperationError } from "../../src/custom/errors/devOpsOperationError.js";
import { isAbortError, isDevOpsOperationError, isPollingError } from "../../src/custom/errors/guards.js";
import { PollingError } from "../../src/custom/errors/pollingError.js";
import { isRestError, toRestError } from "../../src/custom/errors/toRestError.js";

const failed = (code?: string) =>
  new DevOpsOperationError({
    status: "Failed",
    error: code ? { code, message: "exchange failed", target: "t", details: [{ code: "Inner" }] } : undefined,
    operationResult: { status: "Failed" },
    operationResultId: "op-1",
    percentComplete: 50,
  });

describe("DevOpsOperationError", () => {
  it("carries the ARM error unflattened", () => {
    const e = failed("TokenExchangeFailed");
    expect(e).toMatchObject({
      name: "DevOpsOperationError",
      code: "TokenExchangeFailed",
      message: "exchange failed",
      target: "t",
      details: [{ code: "Inner" }],
      additionalInfo: [],
      status: "Failed",
      canceled: false,
      percentComplete: 50,
      operationResultId: "op-1",
      operationResult: { status: "Failed" },
    });
  });

  it("names a failure or cancellation without an error body with its own code", () => {
    expect(failed().code).toBe("OperationFailed");
    const canceled = new DevOpsOperationError({ status: "canceled", error: undefined, operationResult: undefined, operationResultId: undefined, percentComplete: undefined });
    expect([canceled.code, canceled.canceled]).toEqual(["OperationCanceled", true]);
  });
});

describe("guards", () => {
  it("recognise errors from another copy of the package by name", () => {
    // What a second bundled copy's error looks like to this copy: same name and fields, different class.
    const foreign = Object.assign(new Error("x"), { name: "DevOpsOperationError", code: "TokenExchangeFailed" });
    expect(foreign instanceof DevOpsOperationError).toBe(false);
    expect(isDevOpsOperationError(foreign)).toBe(true);
    expect(isDevOpsOperationError(foreign, "TokenExchangeFailed")).toBe(true);
    expect(isDevOpsOperationError(foreign, "OperationFailed")).toBe(false);
    const foreignPolling = Object.assign(new Error("x"), { name: "PollingError", reason: "operationNotFound" });
    expect(isPollingError(foreignPolling, "operationNotFound")).toBe(true);
  });

  it("do not mistake other errors or look-alike objects", () => {
    expect(isDevOpsOperationError(new Error("x"))).toBe(false);
    expect(isDevOpsOperationError({ name: "DevOpsOperationError", code: "x" })).toBe(false);
    expect(isDevOpsOperationError(Object.assign(new Error("x"), { name: "DevOpsOperationError" }))).toBe(false);
    expect(isPollingError(failed("x"))).toBe(false);
    expect(isPollingError(new PollingError("m", { reason: "untrustedUrl" }), "untrustedUrl")).toBe(true);
    expect(isAbortError(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
  });
});

describe("toRestError", () => {
  const request = createPipelineRequest({ url: "https://h/subscriptions/s?api-version=1&sig=secret", method: "GET" });

  it("carries the status code and the parsed ARM ErrorDetail", () => {
    const body = { error: { code: "ResourceNotFound", message: "gone", target: "x", details: [{ code: "D" }] } };
    const e = toRestError({ status: "404", headers: {}, body, request });
    expect(isRestError(e)).toBe(true);
    expect([e.name, e.statusCode, e.code, e.message]).toEqual(["RestError", 404, "ResourceNotFound", "gone"]);
    expect(e.details).toEqual({ code: "ResourceNotFound", message: "gone", target: "x", details: [{ code: "D" }] });
  });

  it("prefers the x-ms-error-code header to the body's code, as ARM documents", () => {
    const e = toRestError({ status: "409", headers: { "x-ms-error-code": "Conflict" }, body: { error: { code: "Other", message: "m" } }, request });
    expect(e.code).toBe("Conflict");
  });

  it("locates a failure without an error body by method and path, never the query", () => {
    const e = toRestError({ status: "502", headers: createHttpHeaders().toJSON(), body: "<html>bad gateway</html>", request });
    expect(e.details).toBeUndefined();
    expect(e.message).toBe("Unexpected status code: 502 (GET /subscriptions/s)");
  });
});
