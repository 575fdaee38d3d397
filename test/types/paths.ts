// Path templates shared by the type tests (literal types, as the Routes signatures need).
const connector =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
const devops = `${connector}/devops/default` as const;

export const paths = {
  configurations: `${connector}/devops`,
  configuration: devops,
  operationResult: `${devops}/operationResults/{operationResultId}`,
  listAvailableAzureDevOpsOrgs: `${devops}/listAvailableAzureDevOpsOrgs`,
  azureDevOpsOrgs: `${devops}/azureDevOpsOrgs`,
  azureDevOpsOrg: `${devops}/azureDevOpsOrgs/{orgName}`,
  azureDevOpsProjects: `${devops}/azureDevOpsOrgs/{orgName}/projects`,
  azureDevOpsProject: `${devops}/azureDevOpsOrgs/{orgName}/projects/{projectName}`,
  azureDevOpsRepos: `${devops}/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos`,
  azureDevOpsRepo: `${devops}/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos/{repoName}`,
  listAvailableGitHubOwners: `${devops}/listAvailableGitHubOwners`,
  gitHubOwners: `${devops}/gitHubOwners`,
  gitHubOwner: `${devops}/gitHubOwners/{ownerName}`,
  gitHubRepos: `${devops}/gitHubOwners/{ownerName}/repos`,
  gitHubRepo: `${devops}/gitHubOwners/{ownerName}/repos/{repoName}`,
  listAvailableGitLabGroups: `${devops}/listAvailableGitLabGroups`,
  gitLabGroups: `${devops}/gitLabGroups`,
  gitLabGroup: `${devops}/gitLabGroups/{groupFQName}`,
  gitLabSubgroups: `${devops}/gitLabGroups/{groupFQName}/listSubgroups`,
  gitLabProjects: `${devops}/gitLabGroups/{groupFQName}/projects`,
  gitLabProject: `${devops}/gitLabGroups/{groupFQName}/projects/{projectName}`,
} as const;

/** subscriptionId, resourceGroupName, securityConnectorName. */
export const scope = ["sub", "rg", "connector"] as const;
