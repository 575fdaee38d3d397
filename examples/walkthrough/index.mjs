#!/usr/bin/env node
// The walkthrough behind `npm start`: the package's main job, end to end, on the embedded mock ARM (or, with
// AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and SECURITY_CONNECTOR set, its read-only steps on real Azure).
// It imports the package by name, so it shows the built package exactly as a user gets it.
import createClient from "arm-security-devops";
import { DEFAULT_SCOPE, startMockArm } from "arm-security-devops/testing";
import { skipped } from "./print.mjs";
import { failedOperation, getConfiguration, getOperationResult, listOwners, onboard, resume } from "./steps.mjs";

const started = Date.now();
const env = process.env;
const real = env.AZURE_SUBSCRIPTION_ID && env.AZURE_RESOURCE_GROUP && env.SECURITY_CONNECTOR;

try {
  if (real) await onAzure();
  else await onMock();
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  // A plain message, not a stack: this is a demo, and every error of the package names what went wrong.
  console.error(`\nThe walkthrough stopped: ${error?.name ?? "Error"}: ${error?.message ?? String(error)}`);
  process.exitCode = 1;
}

async function onMock() {
  const mock = await startMockArm();
  console.log(`arm-security-devops walkthrough on the embedded mock ARM at ${mock.endpoint}`);
  console.log(`(set AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and SECURITY_CONNECTOR to run the read-only steps on Azure)`);
  try {
    // The mock's self-signed certificate is trusted for this client only; TLS verification stays on.
    const client = createClient(mock.credential, { endpoint: mock.endpoint, tlsOptions: { ca: mock.certificate } });
    // Polls 300 ms apart, so the progress bar is visible while the whole walkthrough takes a few seconds.
    const ctx = { client, mock, intervalInMs: 300, ...DEFAULT_SCOPE };
    mock.planOperations({ steps: [0, 25, 50, 75], retryAfter: null });
    const operationResultId = await onboard(ctx, 1);
    await listOwners(ctx, 2);
    await getOperationResult(ctx, 3, operationResultId);
    await failedOperation(ctx, 4);
    await resume(ctx, 5);
  } finally {
    await mock.close();
  }
}

async function onAzure() {
  const { DefaultAzureCredential } = await import("@azure/identity");
  const ctx = {
    client: createClient(new DefaultAzureCredential()),
    subscriptionId: env.AZURE_SUBSCRIPTION_ID,
    resourceGroupName: env.AZURE_RESOURCE_GROUP,
    securityConnectorName: env.SECURITY_CONNECTOR,
  };
  console.log(`arm-security-devops walkthrough on Azure: connector ${ctx.securityConnectorName} (read-only steps only)`);
  skipped(1, "Onboard a DevOps configuration", "it writes; the walkthrough only reads on real Azure");
  await getConfiguration(ctx, "1b");
  await listOwners(ctx, 2);
  if (env.OPERATION_RESULT_ID) await getOperationResult(ctx, 3, env.OPERATION_RESULT_ID);
  else skipped(3, "Get an operation result", "set OPERATION_RESULT_ID to read one");
  skipped(4, "A failed operation", "it needs an operation planned to fail, which only the mock can do");
  skipped(5, "Resume a serialized poller", "it needs a running operation, which only the mock starts on demand");
}
