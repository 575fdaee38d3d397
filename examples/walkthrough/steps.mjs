// The walkthrough's steps, each a small use of the public API. `ctx` holds the client and the connector's ids.
import {
  getLongRunningPoller,
  isDevOpsOperationError,
  isUnexpected,
  paginate,
  pollOperationResult,
  toRestError,
} from "arm-security-devops";
import { heading, line, progressBar } from "./print.mjs";

const CONNECTOR =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const DEVOPS = `${CONNECTOR}/devops/default`;
const ids = (ctx) => [ctx.subscriptionId, ctx.resourceGroupName, ctx.securityConnectorName];

/** PUT the DevOps configuration (long-running) and wait for it with a progress bar. Returns its operationResultId. */
export async function onboard(ctx, n) {
  heading(n, "Onboard a DevOps configuration (PUT, long-running) and wait for it");
  const initial = await ctx.client.path(DEVOPS, ...ids(ctx)).put({
    body: { properties: { autoDiscovery: "Enabled", authorization: { code: "one-time-oauth-code" } } },
  });
  if (isUnexpected(initial)) throw toRestError(initial);
  line(`PUT answered ${initial.status}; polling its Azure-AsyncOperation URL`);
  const poller = getLongRunningPoller(ctx.client, initial, { intervalInMs: ctx.intervalInMs });
  const bar = progressBar();
  poller.onProgress((state) => bar.update(state));
  let configuration;
  try {
    configuration = await poller.pollUntilDone();
  } finally {
    bar.done();
  }
  line(`DevOps configuration is ${configuration.properties?.provisioningState}, autoDiscovery ${configuration.properties?.autoDiscovery}`);
  return poller.operationState?.operationResult?.name;
}

/** Read the DevOps configuration (read-only; used against real Azure). */
export async function getConfiguration(ctx, n) {
  heading(n, "Get the DevOps configuration");
  const response = await ctx.client.path(DEVOPS, ...ids(ctx)).get();
  if (isUnexpected(response)) throw toRestError(response);
  line(`${response.body.name}: provisioningState ${response.body.properties?.provisioningState}, autoDiscovery ${response.body.properties?.autoDiscovery}`);
}

/** List GitHub owners following nextLink, one line per page. */
export async function listOwners(ctx, n) {
  heading(n, "List GitHub owners, page by page");
  const first = await ctx.client.path(`${DEVOPS}/gitHubOwners`, ...ids(ctx)).get();
  let pages = 0;
  let owners = 0;
  for await (const page of paginate(ctx.client, first).byPage()) {
    pages += 1;
    owners += page.length;
    line(`page ${pages}: ${page.map((owner) => owner.name).join(", ") || "(empty)"}`);
  }
  line(`${owners} owners in ${pages} page${pages === 1 ? "" : "s"}`);
}

/** DevOpsOperationResults_Get: the operation's status document, once. */
export async function getOperationResult(ctx, n, operationResultId) {
  heading(n, "Get an operation result");
  const response = await ctx.client.path(`${DEVOPS}/operationResults/{operationResultId}`, ...ids(ctx), operationResultId).get();
  if (isUnexpected(response)) throw toRestError(response);
  const r = response.body;
  line(`${r.name}: ${r.status}, ${r.percentComplete ?? "?"}% complete`);
  line(`started ${r.startTime ?? "?"}, ended ${r.endTime ?? "(running)"}`);
}

/** An onboarding that fails: the poller rejects with a DevOpsOperationError narrowed to its code and target. */
export async function failedOperation(ctx, n) {
  heading(n, "A failed operation, narrowed to its error code and target");
  ctx.mock.planOperations({ steps: [0, 40], outcome: "Failed", retryAfter: null });
  const initial = await ctx.client.path(`${DEVOPS}/azureDevOpsOrgs/{orgName}`, ...ids(ctx), "contoso-ado").put({
    body: { properties: { actionableRemediation: { state: "Enabled" } } },
  });
  if (isUnexpected(initial)) throw toRestError(initial);
  const poller = getLongRunningPoller(ctx.client, initial, { intervalInMs: ctx.intervalInMs });
  try {
    await poller.pollUntilDone();
    line("unexpected: the operation succeeded");
  } catch (error) {
    if (!isDevOpsOperationError(error, "TokenExchangeFailed")) throw error;
    line(`DevOpsOperationError ${error.code} (status ${error.status}, ${error.percentComplete}% done)`);
    line(`target:  ${error.target}`);
    line(`message: ${error.message}`);
    for (const detail of error.details) line(`detail:  ${detail.code}: ${detail.message}`);
  }
}

/** Poll once, serialize, and finish the operation from the token alone (as another process would). */
export async function resume(ctx, n) {
  heading(n, "Resume a serialized poller");
  const operationUrl = ctx.mock.addOperationResult("walkthrough-resume", { steps: [0, 50], retryAfter: null });
  const first = pollOperationResult(ctx.client, operationUrl, { intervalInMs: ctx.intervalInMs });
  const state = await first.poll();
  const token = await first.serialize();
  line(`first poller: ${state.operationResult?.status} at ${state.percentComplete}%, then serialized (${token.length} characters)`);
  const resumed = pollOperationResult(ctx.client, undefined, { restoreFrom: token, intervalInMs: ctx.intervalInMs });
  const result = await resumed.pollUntilDone();
  line(`resumed poller: ${result.status} at ${result.percentComplete}%`);
}
