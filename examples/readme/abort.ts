// snippet-start
import { isAbortError, pollOperationResult } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, mock }: ReadmeContext) {
  const statusUrl = mock.addOperationResult("abort-1", { steps: Array.from({ length: 100 }, (_, i) => i), retryAfter: "1" });
  // snippet-start
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 500); // e.g. on Ctrl+C or a request being cancelled
  try {
    await pollOperationResult(client, statusUrl, { abortSignal: controller.signal }).pollUntilDone();
  } catch (error) {
    if (!isAbortError(error)) throw error;
    console.log("stopped waiting; the operation itself goes on in Azure");
  }
  // snippet-end
}
