import type { TokenCredential } from "@azure/core-auth";
import { isMissingModule } from "../testing/missingModule.js";
import { UsageError } from "./exitCodes.js";

// Only the CLI signs in with @azure/identity: it is imported here, dynamically, so the library bundles never
// reference it and `--help` or a usage error does not pay for loading it.

/** Environment variable with a bearer token for a LOCAL MOCK (tests, the walkthrough). Not a way to sign in to Azure. */
export const TOKEN_VARIABLE = "ARM_SECURITY_DEVOPS_TOKEN";

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/**
 * The credential for `endpoint`: DefaultAzureCredential (environment, workload identity, managed identity, Azure
 * CLI, ...), or — only when the endpoint is on the loopback interface, and required there — the fixed token in
 * ARM_SECURITY_DEVOPS_TOKEN.
 * The fixed token is refused for any other endpoint so that a token left in the environment for a mock is never
 * mistaken for a way to sign in, and a real token is not kept in an environment variable for everyday use.
 */
export async function resolveCredential(endpoint: string, env: NodeJS.ProcessEnv): Promise<TokenCredential> {
  const fixed = env[TOKEN_VARIABLE];
  if (fixed !== undefined && fixed !== "") {
    if (!LOOPBACK_ORIGIN.test(endpoint)) {
      throw new UsageError(
        `${TOKEN_VARIABLE} is for a local mock only (an --endpoint on 127.0.0.1 or localhost), not for ${endpoint}; ` +
          `unset it to sign in with DefaultAzureCredential`,
      );
    }
    return fixedToken(fixed);
  }
  if (LOOPBACK_ORIGIN.test(endpoint)) {
    // Azure never listens on this machine, and DefaultAzureCredential would probe managed identity and start
    // az/pwsh/azd before failing with a long AggregateAuthenticationError: say what a local server needs instead.
    throw new UsageError(
      `--endpoint ${endpoint} is a local server, where Azure sign-in does not apply: set ${TOKEN_VARIABLE} to the ` +
        `bearer token it accepts (the embedded mock's is \`mock.token\` of startMockArm() in arm-security-devops/testing)`,
    );
  }
  const { DefaultAzureCredential } = await importIdentity();
  return new DefaultAzureCredential();
}

// @azure/identity is an optional peer dependency (it is ~40 MB, and only the CLI needs it): when it is not
// installed, say which package to add instead of printing Node's resolution error.
async function importIdentity(): Promise<typeof import("@azure/identity")> {
  try {
    return await import("@azure/identity");
  } catch (error) {
    if (!isMissingModule(error, "@azure/identity")) throw error;
    throw new UsageError(
      "the CLI signs in with DefaultAzureCredential from @azure/identity, which is not installed: " +
        "add it next to arm-security-devops (npm install @azure/identity)",
      { cause: error },
    );
  }
}

function fixedToken(token: string): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000, tokenType: "Bearer" }) };
}
