import { isNamedError } from "./isNamedError.js";

/**
 * Why paging stopped before the last page:
 * - `untrustedUrl`: a `nextLink` (or continuation token) is not on the client's endpoint; following it would send
 *   the client's bearer token to another origin, so it is refused before any request.
 * - `pageLimitReached`: `maxPages` pages were read and the service still returned a nextLink (or it repeated one),
 *   which would otherwise loop forever.
 */
export type PagingErrorReason = "untrustedUrl" | "pageLimitReached";

/** Paging stopped; the pages already yielded are valid. */
export class PagingError<R extends PagingErrorReason = PagingErrorReason> extends Error {
  override readonly name = "PagingError" as const;
  readonly reason: R;
  /** The nextLink concerned. */
  readonly url: string | undefined;

  constructor(message: string, reason: R, url?: string) {
    super(message);
    this.reason = reason;
    this.url = url;
  }
}

/** Whether `e` is a PagingError, from this or another copy of the package. */
export function isPagingError(e: unknown): e is PagingError {
  return isNamedError(e, PagingError, "PagingError", "reason");
}
