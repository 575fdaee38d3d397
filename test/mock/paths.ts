import { DEFAULT_SCOPE, type MockScope } from "../../src/testing/index.js";

/** The raw URL path of a connector, each name percent-encoded as one segment. */
export function connector(scope: MockScope = DEFAULT_SCOPE): string {
  const e = encodeURIComponent;
  return (
    `/subscriptions/${e(scope.subscriptionId)}/resourceGroups/${e(scope.resourceGroupName)}` +
    `/providers/Microsoft.Security/securityConnectors/${e(scope.securityConnectorName)}`
  );
}

/** The raw path of `devops/default` plus the given segments, each encoded. */
export function devops(...segments: string[]): string {
  return [`${connector()}/devops/default`, ...segments.map(encodeURIComponent)].join("/");
}
