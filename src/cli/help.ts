import { DEFAULT_ENDPOINT, DEFAULT_MAX_TRANSIENT_ERRORS } from "./args.js";
import { TOKEN_VARIABLE } from "./credential.js";

// The whole manual of the CLI; the README's CLI section says the same in more words.
export const HELP = `arm-security-devops: read and wait for Microsoft Defender for Cloud DevOps operations
(Microsoft.Security securityConnectors/devops, api-version 2024-04-01), or serve a mock of that API.

Usage:
  arm-security-devops get  <operation> [options]   print the operation result once
  arm-security-devops wait <operation> [options]   poll until Succeeded, Failed or Canceled
  arm-security-devops mock [--port <n>] [--scenario <file>] [--json]
                                                   serve the embedded mock of ARM for any tool or language
  arm-security-devops --help | --version

<operation> is either
  - the operation's status URL, as in the Azure-AsyncOperation header of a long-running request:
    ${DEFAULT_ENDPOINT}/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Security/
      securityConnectors/<connector>/devops/default/operationResults/<id>?api-version=2024-04-01
    (it must be on --endpoint: the access token is only ever sent there; any other URL is refused), or
  - an operationResultId, with --subscription, --resource-group and --connector.

Options:
  --subscription <id>      subscription id (default: $AZURE_SUBSCRIPTION_ID)
  --resource-group <name>  resource group (default: $AZURE_RESOURCE_GROUP)
  --connector <name>       security connector name (default: $SECURITY_CONNECTOR)
  --endpoint <url>         Resource Manager endpoint, for other clouds or a local mock
                           (default: ${DEFAULT_ENDPOINT}; https, or http on 127.0.0.1/localhost only)
  --json                   print the OperationStatusResult as JSON on stdout (wait: the final one, no progress;
                           mock: what it prints when ready, as one line of JSON)
  --timeout <duration>     wait: give up after this long, e.g. 90s, 10m, 1h (default: 30m)
  --interval <duration>    wait: time between polls when the service sends no Retry-After (default: 2s)
  --max-transient-errors <n>
                           wait: polls in a row that may fail (network, 408, 429, 5xx) before giving up;
                           each poll is itself retried a few times first (default: ${DEFAULT_MAX_TRANSIENT_ERRORS})
  --port <n>               mock: the port on 127.0.0.1 (default: 0, a free port)
  --scenario <file>        mock: a JSON scenario saying how the next operations behave; read again before a
                           request whenever the file has changed (format: the README, "The mock for any tool")
  -h, --help               show this help
  -v, --version            show the package version

Progress (wait): on a terminal a progress bar driven by percentComplete is redrawn on stderr; when stderr is
not a terminal one line is printed per change of status or percentage.

Sign-in: DefaultAzureCredential from @azure/identity (environment variables, workload or managed identity,
Azure CLI, Azure Developer CLI, Azure PowerShell). For tests and the embedded mock only, ${TOKEN_VARIABLE}
holds a fixed bearer token; it is refused for any endpoint other than 127.0.0.1 or localhost, and required for
those (Azure sign-in does not apply there). To trust a mock's self-signed certificate, set NODE_EXTRA_CA_CERTS
to its PEM file.

mock prints the endpoint, the CA certificate file it wrote, the bearer token it accepts and the environment
lines to paste (NODE_EXTRA_CA_CERTS, ${TOKEN_VARIABLE}, REQUESTS_CA_BUNDLE, SSL_CERT_FILE); with --json, one
line of JSON. It serves the 30 operations and every ARM long-running flow until Ctrl+C, SIGTERM or SIGHUP, then
removes its files. It needs the selfsigned package (npm install --save-dev selfsigned).

Exit codes:
  0    the operation Succeeded (get: the result was read and has not failed); mock: stopped by a signal, cleanly
  1    the operation Failed or was Canceled; its error code, target and message are printed
  2    usage error: bad option, missing id, URL not on --endpoint or not an operation result; nothing was sent;
       mock: --port in use, an unreadable or invalid --scenario, selfsigned not installed
  3    transport or authentication error, or an HTTP error from the service (401, 403, 404, ...)
  4    wait --timeout elapsed while the operation was still running
  130  interrupted by Ctrl+C; the operation itself goes on in Azure

Examples:
  arm-security-devops wait "https://management.azure.com/subscriptions/.../operationResults/<id>?api-version=2024-04-01"
  arm-security-devops get <id> --subscription <sub> --resource-group <rg> --connector <connector> --json
`;
