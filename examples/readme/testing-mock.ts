// snippet-start
import createClient, { pollOperationResult } from "../../src/index.js";
import { startMockArm } from "../../src/testing/index.js";
// snippet-end

export async function example() {
  // snippet-start
  const mock = await startMockArm(); // https://127.0.0.1:<port>, self-signed certificate, seeded inventory
  try {
    const client = createClient(mock.credential, { endpoint: mock.endpoint, tlsOptions: { ca: mock.certificate } });
    const statusUrl = mock.addOperationResult("op-1", { steps: [0, 50], outcome: "Failed" });
    const result = await pollOperationResult(client, statusUrl, { resolveOnUnsuccessful: true });
    console.log(result.status, result.error?.code); // Failed TokenExchangeFailed
  } finally {
    await mock.close();
  }
  // snippet-end
}
