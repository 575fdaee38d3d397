// The types getLongRunningPoller is declared with, read from the generated table of long-running operations
// (src/generated/longRunningOperations.ts): what it accepts, and what its poller resolves with.
import type { LongRunningOperations } from "../../generated/longRunningOperations.js";

type Operation = LongRunningOperations[keyof LongRunningOperations];

/**
 * A response of the request of one of the long-running operations: one of its documented 2xx responses, which the
 * poller starts from, or its default (error) response, for which getLongRunningPoller throws the response's
 * RestError. The default response stays accepted so that the raw result of `put()`, `patch()` or `delete()` can be
 * passed without narrowing first, as with the getLongRunningPoller of every `@azure-rest` client. Any other
 * response — a GET's, a list's, a `pathUnchecked` one — is refused: it does not say it answers a PUT, PATCH or DELETE.
 */
export type LroInitialResponse = Operation["initial"] | Operation["error"];

// Which operation answered is read by type identity, not assignability: every resource model of the API has only
// optional properties, so an organization's PUT response is assignable to a project's PUT response type and back.
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsOneOf<R, Union> = Union extends unknown ? Identical<R, Union> : never;

type ResultByIdentity<R> = {
  [K in keyof LongRunningOperations]: true extends IsOneOf<R, LongRunningOperations[K]["initial"]> ? LongRunningOperations[K]["result"] : never;
}[keyof LongRunningOperations];

// For a type of the caller's own that is only assignable to a 2xx response: every result it may stand for.
type ResultByAssignability<R> = {
  [K in keyof LongRunningOperations]: R extends LongRunningOperations[K]["initial"] ? LongRunningOperations[K]["result"] : never;
}[keyof LongRunningOperations];

type ResultOfOne<R> = [ResultByIdentity<R>] extends [never] ? ResultByAssignability<R> : ResultByIdentity<R>;

/**
 * What the poller of an initial response R (or a union of them) resolves with: the operation's result from
 * LongRunningOperations — the resource for the PUT and PATCH operations, `undefined` for the DELETE. A default
 * (error) response adds nothing: getLongRunningPoller throws for it. For `getLongRunningPoller(client, undefined,
 * { restoreFrom })`, give R as a type argument (`getLongRunningPoller<DevOpsConfigurationsCreateOrUpdate201Response>`);
 * without one it is the union of every operation's result.
 */
export type LroResult<R> = R extends unknown ? ResultOfOne<R> : never;
