import { createRestError, type HttpResponse } from "@azure-rest/core-client";
import { RestError, isRestError } from "@azure/core-rest-pipeline";
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
  const detail = readArmErrorResponse(response.body);
  const error = createRestError(response);
  const headerCode = headerValue(response.headers, "x-ms-error-code");
  error.code = headerCode ?? detail?.code ?? error.code;
  error.details = detail;
  if (detail?.message === undefined) {
    // createRestError says only "Unexpected status code: 418" when the body is not JSON; add the method and URL
    // path (never the query, which may hold a SAS) so the message alone locates the failure.
    error.message = `${error.message} (${response.request.method} ${pathOf(response.request.url)})`;
  }
  return error as ArmRestError;
}

/** Case-insensitive header lookup: RLC responses lower-case names, hand-built ones may not. */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "<unparsable url>";
  }
}
