import { AzureLogger, getLogLevel, setLogLevel, type AzureLogLevel } from "@azure/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLongRunningPoller, pollOperationResult } from "../../src/index.js";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { mockClient } from "../helpers/client.js";
import { failOnUnhandledRejections } from "./helpers.js";

// Everything @azure/logger prints at its most verbose level while onboarding (a PUT whose body holds the
// authorization.code secret), polling a status URL that carries a secret query value, following a response that
// names secret-bearing URLs and sets a cookie, and failing. The package's log policy (src/custom/logPolicy.ts)
// writes through the package's logger; core-rest-pipeline's own loggers write through the same AzureLogger.log.
// (Retry and redirect messages of @typespec/ts-http-runtime go to that package's own logger; they print a request
// id and origins only.)

const SECRET_CODE = "authcode-7f3b9c1e-secret";
const SECRET_QUERY = "sigvalue-2d8e4a6c-secret";
const SECRET_COOKIE = "cookie-9a1b3c5d-secret";
const SECRET_PASSPHRASE = "passphrase-4e6f8a0b-secret";

let mock: MockArm;
const lines: string[] = [];
let restore: () => void;
beforeAll(async () => {
  mock = await startMockArm();
  const level: AzureLogLevel | undefined = getLogLevel();
  const log = AzureLogger.log;
  AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  setLogLevel("verbose");
  restore = () => {
    AzureLogger.log = log;
    setLogLevel(level);
  };
  await scenario();
});
afterAll(async () => {
  restore();
  await mock.close();
});
failOnUnhandledRejections();

async function scenario(): Promise<void> {
  const { subscriptionId: sub, resourceGroupName: rg, securityConnectorName: name } = DEFAULT_SCOPE;
  const client = mockClient(mock, {
    retryOptions: { maxRetries: 1, retryDelayInMs: 1 },
    tlsOptions: { ca: mock.certificate!, passphrase: SECRET_PASSPHRASE },
  });
  const config =
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";
  mock.planOperations({ steps: [50] });
  const body = { properties: { autoDiscovery: "Enabled" as const, authorization: { code: SECRET_CODE } } };
  await getLongRunningPoller(client, await client.path(config, sub, rg, name).put({ body }), { intervalInMs: 1 });

  const url = mock.addOperationResult("op-logged", { steps: [10] });
  const secretUrl = `${url}&sig=${SECRET_QUERY}`;
  mock.script(
    "GET",
    url,
    { status: 503 },
    {
      status: 200,
      headers: { "Set-Cookie": `session=${SECRET_COOKIE}`, Location: secretUrl, "Azure-AsyncOperation": secretUrl },
      body: { status: "InProgress", percentComplete: 5 },
    },
  );
  await pollOperationResult(client, secretUrl, { intervalInMs: 1 });
  await pollOperationResult(client, mock.operationResultUrl("no-such-op"), { intervalInMs: 1 }).catch(() => undefined);
}

describe("logging at the verbose level", () => {
  it("captures the package's request and response lines (so the checks below see real output)", () => {
    const text = lines.join("\n");
    expect(lines.some((l) => l.startsWith("azure:arm-security-devops:info Request:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("azure:arm-security-devops:info Headers:"))).toBe(true);
    expect(text).toContain('"method": "PUT"');
    expect(text).toContain("Response status code: 404");
  });

  it("never prints the bearer token, and shows the Authorization header as REDACTED", () => {
    const text = lines.join("\n");
    expect(text).not.toContain(mock.token);
    expect(text).toContain('"authorization": "REDACTED"');
  });

  it("never prints the authorization.code secret of the onboarding PUT body", () => {
    expect(lines.join("\n")).not.toContain(SECRET_CODE);
  });

  it("prints api-version and redacts every other query value, in request URLs and in response headers", () => {
    const text = lines.join("\n");
    expect(text).not.toContain(SECRET_QUERY);
    expect(text).toContain("sig=REDACTED");
    expect(text).toMatch(/operationResults\/op-logged\?api-version=2024-04-01&sig=REDACTED/);
  });

  it("redacts response headers not on the allow-list: Set-Cookie, Location, Azure-AsyncOperation", () => {
    const text = lines.join("\n");
    expect(text).not.toContain(SECRET_COOKIE);
    expect(text).toMatch(/"set-cookie": "REDACTED"/);
    expect(text).toMatch(/"azure-asyncoperation": "REDACTED"/);
    expect(text).toMatch(/"x-ms-request-id": "[0-9a-f-]{36}"/);
  });

  it("never prints the client's TLS settings (a key passphrase) or proxy settings", () => {
    const text = lines.join("\n");
    expect(text).not.toContain(SECRET_PASSPHRASE);
    expect(text).not.toMatch(/tlsSettings|proxySettings/);
  });
});
