import type { Pipeline } from "@azure/core-rest-pipeline";
import { throttleOf } from "./budgetState.js";
import { normalizeReadBudget, registerInstaller, type ReadBudgetOptions } from "./options.js";
import { SharedReadBudget } from "./sharedReadBudget.js";

// When the shared read budget starts counting a client's reads. createClient records its options and puts its
// policy in the pipeline (readBudgetPolicy.ts, which lets everything through while there is no budget); the budget
// itself is made by the client's first poller or paginate, whose reads are what it paces, so its code — this
// folder — reaches only the bundles of apps that wait for operations or page through lists. Reads the client sent
// before are not counted; the first answers' x-ms-ratelimit-remaining-*-reads header corrects the estimate. A budget
// made by sharedReadBudget() is installed by createClient at once, counting (or, with allReads, holding) every read
// from the client's first request.

/** Installs the shared read budget of a client made by createClient, once; for any other client does nothing. */
export function installReadBudget(client: { pipeline: Pipeline }): void {
  const throttle = throttleOf(client.pipeline);
  // The pipeline's policy (readBudgetPolicy.ts, put in place by createClient) reads the budget from the record.
  if (throttle?.readBudget !== undefined) throttle.budget ??= new SharedReadBudget(throttle.readBudget);
}

/**
 * The shared read budget, to be installed with the client: `createClient(credential, { readBudget:
 * sharedReadBudget({ allReads: true }) })` counts — and with `allReads` holds — every read of the client from its
 * first request. Given plain options instead, the client installs its budget with its first poller or paginate, and
 * apps that use neither do not bundle it. The options are those of `readBudget`, checked here; each client given
 * the result has a budget of its own.
 */
export function sharedReadBudget(options: ReadBudgetOptions = {}): ReadBudgetOptions {
  normalizeReadBudget(options); // a mistake is reported here, where it was made
  const copy = { ...options };
  registerInstaller(copy, installReadBudget);
  return copy;
}
