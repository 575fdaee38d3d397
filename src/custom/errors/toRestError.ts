import type { HttpResponse } from "@azure-rest/core-client";
import { createHttpHeaders, RestError, isRestError } from "@azure/core-rest-pipeline";
import { readArmErrorResponse, type ArmErrorDetail } from "./armErrorDetail.js";

// RestError is the error every Azure SDK throws for HTTP failures; re-exporting it (and its guard, which
// core-rest-pipeline already makes copy-safe) means callers learn one class, not a second "ArmError".
export { RestError, isRestError };

/** A RestError whose `details` is the parsed ARM ErrorDetail of the response (undefined if the body had none). */
export type ArmRestError = RestError & {
  readonly name: "RestError";
  code: string | undefined;
  statusCode: number | undefined;
  details: ArmErrorDetail | undefined;
};

/**
 * The RestError for a non-2xx response of any operation: `statusCode`, `code` (the `x-ms-error-code` header, else
 * the body's `error.code` — the order ARM documents), `message` from the body, the parsed ErrorDetail as `details`,
 * and the request/response kept (non-enumerable, as RestError keeps them, so logs do not print tokens).
 *
 * Typical use: `if (isUnexpected(response)) throw toRestError(response);`
 */
export function toRestError(response: HttpResponse): ArmRestError {
  // Built here rather than with core-client's createRestError, which reads the same fields less strictly (any
  // `body.message`) and whose helpers would be one more module in every bundle.
  const detail = readArmErrorResponse(response.body);
  const { request, headers, body } = response;
  const statusCode = Number.parseInt(response.status) || undefined;
  // Without an ARM message, the status with the method and URL path (never the query, which may hold a SAS), so
  // that the message alone locates the failure.
  const message = detail?.message ?? `Unexpected status code: ${response.status} (${request.method} ${pathOf(request.url)})`;
  // RLC responses lower-case header names, hand-built ones may not: HttpHeaders looks them up case-insensitively.
  const httpHeaders = createHttpHeaders(headers);
  const error = new RestError(message, {
    statusCode,
    code: httpHeaders.get("x-ms-error-code") ?? detail?.code,
    request,
    response: {
      headers: httpHeaders,
      request,
      status: statusCode ?? -1,
      bodyAsText: typeof body === "string" ? body : undefined,
    },
  });
  error.details = detail;
  return error as ArmRestError;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "<unparsable url>";
  }
}
