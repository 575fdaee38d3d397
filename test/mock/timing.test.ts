import { describe, expect, it } from "vitest";
import { DEFAULT_TIMING, type MockArm, type OperationPlan, startMockArm } from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { call, destroyAgent, type Reply } from "./http.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const delayHeaders = (reply: Reply) => [reply.headers["retry-after"], reply.headers["retry-after-ms"]];

/** The delay headers of an operation's first in-progress answer. */
async function firstPoll(on: MockArm, plan?: OperationPlan): Promise<Array<string | string[] | undefined>> {
  return delayHeaders(await call(on, on.addOperationResult(`op-${Math.random()}`, plan)));
}

describe("the delay the mock asks for", () => {
  it("is Retry-After: 1 with retry-after-ms: 10 by default, for pollers that read one and those that read the other", async () => {
    expect(DEFAULT_TIMING).toEqual({ retryAfter: "1", retryAfterMs: "10" });
    expect(await firstPoll(mock)).toEqual(["1", "10"]);
    expect(await firstPoll(mock, { outcome: "Failed" })).toEqual(["1", "10"]); // a plan silent on timing
  });

  it("is exactly what a plan sets when it sets either header: the other one is not sent", async () => {
    expect(await firstPoll(mock, { retryAfter: "0" })).toEqual(["0", undefined]);
    expect(await firstPoll(mock, { retryAfterMs: "250" })).toEqual([undefined, "250"]);
    expect(await firstPoll(mock, { retryAfter: null })).toEqual([undefined, undefined]);
    expect(await firstPoll(mock, { retryAfter: "2", retryAfterMs: null })).toEqual(["2", undefined]);
  });

  it("comes from the defaultPlan option for plans that leave it out, with the plan's other fields kept", async () => {
    const python = await startMockArm({ https: false, defaultPlan: { retryAfter: null, retryAfterMs: "10", steps: [30] } });
    try {
      expect(await firstPoll(python)).toEqual([undefined, "10"]);
      const url = python.addOperationResult("op-failed", { outcome: "Failed" });
      const replies = [await call(python, url), await call(python, url)];
      expect(replies.map((r) => [r.json.status, r.json.percentComplete, ...delayHeaders(r)])).toEqual([
        ["InProgress", 30, undefined, "10"],
        ["Failed", 30, undefined, undefined],
      ]);
      // A plan that sets timing wins over the default plan's.
      expect(await firstPoll(python, { retryAfter: "3" })).toEqual(["3", undefined]);
    } finally {
      destroyAgent(python);
      await python.close();
    }
  });
});
