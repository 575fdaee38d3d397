// httpStatus.ts: the status type of "default" (error) responses.
//
// A default response typed `status: string` also accepts "200", so a success
// response whose body happens to fit the error body (OperationStatusResult has an
// optional `error`, like ErrorResponse) is assignable to it, and the `else` branch
// of isUnexpected() narrows to `never`. Excluding the documented success codes
// makes the two sides disjoint, so narrowing works both ways.
export function emitHttpStatus(): string {
  return `type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";

/** Any three-digit HTTP status code, as a string (core-client reports statuses as strings). */
export type HttpStatusCode = \`\${Digit}\${Digit}\${Digit}\`;

/**
 * Every status code except the documented success codes of an operation: the
 * status of its default (error) response. Keeping the success codes out makes
 * the success and error response types disjoint, so \`isUnexpected\` narrows in
 * both branches.
 */
export type UnexpectedStatus<Documented extends HttpStatusCode> = Exclude<HttpStatusCode, Documented>;`;
}
