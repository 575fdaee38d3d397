import type { ClientOptions } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import {
  agentPolicy,
  bearerTokenAuthenticationPolicy,
  createEmptyPipeline,
  decompressResponsePolicy,
  defaultRetryPolicy,
  proxyPolicy,
  redirectPolicy,
  setClientRequestIdPolicy,
  tlsPolicy,
  tracingPolicy,
  userAgentPolicy,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { isNodeLike } from "@azure/core-util";
import { logger } from "../../generated/logger.js";
import { redactingLogPolicy } from "../logPolicy.js";

// tsup defines this as true for dist/browser.js, the build package.json gives browser bundlers (and Deno under
// --conditions=browser): there the Node-only policies below are dead code and drop out of the bundle (~0.5 KB gzip).
// Everywhere else, including the source under test, it is undefined and `isNodeLike` decides at run time.
declare const __BROWSER_BUILD__: boolean | undefined;
const node = !(typeof __BROWSER_BUILD__ !== "undefined" && __BROWSER_BUILD__) && isNodeLike;

/**
 * The client's pipeline: core-rest-pipeline's default policies, in the order and phases of its
 * createPipelineFromOptions (1.24), with two changes:
 * - no formDataPolicy or multipartPolicy: every body of this API is JSON, and those two cost ~2 KB gzip in every
 *   browser bundle;
 * - the redacting log policy (logPolicy.ts) in place of core's, which prints response headers unredacted.
 * No wrapAbortSignalLikePolicy either: core's HTTP clients only call addEventListener on the signal, which an
 * AbortSignalLike has.
 */
export function createPipeline(endpoint: string, credential: TokenCredential, options: ClientOptions): Pipeline {
  const pipeline = createEmptyPipeline();
  const add = (policy: PipelinePolicy, afterRetry?: boolean) =>
    pipeline.addPolicy(policy, afterRetry ? { afterPhase: "Retry" } : undefined);
  if (node) {
    if (options.agent) add(agentPolicy(options.agent));
    if (options.tlsOptions) add(tlsPolicy(options.tlsOptions));
    add(proxyPolicy(options.proxyOptions));
    add(decompressResponsePolicy());
  }
  add(userAgentPolicy(options.userAgentOptions));
  add(setClientRequestIdPolicy(options.telemetryOptions?.clientRequestIdHeaderName));
  pipeline.addPolicy(defaultRetryPolicy(options.retryOptions), { phase: "Retry" });
  add(tracingPolicy({ ...options.userAgentOptions, ...options.loggingOptions }), true);
  // Browsers follow redirects themselves; in Node the policy does, and drops the Authorization header on the way.
  if (node) add(redirectPolicy(options.redirectOptions), true);
  const log = options.loggingOptions?.logger ?? logger.info;
  pipeline.addPolicy(redactingLogPolicy({ ...options.loggingOptions, logger: log }), { afterPhase: "Sign" });
  add(apiVersionPolicy(options.apiVersion));
  add(
    bearerTokenAuthenticationPolicy({ credential, scopes: options.credentials?.scopes ?? `${endpoint}/.default` }),
  );
  return pipeline;
}

/** Adds `api-version` to every request URL that has none (as @azure-rest/core-client's policy, which it does not export). */
function apiVersionPolicy(apiVersion: string | undefined): PipelinePolicy {
  return {
    name: "ApiVersionPolicy",
    sendRequest(request, next) {
      const url = new URL(request.url);
      if (apiVersion && !url.searchParams.get("api-version")) {
        request.url += `${url.search ? "&" : "?"}api-version=${apiVersion}`;
      }
      return next(request);
    },
  };
}
