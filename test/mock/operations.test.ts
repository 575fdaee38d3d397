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

  it("in Location mode names its own monitor, which answers 202 without a body while running and then the resource", async () => {
    const put = await startPut({ header: "Location", steps: [0, 50] });
    expect(put.headers["azure-asyncoperation"]).toBeUndefined();
    const url = put.headers["location"] as string;
    // Not the spec's operationResults path (which only ever answers 200 with an OperationStatusResult).
    expect(url).toMatch(
      new RegExp(`^${mock.endpoint}/subscriptions/[^/]+/providers/Microsoft.Security/locations/westeurope/operationResults/[0-9a-f-]{36}\\?api-version=2024-04-01$`),
    );
    const replies = [await call(mock, url), await call(mock, url), await call(mock, url), await call(mock, url)];
    expect(replies.map((r) => r.status)).toEqual([202, 202, 200, 200]);
    expect(replies[0]?.text).toBe("");
    // The default timing, on the Location monitor's 202 as on an operation resource's answer.
    expect([replies[0]?.headers["retry-after"], replies[0]?.headers["retry-after-ms"]]).toEqual(["1", "10"]);
    expect(replies[0]?.headers["location"]).toBe(url);
    // What the PUT would have answered synchronously: the resource, Succeeded.
    expect(replies[2]?.json).toMatchObject({ name: "contoso-ado", properties: { provisioningState: "Succeeded" } });
    expect(replies[2]?.json.status).toBeUndefined();
  });

  it("in Location mode answers a failed operation with the ARM error response, 400 for Failed and 409 for Canceled", async () => {
    const failed = await startPut({ header: "Location", steps: [], outcome: "Failed" });
    const reply = await call(mock, failed.headers["location"] as string);
    expect(reply.status).toBe(400);
    expect(reply.headers["x-ms-error-code"]).toBe("TokenExchangeFailed");
    expect(reply.json.error).toMatchObject({ code: "TokenExchangeFailed", target: "properties.authorization.code" });
    const canceled = await startPut({ header: "Location", steps: [], outcome: "Canceled" });
    const second = await call(mock, canceled.headers["location"] as string);
    expect([second.status, second.json.error.code]).toEqual([409, "OperationCanceled"]);
  });

  it("in Location mode ends a DELETE with the 200 a synchronous DELETE answers", async () => {
    mock.planOperations({ sync: true }, { header: "Location", steps: [10] });
    await call(mock, devops(), { method: "PUT", body: { properties: {} } });
    const del = await call(mock, devops(), { method: "DELETE" });
    const url = del.headers["location"] as string;
    expect((await call(mock, url)).status).toBe(202);
    const last = await call(mock, url);
    expect([last.status, last.text]).toEqual([200, ""]);
    expect((await call(mock, devops())).status).toBe(404);
  });

  it("sends both headers, Azure-AsyncOperation at the operation resource and Location at the Location monitor", async () => {
    const put = await startPut({ header: "both" });
    expect(put.headers["azure-asyncoperation"]).toMatch(/\/devops\/default\/operationResults\//);
    expect(put.headers["location"]).toMatch(/\/locations\/westeurope\/operationResults\//);
  });

  it("names the operation resource in Operation-Location when asked", async () => {
    const put = await startPut({ header: "Operation-Location", steps: [] });
    expect(put.headers["azure-asyncoperation"]).toBeUndefined();
    const replies = await pollAll(put.headers["operation-location"] as string);
    expect(replies.map((r) => r.json.status)).toEqual(["Succeeded"]);
  });

  it("without a header, answers the PUT 201 with Accepted and advances the operation on each GET of the resource", async () => {
    const put = await startPut({ header: "none", steps: [0, 50] });
    expect(put.status).toBe(201);
    expect(Object.keys(put.headers).filter((h) => /location|asyncoperation/i.test(h))).toEqual([]);
    expect(put.json.properties.provisioningState).toBe("Accepted");
    const states = [];
    for (let i = 0; i < 4; i++) states.push((await call(mock, ORG)).json.properties.provisioningState);
    expect(states).toEqual(["Accepted", "Accepted", "Succeeded", "Succeeded"]);
    mock.planOperations({ header: "none", steps: [], outcome: "Failed" });
    const patch = await call(mock, ORG, { method: "PATCH", body });
    expect(patch.status).toBe(200);
    expect((await call(mock, ORG)).json.properties).toMatchObject({ provisioningState: "Failed", provisioningStatusMessage: expect.any(String) });
  });

  it("spells statuses as planned, sends retry-after-ms, and can answer 202 empty while running", async () => {
    const put = await startPut({ steps: [5], inProgressStatus: "inprogress", terminalStatus: "Cancelled", outcome: "Canceled", retryAfterMs: "250", emptyWhileRunning: true });
    expect(put.headers["retry-after-ms"]).toBe("250");
    const url = put.headers["azure-asyncoperation"] as string;
    const running = await call(mock, url);
    expect([running.status, running.text, running.headers["retry-after-ms"]]).toEqual([202, "", "250"]);
    const end = await call(mock, url);
    expect([end.status, end.json.status]).toEqual([200, "Cancelled"]);
    expect((await call(mock, ORG)).json.properties.provisioningState).toBe("Cancelled");
  });

  it("never finishes an operation planned so, answering in progress with the planned Retry-After on every poll", async () => {
    const url = mock.addOperationResult("forever", { steps: [7], neverFinishes: true, retryAfter: "0" });
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await call(mock, url));
    expect(replies.map((r) => [r.json.status, r.json.percentComplete, r.headers["retry-after"], r.headers["retry-after-ms"]])).toEqual(
      Array.from({ length: 6 }, () => ["InProgress", 7, "0", undefined]),
    );
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

  it("answers 404 on the Location monitor for an unknown operation or another subscription's", async () => {
    const put = await startPut({ header: "Location" });
    const url = put.headers["location"] as string;
    const unknown = await call(mock, url.replace(/operationResults\/[^?]+/, "operationResults/no-such-op"));
    const foreign = await call(mock, url.replace(/subscriptions\/[^/]+/, "subscriptions/00000000-0000-0000-0000-000000000000"));
    expect([unknown.status, foreign.status]).toEqual([404, 404]);
    expect(unknown.json.error.code).toBe("ResourceNotFound");
  });

  it("answers 404 ResourceNotFound for an unknown operation id", async () => {
    const reply = await call(mock, devops("operationResults", "no-such-op"));
    expect([reply.status, reply.json.error.code]).toEqual([404, "ResourceNotFound"]);
  });
});
