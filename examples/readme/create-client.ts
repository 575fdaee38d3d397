// snippet-start
import { DefaultAzureCredential } from "@azure/identity";
import createClient from "../../src/index.js";
// snippet-end

export function example() {
  // snippet-start
  const client = createClient(new DefaultAzureCredential());
  // Another cloud: createClient(credential, { endpoint: "https://management.usgovcloudapi.net" })
  // snippet-end
  return client;
}
