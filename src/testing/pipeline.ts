import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { unauthenticated } from "./auth.js";
import type { MockState } from "./context.js";
import type { Lifecycle } from "./lifecycle.js";
import { matchRoute, MONITOR_ROUTES } from "./routes.js";
import { armError, respond } from "./respond.js";
import type { ScenarioFile } from "./scenarioFile.js";
import { API_VERSION } from "./scope.js";
import type { Scripts } from "./script.js";
import { THROTTLE_HEADERS } from "./throttle/scope.js";
import type { Throttle } from "./throttle/throttle.js";
import type { MockResponse, RecordedRequest } from "./types.js";

export interface PipelineDeps {
  state: MockState;
  scripts: Scripts;
  life: Lifecycle;
  requests: RecordedRequest[];
  token: string;
  requireAuth: boolean;
  throttle: Throttle;
  recordRequests: boolean;
  scenario: ScenarioFile | undefined;
}

/** Request bodies above this are refused with 413, so a runaway client cannot exhaust memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

const EXPOSED = [
  "Retry-After, retry-after-ms, x-ms-retry-after-ms, x-ms-request-id, x-ms-correlation-request-id, Azure-AsyncOperation",
  "Operation-Location, Location, x-ms-error-code, WWW-Authenticate",
  ...THROTTLE_HEADERS,
].join(", ");

/** Handles one request from arrival to answer; it never throws (a failure becomes a 500, or a dropped socket). */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, deps: PipelineDeps): Promise<void> {
  const base = baseHeaders(req);
  try {
    const answer = await decide(req, deps, base);
    await respond(res, answer, base, deps.life);
  } catch {
    if (res.headersSent || res.destroyed) res.destroy();
    else
      await respond(res, armError(500, "InternalServerError", "The mock failed to answer."), base, deps.life).catch(
        () => res.destroy(),
      );
  }
}

/** The answer to one request; headers every answer to it must carry (the throttle's) are added to `base`. */
async function decide(req: IncomingMessage, deps: PipelineDeps, base: Record<string, string>): Promise<MockResponse> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const query = Object.fromEntries(new URLSearchParams(q < 0 ? "" : url.slice(q + 1)));
  const { text, tooLarge } = await readBody(req);
  // Parsed once, for the record and the handler: no handler changes it (a write copies the properties it keeps).
  const body = parseBody(text);
  if (deps.recordRequests) {
    deps.requests.push({
      method,
      path: rawPath,
      url,
      query,
      headers: flatHeaders(req),
      body,
      at: Date.now(),
    });
  }

  // A changed scenario file is applied before its scripts or plans could be used; an invalid one answers instead.
  const scenarioProblem = deps.scenario?.refresh();
  if (scenarioProblem && method !== "OPTIONS") return scenarioProblem;
  const scripted = deps.scripts.take(method, rawPath);
  if (scripted) return scripted;
  if (method === "OPTIONS") return preflight(req);
  if (tooLarge)
    return armError(413, "RequestEntityTooLarge", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`, {
      connection: "close",
    });
  if (deps.requireAuth) {
    const refused = unauthenticated(req.headers.authorization, deps.token);
    if (refused) return refused;
  }
  // ARM throttles per principal, so only once the caller is known; everything answered from here on is charged.
  const charge = deps.throttle.charge(method, rawPath);
  if (charge) Object.assign(base, charge.headers);
  if (charge?.rejection) return charge.rejection;
  const apiVersion = query["api-version"];
  if (apiVersion === undefined) {
    return armError(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  if (apiVersion !== API_VERSION) {
    return armError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${apiVersion}' is invalid. The supported versions are '${API_VERSION}'.`,
    );
  }
  const segments = decodeSegments(rawPath);
  if (!segments)
    return armError(400, "InvalidRequestUri", `The request path '${rawPath}' is not validly percent-encoded.`);
  const match = matchRoute(method, segments);
  if (match.kind === "none") return armError(404, "NotFound", `No operation matches ${method} '${rawPath}'.`);
  if (match.kind === "method") {
    return armError(405, "MethodNotAllowed", `The path does not support ${method}.`, {
      allow: match.allowed.join(", "),
    });
  }
  const { subscriptionId = "", resourceGroupName = "", securityConnectorName = "" } = match.params;
  const scope = { subscriptionId, resourceGroupName, securityConnectorName };
  // Every operation of the API lives under a security connector (the mock's Location monitor does not).
  if (!MONITOR_ROUTES.includes(match.route)) {
    const missing = deps.state.connectors.missing(scope);
    if (missing) return missing;
  }
  return match.route.handle({ state: deps.state, scope, params: match.params, query, rawPath, body });
}

/** Each segment decoded on its own, so `%2F` stays inside one segment; undefined on malformed escapes. */
function decodeSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split("/").map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (tooLarge: boolean) => {
      req.removeAllListeners("data");
      resolve({ text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge });
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause(); // stop reading; the 413 closes the connection
        finish(true);
      } else chunks.push(chunk);
    });
    req.once("end", () => finish(false));
    req.once("close", () => finish(false));
    req.once("error", () => finish(false));
  });
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function baseHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const headers: Record<string, string> = {
    "x-ms-request-id": randomUUID(),
    "x-ms-correlation-request-id": single(req.headers["x-ms-correlation-request-id"]) ?? randomUUID(),
    "access-control-allow-origin": origin ?? "*",
    "access-control-expose-headers": EXPOSED,
  };
  const clientRequestId = single(req.headers["x-ms-client-request-id"]);
  if (clientRequestId) headers["x-ms-client-request-id"] = clientRequestId;
  if (origin) headers["vary"] = "Origin";
  return headers;
}

function preflight(req: IncomingMessage): MockResponse {
  const requested = single(req.headers["access-control-request-headers"]);
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, PUT, PATCH, POST, DELETE, OPTIONS",
      "access-control-allow-headers": requested ?? "authorization, content-type, x-ms-client-request-id",
      "access-control-max-age": "600",
    },
  };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
