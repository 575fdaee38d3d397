import { type KindName, type ResourceStore, systemData } from "./resources.js";
import { DEFAULT_SCOPE } from "./scope.js";

/** The seeded inventory of DEFAULT_SCOPE (made-up names), exported so tests can address it without guessing. */
export const SEED = {
  gitHubOwners: {
    contoso: ["contoso-web", "contoso-api", "contoso-infra"],
    "contoso-labs": ["experiments"],
    fabrikam: ["fabrikam-shop", "fabrikam-mobile"],
    northwind: ["northwind-traders"],
    tailspin: ["tailspin-toys", "tailspin-docs"],
  },
  azureDevOpsOrgs: {
    "contoso-ado": { payments: ["payments-api", "payments-ui"], identity: ["identity-core"] },
    "fabrikam-ado": { retail: ["retail-pos"] },
    "northwind-ado": { logistics: ["routing", "tracking", "billing"] },
  },
  gitLabGroups: {
    "contoso-group": ["portal"],
    "contoso-group$platform": ["platform-tools", "platform-runtime"],
    "fabrikam-group": ["storefront"],
  },
} as const;

const SEEDED_AT = "2024-05-01T08:00:00.000Z";

/** Deterministic GUID-like ids, so repeated runs see the same data. */
function fakeGuid(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `0d5e6f70-1a2b-4c3d-8e9f-${hex}`;
}

export function seed(store: ResourceStore): void {
  let counter = 0;
  const add = (kind: KindName, names: string[], properties: Record<string, unknown>) =>
    store.put({
      scope: DEFAULT_SCOPE,
      kind,
      names,
      properties: { ...properties, onboardingState: "Onboarded", provisioningState: "Succeeded" },
      systemData: systemData(SEEDED_AT),
    });

  for (const [owner, repos] of Object.entries(SEED.gitHubOwners)) {
    add("ghOwner", [owner], {
      ownerUrl: `https://github.com/${owner}`,
      gitHubInternalId: String(7_000_000 + ++counter),
    });
    for (const repo of repos) {
      add("ghRepo", [owner, repo], {
        repoId: String(9_000_000 + ++counter),
        repoName: repo,
        repoFullName: `${owner}/${repo}`,
        repoUrl: `https://github.com/${owner}/${repo}`,
        parentOwnerName: owner,
      });
    }
  }
  for (const [org, projects] of Object.entries(SEED.azureDevOpsOrgs)) {
    add("adoOrg", [org], { actionableRemediation: { state: "Enabled" } });
    for (const [project, repos] of Object.entries(projects)) {
      add("adoProject", [org, project], { parentOrgName: org, projectId: fakeGuid(++counter) });
      for (const repo of repos) {
        add("adoRepo", [org, project, repo], {
          parentOrgName: org,
          parentProjectName: project,
          repoId: fakeGuid(++counter),
          repoUrl: `https://dev.azure.com/${org}/${project}/_git/${repo}`,
          visibility: "private",
        });
      }
    }
  }
  for (const [group, projects] of Object.entries(SEED.gitLabGroups)) {
    add("glGroup", [group], gitLabGroupProperties(group));
    for (const project of projects) add("glProject", [group, project], gitLabProjectProperties(group, project));
  }
}

/** GitLab names are `$`-separated fully-qualified paths (`group$subgroup`). */
export function gitLabGroupProperties(fqName: string): Record<string, unknown> {
  const parts = fqName.split("$");
  return {
    fullyQualifiedName: fqName,
    fullyQualifiedFriendlyName: parts.join(" / "),
    url: `https://gitlab.com/${parts.join("/")}`,
  };
}

function gitLabProjectProperties(groupFqName: string, project: string): Record<string, unknown> {
  const group = gitLabGroupProperties(groupFqName);
  return {
    fullyQualifiedName: `${groupFqName}$${project}`,
    fullyQualifiedFriendlyName: `${String(group["fullyQualifiedFriendlyName"])} / ${project}`,
    fullyQualifiedParentGroupName: groupFqName,
    url: `${String(group["url"])}/${project}`,
  };
}
