import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_SCOPE,
  type MockArm,
  type MockScenario,
  MockScenarioError,
  parseScenario,
  type ScenarioFileEvent,
  startMockArm,
} from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { call, destroyAgent } from "./http.js";
import { connector, devops } from "./paths.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const ORG = devops("azureDevOpsOrgs", "contoso-ado");
const OWNER = devops("gitHubOwners", "contoso");
const body = { properties: { actionableRemediation: { state: "Enabled" } } };

/** PUTs the org and polls its operation to the end: the status words seen. */
async function onboard(on: MockArm): Promise<string[]> {
  const put = await call(on, ORG, { method: "PUT", body });
  const url = put.headers["azure-asyncoperation"] as string;
  const statuses: string[] = [];
  for (let i = 0; i < 10 && !/^(Succeeded|Failed|Canceled)$/.test(statuses.at(-1) ?? ""); i++) statuses.push((await call(on, url)).json.status);
  return statuses;
}

describe("applyScenario", () => {
  it("replaces the queued plans, the scripts left and the default plan, and adds connectors and operation results", async () => {
    mock.planOperations({ outcome: "Canceled" });
    mock.script("GET", OWNER, { status: 500 });
    const extra = { ...DEFAULT_SCOPE, securityConnectorName: "from-scenario" };
    mock.applyScenario({
      defaultPlan: { steps: [] },
      plans: [{ outcome: "Failed" }],
      scripts: [{ method: "get", pathPattern: "/gitHubOwners/contoso$", responses: [{ status: 503 }, { status: 429, headers: { "Retry-After": "2" } }] }],
      connectors: [extra],
      operationResults: [{ id: "scenario-op", plan: { steps: [10] } }],
    });
    expect(await onboard(mock)).toEqual(["Failed"]); // the scenario's plan, on the default plan's (no) steps
    expect(await onboard(mock)).toEqual(["Succeeded"]); // then the default plan, not the replaced Canceled one
    expect([(await call(mock, OWNER)).status, (await call(mock, OWNER)).status, (await call(mock, OWNER)).status]).toEqual([503, 429, 200]);
    expect((await call(mock, `${connector(extra)}/devops/default/gitHubOwners`)).json).toEqual({ value: [] });
    expect((await call(mock, mock.operationResultUrl("scenario-op"))).json.percentComplete).toBe(10);
  });

  it("registers an operation result of the same id afresh, so a rewritten scenario restarts it", async () => {
    const scenario: MockScenario = { operationResults: [{ id: "again", plan: { steps: [0] } }] };
    mock.applyScenario(scenario);
    await call(mock, mock.operationResultUrl("again"));
    expect(mock.pollCount("again")).toBe(1);
    mock.applyScenario(scenario);
    expect(mock.pollCount("again")).toBe(0);
  });

  it("checks the whole scenario first, and changes nothing when any of it is wrong", async () => {
    mock.planOperations({ outcome: "Failed", steps: [] });
    let error: unknown;
    try {
      mock.applyScenario({ plans: [{ outcome: "Canceled" }], scripts: [{ method: "GET", path: "no-slash", responses: [] }] } as MockScenario);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MockScenarioError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as MockScenarioError).problems).toEqual([
      `$.scripts[0].path: must be a path starting with "/" or an absolute URL on the mock (got the string "no-slash")`,
      `$.scripts[0].responses: must be a non-empty array of answers such as [{ "status": 503 }] (got an array)`,
    ]);
    expect(await onboard(mock)).toEqual(["Failed"]); // the plan queued before is still the next one
  });

  it.each<[string, unknown, string]>([
    ["not an object", [], `$: must be a JSON object such as { "plans": [{ "outcome": "Failed" }] } (got an array)`],
    ["a field it does not know", { plan: [] }, `$: unknown field "plan" (known: $schema, description, defaultPlan, plans, scripts, connectors, operationResults)`],
    ["plans that are not an array", { plans: { outcome: "Failed" } }, `$.plans: must be an array (got an object)`],
    ["a script with both path and pathPattern", { scripts: [{ method: "GET", path: "/a", pathPattern: "a", responses: [{ status: 200 }] }] }, `$.scripts[0]: give exactly one of "path" (the raw path, or a URL on the mock) and "pathPattern" (a regular expression)`],
    ["a pathPattern that is not a regular expression", { scripts: [{ method: "GET", pathPattern: "(", responses: [{ status: 200 }] }] }, "$.scripts[0].pathPattern: is not a valid regular expression: "],
    ["a connector without its group", { connectors: [{ subscriptionId: "s", securityConnectorName: "c" }] }, `$.connectors[0].resourceGroupName: must be a non-empty string (got nothing)`],
    ["an operation result without an id", { operationResults: [{ plan: {} }] }, `$.operationResults[0].id: must be a non-empty string (got nothing)`],
  ])("refuses %s, naming the JSON path and the rule", (_name, scenario, problem) => {
    expect(() => parseScenario(scenario, "scenario.json")).toThrow(MockScenarioError);
    expect(() => parseScenario(scenario, "scenario.json")).toThrow(problem);
  });

  it("lists at most 20 problems, then how many more", () => {
    const plans = Array.from({ length: 30 }, () => ({ outcome: "Nope" }));
    const error = (() => {
      try {
        parseScenario({ plans });
      } catch (e) {
        return e as MockScenarioError;
      }
    })();
    expect(error?.problems).toHaveLength(21);
    expect(error?.problems.at(-1)).toBe("... and 10 more");
  });
});

describe("the documented scenarios", () => {
  // The example of each "Scenarios" part must stay a valid scenario as the format changes.
  it.each(["README.md", "src/testing/README.md"])("%s shows a scenario the format accepts", (file) => {
    const text = readFileSync(join(import.meta.dirname, "..", "..", file), "utf8");
    const part = text.slice(text.search(/\*\*Scenarios\.\*\*|## Scenarios/));
    const example = /```json\n([\s\S]*?)\n```/.exec(part)?.[1];
    expect(example).toBeDefined();
    expect(() => parseScenario(JSON.parse(example ?? ""), file)).not.toThrow();
  });
});

describe("the scenarioFile option", () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "arm-mock-scenario-"));
    file = join(dir, "scenario.json");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (scenario: unknown) => {
    writeFileSync(`${file}.tmp`, typeof scenario === "string" ? scenario : JSON.stringify(scenario));
    renameSync(`${file}.tmp`, file);
  };

  it("applies the file at start, again before the next request after each change, and again after reset()", async () => {
    write({ plans: [{ outcome: "Failed", steps: [] }] });
    const events: ScenarioFileEvent[] = [];
    const fileMock = await startMockArm({ https: false, scenarioFile: file, onScenarioFile: (e) => events.push(e) });
    try {
      expect(await onboard(fileMock)).toEqual(["Failed"]);
      expect(await onboard(fileMock)).toEqual(["InProgress", "InProgress", "Succeeded"]); // the file's one plan is used up
      write({ plans: [{ outcome: "Canceled", steps: [] }] });
      expect(await onboard(fileMock)).toEqual(["Canceled"]); // no wait needed between writing and requesting
      expect(events).toEqual([{ kind: "applied", path: file, scenario: { plans: [{ outcome: "Canceled", steps: [] }] } }]);
      fileMock.reset();
      expect(await onboard(fileMock)).toEqual(["Canceled"]); // reset() applies the file again
    } finally {
      destroyAgent(fileMock);
      await fileMock.close();
    }
  });

  it("answers every request 400 InvalidMockScenario while the file is invalid, says so once, and recovers", async () => {
    write({});
    const events: ScenarioFileEvent[] = [];
    const fileMock = await startMockArm({ https: false, scenarioFile: file, onScenarioFile: (e) => events.push(e) });
    try {
      write('{ "plans": [ { "steps": [0, 50 } ] }');
      const replies = [await call(fileMock, OWNER), await call(fileMock, OWNER)];
      expect(replies.map((r) => [r.status, r.json.error.code])).toEqual([
        [400, "InvalidMockScenario"],
        [400, "InvalidMockScenario"],
      ]);
      expect(replies[0]?.json.error.message).toMatch(new RegExp(`^${file} is not a valid mock scenario:\\n {2}\\$: is not JSON: line 1, column \\d+: `));
      expect((await call(fileMock, OWNER, { method: "OPTIONS", auth: false })).status).toBe(204); // CORS preflights still answered
      rmSync(file);
      expect((await call(fileMock, OWNER)).json.error.message).toMatch(/^cannot read the scenario file .*ENOENT/);
      write({ scripts: [{ method: "GET", path: OWNER, responses: [{ status: 202 }] }] });
      expect((await call(fileMock, OWNER)).status).toBe(202);
      expect(events.map((e) => e.kind)).toEqual(["invalid", "invalid", "applied"]);
    } finally {
      destroyAgent(fileMock);
      await fileMock.close();
    }
  });

  it("makes startMockArm reject, with nothing left listening, when the file is missing or invalid", async () => {
    await expect(startMockArm({ https: false, scenarioFile: join(dir, "missing.json") })).rejects.toThrow(/missing\.json is not a valid mock scenario:\n {2}the file cannot be read: ENOENT/);
    write({ defaultPlan: { sync: "yes" } });
    await expect(startMockArm({ https: false, scenarioFile: file })).rejects.toThrow(`$.defaultPlan.sync: must be true or false (got the string "yes")`);
  });
});
