// The runtime of the generated factory (src/generated/securityDevOpsClient.ts imports getClient from here; see
// swagger/README.md, `runtime`). It has the contract of @azure-rest/core-client's getClient for a TokenCredential,
// and returns the same Client shape, built from @azure/core-rest-pipeline's parts.
//
// Why not core-client's getClient: it always builds its default pipeline, even when given one
// (`options.pipeline ?? createDefaultPipeline(...)` keeps the code in every bundle). That pipeline holds the
// multipart and form-data policies, which this JSON API never needs, and a log policy we must replace anyway
// (logPolicy.ts); with its request builder they are ~6 KB gzip of a browser bundle, more than the poller and
// every other addition of this package together (test/budget, `npm run budget`).
import type { Client, ClientOptions, PathParameterWithOptions, RequestParameters, StreamableMethod } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import type { HttpMethods } from "@azure/core-rest-pipeline";
import { createPipeline } from "./pipeline.js";
import { buildRequestUrl } from "./requestUrl.js";
import { sendRequest } from "./sendRequest.js";

type PathValue = string | number | PathParameterWithOptions;

const VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"] as const;

/** A REST-level client of `endpoint`: `path(template, ...values)` gives one function per HTTP verb. */
export function getClient(endpoint: string, credential: TokenCredential, options: ClientOptions = {}): Client {
  const pipeline = options.pipeline ?? createPipeline(endpoint, credential, options);
  for (const { policy, position } of options.additionalPolicies ?? []) {
    // As core-client: per-retry policies run after signing, so that they see each attempt as sent.
    pipeline.addPolicy(policy, { afterPhase: position === "perRetry" ? "Sign" : undefined });
  }
  const base = options.endpoint ?? endpoint;
  const path = (template: string, ...values: PathValue[]) => {
    const verbs: Record<string, (requestOptions?: RequestParameters) => StreamableMethod> = {};
    for (const name of VERBS) {
      const method = name.toUpperCase() as HttpMethods;
      verbs[name] = (requestOptions = {}) => {
        const send = (responseAsStream?: boolean) =>
          sendRequest(method, buildRequestUrl(base, template, values, requestOptions), pipeline, requestOptions, options, responseAsStream);
        return {
          then: (onFulfilled, onRejected) => send().then(onFulfilled, onRejected),
          // The pipeline's HTTP client gives each runtime's own stream type (core-client refuses the other runtime's
          // call with an error; here it simply returns the one this runtime has).
          asNodeStream: () => send(true),
          asBrowserStream: () => send(true),
        } as StreamableMethod;
      };
    }
    return verbs;
  };
  return { path, pathUnchecked: path, pipeline } as unknown as Client;
}
