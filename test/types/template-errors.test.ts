// Where and how TypeScript reports a wrong path template or a wrong number of ids, asked of its language service:
// at the template argument, saying the template is not one of the API's — not "No overload matches this call",
// quoting whichever template came last, as the overloads of an @azure-rest client's Routes do.
import { describe, expect, it } from "vitest";
import { typeErrors } from "./languageService.js";

const header = `import type { SecurityDevOpsClient } from "../../src/index.js";
declare const client: SecurityDevOpsClient;
`;
const full = (rest: string) =>
  `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/securityConnectors/{securityConnectorName}${rest}`;

describe("a wrong template is reported at the template", () => {
  it("by client.path, naming the table of templates", () => {
    const typo = full("/devops/default/gitHubOwner/{ownerName}");
    const errors = typeErrors(`${header}client.path(\n  "${typo}",\n  "sub", "rg", "connector", "contoso",\n);`);
    expect(errors).toEqual([
      {
        code: 2345,
        at: `"${typo}"`,
        message: `Argument of type '"${typo}"' is not assignable to parameter of type 'keyof RouteTemplates'.`,
      },
    ]);
  });

  it("by client.connector(scope).path, naming the table of templates below the connector", () => {
    const errors = typeErrors(
      `${header}client.connector({ subscriptionId: "s", resourceGroupName: "r", securityConnectorName: "c" }).path("/devops/defaults", "x");`,
    );
    expect(errors.map(({ code, at }) => ({ code, at }))).toEqual([{ code: 2345, at: `"/devops/defaults"` }]);
    expect(errors[0]!.message).toBe(
      `Argument of type '"/devops/defaults"' is not assignable to parameter of type 'keyof SecurityConnectorRouteTemplates'.`,
    );
  });
});

describe("a missing id is reported as a wrong number of arguments, not as a wrong template", () => {
  it("by client.path", () => {
    const errors = typeErrors(`${header}client.path("${full("/devops/default/gitHubOwners/{ownerName}")}", "sub", "rg", "connector");`);
    expect(errors.map((e) => e.code)).toEqual([2554]);
    expect(errors[0]!.message).toBe("Expected 5 arguments, but got 4.");
  });

  it("by client.connector(scope).path", () => {
    const errors = typeErrors(
      `${header}client.connector({ subscriptionId: "s", resourceGroupName: "r", securityConnectorName: "c" }).path("/devops/default/gitHubOwners/{ownerName}/repos/{repoName}", "contoso");`,
    );
    expect(errors.map((e) => e.code)).toEqual([2554]);
    expect(errors[0]!.message).toBe("Expected 3 arguments, but got 2.");
  });
});
