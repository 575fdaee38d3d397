import type { TokenCredential } from "@azure/core-auth";
import type { SecurityDevOpsClient } from "../generated/clientDefinitions.js";
import {
  createClient as createGeneratedClient,
  defaultEndpoint,
  type SecurityDevOpsClientOptions,
} from "../generated/securityDevOpsClient.js";
import { rememberEndpoint } from "./clientEndpoint.js";
import { checkPathArguments } from "./validate.js";

/**
 * Creates a client of the Microsoft.Security DevOps API (api-version 2024-04-01 unless `options.apiVersion`).
 *
 * It is the generated factory plus two things the generated RLC cannot do by itself:
 * - `client.path(...)` checks its arguments against the swagger's rules before any request is built, and throws an
 *   `InvalidParameterError` naming the parameter and the rule (see validate.ts);
 * - the client's endpoint is recorded, so pollers and the pager refuse to send its token anywhere else.
 *
 * @param credential - A Microsoft Entra ID credential, e.g. `new DefaultAzureCredential()` from @azure/identity.
 * @param options - `endpoint` (default https://management.azure.com), `apiVersion`, and every
 *   @azure-rest/core-client option (retry, logging, tlsOptions, additionalPolicies, …).
 */
export function createClient(credential: TokenCredential, options: SecurityDevOpsClientOptions = {}): SecurityDevOpsClient {
  const generated = createGeneratedClient(credential, options);
  const buildPath = generated.path as (template: string, ...values: unknown[]) => unknown;
  const client: SecurityDevOpsClient = {
    ...generated,
    path: ((template: string, ...values: unknown[]) => {
      checkPathArguments(template, values);
      return buildPath(template, ...values);
    }) as SecurityDevOpsClient["path"],
  };
  rememberEndpoint(client, options.endpoint ?? options.baseUrl ?? defaultEndpoint);
  return client;
}

export default createClient;
