import { createTracingClient, type OperationTracingOptions, type TracingSpan } from "@azure/core-tracing";
import type { OperationIdTable } from "../generated/operationIds.js";
import { packageName, packageVersion } from "../generated/packageInfo.js";
import { routeOf } from "../generated/routes.js";

// How this package traces: the spans of its own operations — one per wait of a poller (poller/waitSpan.ts) and
// one per walk of paginate — on top of the HTTP spans core-rest-pipeline's tracingPolicy makes for every request.
// Spans go to whatever instrumenter core-tracing is given (`useInstrumenter`, or
// @azure/opentelemetry-instrumentation-azure-sdk for OpenTelemetry); without one they cost a no-op call.
//
// What a span may hold: ids, counts, statuses and error codes — never a header, a body, or a URL's query (ARM
// status URLs can carry signed query parameters). core's HTTP spans redact queries themselves; the errors recorded
// on ours go through `recordable` below.

/** The tracing client of this package: spans carry az.namespace "Microsoft.Security" and the package's name. */
export const tracingClient = /* @__PURE__ */ createTracingClient({ namespace: "Microsoft.Security", packageName, packageVersion });

/** `options[option]` checked: undefined, or `{ tracingContext? }` with a context from core-tracing or OpenTelemetry. */
export function readTracingOptions(value: unknown, option: string): OperationTracingOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${option} must be an object ({ tracingContext }), got ${value === null ? "null" : typeof value}`);
  }
  const context = (value as OperationTracingOptions).tracingContext as unknown;
  if (context !== undefined && typeof (context as { getValue?: unknown } | null)?.getValue !== "function") {
    throw new TypeError(`${option}.tracingContext must be a TracingContext (with getValue and setValue), got ${typeof context}`);
  }
  return value as OperationTracingOptions;
}

/**
 * The operationId that `table` (a generated table of operationIds.ts: the long-running or the pageable operations)
 * holds for `method` + `url`, for span names; undefined when the URL is no path of the API or the table has no
 * operation there. The path is matched by routes.ts's `routeOf`, as isUnexpected matches it.
 */
export function operationIdOf(table: OperationIdTable, method: string, url: string): string | undefined {
  const route = routeOf(url);
  return route === undefined ? undefined : table[route]?.[method.toUpperCase()];
}

/** Sets each attribute that has a value (core-tracing takes no nullish values). */
export function setAttributes(span: TracingSpan, attributes: Record<string, string | number | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) span.setAttribute(name, value);
}

/** Ends `span`: status error with the error (made recordable) when `failure` is given, else success. */
export function endSpan(span: TracingSpan, failure: { error: unknown } | undefined): void {
  span.setStatus(failure === undefined ? { status: "success" } : { status: "error", error: recordable(failure.error) });
  span.end();
}

/**
 * The error as a span records it (OpenTelemetry keeps its name, message, stack and code): our messages name the URL
 * concerned, so every query in them is cut. A copy, so the caller's error is untouched; no `cause` or other field
 * (a RestError's request and response) is kept.
 */
function recordable(error: unknown): Error | string {
  if (!(error instanceof Error)) return withoutQueries(String(error));
  const copy: Error & { code?: string } = new Error(withoutQueries(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : withoutQueries(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") copy.code = code;
  return copy;
}

/** `text` with each URL query (a `?` up to the next space, quote or bracket) replaced by `?…`. */
function withoutQueries(text: string): string {
  return text.replace(/\?[^\s"'`()<>[\]]+/g, "?…");
}
