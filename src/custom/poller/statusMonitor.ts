import type { Client } from "@azure-rest/core-client";
import { getResult, pollStatusDocument } from "./http.js";
import type { LroMethod } from "./resumeToken.js";
import type { PollingStrategy } from "./strategy.js";

// Strategies "azure-async-operation" and "operation-location": the initial response named a status monitor — an
// operation resource — in the Azure-AsyncOperation header, or in Operation-Location as newer (TypeSpec-style)
// services do. Both monitors have the same shape, so one strategy serves both; `kind` records which header it came
// from. Poll until the document's `status` is terminal (200 with a status document; a 202, with or without a
// body, is still running). ARM does not move an operation resource, so no header is re-read.
//
// On success the result is one GET of `resultUrl`: the original URL for a PUT/PATCH (the status document carries
// no resource), the Location for a POST (where ARM puts an action's result). A DELETE has none.

export interface StatusMonitorInit {
  kind: "azure-async-operation" | "operation-location";
  /** Checked status URL. */
  url: string;
  /** Upper-case method of the initial request. */
  method: LroMethod;
  /** URL of the initial request. */
  resourceUrl: string;
  /** Checked URL whose GET is the result; undefined for a DELETE. */
  resultUrl: string | undefined;
}

export function statusMonitorStrategy<TResult>(client: Client, init: StatusMonitorInit): PollingStrategy<TResult> {
  return {
    poll: (options) => pollStatusDocument(client, init.url, options),
    result: async (final, options) =>
      (final.status === "succeeded" && init.resultUrl !== undefined ? await getResult(client, init.resultUrl, options) : undefined) as TResult,
    token: () => {
      const { kind, url, method, resourceUrl, resultUrl } = init;
      // A PUT/PATCH's result URL is its resource URL, so only a POST's is written.
      return { v: 1, kind, url, method, resourceUrl, ...(method === "POST" && resultUrl ? { resultUrl } : {}) };
    },
  };
}
