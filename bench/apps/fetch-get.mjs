// DevOpsOperationResults_Get with nothing but fetch: the floor every other variant is compared with.
const API_VERSION = "2024-04-01";

export function statusUrl(input) {
  const e = encodeURIComponent;
  return (
    `${input.endpoint}/subscriptions/${e(input.subscriptionId)}/resourceGroups/${e(input.resourceGroupName)}` +
    `/providers/Microsoft.Security/securityConnectors/${e(input.securityConnectorName)}` +
    `/devops/default/operationResults/${e(input.operationResultId)}?api-version=${API_VERSION}`
  );
}

export async function connect(credential, input) {
  // Like a careful hand-written client: one token, reused until it expires.
  const { token } = await credential.getToken("https://management.azure.com/.default");
  const url = statusUrl(input);
  return {
    async get() {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: input.abortSignal });
      if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
      return { body: await response.json(), retryAfter: response.headers.get("retry-after") };
    },
  };
}
