// routes.ts: every path template with, per method, its documented success codes, and `routeOf(url)`, which finds
// the template a request URL matches. One table serves the runtime of isUnexpected (which status is expected for a
// request), of the hand-written path validation (is this a path of the API) and of the span names (operationIds.ts
// is keyed by the same templates); keeping the long template strings in one place keeps browser bundles small.
// Every template of an ARM API starts with the same resource scope, so the table stores each one relative to that
// shared prefix: the prefix is written once instead of 21 times (about 3 KB of a minified bundle).
import type { RouteInfo } from "../model/api.js";

/**
 * The longest run of whole segments that every template starts with and none equals, so that every key of the
 * table is non-empty and starts with "/".
 */
export function commonRoutePrefix(paths: readonly string[]): string {
  const split = paths.map((p) => p.split("/"));
  const shortest = Math.min(...split.map((s) => s.length));
  let n = 0;
  while (n < shortest - 1 && split.every((s) => s[n] === split[0]![n])) n++;
  return split[0]!.slice(0, n).join("/");
}

// The runtime matcher, emitted verbatim. Kept free of generated names so it reads like (and can be reviewed as)
// ordinary code.
const MATCHER = `
/**
 * Every template as a case-insensitive RegExp (ARM paths are case-insensitive), compiled on first use. The table
 * lists the most specific templates first, so the first match wins. A parameter matches one raw segment: an
 * encoded "/" (%2F) stays inside it.
 */
let matchers: Array<[RegExp, string]> | undefined;

/**
 * The key of {@link routes} whose template the path of the absolute URL \`url\` matches; undefined when the URL is
 * no path of the API (or not a URL).
 */
export function routeOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  matchers ??= Object.keys(routes).map((rest) => [
    new RegExp(\`^\${(routePrefix + rest).replace(/[.*+?^$()|[\\]\\\\]/g, "\\\\$&").replace(/\\{\\w+\\}/g, "[^/]+")}/?$\`, "i"),
    rest,
  ]);
  return matchers.find(([regex]) => regex.test(path))?.[1];
}
`;

export function emitRoutes(routes: RouteInfo[]): string {
  const prefix = commonRoutePrefix(routes.map((r) => r.path));
  // Most literal segments first (stable, so swagger order otherwise): routeOf takes the first template that
  // matches a path, which is then the most specific one.
  const literals = (path: string) => path.split("/").filter((s) => s && !s.startsWith("{")).length;
  const ordered = [...routes].sort((a, b) => literals(b.path) - literals(a.path));
  const entries = ordered.map((route) => {
    const methods = route.operations.map(
      (op) => `${op.method.toUpperCase()}: ${JSON.stringify(op.responses.map((r) => r.status))}`,
    );
    return `${JSON.stringify(route.path.slice(prefix.length))}: { ${methods.join(", ")} },`;
  });
  return `/** What every path template of the API starts with; the keys of {@link routes} are the rest of the template. */
export const routePrefix = ${JSON.stringify(prefix)};

/**
 * Documented success status codes, by path template (relative to {@link routePrefix}: the full template is
 * \`routePrefix + key\`) and HTTP method. Most specific templates (most literal segments) first.
 */
export const routes: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
${entries.join("\n")}
};
${MATCHER}`;
}
