import { armError } from "./respond.js";
import type { MockResponse } from "./types.js";

// ARM's 401s, with the `WWW-Authenticate` challenge ARM sends beside them. Azure SDKs read it: Python's
// ARMChallengeAuthenticationPolicy, Go's and .NET's bearer token policies and core-rest-pipeline's look for a claims
// challenge in it (CAE) and, finding none here, hand the 401 to the caller, as they do with ARM's.

/** Where ARM's challenges send a client to get a token, as ARM's own do. */
const AUTHORIZATION_URI = "https://login.windows.net/";

function challenge(description: string): Record<string, string> {
  return {
    "WWW-Authenticate": `Bearer authorization_uri="${AUTHORIZATION_URI}", error="invalid_token", error_description="${description}"`,
  };
}

/**
 * The 401 for an `Authorization` header that is not `Bearer <token>`, or undefined when it is: AuthenticationFailed
 * for a missing header or another scheme, InvalidAuthenticationToken for a bearer token the mock does not accept.
 */
export function unauthenticated(authorization: string | undefined, token: string): MockResponse | undefined {
  if (authorization === undefined || authorization.trim() === "") {
    return withChallenge(
      armError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."),
      "The authentication failed because of missing 'Authorization' header.",
    );
  }
  const bearer = /^bearer +(.*)$/i.exec(authorization.trim());
  if (!bearer) {
    return withChallenge(
      armError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format."),
      "The authentication failed because the 'Authorization' header is not a Bearer token.",
    );
  }
  if (bearer[1] === token) return undefined;
  return withChallenge(armError(401, "InvalidAuthenticationToken", "The access token is invalid."), "The access token is invalid.");
}

function withChallenge(answer: MockResponse, description: string): MockResponse {
  return { ...answer, headers: { ...answer.headers, ...challenge(description) } };
}
