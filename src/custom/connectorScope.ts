import type { Routes, SecurityDevOpsClient as GeneratedClient } from "../generated/clientDefinitions.js";
import { pathParameterRules } from "../generated/pathParameters.js";
import { routePrefix, routes } from "../generated/routes.js";
import type { SecurityConnectorRoutes, SecurityConnectorScope } from "../generated/scopedRoutes.js";
import { InvalidParameterError } from "./errors/invalidParameterError.js";
import { checkPathParameter } from "./validate.js";

// `client.connector(scope).path(template, ...ids)`: the API's path templates without the long part every one of
// them starts with (routePrefix, `/subscriptions/{subscriptionId}/…/securityConnectors/{securityConnectorName}`),
// whose ids are given once. It adds no request logic of its own: path() hands
// the full template and every id to the client's own path(), so validation, requests and responses are exactly
// those of `client.path`. The scope's ids are checked here, when the helper is made, so that a wrong one is
// reported where it was given rather than at each later path().

/** What `client.connector(scope)` returns. */
export interface ConnectorScope {
  /**
   * The resource at a path template relative to the security connector, e.g.
   * `path("/devops/default/gitHubOwners/{ownerName}", "contoso")`: the template's remaining path parameters in
   * order; the same resource, requests and responses as `client.path` with the full template.
   */
  path: SecurityConnectorRoutes;
}

/** The method `createClient` adds to the generated client. */
export interface WithConnectorScope {
  /**
   * The API below one security connector: `client.connector({ subscriptionId, resourceGroupName,
   * securityConnectorName }).path("/devops/default/gitHubOwners/{ownerName}", "contoso")`. The ids are checked now
   * (InvalidParameterError naming `scope.<id>`) and copied: changing `scope` later does not change the helper.
   */
  connector(scope: SecurityConnectorScope): ConnectorScope;
}

/** The client `createClient` returns: the generated client type with `connector(scope)`. */
export type SecurityDevOpsClient = GeneratedClient & WithConnectorScope;

// The prefix's path parameters (subscriptionId, resourceGroupName, securityConnectorName), in template order.
const scopeNames = [...routePrefix.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
}

/** Checks `scope` and returns its ids in template order (a copy). */
function scopeIds(scope: unknown): string[] {
  if (typeof scope !== "object" || scope === null) {
    throw new InvalidParameterError("scope", `must be an object with ${scopeNames.join(", ")}`, `got ${describe(scope)}`);
  }
  const ids = scopeNames.map((name) => (scope as Record<string, unknown>)[name]);
  ids.forEach((id, i) => checkPathParameter({ ...pathParameterRules[scopeNames[i]!], name: `scope.${scopeNames[i]}` }, id));
  return ids as string[];
}

/** `connector(scope)` of a client whose `path` is the validating one of createClient. */
export function connectorScope(client: { path: Routes }, scope: SecurityConnectorScope): ConnectorScope {
  const ids = scopeIds(scope);
  const send = client.path as (template: string, ...values: unknown[]) => unknown;
  const path = (template: unknown, ...values: unknown[]) => {
    // Checked before the prefix is put in front, so that errors quote the template as the caller wrote it.
    if (typeof template !== "string" || !Object.hasOwn(routes, template)) {
      const hint = typeof template === "string" && template.startsWith(routePrefix) ? "; give it without the connector's part" : "";
      throw new InvalidParameterError("path", "must be one of the API's path templates below the security connector", `got ${describe(template)}${hint}`);
    }
    const names = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    if (values.length !== names.length) {
      const takes = names.length === 0 ? "no path parameters" : `${names.length} path parameter${names.length > 1 ? "s" : ""} (${names.join(", ")})`;
      throw new InvalidParameterError("path", `takes ${takes} after the connector's`, `got ${values.length}`);
    }
    return send(routePrefix + template, ...ids, ...values);
  };
  // path() is typed per template by the generated SecurityConnectorRoutes, which one function cannot spell out.
  return { path: path as SecurityConnectorRoutes };
}
