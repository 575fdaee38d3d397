import type { RouteContext } from "./context.js";
import { KINDS, type KindName, resourceType } from "./resources.js";
import { armError } from "./respond.js";
import type { MockResponse } from "./types.js";

/** The path parameter that names each level (the route table uses the swagger's parameter names). */
const PARAM: Record<KindName, string> = {
  devops: "",
  adoOrg: "orgName",
  adoProject: "projectName",
  adoRepo: "repoName",
  ghOwner: "ownerName",
  ghRepo: "repoName",
  glGroup: "groupFQName",
  glProject: "projectName",
};

/** The decoded names of a resource of `kind`, outermost first, from the request's path parameters. */
export function namesOf(kind: KindName, params: Record<string, string>): string[] {
  const names: string[] = [];
  for (let k: KindName | undefined = kind; k && k !== "devops"; k = KINDS[k].parent) {
    names.unshift(params[PARAM[k]] ?? "");
  }
  return names;
}

function notFoundMessage(ctx: RouteContext, kind: KindName, names: string[]): string {
  const name = kind === "devops" ? "default" : names.join("/");
  return `The Resource '${resourceType(kind)}/${name}' under resource group '${ctx.scope.resourceGroupName}' was not found.`;
}

export function notFound(ctx: RouteContext, kind: KindName, names: string[]): MockResponse {
  return armError(404, "ResourceNotFound", notFoundMessage(ctx, kind, names));
}

/** 404 when an inventory parent (not the DevOps configuration) is missing; undefined when it exists. */
export function missingParent(ctx: RouteContext, kind: KindName, parentNames: string[]): MockResponse | undefined {
  const parent = KINDS[kind].parent;
  if (!parent || parent === "devops" || ctx.state.store.get(ctx.scope, parent, parentNames)) return undefined;
  return armError(404, "ParentResourceNotFound", notFoundMessage(ctx, parent, parentNames));
}
