import type { Debugger } from "@azure/logger";
import { logPolicyName, type LogPolicyOptions, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { Sanitizer } from "@typespec/ts-http-runtime/internal/util";

// Why the client does not keep core-rest-pipeline's log policy: at info level it leaks what this API carries.
// - It prints the whole request object through its sanitizer, `tlsSettings` and `proxySettings` included (a client
//   key's passphrase, a proxy password). Still so in @typespec/ts-http-runtime 0.3.11, the newest release.
// - Up to ts-http-runtime 0.3.6 (the newest that runs on Node 20, so what our lockfile holds) it prints response
//   headers unredacted: the sanitizer redacts only values found under a "headers" key, and the response's headers
//   are passed as the root. An Azure-AsyncOperation or Location URL with a signature in its query, or a Set-Cookie,
//   reaches the log.
// This policy prints the method, the URL and the headers of each request, and the status and headers of each
// response, through core's own Sanitizer (the one core's log policy uses, so its code and allow-lists are already
// in every app; 0.3.6 and 0.3.11 redact alike): every header whose name is not allowed and every query value but
// the allowed ones are replaced by REDACTED. It takes core's options and allow-lists.

// Allowed beside core's list: ARM's own diagnostics (ids, the error code), which carry no secret and are what support
// asks for.
const ARM_HEADERS = ["x-ms-error-code", "x-ms-ratelimit-remaining-subscription-reads", "x-ms-routing-request-id"];

/** A log policy that redacts request and response headers and query values that are not on the allow-lists. */
export function redactingLogPolicy(options: LogPolicyOptions & { logger: Debugger }): PipelinePolicy {
  const sanitizer = new Sanitizer({
    additionalAllowedHeaderNames: [...ARM_HEADERS, ...(options.additionalAllowedHeaderNames ?? [])],
    additionalAllowedQueryParameters: options.additionalAllowedQueryParameters,
  });
  const log = options.logger;
  return {
    name: logPolicyName,
    async sendRequest(request, next) {
      if (!log.enabled) return next(request);
      // The sanitizer redacts the query values of "url" and the values under "headers" (HttpHeaders.toJSON() gives
      // lower-cased names) that are not allowed.
      const sent = {
        url: withoutFragmentOrCredentials(request.url),
        method: request.method,
        headers: request.headers.toJSON(),
        requestId: request.requestId,
      };
      log(`Request: ${sanitizer.sanitize(sent)}`);
      const response = await next(request);
      log(`Response status code: ${response.status}`);
      log(`Headers: ${sanitizer.sanitize({ headers: response.headers.toJSON() })}`);
      return response;
    },
  };
}

/** A fragment or credentials in a URL are never sent, but may be in the string: they stay out of the log. */
function withoutFragmentOrCredentials(text: string): string {
  try {
    const url = new URL(text);
    url.hash = "";
    url.username = "";
    url.password = "";
    return url.href;
  } catch {
    return "REDACTED";
  }
}

/**
 * Swaps core's log policy on `pipeline` for the redacting one, found by name and put back with the placement core
 * gives its own: after the Sign phase, so that it sees the request as sent (Authorization shown as REDACTED).
 */
export function useRedactingLogPolicy(pipeline: Pipeline, options: LogPolicyOptions & { logger: Debugger }): void {
  pipeline.removePolicy({ name: logPolicyName });
  pipeline.addPolicy(redactingLogPolicy(options), { afterPhase: "Sign" });
}
