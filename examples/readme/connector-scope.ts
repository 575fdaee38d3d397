// snippet-start
import { isUnexpected, toRestError } from "../../src/index.js";
// snippet-end
import type { ReadmeContext } from "./context.js";

export async function example({ client, subscriptionId, resourceGroupName, securityConnectorName }: ReadmeContext) {
  // snippet-start
  const connector = client.connector({ subscriptionId, resourceGroupName, securityConnectorName }); // ids checked here
  const owner = await connector.path("/devops/default/gitHubOwners/{ownerName}", "contoso").get();
  if (isUnexpected(owner)) throw toRestError(owner);
  console.log(owner.body.name); // typed: GitHubOwnerOutput, as from client.path

  const project = await connector
    .path("/devops/default/azureDevOpsOrgs/{orgName}/projects/{projectName}", "contoso-ado", "payments")
    .get();
  if (isUnexpected(project)) throw toRestError(project);
  console.log(project.body.properties?.parentOrgName, project.body.name); // typed: AzureDevOpsProjectOutput
  // snippet-end
}
