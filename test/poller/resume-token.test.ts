import { describe, expect, it } from "vitest";
import { decodeResumeToken, encodeResumeToken } from "../../src/custom/poller/resumeToken.js";

const LRO = ["azure-async-operation", "location", "done"] as const;

describe("resume tokens", () => {
  it("round-trips a token of an accepted kind", () => {
    const token = { v: 1, kind: "location", url: "https://h/x", method: "DELETE", resourceUrl: "https://h/r" } as const;
    expect(decodeResumeToken(encodeResumeToken(token), LRO, "getLongRunningPoller")).toEqual(token);
  });

  it("refuses a token of another kind, naming both", () => {
    const text = encodeResumeToken({ v: 1, kind: "operation-result", url: "/x" });
    expect(() => decodeResumeToken(text, LRO, "getLongRunningPoller")).toThrow(
      'options.restoreFrom holds a "operation-result" token, but getLongRunningPoller resumes only "azure-async-operation" or "location" or "done" tokens',
    );
  });

  it("refuses another version, naming both", () => {
    expect(() => decodeResumeToken('{"v":2,"kind":"done"}', LRO, "x")).toThrow(
      "options.restoreFrom has version 2; this package reads version 1 tokens",
    );
  });

  it("refuses core-lro's own serialize() output and other foreign strings", () => {
    expect(() => decodeResumeToken('{"state":{"status":"running"}}', LRO, "x")).toThrow(/version undefined/);
    expect(() => decodeResumeToken("not json", LRO, "x")).toThrow(/not JSON/);
    expect(() => decodeResumeToken("[1]", LRO, "x")).toThrow(/version/);
  });

  it("refuses a token with missing or ill-typed fields", () => {
    expect(() => decodeResumeToken('{"v":1,"kind":"location","url":"/x","method":"PUT"}', LRO, "x")).toThrow(
      /lacks a string "resourceUrl"/,
    );
    expect(() =>
      decodeResumeToken('{"v":1,"kind":"done","method":"GET","resourceUrl":"/x","status":"succeeded"}', LRO, "x"),
    ).toThrow(/method "GET"/);
    expect(() =>
      decodeResumeToken('{"v":1,"kind":"done","method":"PUT","resourceUrl":"/x","status":"running"}', LRO, "x"),
    ).toThrow(/status "running"/);
  });
});
