import type { Client } from "@azure-rest/core-client";
import { routePrefix } from "../../generated/routes.js";
import { installReadBudget } from "../throttle/install.js";
import { checkPathArguments } from "../validate.js";
import { createPoller } from "./engine.js";
import { operationResultStrategy } from "./operationResult.js";
import { normalizePollerOptions } from "./options.js";
import { decodeResumeToken } from "./resumeToken.js";
import type { OperationStatusResult } from "./status.js";
import { checkUrl, isOwnPath, trustedOrigin, type Trust } from "../trustedUrl.js";
import type { DevOpsPoller, PollerOptions } from "./types.js";
import { OPERATION_RESULT_SPAN } from "./waitSpan.js";

/** The path parameters of DevOpsOperationResults_Get. */
export interface OperationResultTarget {
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
  operationResultId: string;
}

const KEYS = ["subscriptionId", "resourceGroupName", "securityConnectorName", "operationResultId"] as const;
export const TEMPLATE = `${routePrefix}/devops/default/operationResults/{operationResultId}`;

/**
 * A poller over DevOpsOperationResults_Get that resolves with the final OperationStatusResult once it is
 * Succeeded (rejects with DevOpsOperationError on Failed/Canceled unless `resolveOnUnsuccessful`).
 *
 * `target` is the operation's ids, or its status URL (an Azure-AsyncOperation header value), which must be on the
 * client's endpoint or in `options.allowedOrigins`. With `options.restoreFrom` it may be omitted; if given, it must name the same operation.
 * Polls at once (there is no initial response whose Retry-After to honour), then per Retry-After or intervalInMs,
 * within the read budget (`readBurst`, `readsPerSecond`).
 */
export function pollOperationResult(
  client: Client,
  target: OperationResultTarget | string | undefined,
  options?: PollerOptions,
): DevOpsPoller<OperationStatusResult> {
  const normalized = normalizePollerOptions(options);
  const trust: Trust = { origin: trustedOrigin(client, normalized.endpoint), allowedOrigins: normalized.allowedOrigins };
  const origin = trust.origin;
  const fromTarget = target === undefined ? undefined : urlOf(target, trust);
  let url: string;
  if (normalized.restoreFrom !== undefined) {
    const token = decodeResumeToken(normalized.restoreFrom, ["operation-result"], "pollOperationResult");
    url = isOwnPath(token.url) ? token.url : checkUrl(token.url, trust, `options.restoreFrom ("operation-result" token)`);
    if (fromTarget !== undefined && withoutQuery(fromTarget, origin) !== withoutQuery(url, origin)) {
      throw new TypeError(`target (${fromTarget}) and options.restoreFrom (${url}) name different operations`);
    }
  } else if (fromTarget === undefined) {
    throw new TypeError("target must be the operation's ids or status URL, unless options.restoreFrom is given");
  } else url = fromTarget;
  installReadBudget(client); // the client's shared read budget, if not yet in its pipeline
  return createPoller({
    strategy: operationResultStrategy(client, url),
    options: normalized,
    firstDelayMs: 0,
    spanName: OPERATION_RESULT_SPAN,
  });
}

function urlOf(target: OperationResultTarget | string, trust: Trust): string {
  if (typeof target === "string") {
    if (target.trim() === "") throw new TypeError("target must be a non-empty status URL");
    return isOwnPath(target) ? target : checkUrl(target, trust, "the status URL given as target");
  }
  if (typeof target !== "object" || target === null) {
    throw new TypeError(`target must be the operation's ids (${KEYS.join(", ")}) or its status URL`);
  }
  // The swagger's rules, checked as client.path checks them: a resourceGroupName of 91 characters, or an
  // operationResultId of "..", which URL normalisation would turn into a GET of another resource, is refused here.
  const ids = target as unknown as Record<string, string>;
  checkPathArguments(TEMPLATE, KEYS.map((key) => ids[key]), "target.");
  // A path on the client's endpoint: it cannot leave the client's origin, and the client adds its api-version.
  return TEMPLATE.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(ids[key]!));
}

function withoutQuery(url: string, origin: string | undefined): string {
  return new URL(url, origin ?? "https://endpoint.invalid").pathname.toLowerCase();
}
