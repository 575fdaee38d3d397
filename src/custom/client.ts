import type { TokenCredential } from "@azure/core-auth";
import {
  createClient as createGeneratedClient,
  defaultEndpoint,
  type SecurityDevOpsClientOptions,
} from "../generated/securityDevOpsClient.js";
import { logger } from "../generated/logger.js";
import { rememberEndpoint } from "./clientEndpoint.js";
import { connectorScope, type SecurityDevOpsClient } from "./connectorScope.js";
import { useRedactingLogPolicy } from "./logPolicy.js";
import { checkPathArguments, checkRequestOptions } from "./validate.js";

/**
 * Creates a client of the Microsoft.Security DevOps API (api-version 2024-04-01 unless `options.apiVersion`).
 *
 * It is the generated factory (@azure-rest/core-client's getClient and its default pipeline) plus what a generated
 * RLC cannot do by itself:
 * - `client.path(...)` checks its arguments against the swagger's rules before any request is built, and throws an
 *   `InvalidParameterError` naming the parameter and the rule (see validate.ts);
 * - the client's endpoint is recorded, so pollers and the pager refuse to send its token anywhere else;
 * - a per-request `api-version` query override must be a non-empty string (see validate.ts);
 * - `client.connector(scope).path(template, ...)` takes the templates below one security connector (connectorScope.ts);
 * - core's log policy is swapped for one that also redacts response headers and never prints TLS or proxy
 *   settings (see logPolicy.ts).
 *
 * @param credential - A Microsoft Entra ID credential, e.g. `new DefaultAzureCredential()` from @azure/identity.
 * @param options - `endpoint` (default https://management.azure.com), `apiVersion`, and every
 *   @azure-rest/core-client option (retry, logging, tlsOptions, additionalPolicies, …).
 */
export function createClient(credential: TokenCredential, options: SecurityDevOpsClientOptions = {}): SecurityDevOpsClient {
  const generated = createGeneratedClient(credential, options);
  // A caller's own pipeline is theirs to configure; the one core built for us gets the redacting log policy.
  if (!options.pipeline) {
    useRedactingLogPolicy(generated.pipeline, { ...options.loggingOptions, logger: options.loggingOptions?.logger ?? logger.info });
  }
  const buildPath = generated.path as unknown as (template: string, ...values: unknown[]) => Record<string, Verb>;
  const client: SecurityDevOpsClient = {
    ...generated,
    path: ((template: string, ...values: unknown[]) => {
      checkPathArguments(template, values);
      const resource = buildPath(template, ...values);
      const checked: Record<string, Verb> = {};
      for (const [verb, send] of Object.entries(resource)) {
        checked[verb] = (requestOptions) => {
          checkRequestOptions(requestOptions);
          return send(requestOptions);
        };
      }
      return checked;
    }) as unknown as SecurityDevOpsClient["path"],
    connector: (scope) => connectorScope(client, scope),
  };
  rememberEndpoint(client, options.endpoint ?? options.baseUrl ?? defaultEndpoint);
  return client;
}

type Verb = (requestOptions?: unknown) => unknown;

export default createClient;
