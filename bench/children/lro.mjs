// One long-running PUT (DevOpsConfigurations_CreateOrUpdate) driven to its result by one client; prints the wall
// time from just before the PUT to the result. The parent plans the operation and counts the requests the mock saw.
// argv: <variant>
//   ours      createClient + getLongRunningPoller, default options
//   core-lro  @azure/core-lro's createHttpPoller over bare @azure-rest/core-client, wired as generated RLC packages
//             wire it (their pollingHelper), default options: what an RLC user has today
import { performance } from "node:perf_hooks";

const variant = process.argv[2];
const token = process.env.BENCH_TOKEN;
const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000, tokenType: "Bearer" }) };
const endpoint = process.env.BENCH_ENDPOINT;
const { subscriptionId, resourceGroupName, securityConnectorName } = JSON.parse(process.env.BENCH_SCOPE);
const path =
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}` +
  `/providers/Microsoft.Security/securityConnectors/${securityConnectorName}/devops/default`;
const body = { properties: { autoDiscovery: "Enabled" } };
// Bounds the run whatever the client does; far above the slowest planned operation.
const abortSignal = AbortSignal.timeout(60_000);

async function ours() {
  const { createClient, getLongRunningPoller } = await import("../../dist/index.js");
  const client = createClient(credential, { endpoint });
  const t0 = performance.now();
  const initial = await client.pathUnchecked(path).put({ body, abortSignal });
  const result = await getLongRunningPoller(client, initial, { abortSignal });
  return { t0, state: result?.properties?.provisioningState };
}

async function coreLro() {
  const { getClient } = await import("@azure-rest/core-client");
  const { createHttpPoller } = await import("@azure/core-lro");
  const client = getClient(endpoint, credential, {
    apiVersion: "2024-04-01",
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
  const toLro = (response) => ({
    flatResponse: response,
    rawResponse: { ...response, statusCode: Number.parseInt(response.status), body: response.body },
  });
  const t0 = performance.now();
  const initial = await client.pathUnchecked(path).put({ body, abortSignal });
  const poller = createHttpPoller({
    sendInitialRequest: async () => toLro(initial),
    sendPollRequest: async (url, options) => toLro(await client.pathUnchecked(url).get({ abortSignal: options?.abortSignal })),
  });
  const result = await poller.pollUntilDone({ abortSignal });
  return { t0, state: result.body?.properties?.provisioningState };
}

const run = { ours, "core-lro": coreLro }[variant];
if (!run) throw new Error(`unknown variant ${variant}`);
const { t0, state } = await run();
process.stdout.write(`${JSON.stringify({ state, wallMs: performance.now() - t0 })}\n`);
