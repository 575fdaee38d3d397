// What an RLC user has today for waiting on many operations: bare @azure-rest/core-client and one core-lro
// createHttpPoller per operation, with the LongRunningOperation adapter the RLC generator writes (pollingHelper.ts:
// sendPollRequest is `client.pathUnchecked(path).get()`, the response mapped to core-lro's LroResponse). Default
// options throughout: core-lro takes its interval from Retry-After and falls back to intervalInMs (2 s) otherwise;
// the client's pipeline retries a 429 three times, waiting what the server asks.
import { getClient } from "@azure-rest/core-client";
import { createHttpPoller } from "@azure/core-lro";

export function createBareClient(endpoint, credential) {
  return getClient(endpoint, credential, {
    apiVersion: "2024-04-01",
    credentials: { scopes: ["https://management.azure.com/.default"] },
  });
}

/** core-lro's view of a core-client response, as the RLC pollingHelper's getLroResponse builds it. */
function toLroResponse(response) {
  return { flatResponse: response, rawResponse: { ...response, statusCode: Number.parseInt(response.status), body: response.body } };
}

/**
 * Waits for the operation behind `statusUrl` and resolves its final status document. The operation already runs (its
 * status URL is known, as from an Azure-AsyncOperation header kept earlier), so the "initial response" is that
 * accepted answer: 202 with the header. Its method is POST so core-lro ends on the status document itself, with no
 * final GET of a resource, as pollOperationResult does.
 */
export async function pollWithCoreLro(client, statusUrl, abortSignal) {
  const poller = createHttpPoller({
    requestPath: statusUrl,
    requestMethod: "POST",
    sendInitialRequest: async () => ({
      flatResponse: undefined,
      rawResponse: { statusCode: 202, headers: { "azure-asyncoperation": statusUrl }, request: { url: statusUrl, method: "POST" } },
    }),
    sendPollRequest: async (path, options) =>
      toLroResponse(await client.pathUnchecked(path).get({ abortSignal: options?.abortSignal })),
  });
  const final = await poller.pollUntilDone({ abortSignal });
  return final.body;
}
