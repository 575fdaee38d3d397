import type { Client, HttpResponse } from "@azure-rest/core-client";
import type { OperationTracingOptions } from "@azure/core-tracing";
import { pageableOperationIds } from "../generated/operationIds.js";
import { PagingError } from "./errors/pagingError.js";
import { toRestError } from "./errors/toRestError.js";
import { endSpan, operationIdOf, readTracingOptions, setAttributes, tracingClient } from "./tracing.js";
import { installReadBudget } from "./throttle/install.js";
import { sharedRead } from "./throttle/readMark.js";
import { isTrustedOrigin, parseUrl, readAllowedOrigins, trustedOrigin } from "./trustedUrl.js";

// The RLC convention (`paginate(client, initialResponse)` → an async iterator of items with `byPage()`), written
// here because @azure-rest/core-client has no paging helper, and because every nextLink is checked against the
// client's origin first: a list body is server data, and following a hostile nextLink through the client's
// pipeline would hand its bearer token to another host. Every loop is bounded by `maxPages`.
//
// Each walk — of the items, or of byPage() — runs in one span, `<operationId>.paginate` (`GitHubOwners_List.paginate`;
// `ListOperation.paginate` for a URL that is no pageable operation of the API: the name comes from the small
// generated table of those, operationIds.ts), whose page requests are its children. It starts with the walk's first
// next() and ends with its last page, its error, or the consumer's `break`; attributes
// `paging.pages` and `paging.items` count the pages read and the items in them (the first page included).

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Stop with a PagingError after this many pages (default 10,000), so a nextLink loop cannot run forever. */
  maxPages?: number;
  /** Cancels the page requests. */
  abortSignal?: AbortSignal;
  /** The client's endpoint, needed only for clients not made by `createClient`. */
  endpoint?: string;
  /**
   * Origins besides the client's endpoint that nextLinks may point at (regional or private endpoints). Requests there
   * carry the client's bearer token, so list only origins you would give it to.
   */
  allowedOrigins?: readonly string[];
  /** The parent of each walk's span (see above); default: the instrumenter's active context. */
  tracingOptions?: OperationTracingOptions;
}

/** Where to start `byPage()`: `continuationToken` is a nextLink from an earlier page. */
export interface PageSettings {
  continuationToken?: string;
}

/** An async iterator of items that can also be walked page by page. */
export interface PagedAsyncIterableIterator<TItem, TPage = TItem[], TSettings = PageSettings> {
  next(): Promise<IteratorResult<TItem>>;
  /** Ends the walk early (what `break` in a `for await` calls): its span ends, no further page is requested. */
  return(value?: unknown): Promise<IteratorResult<TItem>>;
  [Symbol.asyncIterator](): PagedAsyncIterableIterator<TItem, TPage, TSettings>;
  byPage(settings?: TSettings): AsyncIterableIterator<TPage>;
}

/** The item type of a list operation's response union (the `value` array of its 200 body). */
export type PaginateReturn<TResponse> = TResponse extends { status: "200"; body: { value?: Array<infer TItem> } }
  ? TItem
  : never;

const DEFAULT_MAX_PAGES = 10_000;

interface ListBody {
  value?: unknown[];
  nextLink?: string | null;
}

/**
 * Iterates the items of a list operation across pages, following `nextLink`.
 *
 * @param client - The client that made `initialResponse`; its pipeline fetches the next pages.
 * @param initialResponse - The first page, e.g. `await client.path(".../gitHubOwners", ...).get()`. An error
 *   response is thrown as a RestError when iteration starts.
 */
export function paginate<TResponse extends HttpResponse>(
  client: Client,
  initialResponse: TResponse,
  options: PaginateOptions = {},
): PagedAsyncIterableIterator<PaginateReturn<TResponse>> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new TypeError(`options.maxPages must be a positive integer, got ${String(options.maxPages)}`);
  }
  const origin = trustedOrigin(client, options.endpoint, initialResponse.request.url);
  const allowedOrigins = readAllowedOrigins(options.allowedOrigins);
  const parent = readTracingOptions(options.tracingOptions, "options.tracingOptions");
  installReadBudget(client); // the client's shared read budget, if not yet in its pipeline
  const spanName = `${operationIdOf(pageableOperationIds, initialResponse.request.method, initialResponse.request.url) ?? "ListOperation"}.paginate`;
  type Item = PaginateReturn<TResponse>;

  async function* pages(settings: PageSettings, tracingOptions: OperationTracingOptions): AsyncGenerator<Item[]> {
    let response: HttpResponse = initialResponse;
    if (settings.continuationToken !== undefined)
      response = await fetchPage(settings.continuationToken, tracingOptions);
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      if (!/^2\d\d$/.test(response.status)) throw toRestError(response);
      const body = (response.body ?? {}) as ListBody;
      yield (Array.isArray(body.value) ? body.value : []) as Item[];
      const nextLink = body.nextLink;
      if (typeof nextLink !== "string" || nextLink === "") return;
      if (page >= maxPages || seen.has(nextLink)) {
        throw new PagingError(
          `Stopped paging after ${page} page(s): ${seen.has(nextLink) ? "the service repeated a nextLink" : `options.maxPages (${maxPages}) reached`}`,
          "pageLimitReached",
          nextLink,
        );
      }
      seen.add(nextLink);
      response = await fetchPage(nextLink, tracingOptions);
    }
  }

  async function fetchPage(nextLink: string, tracingOptions: OperationTracingOptions): Promise<HttpResponse> {
    return await client.pathUnchecked(checkNextLink(nextLink, origin, allowedOrigins)).get(
      sharedRead({
        abortSignal: options.abortSignal,
        tracingOptions, // parents the pipeline's HTTP span on the walk's span
      }),
    );
  }

  /** One walk of the pages, in a span of its own. */
  async function* tracedPages(settings: PageSettings = {}): AsyncGenerator<Item[]> {
    const { span, updatedOptions } = tracingClient.startSpan(
      spanName,
      { tracingOptions: parent },
      { spanKind: "internal" },
    );
    const read = { pages: 0, items: 0 };
    let failure: { error: unknown } | undefined;
    try {
      for await (const page of pages(settings, updatedOptions.tracingOptions)) {
        read.pages += 1;
        read.items += page.length;
        yield page;
      }
    } catch (error) {
      failure = { error };
      throw error;
    } finally {
      setAttributes(span, { "paging.pages": read.pages, "paging.items": read.items });
      endSpan(span, failure);
    }
  }

  async function* items(): AsyncGenerator<Item> {
    for await (const page of tracedPages()) yield* page;
  }

  const iterator = items();
  return {
    next: () => iterator.next(),
    // Without it a `break` would leave the walk suspended, its span never ended.
    return: () => iterator.return(undefined),
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: (settings?: PageSettings) => tracedPages(settings),
  };
}

function checkNextLink(nextLink: string, origin: string | undefined, allowedOrigins: readonly string[]): string {
  const url = parseUrl(nextLink, origin);
  if (url === undefined || !isTrustedOrigin(url, { origin, allowedOrigins })) {
    throw new PagingError(
      `Refusing to follow nextLink ${JSON.stringify(nextLink)}: it is not on the client's endpoint ` +
        `${origin ?? "(unknown: create the client with createClient or pass options.endpoint)"}, and following it ` +
        `would send the client's bearer token there`,
      "untrustedUrl",
      nextLink,
    );
  }
  return url.href;
}
