import { describe, expect, it } from "vitest";
import { classifyStatus, readOperationStatusResult } from "../../src/custom/poller/status.js";

describe("classifyStatus", () => {
  it.each([
    ["Succeeded", "succeeded"],
    ["succeeded", "succeeded"],
    ["SUCCEEDED", "succeeded"],
    ["Failed", "failed"],
    ["failed", "failed"],
    ["Canceled", "canceled"],
    ["canceled", "canceled"],
    ["Cancelled", "canceled"],
    ["CANCELLED", "canceled"],
    ["DeletionSuccess", "succeeded"],
    ["deletionfailure", "failed"],
    [" Succeeded ", "succeeded"],
  ])("treats %s as terminal (%s)", (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });

  it.each(["InProgress", "Accepted", "Running", "NotStarted", "Canceling", "FailedOver", "NotCanceled", "", "Deleting", "DeletionInProgress"])(
    "keeps polling on %j",
    (status) => {
      expect(classifyStatus(status)).toBe("running");
    },
  );
});

describe("readOperationStatusResult", () => {
  it("keeps the typed fields, nested operations and the error detail", () => {
    const result = readOperationStatusResult({
      id: "x",
      status: "Failed",
      percentComplete: 40,
      operations: [{ name: "Apply", status: "Failed", percentComplete: 40 }, { bogus: true }],
      error: { code: "TokenExchangeFailed", message: "m", details: [{ code: "Inner" }], additionalInfo: [{ type: "T", info: { a: 1 } }] },
      extra: "kept",
    });
    expect(result).toEqual({
      id: "x",
      status: "Failed",
      percentComplete: 40,
      operations: [{ name: "Apply", status: "Failed", percentComplete: 40 }],
      error: { code: "TokenExchangeFailed", message: "m", details: [{ code: "Inner" }], additionalInfo: [{ type: "T", info: { a: 1 } }] },
      extra: "kept",
    });
  });

  it("rejects a document without a string status", () => {
    expect(readOperationStatusResult({ percentComplete: 10 })).toBeUndefined();
    expect(readOperationStatusResult("<html>")).toBeUndefined();
    expect(readOperationStatusResult({ status: 3 })).toBeUndefined();
  });

  it("clamps percentComplete into 0..100 and drops non-numbers", () => {
    expect(readOperationStatusResult({ status: "x", percentComplete: 150 })?.percentComplete).toBe(100);
    expect(readOperationStatusResult({ status: "x", percentComplete: -3 })?.percentComplete).toBe(0);
    expect(readOperationStatusResult({ status: "x", percentComplete: "50" })).not.toHaveProperty("percentComplete");
  });
});
