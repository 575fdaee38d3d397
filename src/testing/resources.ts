import { connectorId, scopeKey } from "./scope.js";
import type { MockScope } from "./types.js";

export type KindName = "devops" | "adoOrg" | "adoProject" | "adoRepo" | "ghOwner" | "ghRepo" | "glGroup" | "glProject";

interface Kind {
  parent?: KindName;
  /** The collection segment in the path (the devops configuration is the singleton `devops/default`). */
  collection: string;
  /** Property names the service owns: ignored in requests, as ARM ignores readOnly input. */
  readOnly: string[];
}

const OWNED = ["provisioningState", "provisioningStatusMessage", "provisioningStatusUpdateTimeUtc"];
const GITLAB = ["fullyQualifiedName", "fullyQualifiedFriendlyName", "url"];

export const KINDS: Record<KindName, Kind> = {
  devops: { collection: "devops", readOnly: [...OWNED, "capabilities"] },
  adoOrg: { parent: "devops", collection: "azureDevOpsOrgs", readOnly: OWNED },
  adoProject: { parent: "adoOrg", collection: "projects", readOnly: [...OWNED, "projectId"] },
  adoRepo: { parent: "adoProject", collection: "repos", readOnly: [...OWNED, "repoId", "repoUrl", "visibility"] },
  ghOwner: { parent: "devops", collection: "gitHubOwners", readOnly: [...OWNED, "ownerUrl", "gitHubInternalId"] },
  ghRepo: {
    parent: "ghOwner",
    collection: "repos",
    readOnly: [...OWNED, "repoId", "repoName", "repoFullName", "repoUrl"],
  },
  glGroup: { parent: "devops", collection: "gitLabGroups", readOnly: [...OWNED, ...GITLAB] },
  glProject: {
    parent: "glGroup",
    collection: "projects",
    readOnly: [...OWNED, ...GITLAB, "fullyQualifiedParentGroupName"],
  },
};

export interface SystemData {
  createdBy: string;
  createdByType: string;
  createdAt: string;
  lastModifiedBy: string;
  lastModifiedByType: string;
  lastModifiedAt: string;
}

/** A resource as held in memory. `names` are the decoded names below `devops/default`, outermost first. */
export interface StoredResource {
  scope: MockScope;
  kind: KindName;
  names: string[];
  properties: Record<string, unknown>;
  /** `properties.authorization.code`: kept, never returned. */
  secret?: string;
  systemData: SystemData;
}

/** The chain of kinds from the outermost inventory level down to `kind` (empty for the configuration). */
function chain(kind: KindName): KindName[] {
  const kinds: KindName[] = [];
  for (let k: KindName | undefined = kind; k && k !== "devops"; k = KINDS[k].parent) kinds.unshift(k);
  return kinds;
}

export function resourceType(kind: KindName): string {
  return ["Microsoft.Security/securityConnectors/devops", ...chain(kind).map((k) => KINDS[k].collection)].join("/");
}

export function resourceId(scope: MockScope, kind: KindName, names: string[]): string {
  const levels = chain(kind).map((k, i) => `/${KINDS[k].collection}/${names[i]}`);
  return `${connectorId(scope)}/devops/default${levels.join("")}`;
}

export function systemData(at: string): SystemData {
  const who = { by: "devops-mock@contoso.example", type: "User" };
  return {
    createdBy: who.by,
    createdByType: who.type,
    createdAt: at,
    lastModifiedBy: who.by,
    lastModifiedByType: who.type,
    lastModifiedAt: at,
  };
}

/** The ARM shape of a stored resource; a deep copy, so callers cannot reach into the state. */
export function toArm(r: StoredResource): Record<string, unknown> {
  const properties = structuredClone(r.properties);
  delete properties["authorization"];
  return {
    id: resourceId(r.scope, r.kind, r.names),
    name: r.kind === "devops" ? "default" : r.names[r.names.length - 1],
    type: resourceType(r.kind),
    systemData: { ...r.systemData },
    properties,
  };
}

const keyOf = (kind: KindName, names: string[]) => JSON.stringify([kind, ...names]).toLowerCase();

/** In-memory resources, one map per connector; names match case-insensitively, insertion order is list order. */
export class ResourceStore {
  private readonly scopes = new Map<string, Map<string, StoredResource>>();

  private map(scope: MockScope): Map<string, StoredResource> {
    const key = scopeKey(scope);
    let map = this.scopes.get(key);
    if (!map) this.scopes.set(key, (map = new Map()));
    return map;
  }

  get(scope: MockScope, kind: KindName, names: string[]): StoredResource | undefined {
    return this.map(scope).get(keyOf(kind, names));
  }

  put(resource: StoredResource): void {
    this.map(resource.scope).set(keyOf(resource.kind, resource.names), resource);
  }

  delete(scope: MockScope, kind: KindName, names: string[]): boolean {
    return this.map(scope).delete(keyOf(kind, names));
  }

  /** Resources of `kind` whose parent names are `parentNames` (all of that kind when omitted). */
  list(scope: MockScope, kind: KindName, parentNames?: string[]): StoredResource[] {
    const prefix = parentNames?.map((n) => n.toLowerCase());
    return [...this.map(scope).values()].filter(
      (r) => r.kind === kind && (!prefix || prefix.every((n, i) => r.names[i]?.toLowerCase() === n)),
    );
  }

  clear(): void {
    this.scopes.clear();
  }
}
