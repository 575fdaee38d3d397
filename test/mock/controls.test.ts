import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPE, type MockArm, type MockResponse, type OperationPlan, startMockArm } from "../../src/testing/index.js";
import { useMockArm } from "../helpers/mock.js";
import { call, destroyAgent } from "./http.js";
import { devops } from "./paths.js";

let mock: MockArm;
useMockArm((m) => (mock = m), { beforeClose: destroyAgent });

const OWNER = devops("gitHubOwners", "fabrikam");
// What a JavaScript caller (or a TypeScript one with a cast) can pass by mistake.
const loose = <T>(value: unknown) => value as T;

describe("script() refuses a wrong argument instead of ignoring it", () => {
  it("throws a TypeError for an array of answers, saying to give each answer as its own argument", async () => {
    const answers: MockResponse[] = [{ status: 503 }, { status: 500 }];
    expect(() => mock.script("GET", OWNER, loose<MockResponse>(answers))).toThrow(TypeError);
    expect(() => mock.script("GET", OWNER, loose<MockResponse>(answers))).toThrow(
      /^script\(method, path, \.\.\.responses\): responses: got an array as the only answer; give each answer as its own argument — script\(method, path, first, second\), or script\(method, path, \.\.\.answers\)$/,
    );
    // Nothing was registered: the stateful answer comes back.
    expect((await call(mock, OWNER)).status).toBe(200);
    mock.script("GET", OWNER, ...answers); // the way it is meant
    expect([(await call(mock, OWNER)).status, (await call(mock, OWNER)).status]).toEqual([503, 500]);
  });

  it.each<[string, () => void, RegExp]>([
    ["no answer", () => mock.script("GET", OWNER), /responses: give at least one answer, e\.g\. \{ status: 503 \}/],
    ["a typo in a field", () => mock.script("GET", OWNER, loose({ statusCode: 503 })), /responses\[0\]: unknown field "statusCode" \(known: status, headers, body, rawBody, delayMs, fault\); responses\[0\]\.status: must be an HTTP status code/],
    ["a status that is not a code", () => mock.script("GET", OWNER, { status: 42 }), /responses\[0\]\.status: must be an HTTP status code, an integer from 100 to 999 \(got the number 42\)/],
    ["a header value with a line break", () => mock.script("GET", OWNER, { status: 200, headers: { "x-a": "1\r\nx-b: 2" } }), /responses\[0\]\.headers\["x-a"\]: must be a string without line breaks/],
    ["an unknown fault", () => mock.script("GET", OWNER, loose({ status: 200, fault: "drop" })), /responses\[0\]\.fault: must be one of "reset", "stall", "truncate" \(got the string "drop"\)/],
    ["a delay in seconds by mistake", () => mock.script("GET", OWNER, { status: 200, delayMs: 36e5 + 1 }), /responses\[0\]\.delayMs: must be milliseconds from 0 to 3600000/],
    ["a method that is not one", () => mock.script("", OWNER, { status: 200 }), /method: must be an HTTP method such as "GET" \(got the string ""\)/],
    ["a path that is neither a path, a URL nor a RegExp", () => mock.script("GET", loose(["a"]), { status: 200 }), /path: must be a path starting with "\/" or an absolute URL on the mock \(got an array\)/],
  ])("throws a TypeError naming the argument for %s", (_name, act, message) => {
    expect(act).toThrow(TypeError);
    expect(act).toThrow(message);
  });

  it("still takes a RegExp, an absolute URL and answers with bytes", async () => {
    mock.script("GET", /\/gitHubOwners\/fabrikam$/, { status: 418 });
    mock.script("GET", `${mock.endpoint}${OWNER}?api-version=2024-04-01`, { status: 200, rawBody: new TextEncoder().encode("{}") });
    expect((await call(mock, OWNER)).text).toBe("{}");
    expect((await call(mock, OWNER)).status).toBe(418);
  });
});

describe("the other controls check their arguments too", () => {
  it("planOperations throws for an array of plans, and for a plan field it does not know", () => {
    const plans: OperationPlan[] = [{ outcome: "Failed" }];
    expect(() => mock.planOperations(loose<OperationPlan>(plans))).toThrow(
      /^planOperations\(\.\.\.plans\): plans: got an array; give each plan as its own argument/,
    );
    expect(() => mock.planOperations(loose({ outcome: "Failed", retry: "0" }))).toThrow(/plans\[0\]: unknown field "retry"/);
    expect(() => mock.planOperations({ steps: [0, 150] })).toThrow(/plans\[0\]\.steps\[1\]: must be a number from 0 to 100 \(got the number 150\)/);
    expect(() => mock.planOperations(loose({ outcome: "Failure" }))).toThrow(/plans\[0\]\.outcome: must be one of "Succeeded", "Failed", "Canceled"/);
    expect(() => mock.planOperations(loose({ error: { message: "no code" } }))).toThrow(/plans\[0\]\.error\.code: must be a non-empty string/);
  });

  it("addOperationResult throws for an empty id, a wrong plan or scope, and registers nothing", async () => {
    expect(() => mock.addOperationResult("")).toThrow(/^addOperationResult\(id, plan\?, scope\?\): id: must be a non-empty string/);
    expect(() => mock.addOperationResult("op", loose({ header: "Retry-After" }))).toThrow(/plan\.header: must be one of/);
    expect(() => mock.addOperationResult("op", {}, loose({ subscriptionId: "s" }))).toThrow(/scope\.resourceGroupName: must be a non-empty string \(got nothing\)/);
    expect((await call(mock, mock.operationResultUrl("op"))).status).toBe(404);
  });

  it("startMockArm refuses a wrong connectors or defaultPlan option before it starts", async () => {
    await expect(startMockArm({ https: false, connectors: loose({ ...DEFAULT_SCOPE }) })).rejects.toThrow(/^startMockArm\(options\): connectors: must be an array/);
    await expect(startMockArm({ https: false, defaultPlan: loose({ retryAfter: 0 }) })).rejects.toThrow(
      /defaultPlan\.retryAfter: must be a header value \(a string without line breaks\) or null for none \(got the number 0\)/,
    );
  });
});
