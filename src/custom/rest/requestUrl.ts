import type { PathParameterWithOptions, RequestParameters } from "@azure-rest/core-client";

/**
 * The request URL for `client.path(template, ...values)`, built as @azure-rest/core-client 2.7 builds it
 * (typespec ts-http-runtime client/urlHelpers.js): an absolute http(s) path is used as it is; otherwise each
 * `{name}` of the template takes the next value, percent-encoded unless `skipUrlEncoding` or `allowReserved`, the
 * path is joined to the endpoint with one slash, and `queryParameters` are appended to any query already there
 * (a name given again keeps each distinct value once).
 */
export function buildRequestUrl(
  endpoint: string,
  path: string,
  values: ReadonlyArray<string | number | PathParameterWithOptions>,
  options: RequestParameters = {},
): string {
  if (/^https?:\/\//.test(path)) return path;
  const raw = options.skipUrlEncoding;
  const encode = (text: string, reserved?: boolean) => (raw || reserved ? text : encodeURIComponent(text));
  for (const v of values) {
    path = path.replace(/\{[\w-]+\}/, typeof v === "object" ? encode(String(v.value), v.allowReserved) : encode(String(v)));
  }
  const [base = "", ...baseQuery] = endpoint.split("?");
  const [rest = "", ...pathQuery] = path.split("?");
  let url = base.replace(/(^[^:]+:\/\/[^/]+)\/\/+/, "$1/");
  if (rest) url = url.replace(/\/$/, "") + (rest.startsWith("/") ? rest : `/${rest}`);
  const written = [baseQuery.join("?"), ...pathQuery].filter(Boolean).join("&");
  if (!options.queryParameters) return new URL(written ? `${url}?${written}` : url).toString();
  // name → its values, the query already written first
  const query = new Map<string, string[]>();
  for (const pair of written.split("&")) {
    const [name = "", ...value] = pair.split("=");
    if (pair) query.set(name, [...(query.get(name) ?? []), value.join("=")]);
  }
  for (const [key, param] of Object.entries(options.queryParameters)) {
    if (param == null) continue;
    // { value, explode, style } or a bare value
    const { value, explode, style } = (typeof param === "object" && Object.hasOwn(param, "value") ? param : { value: param }) as {
      value: unknown;
      explode?: boolean;
      style?: string;
    };
    const separator = style === "pipeDelimited" ? "|" : style === "spaceDelimited" ? "%20" : ",";
    const add = (name: string, item: unknown) => {
      const items = Array.isArray(item) ? item : isPlainObject(item) ? Object.entries(item).flat() : [item];
      const text = items.map((p) => (p == null ? "" : encode(scalar(name, p)))).join(separator);
      const encoded = encode(name);
      const seen = query.get(encoded) ?? [];
      if (!seen.includes(text)) query.set(encoded, [...seen, text]);
    };
    if (!explode) add(key, value);
    else if (Array.isArray(value)) value.forEach((item) => add(key, item));
    else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) add(k, v);
    else throw new Error("explode can only be set to true for objects and arrays");
  }
  const search = [...query].flatMap(([name, list]) => list.map((v) => `${name}=${v}`)).join("&");
  return new URL(search ? `${url}?${search}` : url).toString();
}

function isPlainObject(x: unknown): x is object {
  return typeof x === "object" && x !== null && x.toString === Object.prototype.toString;
}

function scalar(name: string, value: unknown): string {
  const v = value as { toISOString?: () => string; toString?: () => string };
  if (typeof v.toString !== "function") {
    throw new Error(`Query parameters must be able to be represented as string, ${name} can't`);
  }
  return v.toISOString ? v.toISOString() : v.toString();
}
