import type { Debugger } from "@azure/logger";
import type { HttpHeaders, LogPolicyOptions, PipelinePolicy } from "@azure/core-rest-pipeline";

// Stands in for core-rest-pipeline's logPolicy (1.24) in the client's pipeline (rest/pipeline.ts). Core's leaks at
// info level:
// - response headers are printed unredacted (its sanitizer redacts only values found under a "headers" key, and
//   the response's HttpHeaders object is passed as the root), so an Azure-AsyncOperation or Location URL with a
//   SAS-like query, or a Set-Cookie, reaches the log;
// - the whole request object is printed, `tlsSettings` and `proxySettings` included (a client key's passphrase,
//   a proxy password).
// This one prints the method, the URL with every query value but the allowed ones replaced, and headers whose
// names are not allowed replaced, for requests and responses alike. Same allow-lists and options as core's.

/** The policy's name, the same as core's, so that `pipeline.removePolicy({ name: "logPolicy" })` still finds it. */
const logPolicyName = "logPolicy";

const REDACTED = "REDACTED";

// core-rest-pipeline's default allow-list (typespec ts-http-runtime util/sanitizer.js), copied verbatim — spelling,
// case and order — so that it is easy to diff against core's and gzip finds it as one run in a bundle that holds
// both. Names are compared lower-cased.
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

/** A log policy that redacts request and response headers and query values not on the allow-lists. */
export function redactingLogPolicy(options: LogPolicyOptions & { logger: Debugger }): PipelinePolicy {
  const headerNames = new Set(
    [...ALLOWED_HEADERS, ...(options.additionalAllowedHeaderNames ?? [])].map((n) => n.toLowerCase()),
  );
  const queryNames = new Set(
    [...ALLOWED_QUERY, ...(options.additionalAllowedQueryParameters ?? [])].map((n) => n.toLowerCase()),
  );
  const log = options.logger;

  const headers = (h: HttpHeaders): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(h.toJSON())) out[name] = headerNames.has(name) ? value : REDACTED;
    return out;
  };
  const url = (text: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return REDACTED;
    }
    for (const [key] of parsed.searchParams) {
      if (!queryNames.has(key.toLowerCase())) parsed.searchParams.set(key, REDACTED);
    }
    // A fragment or credentials in the URL are never sent, but may be in the string: drop them from the log.
    parsed.hash = "";
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  };

  return {
    name: logPolicyName,
    async sendRequest(request, next) {
      if (!log.enabled) return next(request);
      const sent = {
        url: url(request.url),
        method: request.method,
        headers: headers(request.headers),
        requestId: request.requestId,
      };
      log(`Request: ${JSON.stringify(sent, undefined, 2)}`);
      const response = await next(request);
      log(`Response status code: ${response.status}`);
      log(`Headers: ${JSON.stringify(headers(response.headers), undefined, 2)}`);
      return response;
    },
  };
}
