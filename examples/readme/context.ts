// What the README examples get from their test: a client on the embedded mock and the connector's ids. Each
// example file holds one scenario; the lines between `// snippet-start` and `// snippet-end` are the README's
// code block of the same name, byte for byte (test/readme checks it, with "../../src/index.js" shown as the
// package name "arm-security-devops").
import type { SecurityDevOpsClient } from "../../src/index.js";
import type { MockArm } from "../../src/testing/index.js";

export interface ReadmeContext {
  client: SecurityDevOpsClient;
  mock: MockArm;
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
}
