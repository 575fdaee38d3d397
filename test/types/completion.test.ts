// What an editor offers inside the quotes of an extensible enum property or of a path template, asked of
// TypeScript's own language service (the engine behind VS Code's completions). `"A" | string` would offer nothing.
import { describe, expect, it } from "vitest";
import { routePrefix, routes } from "../../src/generated/routes.js";
import { completionsAt } from "./languageService.js";

describe("editor completion of extensible enums", () => {
  it("offers the known values of autoDiscovery in a request body", () => {
    const names = completionsAt(`import type { DevOpsConfiguration } from "../../src/generated/models.js";
const body: DevOpsConfiguration = { properties: { autoDiscovery: "|" } };
void body;`);
    expect(names.sort()).toEqual(["Disabled", "Enabled", "NotApplicable"]);
  });

  it("offers the known values when comparing a response's state", () => {
    const names =
      completionsAt(`import type { ActionableRemediationStateOutput } from "../../src/generated/outputModels.js";
declare const state: ActionableRemediationStateOutput;
if (state === "|") void state;`);
    expect(names.sort()).toEqual(["Disabled", "Enabled", "None"]);
  });
});

describe("editor completion of path templates", () => {
  const relative = Object.keys(routes).sort();

  it("offers every template of the API inside client.path's quotes", () => {
    const names = completionsAt(`import type { SecurityDevOpsClient } from "../../src/index.js";
declare const client: SecurityDevOpsClient;
client.path("|");`);
    expect(names.sort()).toEqual(relative.map((t) => routePrefix + t).sort());
  });

  it("offers every template below the connector inside client.connector(scope).path's quotes", () => {
    const names = completionsAt(`import type { SecurityDevOpsClient } from "../../src/index.js";
declare const client: SecurityDevOpsClient;
client.connector({ subscriptionId: "s", resourceGroupName: "r", securityConnectorName: "c" }).path("|");`);
    expect(names.sort()).toEqual(relative);
  });
});
