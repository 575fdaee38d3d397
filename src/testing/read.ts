import type { Handler } from "./context.js";
import { missingParent, namesOf, notFound } from "./names.js";
import { page, singlePage } from "./paging.js";
import { type KindName, toArm } from "./resources.js";

/** GET of one resource. */
export const getOne =
  (kind: KindName): Handler =>
  (ctx) => {
    const names = namesOf(kind, ctx.params);
    const found = ctx.state.store.get(ctx.scope, kind, names);
    if (!found) return notFound(ctx, kind, names);
    // A body-polled operation advances with each GET of its resource.
    ctx.state.engine.touchResource(found);
    return { status: 200, body: toArm(found) };
  };

/** Pageable GET of the children of one parent (the top level needs no DevOps configuration in the mock). */
export const listPaged =
  (kind: KindName): Handler =>
  (ctx) => {
    const parentNames = namesOf(kind, ctx.params).slice(0, -1);
    const missing = missingParent(ctx, kind, parentNames);
    if (missing) return missing;
    return page(ctx, ctx.state.store.list(ctx.scope, kind, parentNames).map(toArm));
  };

/** `GET .../devops`: the one configuration, if onboarded. */
export const listConfigurations: Handler = (ctx) => {
  const config = ctx.state.store.get(ctx.scope, "devops", []);
  return page(ctx, config ? [toArm(config)] : []);
};

/** `POST .../listAvailable*`: every top-level item the connector can see, in one page. */
export const listAvailable =
  (kind: KindName): Handler =>
  (ctx) =>
    singlePage(ctx.state.store.list(ctx.scope, kind).map(toArm));

/** `POST .../gitLabGroups/{groupFQName}/listSubgroups`: groups below it by `$`-separated name, in one page. */
export const listSubgroups: Handler = (ctx) => {
  const [group = ""] = namesOf("glGroup", ctx.params);
  if (!ctx.state.store.get(ctx.scope, "glGroup", [group])) return notFound(ctx, "glGroup", [group]);
  const prefix = `${group}$`.toLowerCase();
  const subgroups = ctx.state.store
    .list(ctx.scope, "glGroup")
    .filter((g) => g.names[0]?.toLowerCase().startsWith(prefix));
  return singlePage(subgroups.map(toArm));
};

/** `GET .../devops/default/operationResults/{operationResultId}`: one poll of the operation resource. */
export const getOperationResult: Handler = (ctx) =>
  ctx.state.engine.poll(ctx.params["operationResultId"] ?? "", ctx.scope);

/** `GET /subscriptions/{id}/providers/Microsoft.Security/locations/{region}/operationResults/{id}`: the mock's Location monitor. */
export const getLocationMonitor: Handler = (ctx) =>
  ctx.state.engine.pollLocation(ctx.params["operationId"] ?? "", ctx.params["subscriptionId"] ?? "");
