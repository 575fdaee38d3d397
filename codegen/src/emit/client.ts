// The client factory (securityDevOpsClient.ts), the package constants it stamps
// into the user agent (packageInfo.ts) and the package logger (logger.ts). The factory gives core no logger: the
// only policy that reads loggingOptions.logger is core's log policy, which src/custom/client.ts replaces with its
// redacting one (defaulting to this logger), and with options.pipeline core builds no pipeline at all.
import type { ApiInfo } from "../model/api.js";

export interface ClientSettings {
  clientName: string;
  packageName: string;
  packageVersion: string;
}

export function emitPackageInfo(settings: ClientSettings): string {
  return `/** npm package name, as in package.json at generation time. */
export const packageName = ${JSON.stringify(settings.packageName)};

/** npm package version, as in package.json at generation time. */
export const packageVersion = ${JSON.stringify(settings.packageVersion)};`;
}

export function emitLogger(settings: ClientSettings): string {
  return `import { createClientLogger } from "@azure/logger";

/** The package's logger; enable with AZURE_LOG_LEVEL or @azure/logger's setLogLevel. */
export const logger = createClientLogger(${JSON.stringify(settings.packageName)});`;
}

export function emitClient(api: ApiInfo, settings: ClientSettings): string {
  const name = settings.clientName;
  return `import { getClient, type ClientOptions } from "@azure-rest/core-client";
import { isTokenCredential, type TokenCredential } from "@azure/core-auth";
import type { ${name} } from "./clientDefinitions.js";
import { packageName, packageVersion } from "./packageInfo.js";

/** Azure Resource Manager endpoint of the public cloud. */
export const defaultEndpoint = ${JSON.stringify(api.defaultEndpoint)};

/** The api-version this client was generated for. */
export const defaultApiVersion = ${JSON.stringify(api.apiVersion)};

/** Options of {@link createClient}; every core-client option is passed through. */
export interface ${name}Options extends ClientOptions {
  /** Resource Manager endpoint, e.g. for sovereign clouds or tests. Default: ${api.defaultEndpoint}. */
  endpoint?: string;
  /** api-version added to every request URL that has none. Default: "${api.apiVersion}". */
  apiVersion?: string;
}

function checkedEndpoint(endpoint: string): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new TypeError(\`options.endpoint must be an absolute http(s) URL, got \${JSON.stringify(endpoint)}\`);
  }
  return endpoint.replace(/\\/+$/, "");
}

/**
 * Creates a REST-level client of the Microsoft.Security DevOps API.
 *
 * @param credential - Azure Active Directory credential, e.g. DefaultAzureCredential from @azure/identity.
 * @param options - Endpoint, api-version and any core-client pipeline option.
 */
export function createClient(credential: TokenCredential, options: ${name}Options = {}): ${name} {
  if (!isTokenCredential(credential)) {
    throw new TypeError("credential must be a TokenCredential (an object with a getToken method)");
  }
  const endpoint = checkedEndpoint(options.endpoint ?? options.baseUrl ?? defaultEndpoint);
  const apiVersion = options.apiVersion ?? defaultApiVersion;
  if (typeof apiVersion !== "string" || apiVersion.trim() === "") {
    throw new TypeError("options.apiVersion must be a non-empty string");
  }
  const userAgentInfo = \`\${packageName}/\${packageVersion}\`;
  const callerPrefix = options.userAgentOptions?.userAgentPrefix;
  // Token scopes are core-client's default: \`\${endpoint}/.default\` unless options.credentials.scopes.
  return getClient(endpoint, credential, {
    ...options,
    endpoint,
    apiVersion,
    userAgentOptions: {
      ...options.userAgentOptions,
      userAgentPrefix: callerPrefix ? \`\${callerPrefix} \${userAgentInfo}\` : userAgentInfo,
    },
  }) as ${name};
}

export default createClient;`;
}
