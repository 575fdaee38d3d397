import { TEMPLATE } from "../custom/poller/pollOperationResult.js";
import { checkPathArguments } from "../custom/validate.js";
import { UsageError } from "./exitCodes.js";

// An operation given as a URL is checked before anything is sent: it must be on the endpoint (polling it sends the
// token there) and it must be an operation result, the document get and wait read. Any other URL of the endpoint
// (a GitHub owner, a list, the connector) would be sent with the token and then fail as a "bad answer"; that is
// a mistake on the command line, so it is refused here instead.

/** The poller's path template of DevOpsOperationResults_Get, whose URL is the Azure-AsyncOperation header. */
export const OPERATION_RESULT_PATH = TEMPLATE;

const SHAPE = ".../providers/Microsoft.Security/securityConnectors/<connector>/devops/default/operationResults/<id>";

/** The URL as it will be requested, once it is known to be an operation result on `endpoint`. */
export function checkOperationUrl(text: string, endpoint: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`the operation URL is not a valid URL: ${JSON.stringify(text)}`);
  }
  if (url.origin !== endpoint) {
    throw new UsageError(
      `the operation URL is on ${url.origin}, not on the endpoint ${endpoint}; the token is sent only to the ` +
        `endpoint, so pass --endpoint ${url.origin} if you trust that host`,
    );
  }
  if (url.username !== "" || url.password !== "") throw new UsageError("the operation URL must not contain credentials");
  const ids = operationResultIds(url.pathname);
  if (ids === undefined) {
    throw new UsageError(`the URL is not an operation result; give the Azure-AsyncOperation URL of a long-running request: ${SHAPE}`);
  }
  // The ids inside the URL meet the swagger's rules too (a 91-character resource group is refused, as with flags).
  checkPathArguments(OPERATION_RESULT_PATH, ids, "the URL's ");
  return url.href;
}

/**
 * The four path parameters when `pathname` has the template's shape: the same number of segments, the literal
 * ones equal ignoring case (ARM paths are case-insensitive), and one trailing slash tolerated.
 */
function operationResultIds(pathname: string): string[] | undefined {
  const template = OPERATION_RESULT_PATH.split("/");
  const segments = pathname.replace(/(.)\/$/, "$1").split("/");
  if (segments.length !== template.length) return undefined;
  const ids: string[] = [];
  for (const [i, part] of template.entries()) {
    const segment = segments[i]!;
    if (part.startsWith("{")) {
      if (segment === "") return undefined;
      try {
        ids.push(decodeURIComponent(segment));
      } catch {
        throw new UsageError(`the operation URL has a malformed percent-escape in ${JSON.stringify(segment)}`);
      }
    } else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return ids;
}
