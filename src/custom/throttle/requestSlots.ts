import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { RequestLimitState } from "./budgetState.js";
import { WaitQueue } from "./waitQueue.js";

// The bound on requests in flight through one client. Written as a limit on requests rather than an http.Agent with
// maxSockets because the library's entry is one build for every runtime and cannot import node:https; with the
// keep-alive agent core-rest-pipeline gives each client in Node, at most `max` requests at once means at most `max`
// sockets, each reused by the next request instead of a TLS handshake per poller. In browsers and workers the
// runtime pools connections itself, and the bound still keeps thousands of pollers from queueing inside fetch.
//
// The policy sits in the per-retry phase, after the read budget, so a request holds a slot only while it is on the
// wire: not while it waits for a read token, nor during the retry policy's back-off. A streamed response (none in
// this API) frees its slot when its headers arrive, before its body is read.

export class RequestSlots {
  private inFlight = 0;
  private readonly queue: WaitQueue;

  constructor(readonly max: number) {
    this.queue = new WaitQueue(
      {
        tryTake: () => {
          if (this.inFlight >= this.max) return false;
          this.inFlight += 1;
          return true;
        },
        msUntilOpen: () => Number.POSITIVE_INFINITY, // only a request ending opens a slot
      },
      "a free connection (options.maxConcurrentRequests)",
    );
  }

  policy(): PipelinePolicy {
    return {
      name: "requestLimitPolicy",
      sendRequest: async (request, next) => {
        await this.queue.enter(request.abortSignal);
        try {
          return await next(request);
        } finally {
          this.inFlight -= 1;
          this.queue.wake();
        }
      },
    };
  }

  state(): RequestLimitState {
    return { maxConcurrentRequests: this.max, inFlight: this.inFlight, queued: this.queue.size };
  }
}
