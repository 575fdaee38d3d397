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
//
// A slot is freed one macrotask after the answer, not at once: Node hands a keep-alive socket back to its agent
// only when the request's write has completed too, and on a busy event loop that completion can be delivered after
// the response has been read. A request let through in between would find no free socket and open one more.
// setImmediate where the runtime has it (Node, Bun: it runs once the I/O callbacks of the loop turn are done),
// else setTimeout 0 (browsers, where the runtime's own pool decides about connections).
const afterIo: (callback: () => void) => void =
  typeof setImmediate === "function" ? (callback) => void setImmediate(callback) : (callback) => void setTimeout(callback, 0);

export class RequestSlots {
  private inFlight = 0;
  private readonly queue: WaitQueue;

  constructor(readonly max: number) {
    // Only a request ending opens a slot (policy() wakes the queue then).
    this.queue = new WaitQueue(
      {
        tryTake: () => {
          if (this.inFlight >= this.max) return false;
          this.inFlight += 1;
          return true;
        },
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
          afterIo(() => {
            this.inFlight -= 1;
            this.queue.wake();
          });
        }
      },
    };
  }

  state(): RequestLimitState {
    return { maxConcurrentRequests: this.max, inFlight: this.inFlight, queued: this.queue.size };
  }
}
