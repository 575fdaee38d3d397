import { deepEqual, equal } from "./assert.js";
import { clientFor, type Case } from "./context.js";

export const pagingCases: Case[] = [
  {
    name: "paginate follows nextLink through every page of a list and yields each item once",
    async run(ctx) {
      const { subscriptionId, resourceGroupName, securityConnectorName } = ctx.scope;
      const client = clientFor(ctx);
      const first = await client
        .path(
          "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default/gitHubOwners",
          subscriptionId,
          resourceGroupName,
          securityConnectorName,
        )
        .get();
      if (ctx.api.isUnexpected(first)) throw ctx.api.toRestError(first);
      const names: (string | undefined)[] = [];
      let pages = 0;
      for await (const page of ctx.api.paginate(client, first).byPage()) {
        pages += 1;
        for (const owner of page) names.push(owner.name);
      }
      // The mock seeds five owners and serves two per page.
      deepEqual(names.sort(), ["contoso", "contoso-labs", "fabrikam", "northwind", "tailspin"], "owner names");
      equal(pages, 3, "pages");
    },
  },
];
