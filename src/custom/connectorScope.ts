import type { Routes, SecurityDevOpsClient as GeneratedClient } from "../generated/clientDefinitions.js";
import { pathParameterRules } from "../generated/pathParameters.js";
import { routePrefix, routes } from "../generated/routes.js";
import type { SecurityConnectorRoutes, SecurityConnectorScope } from "../generated/scopedRoutes.js";
import { InvalidParameterError } from "./errors/invalidParameterError.js";
import { checkPathParameter } from "./validate.js";

// `client.connector(scope).path(template, ...ids)`: the API's path templates without the long part every one of
// them starts with (routePrefix, `/subscriptions/{subscriptionId}/…/securityConnectors/{securityConnectorName}`),
// whose ids are given once. It adds no request logic of its own: path() hands the full template and every id to the
// client's own path(), so validation, requests and responses are exactly those of `client.path`. The scope's ids are
// checked here, when the helper is made, so that a wrong one is reported where it was given rather than at each
// later path(); path() checks the template and the number of ids itself only to word its errors for the caller's
// relative template (client.path would quote the full one and count the scope's ids too).

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

/** `connector(scope)` of a client whose `path` is the validating one of createClient. */
export function connectorScope(client: { path: Routes }, scope: SecurityConnectorScope): ConnectorScope {
  // `?.`: a scope that is not an object is reported as its first id missing.
  const ids = scopeNames.map((name) => {
    const id = (scope as unknown as Record<string, unknown> | null | undefined)?.[name];
    checkPathParameter({ ...pathParameterRules[name], name: `scope.${name}` }, id);
    return id as string;
  });
  const send = client.path as (template: string, ...values: unknown[]) => unknown;
  const path = (template: string, ...values: unknown[]) => {
    // Checked before the prefix is put in front, so that errors quote the template as the caller wrote it and count
    // the ids the caller gives.
    if (!Object.hasOwn(routes, template)) {
      throw new InvalidParameterError("path", "must be one of the API's path templates below the security connector", `got ${JSON.stringify(template)}`);
    }
    const names = template.match(/\{\w+\}/g) ?? [];
    if (values.length !== names.length) {
      const which = names.length > 0 ? ` (${names.join(", ")})` : "";
      throw new InvalidParameterError("path", `takes ${names.length} path parameters after the connector's${which}`, `got ${values.length}`);
    }
    return send(routePrefix + template, ...ids, ...values);
  };
  // path() is typed per template by the generated SecurityConnectorRoutes, which one function cannot spell out.
  return { path: path as SecurityConnectorRoutes };
}
