// A client that shares no code with the package: every request is one `curl` process, trusting only the mock's
// PEM file as a user would (--cacert), with the bearer token the mock printed.
import { execFile } from "node:child_process";
import type { Ready } from "./mock-process.js";

export interface CurlReply {
  status: number;
  /** Lower-case names; the last value of a repeated header. */
  headers: Record<string, string>;
  text: string;
  json: any;
}

export interface CurlOptions {
  method?: string;
  body?: unknown;
  /** Default true: send `Authorization: Bearer <token>`. */
  auth?: boolean;
  headers?: Record<string, string>;
}

/** One request with curl; resolves with the status, headers and body, rejects when curl itself fails (exit code). */
export function curl(ready: Ready, url: string, options: CurlOptions = {}): Promise<CurlReply> {
  const args = ["--silent", "--show-error", "--include", "--max-time", "10", "--cacert", ready.certificateFile, "--request", options.method ?? "GET"];
  if (options.auth !== false) args.push("--header", `Authorization: Bearer ${ready.token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("--header", `${name}: ${value}`);
  if (options.body !== undefined) args.push("--header", "Content-Type: application/json", "--data-binary", JSON.stringify(options.body));
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile("curl", args, { encoding: "utf8", timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) return reject(Object.assign(new Error(`curl ${url} failed: ${stderr || error.message}`), { exitCode: error.code }));
      resolve(parse(stdout));
    });
  });
}

function parse(output: string): CurlReply {
  const end = output.indexOf("\r\n\r\n");
  const head = end < 0 ? output : output.slice(0, end);
  const text = end < 0 ? "" : output.slice(end + 4);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(" ")[1]), headers, text, json };
}

/**
 * The wait a reply asks for, as ARM's contract has a client read it: `retry-after-ms` (or `x-ms-retry-after-ms`)
 * when sent, else `Retry-After` in seconds; capped so a test stays short.
 */
export function requestedWaitMs(reply: CurlReply, capMs = 2_000): number {
  const ms = reply.headers["retry-after-ms"] ?? reply.headers["x-ms-retry-after-ms"];
  const wait = ms !== undefined ? Number(ms) : Number(reply.headers["retry-after"] ?? 0) * 1000;
  return Math.min(Number.isFinite(wait) ? wait : 0, capMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
