import type { MockScope } from "./types.js";

export const API_VERSION = "2024-04-01";

/** The connector the seeded inventory belongs to. All names are made up. */
export const DEFAULT_SCOPE: MockScope = Object.freeze({
  subscriptionId: "5d3c1b7e-2f4a-4c8e-9b61-0a7f3e2d9c15",
  resourceGroupName: "contoso-rg",
  securityConnectorName: "contoso-connector",
});

/** The ARM id of the connector, the prefix of every resource id. Names stay unencoded, as ARM ids do. */
export function connectorId(scope: MockScope): string {
  return (
    `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroupName}` +
    `/providers/Microsoft.Security/securityConnectors/${scope.securityConnectorName}`
  );
}

/** The same prefix as a URL path: each name percent-encoded as one segment. */
export function connectorPath(scope: MockScope): string {
  const e = encodeURIComponent;
  return (
    `/subscriptions/${e(scope.subscriptionId)}/resourceGroups/${e(scope.resourceGroupName)}` +
    `/providers/Microsoft.Security/securityConnectors/${e(scope.securityConnectorName)}`
  );
}

/** Case-insensitive key: ARM treats names in ids without regard to case. */
export function scopeKey(scope: MockScope): string {
  return JSON.stringify([scope.subscriptionId, scope.resourceGroupName, scope.securityConnectorName]).toLowerCase();
}
