// snippet-start
import { DefaultAzureCredential } from "@azure/identity";
import createClient from "../../src/index.js";
// snippet-end

export function example() {
  // snippet-start
  const client = createClient(new DefaultAzureCredential(), {
    readBudget: { size: 250, refillPerSecond: 25 }, // ARM's read bucket per subscription (the defaults); false: off
    maxConcurrentRequests: 32, // requests in flight at once (the default); in Node, the sockets open
  });
  // snippet-end
  return client;
}
