import { randomUUID } from "node:crypto";
import type { Handler, RouteContext } from "./context.js";
import { missingParent, namesOf, notFound } from "./names.js";
import type { NormalisedPlan } from "./plans.js";
import { KINDS, type KindName, type StoredResource, systemData, toArm } from "./resources.js";
import { armError } from "./respond.js";
import type { MockResponse } from "./types.js";

type Props = Record<string, unknown>;
const isObject = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/** The writable part of a PUT/PATCH body: readOnly fields dropped, `authorization.code` taken aside. */
function accept(kind: KindName, body: unknown): { properties: Props; secret?: string } | MockResponse {
  if (!isObject(body) || !isObject(body["properties"])) {
    return armError(
      400,
      "InvalidRequestContent",
      "The request content must be a JSON object with a 'properties' object.",
    );
  }
  const properties = structuredClone(body["properties"]);
  for (const name of KINDS[kind].readOnly) delete properties[name];
  const auth = properties["authorization"];
  delete properties["authorization"];
  const code = isObject(auth) && typeof auth["code"] === "string" ? auth["code"] : undefined;
  return code === undefined ? { properties } : { properties, secret: code };
}

/** JSON merge patch (RFC 7396): objects merge, null removes, anything else replaces. */
function merge(target: Props, patch: Props): Props {
  const out = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Props, value) : value;
  }
  return out;
}

/** Properties the service fills in itself, kept stable across updates. */
function derive(kind: KindName, names: string[], props: Props, old: Props = {}): Props {
  const [org = "", project = "", repo = ""] = names;
  switch (kind) {
    case "devops":
      return { ...props, capabilities: old["capabilities"] ?? [{ name: "DevOpsSecurityPosture", value: "true" }] };
    case "adoProject":
      return {
        onboardingState: "Onboarded",
        ...props,
        parentOrgName: org,
        projectId: old["projectId"] ?? randomUUID(),
      };
    case "adoRepo":
      return {
        onboardingState: "Onboarded",
        ...props,
        parentOrgName: org,
        parentProjectName: project,
        repoId: old["repoId"] ?? randomUUID(),
        repoUrl: `https://dev.azure.com/${org}/${project}/_git/${repo}`,
        visibility: old["visibility"] ?? "private",
      };
    default:
      return { onboardingState: "Onboarded", ...props };
  }
}

function setState(resource: StoredResource, state: string, message?: string): void {
  const p = resource.properties;
  p["provisioningState"] = state;
  p["provisioningStatusUpdateTimeUtc"] = new Date().toISOString();
  if (message === undefined) delete p["provisioningStatusMessage"];
  else p["provisioningStatusMessage"] = message;
}

/**
 * Stores the resource and answers per the next plan: synchronously (200), or `status` with the plan's monitor
 * header — or, for header "none", with no header at all, the resource's own provisioningState to be polled.
 */
function begin(ctx: RouteContext, resource: StoredResource, status: 201 | 202): MockResponse {
  const { store, engine } = ctx.state;
  const plan = engine.nextPlan();
  if (plan.sync) {
    setState(resource, "Succeeded");
    store.put(resource);
    return { status: 200, body: toArm(resource) };
  }
  setState(resource, "Accepted");
  store.put(resource);
  const id = randomUUID();
  const current = () => store.get(resource.scope, resource.kind, resource.names) === resource;
  engine.start(id, ctx.scope, plan, {
    // A later write replaced the resource: that write's own operation decides its state.
    settle: () => {
      if (current()) setState(resource, plan.terminalStatus, outcomeMessage(plan));
    },
    syncAnswer: () => ({ status: 200, body: toArm(resource) }),
  });
  if (plan.header === "none") {
    engine.watchResource(resource, id);
    // ARM: a PUT/PATCH may answer 200/201 with a non-terminal provisioningState and no header.
    return { status: status === 202 ? 200 : status, headers: engine.initialHeaders(id, ctx.scope, plan), body: toArm(resource) };
  }
  return { status, headers: engine.initialHeaders(id, ctx.scope, plan), body: toArm(resource) };
}

function outcomeMessage(plan: NormalisedPlan): string | undefined {
  return plan.outcome === "Succeeded" ? undefined : plan.error?.message;
}

export const createOrUpdate =
  (kind: KindName): Handler =>
  (ctx) => {
    const names = namesOf(kind, ctx.params);
    const missing = missingParent(ctx, kind, names.slice(0, -1));
    if (missing) return missing;
    const accepted = accept(kind, ctx.body);
    if ("status" in accepted) return accepted;
    const old = ctx.state.store.get(ctx.scope, kind, names);
    const now = new Date().toISOString();
    const resource: StoredResource = {
      scope: ctx.scope,
      kind,
      names,
      properties: derive(kind, names, accepted.properties, old?.properties),
      secret: accepted.secret ?? old?.secret,
      systemData: old ? { ...old.systemData, lastModifiedAt: now } : systemData(now),
    };
    return begin(ctx, resource, 201);
  };

export const update =
  (kind: KindName): Handler =>
  (ctx) => {
    const names = namesOf(kind, ctx.params);
    const old = ctx.state.store.get(ctx.scope, kind, names);
    if (!old) return notFound(ctx, kind, names);
    const accepted = accept(kind, ctx.body);
    if ("status" in accepted) return accepted;
    const kept = { ...old.properties };
    for (const name of KINDS[kind].readOnly) delete kept[name];
    const resource: StoredResource = {
      ...old,
      properties: derive(kind, names, merge(kept, accepted.properties), old.properties),
      secret: accepted.secret ?? old.secret,
      systemData: { ...old.systemData, lastModifiedAt: new Date().toISOString() },
    };
    return begin(ctx, resource, 202);
  };

/** DELETE: 204 when there is nothing to delete (as ARM answers), else per the next plan. */
export const remove =
  (kind: KindName): Handler =>
  (ctx) => {
    const { store, engine } = ctx.state;
    const names = namesOf(kind, ctx.params);
    const old = store.get(ctx.scope, kind, names);
    if (!old) return { status: 204 };
    const plan = engine.nextPlan();
    if (plan.sync) {
      store.delete(ctx.scope, kind, names);
      return { status: 200 };
    }
    // ARM forbids a 202 without a monitor header for DELETE; the mock plays it so clients can be tested on it.
    if (plan.header === "none") return { status: 202 };
    setState(old, "PendingDeletion");
    const id = randomUUID();
    engine.start(id, ctx.scope, plan, {
      settle: () => {
        if (store.get(ctx.scope, kind, names) !== old) return;
        if (plan.outcome === "Succeeded") store.delete(ctx.scope, kind, names);
        else setState(old, plan.terminalStatus, outcomeMessage(plan));
      },
      // What the synchronous DELETE answers.
      syncAnswer: () => ({ status: 200 }),
    });
    return { status: 202, headers: engine.initialHeaders(id, ctx.scope, plan) };
  };
