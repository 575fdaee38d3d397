// isUnexpected.ts: RLC's type guard. One overload per operation narrows the
// response union; the runtime part looks the request's method and path up in a
// table of documented success codes.
import type { OperationInfo } from "../model/api.js";
import { responseTypeName, responseTypeNames } from "./responses.js";

function overload(op: OperationInfo): string {
  return `export function isUnexpected(response: ${responseTypeNames(op).join(" | ")}): response is ${responseTypeName(op, op.errorResponse)};`;
}

// The runtime matcher and implementation, emitted verbatim. Kept free of generated names so it reads
// like (and can be reviewed as) ordinary code.
const MATCHER = `
/**
 * Path segments of a request URL, percent-decoded one by one (so an encoded "/"
 * stays inside its segment); query string, fragment and empty segments dropped.
 */
function pathSegments(url: string): string[] {
  return new URL(url).pathname
    .split("/")
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * Documented success codes for a request, or undefined when no path template
 * matches. ARM paths are case-insensitive, so literal segments compare that way;
 * when several templates match, the one with most literal segments wins.
 */
function documentedStatuses(method: string, url: string): readonly string[] | undefined {
  const segments = pathSegments(url);
  let best: readonly string[] | undefined;
  let bestLiterals = -1;
  for (const [key, statuses] of Object.entries(responseMap)) {
    const [keyMethod, template = ""] = key.split(" ");
    if (keyMethod !== method.toUpperCase()) continue;
    const parts = template.split("/").filter((part) => part.length > 0);
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const matches = parts.every((part, i) => {
      if (part.startsWith("{") && part.endsWith("}")) return true;
      literals += 1;
      return part.toLowerCase() === segments[i]!.toLowerCase();
    });
    if (matches && literals > bestLiterals) {
      best = statuses;
      bestLiterals = literals;
    }
  }
  return best;
}

`;

const IMPLEMENTATION = `export function isUnexpected(response: AnyResponse): response is AnyDefaultResponse {
  // A long-running operation's final response may come from a polling URL; the
  // poller records the original request URL in this header.
  const url = response.headers["x-ms-original-url"] ?? response.request.url;
  const statuses = documentedStatuses(response.request.method, url);
  // A request to a path this API does not describe (pathUnchecked): only 2xx is expected.
  if (statuses === undefined) return !/^2\\d\\d$/.test(response.status);
  return !statuses.includes(response.status);
}`;

export function emitIsUnexpected(operations: OperationInfo[]): string {
  const names = operations.flatMap(responseTypeNames);
  const defaults = operations.map((op) => responseTypeName(op, op.errorResponse));
  const map = operations.map(
    (op) =>
      `${JSON.stringify(`${op.method.toUpperCase()} ${op.path}`)}: ${JSON.stringify(op.responses.map((r) => r.status))},`,
  );
  return `import type { ${names.join(", ")} } from "./responses.js";

type AnyResponse = ${names.join(" | ")};

type AnyDefaultResponse = ${defaults.join(" | ")};

/** Documented success status codes, keyed by "METHOD path-template". */
const responseMap: Record<string, readonly string[]> = {
${map.join("\n")}
};

${MATCHER}

${operations.map(overload).join("\n")}
${IMPLEMENTATION}`;
}
