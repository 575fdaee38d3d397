// An HTTPS server on 127.0.0.1 for the runtime suite (core-runtime.test.ts): it records every request exactly as it
// arrived (method, raw URL, headers, body bytes) and answers either what a test scripted for that path, in order,
// or a JSON echo of the request. The certificate is made at start; clients trust it through `tlsOptions.ca`.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createTestCertificate } from "../../src/testing/certificate.js";

export interface ReceivedRequest {
  method: string;
  /** The request target as sent: path and query, undecoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as is; chunks are written one by one (a streamed body). */
  body?: string | Buffer | Array<string | Buffer>;
}

export interface EchoServer {
  /** https://127.0.0.1:<port> */
  endpoint: string;
  certificate: string;
  received: ReceivedRequest[];
  /** Answers for `path` (the pathname, without query), used in order; later requests get the echo again. */
  answer(path: string, ...answers: ScriptedAnswer[]): void;
  /** Forgets what was received and scripted. */
  reset(): void;
  close(): Promise<void>;
}

export async function startEchoServer(): Promise<EchoServer> {
  const { key, cert } = await createTestCertificate();
  const received: ReceivedRequest[] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();

  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      const path = request.url.split("?")[0]!;
      const answer = scripted.get(path)?.shift();
      if (!answer) {
        const echo = {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: request.body.toString("base64"),
        };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(echo));
        return;
      }
      res.writeHead(answer.status ?? 200, answer.headers ?? { "content-type": "application/json" });
      const parts = Array.isArray(answer.body) ? answer.body : answer.body === undefined ? [] : [answer.body];
      for (const part of parts) res.write(part);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `https://127.0.0.1:${port}`,
    certificate: cert,
    received,
    answer: (path, ...answers) => void scripted.set(path, [...(scripted.get(path) ?? []), ...answers]),
    reset: () => {
      received.length = 0;
      scripted.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
