// snippet-start
import { pollOperationResult } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, mock }: ReadmeContext) {
  const statusUrl = mock.addOperationResult("resume-1", { steps: [0, 50] });
  // snippet-start
  // Process A: poll once, then keep the token (a small JSON string: no secrets, no headers).
  const first = pollOperationResult(client, statusUrl); // statusUrl: the Azure-AsyncOperation header
  await first.poll();
  const token = await first.serialize();

  // Process B, later: the same client settings, and only the token.
  const resumed = pollOperationResult(client, undefined, { restoreFrom: token });
  const result = await resumed;
  console.log(result.status);
  // snippet-end
  return token;
}
