import type { ServerResponse } from "node:http";
import type { Lifecycle } from "./lifecycle.js";
import type { MockResponse } from "./types.js";

/** An ARM ErrorResponse, with the `x-ms-error-code` header ARM sends beside it. */
export function armError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): MockResponse {
  return { status, headers: { "x-ms-error-code": code, ...headers }, body: { error: { code, message } } };
}

/**
 * Writes one answer. `base` headers (request ids, CORS) come first so an answer's own headers can override them.
 * Faults and delays end early when the mock closes; writing to a socket closed meanwhile is simply skipped.
 */
export async function respond(
  res: ServerResponse,
  answer: MockResponse,
  base: Record<string, string>,
  life: Lifecycle,
): Promise<void> {
  if (answer.delayMs !== undefined && answer.delayMs > 0 && !(await life.delay(answer.delayMs))) return;
  if (answer.fault === "reset") {
    resetSocket(res);
    return;
  }
  if (answer.fault === "stall") return life.closed;
  if (res.destroyed || res.writableEnded) return;

  for (const [name, value] of Object.entries(base)) res.setHeader(name, value);
  let payload: string | Uint8Array | undefined = answer.rawBody;
  if (payload === undefined && answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    res.setHeader("content-type", "application/json; charset=utf-8");
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  if (payload !== undefined && !res.hasHeader("content-length") && !noBody(answer.status)) {
    res.setHeader("content-length", Buffer.byteLength(payload));
  }
  res.statusCode = answer.status;
  if (answer.fault === "truncate") {
    // Headers and half the body (content-length announces all of it), then the connection drops.
    const bytes = typeof payload === "string" ? Buffer.from(payload) : (payload ?? new Uint8Array());
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(noBody(answer.status) ? undefined : payload);
}

/** 204 and 304 must not carry a body; Node would throw if we tried. */
function noBody(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** A TCP RST where the socket allows it (plain TCP); TLS sockets refuse resetAndDestroy, so they are destroyed. */
function resetSocket(res: ServerResponse): void {
  const socket = res.socket;
  try {
    socket?.resetAndDestroy();
  } catch {
    socket?.destroy();
  }
}
