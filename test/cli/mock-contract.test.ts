// `arm-security-devops mock` as another language's SDK meets it: a separate process, driven by curl (which shares no
// code with the package) through flows written from ARM's asynchronous-operation contract
// (/work/shared/notes/arm-async-contract.md), not from the mock's source.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { curl, type CurlReply, requestedWaitMs, sleep } from "./curl.js";
import { type MockProcess, type Ready, startMockProcess } from "./mock-process.js";

const TERMINAL = /^(succeeded|failed|canceled|cancelled)$/i;
const MAX_POLLS = 20;

let dir: string;
let scenarioFile: string;
let mock: MockProcess;
let ready: Ready;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "arm-mock-contract-"));
  scenarioFile = join(dir, "scenario.json");
  writeFileSync(scenarioFile, "{}");
  mock = await startMockProcess(["--scenario", scenarioFile]);
  ready = mock.ready;
});
afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => `${ready.connectorUrl}/devops/default${path}?api-version=${ready.apiVersion}`;
const orgBody = { properties: { actionableRemediation: { state: "Enabled" } } };

/** Replaces the scenario file whole: a temporary file renamed over it, as editors save and as tests should write. */
function writeScenario(scenario: unknown): void {
  const next = `${scenarioFile}.next`;
  writeFileSync(next, JSON.stringify(scenario));
  renameSync(next, scenarioFile);
}

/** Polls an Azure-AsyncOperation URL as the contract says: 200 always, the body's status tells; waits as asked. */
async function pollOperation(statusUrl: string): Promise<CurlReply[]> {
  const replies: CurlReply[] = [];
  for (let i = 0; i < MAX_POLLS; i++) {
    const reply = await curl(ready, statusUrl);
    replies.push(reply);
    expect(reply.status, "an operation resource is read with 200").toBe(200);
    if (TERMINAL.test(reply.json.status)) return replies;
    await sleep(requestedWaitMs(reply));
  }
  throw new Error(`still running after ${MAX_POLLS} polls`);
}

describe("arm-security-devops mock, driven by curl from the ARM contract", () => {
  it("prints, on one line of JSON, the endpoint, the PEM it wrote, the token and the environment to set", () => {
    expect(ready.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(ready.certificateFile, "utf8")).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(ready.env).toEqual({
      NODE_EXTRA_CA_CERTS: ready.certificateFile,
      ARM_SECURITY_DEVOPS_TOKEN: ready.token,
      REQUESTS_CA_BUNDLE: ready.certificateFile,
      SSL_CERT_FILE: ready.certificateFile,
    });
    expect(ready.cliArgs).toEqual(["--endpoint", ready.endpoint]);
    expect(ready.scenarioFile).toBe(scenarioFile);
  });

  it("runs a PUT through Azure-AsyncOperation polls to the final GET of the resource", async () => {
    const put = await curl(ready, url("/azureDevOpsOrgs/contoso-ado"), { method: "PUT", body: orgBody });
    expect(put.status).toBe(201);
    expect(put.json.properties.provisioningState).toBe("Accepted");
    const statusUrl = put.headers["azure-asyncoperation"];
    expect(statusUrl).toMatch(new RegExp(`^${ready.endpoint}/.*\\?api-version=2024-04-01$`)); // absolute, as ARM's
    expect([put.headers["retry-after"], put.headers["retry-after-ms"]]).toEqual(["1", "10"]);

    const polls = await pollOperation(statusUrl!);
    expect(polls.map((r) => r.json.status)).toEqual(["InProgress", "InProgress", "Succeeded"]);
    expect(polls.map((r) => r.json.percentComplete)).toEqual([0, 50, 100]);
    expect(polls.slice(0, -1).every((r) => r.headers["retry-after"] === "1")).toBe(true);
    expect(polls.at(-1)?.json.endTime).toEqual(expect.any(String));

    // "The result is the resource: a GET of the original URL after success."
    const final = await curl(ready, url("/azureDevOpsOrgs/contoso-ado"));
    expect([final.status, final.json.name, final.json.properties.provisioningState]).toEqual([200, "contoso-ado", "Succeeded"]);
  });

  it("follows a Location monitor through 202s to what the PUT would have answered synchronously", async () => {
    writeScenario({ plans: [{ header: "Location", steps: [10] }] });
    const put = await curl(ready, url("/azureDevOpsOrgs/fabrikam-ado"), { method: "PUT", body: orgBody });
    expect(put.headers["azure-asyncoperation"]).toBeUndefined();
    let location = put.headers["location"]!;
    expect(location).toMatch(new RegExp(`^${ready.endpoint}/`));
    const statuses: number[] = [];
    let last: CurlReply | undefined;
    for (let i = 0; i < MAX_POLLS; i++) {
      last = await curl(ready, location);
      statuses.push(last.status);
      if (last.status !== 202) break;
      location = last.headers["location"] ?? location;
      await sleep(requestedWaitMs(last));
    }
    expect(statuses).toEqual([202, 200]);
    expect(last?.json).toMatchObject({ name: "fabrikam-ado", properties: { provisioningState: "Succeeded" } });
  });

  it("answers 404 with ARM's error body and x-ms-error-code, for a missing resource and a missing connector", async () => {
    const owner = await curl(ready, url("/gitHubOwners/no-such-owner"));
    expect(owner.status).toBe(404);
    expect(owner.json.error.code).toBe("ResourceNotFound");
    expect(owner.headers["x-ms-error-code"]).toBe("ResourceNotFound");
    expect(owner.headers["x-ms-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    const otherConnector = url("/gitHubOwners").replace("/securityConnectors/contoso-connector/", "/securityConnectors/no-such-connector/");
    const list = await curl(ready, otherConnector);
    expect([list.status, list.json.error.code]).toEqual([404, "ParentResourceNotFound"]);
    expect(list.json.error.message).toContain("'no-such-connector'");
  });

  it("pages a list through absolute nextLinks until there is none", async () => {
    const names: string[] = [];
    let next: string | undefined = url("/gitHubOwners");
    let pages = 0;
    while (next !== undefined && pages < 10) {
      const page = await curl(ready, next);
      expect(page.status).toBe(200);
      names.push(...page.json.value.map((owner: { name: string }) => owner.name));
      next = page.json.nextLink;
      pages++;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(["contoso", "contoso-labs", "fabrikam", "northwind", "tailspin"]);
  });

  it("answers 401 with ARM's WWW-Authenticate challenge when the token is missing", async () => {
    const reply = await curl(ready, url("/gitHubOwners"), { auth: false });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe("AuthenticationFailed");
    expect(reply.headers["www-authenticate"]).toBe(
      `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
    );
  });

  it("lets the scenario file decide the outcome of the next operation, each time it is rewritten", async () => {
    writeScenario({ plans: [{ outcome: "Failed", steps: [] }] });
    const failed = await curl(ready, url("/azureDevOpsOrgs/northwind-ado"), { method: "PUT", body: orgBody });
    const failedPolls = await pollOperation(failed.headers["azure-asyncoperation"]!);
    expect(failedPolls.at(-1)?.json).toMatchObject({ status: "Failed", error: { code: "TokenExchangeFailed" } });

    writeScenario({ plans: [{ outcome: "Canceled", steps: [], error: { code: "StoppedByTest", message: "stopped" } }] });
    const canceled = await curl(ready, url("/azureDevOpsOrgs/northwind-ado"), { method: "PUT", body: orgBody });
    const canceledPolls = await pollOperation(canceled.headers["azure-asyncoperation"]!);
    expect(canceledPolls.at(-1)?.json).toMatchObject({ status: "Canceled", error: { code: "StoppedByTest" } });

    // A scripted answer from the file, and operation results it registers, readable at once.
    writeScenario({
      scripts: [{ method: "GET", path: new URL(url("/gitHubOwners/contoso")).pathname, responses: [{ status: 503, headers: { "Retry-After": "0" } }] }],
      operationResults: [{ id: "from-the-file", plan: { steps: [], outcome: "Succeeded" } }],
    });
    expect((await curl(ready, url("/gitHubOwners/contoso"))).status).toBe(503);
    expect((await curl(ready, url("/gitHubOwners/contoso"))).status).toBe(200);
    expect((await curl(ready, url("/operationResults/from-the-file"))).json.status).toBe("Succeeded");
  });

  it("answers 400 InvalidMockScenario naming the JSON path while the file is invalid, and recovers when it is fixed", async () => {
    writeScenario({ plans: [{ outcome: "Failure" }] });
    const refused = await curl(ready, url("/gitHubOwners"));
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("InvalidMockScenario");
    expect(refused.json.error.message).toContain(`$.plans[0].outcome: must be one of "Succeeded", "Failed", "Canceled" (got the string "Failure")`);
    expect(mock.stderr()).toContain("$.plans[0].outcome");

    writeScenario({});
    expect((await curl(ready, url("/gitHubOwners"))).status).toBe(200);
  });
});
