import type { Debugger } from "@azure/logger";
import type { HttpHeaders, LogPolicyOptions, Pipeline, PipelinePolicy } from "@azure/core-rest-pipeline";

// Why the client does not keep core-rest-pipeline's log policy: at info level it leaks what this API carries.
// - It prints the whole request object through its sanitizer, `tlsSettings` and `proxySettings` included (a client
//   key's passphrase, a proxy password). Still so in @typespec/ts-http-runtime 0.3.11, the newest release.
// - Up to ts-http-runtime 0.3.6 (the newest that runs on Node 20, so what our lockfile holds) it prints response
//   headers unredacted: the sanitizer redacts only values found under a "headers" key, and the response's headers
//   are passed as the root. An Azure-AsyncOperation or Location URL with a signature in its query, or a Set-Cookie,
//   reaches the log.
// This policy prints the method, the URL with every query value but the allowed ones replaced, and every header
// whose name is not allowed replaced, for requests and responses alike. It takes core's options and allow-lists.

/** The name core gives its log policy (core-rest-pipeline 1.24 and 1.25, ts-http-runtime 0.3.x). */
const logPolicyName = "logPolicy";

const REDACTED = "REDACTED";

// The headers core's sanitizer lets through, as core spells them (ts-http-runtime util/sanitizer.js, which does not
// export them), then ARM's own diagnostics. Names are compared lower-cased.
const ALLOWED_HEADERS = [
  "x-ms-client-request-id",
  "x-ms-return-client-request-id",
  "x-ms-useragent",
  "x-ms-correlation-request-id",
  "x-ms-request-id",
  "client-request-id",
  "ms-cv",
  "return-client-request-id",
  "traceparent",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Headers",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Origin",
  "Access-Control-Expose-Headers",
  "Access-Control-Max-Age",
  "Access-Control-Request-Headers",
  "Access-Control-Request-Method",
  "Origin",
  "Accept",
  "Accept-Encoding",
  "Cache-Control",
  "Connection",
  "Content-Length",
  "Content-Type",
  "Date",
  "ETag",
  "Expires",
  "If-Match",
  "If-Modified-Since",
  "If-None-Match",
  "If-Unmodified-Since",
  "Last-Modified",
  "Pragma",
  "Request-Id",
  "Retry-After",
  "Server",
  "Transfer-Encoding",
  "User-Agent",
  "WWW-Authenticate",
  // ARM's own diagnostics: ids and the error code carry no secret and are what support asks for.
  "x-ms-error-code",
  "x-ms-ratelimit-remaining-subscription-reads",
  "x-ms-routing-request-id",
];
const ALLOWED_QUERY = ["api-version"];

/** A log policy that redacts request and response headers and query values that are not on the allow-lists. */
export function redactingLogPolicy(options: LogPolicyOptions & { logger: Debugger }): PipelinePolicy {
  const allowedHeaders = new Set(
    [...ALLOWED_HEADERS, ...(options.additionalAllowedHeaderNames ?? [])].map((name) => name.toLowerCase()),
  );
  const allowedQuery = new Set(
    [...ALLOWED_QUERY, ...(options.additionalAllowedQueryParameters ?? [])].map((name) => name.toLowerCase()),
  );
  const log = options.logger;

  // HttpHeaders.toJSON() gives lower-cased names.
  function redactHeaders(headers: HttpHeaders): Record<string, string> {
    const redacted: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers.toJSON())) {
      redacted[name] = allowedHeaders.has(name) ? value : REDACTED;
    }
    return redacted;
  }

  function redactUrl(text: string): string {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return REDACTED;
    }
    for (const [name] of url.searchParams) {
      if (!allowedQuery.has(name.toLowerCase())) url.searchParams.set(name, REDACTED);
    }
    // A fragment or credentials in the URL are never sent, but may be in the string: they stay out of the log.
    url.hash = "";
    url.username = "";
    url.password = "";
    return url.href;
  }

  return {
    name: logPolicyName,
    async sendRequest(request, next) {
      if (!log.enabled) return next(request);
      const sent = {
        url: redactUrl(request.url),
        method: request.method,
        headers: redactHeaders(request.headers),
        requestId: request.requestId,
      };
      log(`Request: ${JSON.stringify(sent, undefined, 2)}`);
      const response = await next(request);
      log(`Response status code: ${response.status}`);
      log(`Headers: ${JSON.stringify(redactHeaders(response.headers), undefined, 2)}`);
      return response;
    },
  };
}

/**
 * Swaps core's log policy on `pipeline` for the redacting one, found by name and put back with the placement core
 * gives its own: after the Sign phase, so that it sees the request as sent (Authorization shown as REDACTED).
 * test/reliability/logging.test.ts reads everything logged at verbose level, so a core release that renamed its
 * policy (and kept it next to ours) would fail there.
 */
export function useRedactingLogPolicy(pipeline: Pipeline, options: LogPolicyOptions & { logger: Debugger }): void {
  pipeline.removePolicy({ name: logPolicyName });
  pipeline.addPolicy(redactingLogPolicy(options), { afterPhase: "Sign" });
}
