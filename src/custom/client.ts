import type { TokenCredential } from "@azure/core-auth";
import {
  createClient as createGeneratedClient,
  defaultEndpoint,
  type SecurityDevOpsClientOptions as GeneratedClientOptions,
} from "../generated/securityDevOpsClient.js";
import { logger } from "../generated/logger.js";
import { rememberEndpoint } from "./clientEndpoint.js";
import { connectorScope, type SecurityDevOpsClient } from "./connectorScope.js";
import { useRedactingLogPolicy } from "./logPolicy.js";
import { rememberThrottle, type ClientThrottle } from "./throttle/budgetState.js";
import {
  installerOf,
  normalizeMaxConcurrentRequests,
  normalizeReadBudget,
  type ThrottleClientOptions,
} from "./throttle/options.js";
import { readBudgetPolicy } from "./throttle/readBudgetPolicy.js";
import { RequestSlots } from "./throttle/requestSlots.js";
import { checkPathArguments, checkRequestOptions } from "./validate.js";

/**
 * Options of {@link createClient}: `endpoint`, `apiVersion`, every @azure-rest/core-client option, and the shared
 * read budget and bound on requests in flight (`readBudget`, `maxConcurrentRequests`).
 */
export interface SecurityDevOpsClientOptions extends GeneratedClientOptions, ThrottleClientOptions {}

/**
 * Creates a client of the Microsoft.Security DevOps API (api-version 2024-04-01 unless `options.apiVersion`).
 *
 * It is the generated factory (@azure-rest/core-client's getClient and its default pipeline) plus what a generated
 * RLC cannot do by itself:
 * - `client.path(...)` checks its arguments against the swagger's rules before any request is built, and throws an
 *   `InvalidParameterError` naming the parameter and the rule (see validate.ts);
 * - the client's endpoint is recorded, so pollers and the pager refuse to send its token anywhere but the endpoint
 *   and `options.allowedOrigins`;
 * - a per-request `api-version` query override must be a non-empty string (see validate.ts);
 * - `client.connector(scope).path(template, ...)` takes the templates below one security connector (connectorScope.ts);
 * - core's log policy is swapped for one that also redacts response headers and never prints TLS or proxy
 *   settings (see logPolicy.ts);
 * - the reads of its pollers and pagers share a read budget per subscription shaped like ARM's, installed with the
 *   first of them (throttle/install.ts), and requests in flight are bounded (see throttle/ and README "Many
 *   operations at once"); `readBudgetState(client)` and `requestLimitState(client)` report them.
 *
 * @param credential - A Microsoft Entra ID credential, e.g. `new DefaultAzureCredential()` from @azure/identity.
 * @param options - `endpoint` (default https://management.azure.com), `apiVersion`, `readBudget`,
 *   `maxConcurrentRequests`, and every @azure-rest/core-client option (retry, logging, tlsOptions, …).
 */
export function createClient(
  credential: TokenCredential,
  options: SecurityDevOpsClientOptions = {},
): SecurityDevOpsClient {
  const { readBudget, maxConcurrentRequests, ...coreOptions } = options;
  const normalizedBudget = normalizeReadBudget(readBudget);
  const maxInFlight = normalizeMaxConcurrentRequests(maxConcurrentRequests);
  if (options.pipeline && (readBudget !== undefined || maxConcurrentRequests !== undefined)) {
    throw new TypeError(
      "options.readBudget and options.maxConcurrentRequests apply to the pipeline createClient builds; with " +
        "options.pipeline, the pipeline is the caller's and gets neither",
    );
  }
  const installBudget = installerOf(readBudget);
  if (normalizedBudget?.allReads && installBudget === undefined) {
    // Holding every GET means holding the client's first one too, before any poller has brought the budget's code
    // in (throttle/install.ts): the budget must come with the client, which sharedReadBudget() arranges.
    throw new TypeError(
      "options.readBudget.allReads needs the budget made with the client: pass readBudget: sharedReadBudget({ allReads: true })",
    );
  }
  const generated = createGeneratedClient(credential, coreOptions);
  // A caller's own pipeline is theirs to configure; the one core built for us gets the redacting log policy, the
  // shared read budget and the bound on requests in flight. The budget itself is made by the client's first poller
  // or paginate, or now when `readBudget` was made by sharedReadBudget() (throttle/install.ts).
  if (!options.pipeline) {
    useRedactingLogPolicy(generated.pipeline, {
      ...options.loggingOptions,
      logger: options.loggingOptions?.logger ?? logger.info,
    });
    const record: ClientThrottle = {
      readBudget: normalizedBudget,
      budget: undefined,
      slots: new RequestSlots(maxInFlight),
    };
    // Both after the retry policy, so each attempt waits; the budget first, so a read waiting for its token holds
    // no connection slot. The log policy (after the Sign phase) stays the last before the wire.
    if (record.readBudget) generated.pipeline.addPolicy(readBudgetPolicy(record), { afterPhase: "Retry" });
    generated.pipeline.addPolicy(record.slots.policy(), { afterPhase: "Retry" });
    rememberThrottle(generated.pipeline, record);
    installBudget?.(generated);
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
