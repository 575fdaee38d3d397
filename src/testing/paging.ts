import type { RouteContext } from "./context.js";
import { armError } from "./respond.js";
import { API_VERSION } from "./scope.js";
import type { MockResponse } from "./types.js";

// Opaque on purpose: clients must follow nextLink, not build skip tokens themselves.
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeToken(token: string): number | undefined {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

/** One page of a pageable list; nextLink is absolute, on the mock, with api-version and $skipToken. */
export function page(ctx: RouteContext, items: unknown[]): MockResponse {
  const token = ctx.query["$skipToken"];
  const offset = token === undefined ? 0 : decodeToken(token);
  if (offset === undefined) return armError(400, "InvalidSkipToken", `The $skipToken '${token}' is not valid.`);
  const end = offset + ctx.state.pageSize;
  const body: { value: unknown[]; nextLink?: string } = { value: items.slice(offset, end) };
  if (end < items.length) {
    body.nextLink = `${ctx.state.endpoint}${ctx.rawPath}?api-version=${API_VERSION}&$skipToken=${encodeToken(end)}`;
  }
  return { status: 200, body };
}

/** The non-pageable lists (ListAvailable POSTs, GitLab subgroups): everything at once, no nextLink. */
export function singlePage(items: unknown[]): MockResponse {
  return { status: 200, body: { value: items } };
}
