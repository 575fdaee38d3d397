import { getClient, type Client, type HttpResponse } from "@azure-rest/core-client";
import { createHttpPoller, type OperationResponse, type OperationState } from "@azure/core-lro";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMING, type MockArm, type OperationPlan } from "../../src/testing/index.js";
import { call, destroyAgent, type Reply } from "./http.js";
import { devops } from "./paths.js";
import { useMockArm } from "../helpers/mock.js";

// The mock's long-running flows read by ARM clients that are not ours, so that the mock is checked against the
// contract rather than against our poller:
// 1. a raw client written from ARM's RPC ("Asynchronous Operations", "202 Accepted and Location Headers"), on
//    node:https — the test's own few lines, sharing nothing with src/;
// 2. @azure/core-lro's createHttpPoller over bare @azure-rest/core-client, wired the way generated RLC packages
//    wire it (what an RLC user has today).

let mock: MockArm;
let bare: Client;
useMockArm(
  (m) => {
    mock = m;
    bare = getClient(m.endpoint, m.credential, {
      apiVersion: "2024-04-01",
      credentials: { scopes: ["https://management.azure.com/.default"] },
      tlsOptions: { ca: m.certificate },
      retryOptions: { maxRetries: 0 },
    });
  },
  // Flows, not timing, are under test here: Retry-After 0 lets core-lro poll at its own 1 ms interval (the default
  // timing's Retry-After: 1 would add a second a poll); the one test of its timing below plans that explicitly.
  { beforeClose: destroyAgent, defaultPlan: { retryAfter: "0" } },
);

const ORG = devops("azureDevOpsOrgs", "contoso-ado");
const body = { properties: { actionableRemediation: { state: "Disabled" } } };
const TERMINAL = /^(succeeded|failed|canceled|cancelled)$/i;
const MAX_POLLS = 20;

/** The raw contract client: follows the initial answer as the RPC says, returning the last answer and the result. */
async function rawArmWait(initial: Reply, method: string, resource: string): Promise<{ last: Reply; result: unknown; ok: boolean }> {
  const asyncOperation = initial.headers["azure-asyncoperation"] as string | undefined;
  const location = initial.headers["location"] as string | undefined;
  if (asyncOperation) {
    // "When reading the operation resource entity, the status code should always be 200. The response payload
    // indicates if the async operation is still running or has completed."
    for (let i = 0; i < MAX_POLLS; i++) {
      const last = await call(mock, asyncOperation);
      expect(last.status, "an operation resource is read with 200").toBe(200);
      if (!TERMINAL.test(last.json.status)) continue;
      const ok = /^succeeded$/i.test(last.json.status);
      const result = ok && method !== "DELETE" ? (await call(mock, resource)).json : undefined;
      return { last, result, ok };
    }
  } else if (location) {
    // "If the operation is not complete, return 202 ... If the operation is complete, return the exact same response
    // that would have been returned had the operation been executed synchronously."
    for (let i = 0; i < MAX_POLLS; i++) {
      const last = await call(mock, location);
      if (last.status === 202) continue;
      return { last, result: last.json, ok: last.status >= 200 && last.status < 300 };
    }
  } else {
    // "PUT the resource to be created; and, then, poll at the resourceUri until the provisioningState enters a
    // terminal state."
    for (let i = 0; i < MAX_POLLS; i++) {
      const last = await call(mock, resource);
      const state = last.json.properties.provisioningState as string;
      if (TERMINAL.test(state)) return { last, result: last.json, ok: /^succeeded$/i.test(state) };
    }
  }
  throw new Error(`not finished after ${MAX_POLLS} polls`);
}

/** Starts an operation as planned: a PUT of the org, or a DELETE of the DevOps configuration (created first). */
async function startRaw(plan: OperationPlan, method: "PUT" | "DELETE" = "PUT", path = ORG): Promise<Reply> {
  if (method === "DELETE") {
    mock.planOperations({ sync: true });
    await call(mock, devops(), { method: "PUT", body: { properties: {} } });
  }
  mock.planOperations(plan);
  return call(mock, path, { method, body: method === "DELETE" ? undefined : body });
}

describe("a raw client written from ARM's contract", () => {
  it("reads a Location-mode PUT to the resource it would have got synchronously", async () => {
    const initial = await startRaw({ header: "Location", steps: [0, 50] });
    const { last, result, ok } = await rawArmWait(initial, "PUT", ORG);
    expect([ok, last.status]).toEqual([true, 200]);
    expect(result).toMatchObject({ name: "contoso-ado", properties: { provisioningState: "Succeeded" } });
  });

  it("reads a failed Location-mode PUT as an ARM error response, not as a 200", async () => {
    const initial = await startRaw({ header: "Location", steps: [10], outcome: "Failed" });
    const { last, ok } = await rawArmWait(initial, "PUT", ORG);
    expect(ok).toBe(false);
    expect(last.status).toBeGreaterThanOrEqual(400);
    expect(last.json.error).toMatchObject({ code: "TokenExchangeFailed", message: expect.any(String) });
  });

  it("reads a Location-mode DELETE to a 2xx, after which the resource is gone", async () => {
    const initial = await startRaw({ header: "Location", steps: [10] }, "DELETE", devops());
    expect(initial.status).toBe(202);
    const { ok } = await rawArmWait(initial, "DELETE", devops());
    expect(ok).toBe(true);
    expect((await call(mock, devops())).status).toBe(404);
  });

  it("reads an Azure-AsyncOperation PUT through the operation resource, then the resource", async () => {
    const initial = await startRaw({ steps: [0, 50] });
    const { last, result, ok } = await rawArmWait(initial, "PUT", ORG);
    expect([ok, last.json.status]).toEqual([true, "Succeeded"]);
    expect(result).toMatchObject({ properties: { provisioningState: "Succeeded" } });
  });

  it("reads a PUT that names no monitor by polling the resource's provisioningState", async () => {
    const initial = await startRaw({ header: "none", steps: [0, 50] });
    expect([initial.status, initial.json.properties.provisioningState]).toEqual([201, "Accepted"]);
    const { ok, result } = await rawArmWait(initial, "PUT", ORG);
    expect(ok).toBe(true);
    expect(result).toMatchObject({ properties: { provisioningState: "Succeeded" } });
    expect(mock.requests.filter((r) => r.method === "GET").every((r) => r.path === ORG)).toBe(true);
  });
});

/** The LRO adapter generated RLC packages contain (pollingHelper.ts), over the bare core-client. */
function corePoller(initial: HttpResponse) {
  const toLro = (response: HttpResponse): OperationResponse<HttpResponse> => ({
    flatResponse: response,
    rawResponse: { ...response, statusCode: Number.parseInt(response.status), body: response.body },
  });
  return createHttpPoller<HttpResponse, OperationState<HttpResponse>>(
    {
      sendInitialRequest: async () => toLro(initial),
      sendPollRequest: async (path, options) => toLro(await bare.pathUnchecked(path).get({ abortSignal: options?.abortSignal })),
    },
    { intervalInMs: 1 },
  );
}

async function startBare(plan: OperationPlan, method: "put" | "delete" = "put", path = ORG): Promise<HttpResponse> {
  if (method === "delete") {
    mock.planOperations({ sync: true });
    await bare.pathUnchecked(devops()).put({ body: { properties: {} } });
  }
  mock.planOperations(plan);
  return method === "put" ? bare.pathUnchecked(path).put({ body }) : bare.pathUnchecked(path).delete();
}

describe("@azure/core-lro's createHttpPoller over bare @azure-rest/core-client", () => {
  it("resolves a Location-mode PUT with the resource, not a status document", async () => {
    const result = await corePoller(await startBare({ header: "Location", steps: [0, 50] })).pollUntilDone();
    expect(result.status).toBe("200");
    expect(result.body).toMatchObject({ name: "contoso-ado", properties: { provisioningState: "Succeeded" } });
    expect((result.body as { status?: unknown }).status).toBeUndefined();
  });

  it("rejects a failed Location-mode PUT instead of resolving it as a success", async () => {
    const poller = corePoller(await startBare({ header: "Location", steps: [10], outcome: "Failed" }));
    await expect(poller.pollUntilDone()).rejects.toThrow();
    expect(poller.operationState?.status).toBe("failed");
  });

  it("resolves a Location-mode DELETE once the monitor answers 2xx", async () => {
    const poller = corePoller(await startBare({ header: "Location", steps: [10] }, "delete", devops()));
    await poller.pollUntilDone();
    expect(poller.operationState?.status).toBe("succeeded");
    expect((await bare.pathUnchecked(devops()).get()).status).toBe("404");
  });

  it("follows Azure-AsyncOperation and Operation-Location to Succeeded and reads the resource", async () => {
    for (const header of ["Azure-AsyncOperation", "Operation-Location"] as const) {
      const result = await corePoller(await startBare({ header, steps: [0] })).pollUntilDone();
      expect(result.body).toMatchObject({ name: "contoso-ado", properties: { provisioningState: "Succeeded" } });
    }
  });

  it("reads lowercase statuses, Cancelled and a 202-empty monitor as the contract says", async () => {
    const canceled = corePoller(
      await startBare({ steps: [0], emptyWhileRunning: true, inProgressStatus: "inprogress", outcome: "Canceled", terminalStatus: "Cancelled" }),
    );
    await expect(canceled.pollUntilDone()).rejects.toThrow(/cancel/i);
    expect(canceled.operationState?.status).toBe("canceled");
  });

  it("polls a PUT that names no monitor at the resource until its provisioningState is terminal", async () => {
    const result = await corePoller(await startBare({ header: "none", steps: [0, 50] })).pollUntilDone();
    expect(result.body).toMatchObject({ properties: { provisioningState: "Succeeded" } });
  });

  it("waits the mock's default Retry-After: 1 between polls, not its own 2 s interval (it reads no retry-after-ms)", async () => {
    const initial = await startBare({ ...DEFAULT_TIMING, steps: [0, 0] });
    const poller = createHttpPoller<HttpResponse, OperationState<HttpResponse>>({
      sendInitialRequest: async () => ({ flatResponse: initial, rawResponse: { ...initial, statusCode: Number(initial.status), body: initial.body } }),
      sendPollRequest: async (path) => {
        const response = await bare.pathUnchecked(path).get();
        return { flatResponse: response, rawResponse: { ...response, statusCode: Number(response.status), body: response.body } };
      },
    }); // no intervalInMs: core-lro's default, 2 s
    await poller.pollUntilDone();
    const polls = mock.requests.filter((r) => r.path.includes("/operationResults/")).map((r) => r.at);
    expect(polls).toHaveLength(3);
    const gaps = polls.slice(1).map((at, i) => at - polls[i]!);
    // Each wait is the second asked for: at least 1 s, and short of core-lro's own 2 s even on a loaded machine.
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(990);
      expect(gap).toBeLessThan(1_900);
    }
  });
});
