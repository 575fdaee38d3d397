// The Node side of every runtime suite that cannot reach the mock in-process (Deno, Bun, workerd): the mock over
// HTTPS on 127.0.0.1, a loopback control server through which the runtime drives it, and the environment that
// tells the runtime where both are.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_SCOPE, startMockArm, type MockArm } from "../../src/testing/index.js";
import { dispatch } from "../behaviour/control.js";
import type { MockInfo } from "../behaviour/context.js";

export interface Harness {
  mock: MockArm;
  info: MockInfo;
  /** http://127.0.0.1:<port>: POST /<op> with a JSON array of arguments. */
  controlUrl: string;
  /** ARM_MOCK_INFO (JSON of MockInfo), ARM_MOCK_CONTROL (the control URL), ARM_MOCK_CA (the mock's certificate). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const mock = await startMockArm();
  const control = await startControlServer(mock);
  const info: MockInfo = { endpoint: mock.endpoint, token: mock.token, scope: DEFAULT_SCOPE };
  return {
    mock,
    info,
    controlUrl: control.url,
    env: { ARM_MOCK_INFO: JSON.stringify(info), ARM_MOCK_CONTROL: control.url, ARM_MOCK_CA: mock.certificate ?? "" },
    async close() {
      control.server.closeAllConnections();
      await new Promise<void>((resolve) => control.server.close(() => resolve()));
      await mock.close();
    },
  };
}

/** POST /<op> with a JSON array of arguments -> the mock's answer as JSON (500 with the message on error). */
async function startControlServer(mock: MockArm): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const op = (req.url ?? "/").slice(1);
      Promise.resolve()
        .then(() => dispatch(mock, op, JSON.parse(Buffer.concat(chunks).toString("utf8") || "[]") as unknown[]))
        .then(
          (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result ?? null)),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
