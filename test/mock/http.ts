import http from "node:http";
import https from "node:https";
import type { MockArm } from "../../src/testing/index.js";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: any;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Sent as is instead of JSON-serialising `body`. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Default true: send the mock's bearer token. */
  auth?: boolean;
  /** Default true: add `api-version=2024-04-01` when the path has no query. */
  apiVersion?: boolean;
}

const agents = new WeakMap<MockArm, http.Agent>();

/** One keep-alive agent per mock, trusting only the mock's own certificate. */
function agentFor(mock: MockArm): http.Agent {
  let agent = agents.get(mock);
  if (!agent) {
    agent = mock.certificate
      ? new https.Agent({ keepAlive: true, ca: mock.certificate })
      : new http.Agent({ keepAlive: true });
    agents.set(mock, agent);
  }
  return agent;
}

export function destroyAgent(mock: MockArm): void {
  agents.get(mock)?.destroy();
  agents.delete(mock);
}

/**
 * A real request to the mock. `target` is a raw path (sent byte for byte, so encoded segments stay encoded)
 * or an absolute URL on the mock (a nextLink or status URL).
 */
export function call(mock: MockArm, target: string, options: CallOptions = {}): Promise<Reply> {
  const path = target.startsWith("http") ? target.slice(new URL(target).origin.length) : target;
  const withVersion = options.apiVersion === false || path.includes("?") ? path : `${path}?api-version=2024-04-01`;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== false) headers["authorization"] = `Bearer ${mock.token}`;
  if (payload !== undefined) headers["content-type"] ??= "application/json";
  const url = new URL(mock.endpoint);
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: withVersion,
        method: options.method ?? "GET",
        headers,
        agent: agentFor(mock),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}
