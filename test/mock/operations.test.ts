import { describe, expect, it } from "vitest";
import { type MockArm, type OperationPlan } from "../../src/testing/index.js";
import { call, destroyAgent, type Reply } from "./http.js";
import { devops } from "./paths.js";
import { useMockArm } from "../helpers/mock.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const ORG = devops("azureDevOpsOrgs", "contoso-ado");
const body = { properties: { actionableRemediation: { state: "Disabled" } } };

/** Polls a status URL until a terminal status, at most `max` times; returns every reply. */
async function pollAll(url: string, max = 10): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < max; i++) {
    const reply = await call(mock, url);
    replies.push(reply);
    if (reply.status === 200 && ["Succeeded", "Failed", "Canceled"].includes(reply.json?.status)) break;
  }
  return replies;
}

async function startPut(plan: OperationPlan): Promise<Reply> {
  mock.planOperations(plan);
  return call(mock, ORG, { method: "PUT", body });
}

describe("long-running operations", () => {
  it("progress 0→25→50→75→100 with Retry-After on every in-progress answer, then succeed", async () => {
    const put = await startPut({ steps: [0, 25, 50, 75], retryAfter: "1" });
    expect(put.status).toBe(201);
    expect(put.json.properties.provisioningState).toBe("Accepted");
    expect(put.headers["retry-after"]).toBe("1");
    expect(put.headers["location"]).toBeUndefined();
    const url = put.headers["azure-asyncoperation"] as string;
    expect(url).toMatch(
      new RegExp(`^${mock.endpoint}${devops("operationResults")}/[0-9a-f-]{36}\\?api-version=2024-04-01$`),
    );
    expect((await call(mock, ORG)).json.properties.provisioningState).toBe("Accepted");

    const replies = await pollAll(url);
    expect(replies.map((r) => r.json.percentComplete)).toEqual([0, 25, 50, 75, 100]);
    expect(replies.map((r) => r.json.status)).toEqual([
      "InProgress",
      "InProgress",
      "InProgress",
      "InProgress",
      "Succeeded",
    ]);
    expect(replies.slice(0, 4).every((r) => r.headers["retry-after"] === "1")).toBe(true);
    expect(replies[0]?.json.operations).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: "InProgress" })]),
    );
    const last = replies[4]?.json;
    expect(last).toMatchObject({ name: url.split("/").pop()?.split("?")[0], startTime: expect.any(String) });
    expect(last.endTime).toEqual(expect.any(String));
    expect(last.error).toBeUndefined();
    expect((await call(mock, ORG)).json.properties.provisioningState).toBe("Succeeded");
    expect(mock.pollCount(last.name)).toBe(5);
  });

  it("stays terminal once finished", async () => {
    const put = await startPut({ steps: [] });
    const url = put.headers["azure-asyncoperation"] as string;
    const first = await call(mock, url);
    const again = await call(mock, url);
    expect([first.json.status, again.json.status]).toEqual(["Succeeded", "Succeeded"]);
    expect(again.json.endTime).toBe(first.json.endTime);
  });

  it("ends Failed with the default TokenExchangeFailed error and marks the resource Failed", async () => {
    const put = await startPut({ outcome: "Failed", steps: [10] });
    const replies = await pollAll(put.headers["azure-asyncoperation"] as string);
    const last = replies.at(-1)?.json;
    expect(last.status).toBe("Failed");
    expect(last.error).toMatchObject({
      code: "TokenExchangeFailed",
      message: expect.any(String),
      target: expect.any(String),
    });
    expect(last.error.details).toHaveLength(1);
    expect(last.error.additionalInfo).toHaveLength(1);
    expect((await call(mock, ORG)).json.properties.provisioningState).toBe("Failed");
  });

  it("ends Canceled with the planned error, status text and no Retry-After when retryAfter is null", async () => {
    const error = { code: "UserCanceled", message: "Stopped by the user." };
    const put = await startPut({ outcome: "Canceled", error, retryAfter: null, inProgressStatus: "Running" });
    expect(put.headers["retry-after"]).toBeUndefined();
    const replies = await pollAll(put.headers["azure-asyncoperation"] as string);
    expect(replies.map((r) => r.json.status)).toEqual(["Running", "Running", "Canceled"]);
    expect(replies.every((r) => r.headers["retry-after"] === undefined)).toBe(true);
    expect(replies.at(-1)?.json.error).toEqual(error);
    expect((await call(mock, ORG)).json.properties.provisioningState).toBe("Canceled");
  });

  it("in Location mode answers 202 without a body while running and 200 with the result at the end", async () => {
    const put = await startPut({ header: "Location", steps: [0, 50] });
    expect(put.headers["azure-asyncoperation"]).toBeUndefined();
    const url = put.headers["location"] as string;
    const replies = await pollAll(url);
    expect(replies.map((r) => r.status)).toEqual([202, 202, 200]);
    expect(replies[0]?.text).toBe("");
    expect(replies[0]?.headers["retry-after"]).toBe("0");
    expect(replies[2]?.json).toMatchObject({ status: "Succeeded", percentComplete: 100 });
  });

  it("sends both headers, pointing at one status URL, when asked for both", async () => {
    const put = await startPut({ header: "both" });
    expect(put.headers["location"]).toBe(put.headers["azure-asyncoperation"]);
  });

  it("answers synchronously with 200 and the finished resource when the plan is sync", async () => {
    const put = await startPut({ sync: true });
    expect(put.status).toBe(200);
    expect(put.headers["azure-asyncoperation"]).toBeUndefined();
    expect(put.json.properties.provisioningState).toBe("Succeeded");
  });

  it("uses plans in order, then the default plan", async () => {
    mock.planOperations({ sync: true }, { header: "Location" });
    const a = await call(mock, ORG, { method: "PATCH", body });
    const b = await call(mock, ORG, { method: "PATCH", body });
    const c = await call(mock, ORG, { method: "PATCH", body });
    expect([a.status, b.status, c.status]).toEqual([200, 202, 202]);
    expect([b.headers["location"] !== undefined, c.headers["azure-asyncoperation"] !== undefined]).toEqual([
      true,
      true,
    ]);
  });

  it("deletes the DevOps configuration with 202 and removes it when the operation succeeds", async () => {
    mock.planOperations({ sync: true });
    await call(mock, devops(), { method: "PUT", body: { properties: {} } });
    const del = await call(mock, devops(), { method: "DELETE" });
    expect([del.status, del.text]).toEqual([202, ""]);
    expect((await call(mock, devops())).json.properties.provisioningState).toBe("PendingDeletion");
    await pollAll(del.headers["azure-asyncoperation"] as string);
    expect((await call(mock, devops())).status).toBe(404);
    expect((await call(mock, devops(), { method: "DELETE" })).status).toBe(204);
  });

  it("serves operations registered directly, counting each poll", async () => {
    const url = mock.addOperationResult("manual-op", { steps: [5, 6, 7] });
    expect(url).toBe(mock.operationResultUrl("manual-op"));
    const replies = await pollAll(url);
    expect(replies.map((r) => r.json.percentComplete)).toEqual([5, 6, 7, 100]);
    expect(mock.pollCount("manual-op")).toBe(4);
    expect(mock.pollCount("unknown-op")).toBe(0);
  });

  it("answers 404 ResourceNotFound for an unknown operation id", async () => {
    const reply = await call(mock, devops("operationResults", "no-such-op"));
    expect([reply.status, reply.json.error.code]).toEqual([404, "ResourceNotFound"]);
  });
});
