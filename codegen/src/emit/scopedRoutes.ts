// scopedRoutes.ts: the path templates relative to the resource every template starts with (routes.ts's
// routePrefix), typed as clientDefinitions.ts types the full ones. A hand-written helper gives those ids once
// (`client.connector(scope)` here) and this file types its path(). Everything comes from the route table: the prefix
// and its path parameters from the templates, the name from the prefix's last parameter.
import type { PathParameter, RouteInfo } from "../model/api.js";
import { jsDoc } from "../docs.js";
import { pascalCase } from "../naming.js";
import { emitPathSignature, emitTemplateEntry } from "./clientDefinitions.js";
import { commonRoutePrefix } from "./routes.js";

export interface RouteScope {
  prefix: string;
  /** The prefix's path parameters, in template order. */
  parameters: PathParameter[];
  /** PascalCase name of the scope's resource, from its last parameter: securityConnectorName → SecurityConnector. */
  name: string;
}

/** The shared prefix of the templates and its parameters; fails when it has none (there is nothing to scope by). */
export function routeScope(routes: RouteInfo[]): RouteScope {
  const prefix = commonRoutePrefix(routes.map((r) => r.path));
  const count = [...prefix.matchAll(/\{[^}]+\}/g)].length;
  const parameters = routes[0]?.pathParameters.slice(0, count) ?? [];
  if (count === 0 || parameters.length < count) {
    throw new Error(`the path templates share no path parameter (common prefix "${prefix}"): nothing to scope by`);
  }
  const last = parameters[count - 1]!.name;
  return { prefix, parameters, name: pascalCase(last.replace(/Name$/, "")) };
}

export function emitScopedRoutes(routes: RouteInfo[]): string {
  const scope = routeScope(routes);
  const table = `${scope.name}RouteTemplates`;
  const ids = scope.parameters.map((p) => `${jsDoc(p.description)}${p.name}: string;`);
  const entries = routes.map((route) =>
    emitTemplateEntry(route, route.path.slice(scope.prefix.length), route.pathParameters.slice(scope.parameters.length)),
  );
  return `import type { ${routes.map((r) => r.typeName).join(", ")} } from "./clientDefinitions.js";

/**
 * The ids every path template of the API starts with:
 *
 * \`${scope.prefix}\`
 */
export interface ${scope.name}Scope {
${ids.join("\n")}
}

/**
 * Every path template of the API without the part every template starts with ({@link ${scope.name}Scope}), with
 * the path parameters that remain, and the same resource as \`client.path\` returns for the full template.
 */
export interface ${table} {
${entries.join("\n")}
}

/** path() below one {@link ${scope.name}Scope}, its ids given: the templates of {@link ${table}}. */
export interface ${scope.name}Routes {
/**
 * The resource at one of the API's path templates without its {@link ${scope.name}Scope} part, given the path
 * parameters that follow it, in order: the same resource, requests and responses as \`client.path\` with the full
 * template.
 */
${emitPathSignature(table)}
}`;
}
