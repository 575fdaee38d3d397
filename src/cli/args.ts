import { parseArgs } from "node:util";
import { RULES as POLLER_RULES } from "../custom/poller/options.js";
import { parseCount } from "./count.js";
import { parseDuration } from "./duration.js";
import { UsageError } from "./exitCodes.js";
import { checkOperationUrl } from "./operationUrl.js";

// The command line, parsed once and checked here: everything after this point can trust its input. Every
// message names the option and the rule, and nothing is sent before the whole line has been accepted.

export const DEFAULT_ENDPOINT = "https://management.azure.com";
/** `wait` gives up after 30 minutes unless --timeout says otherwise: a script must not hang forever. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Failed polls in a row `wait` retries before giving up (the library's default, stated here as the CLI's own). */
export const DEFAULT_MAX_TRANSIENT_ERRORS = 5;
// The poller's own upper bound for maxTransientErrors.
const MAX_TRANSIENT_ERRORS = POLLER_RULES.maxTransientErrors.max;

export interface OperationIds {
  subscriptionId: string;
  resourceGroupName: string;
  securityConnectorName: string;
  operationResultId: string;
}

/** The operation to read: its status URL as given, or the four ids of DevOpsOperationResults_Get. */
export type OperationTarget = { kind: "url"; url: string } | ({ kind: "ids" } & OperationIds);

export interface RunCommand {
  kind: "run";
  command: "get" | "wait";
  target: OperationTarget;
  /** Origin of the Resource Manager endpoint; the only place the token is ever sent. */
  endpoint: string;
  json: boolean;
  timeoutMs: number | undefined;
  intervalMs: number | undefined;
  /** wait: the poller's maxTransientErrors. */
  maxTransientErrors: number;
}

/** `mock`: the embedded mock of ARM, served until Ctrl+C or SIGTERM (src/cli/commands/mock.ts). */
export interface MockCommand {
  kind: "mock";
  /** 0: a free port. */
  port: number;
  scenarioFile: string | undefined;
  json: boolean;
}

export type CommandLine = { kind: "help" } | { kind: "version" } | RunCommand | MockCommand;

/** Options of wait that mean nothing to get, which reads the operation once. */
const WAIT_OPTIONS = ["timeout", "interval", "max-transient-errors"] as const;
/** Options of get and wait that mean nothing to mock, and the other way round: each refused where it does not apply. */
const OPERATION_OPTIONS = ["subscription", "resource-group", "connector", "endpoint", ...WAIT_OPTIONS] as const;
const MOCK_OPTIONS = ["port", "scenario"] as const;

const OPTIONS = {
  subscription: { type: "string" },
  "resource-group": { type: "string" },
  connector: { type: "string" },
  endpoint: { type: "string" },
  timeout: { type: "string" },
  interval: { type: "string" },
  "max-transient-errors": { type: "string" },
  port: { type: "string" },
  scenario: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: withNegativeValues(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(argvErrorMessage(String((e as Error).message)));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  if (values.version) return { kind: "version" };

  const [command, operation, ...extra] = positionals;
  if (command === undefined) throw new UsageError("a command is required: get, wait or mock (see --help)");
  if (command === "mock") return mockCommand(values, positionals.slice(1));
  if (command !== "get" && command !== "wait") {
    throw new UsageError(`unknown command ${JSON.stringify(command)}: expected get, wait or mock (see --help)`);
  }
  const mockOnly = MOCK_OPTIONS.find((name) => values[name] !== undefined);
  if (mockOnly) throw new UsageError(`--${mockOnly} applies to mock only`);
  if (operation === undefined) {
    throw new UsageError(`${command} needs an operation: an operation-result URL, or an operationResultId (see --help)`);
  }
  if (extra.length > 0) throw new UsageError(`${command} takes one operation, got extra arguments: ${extra.join(" ")}`);
  if (command === "get") {
    const waitOnly = WAIT_OPTIONS.find((name) => values[name] !== undefined);
    if (waitOnly) throw new UsageError(`--${waitOnly} applies to wait only (get reads the operation once)`);
  }

  const timeoutMs = values.timeout !== undefined ? parseDuration(values.timeout, "--timeout") : command === "wait" ? DEFAULT_TIMEOUT_MS : undefined;
  const intervalMs = values.interval === undefined ? undefined : parseDuration(values.interval, "--interval");
  const transient = values["max-transient-errors"];
  const maxTransientErrors = transient === undefined ? DEFAULT_MAX_TRANSIENT_ERRORS : parseCount(transient, "--max-transient-errors", MAX_TRANSIENT_ERRORS);
  const endpoint = checkEndpoint(values.endpoint ?? DEFAULT_ENDPOINT);
  const idFlags = values.subscription !== undefined || values["resource-group"] !== undefined || values.connector !== undefined;
  let target: OperationTarget;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(operation)) {
    if (idFlags) throw new UsageError("give either an operation URL or --subscription/--resource-group/--connector, not both");
    target = { kind: "url", url: checkOperationUrl(operation, endpoint) };
  } else {
    target = {
      kind: "ids",
      subscriptionId: required(values.subscription, env["AZURE_SUBSCRIPTION_ID"], "--subscription", "AZURE_SUBSCRIPTION_ID"),
      resourceGroupName: required(values["resource-group"], env["AZURE_RESOURCE_GROUP"], "--resource-group", "AZURE_RESOURCE_GROUP"),
      securityConnectorName: required(values.connector, env["SECURITY_CONNECTOR"], "--connector", "SECURITY_CONNECTOR"),
      operationResultId: operation,
    };
  }
  return {
    kind: "run",
    command,
    target,
    endpoint,
    json: values.json ?? false,
    timeoutMs,
    intervalMs,
    maxTransientErrors,
  };
}

function mockCommand(values: { [name: string]: string | boolean | undefined }, extra: string[]): MockCommand {
  if (extra.length > 0) throw new UsageError(`mock takes no arguments, got: ${extra.join(" ")} (a scenario file is given with --scenario)`);
  const other = OPERATION_OPTIONS.find((name) => values[name] !== undefined);
  if (other) throw new UsageError(`--${other} applies to get and wait only (mock serves the embedded mock on 127.0.0.1)`);
  const port = values["port"];
  const scenario = values["scenario"];
  if (scenario === "") throw new UsageError("--scenario needs a file path");
  return {
    kind: "mock",
    port: typeof port === "string" ? parsePort(port) : 0,
    scenarioFile: typeof scenario === "string" ? scenario : undefined,
    json: values["json"] === true,
  };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(port <= 65535)) throw new UsageError(`--port must be a port number from 0 to 65535 (0: a free one), such as 8443 (got ${JSON.stringify(text)})`);
  return port;
}

/**
 * parseArgs takes `--timeout -5s` for a forgotten value followed by an option named "-5s". No option of ours
 * starts with a digit, so a value like that is attached (`--timeout=-5s`) and then gets the option's own rule.
 */
function withNegativeValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === "--") return [...args, ...argv.slice(i)];
    const name = arg.slice(2) as keyof typeof OPTIONS;
    const takesValue = arg.startsWith("--") && Object.hasOwn(OPTIONS, name) && OPTIONS[name].type === "string";
    if (takesValue && next !== undefined && /^-[\d.]/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/** parseArgs' messages reworded for the CLI: name the option and what to do, without Node's generic advice. */
function argvErrorMessage(message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const option = /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?'/.exec(message)?.[1];
  if (option === undefined) return message;
  if (/does not take an argument/.test(message)) return `${option} takes no value`;
  if (/is ambiguous/.test(message)) return `${option} needs a value (for a value that starts with "-", write ${option}=<value>)`;
  if (/argument missing/.test(message)) return `${option} needs a value`;
  return message;
}

function required(flag: string | undefined, fromEnv: string | undefined, option: string, variable: string): string {
  const value = flag ?? (fromEnv === "" ? undefined : fromEnv);
  if (value === undefined) throw new UsageError(`${option} is required with an operationResultId (or set ${variable})`);
  return value;
}

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * The endpoint receives the bearer token, so it must be an https origin; plain http is accepted only on the
 * loopback interface (a local mock), where nothing crosses the network.
 */
export function checkEndpoint(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--endpoint must be an absolute URL such as ${DEFAULT_ENDPOINT} (got ${JSON.stringify(text)})`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new UsageError(`--endpoint must use https (http is allowed for 127.0.0.1 and localhost only), got ${url.origin}`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.username !== "" || url.password !== "") {
    throw new UsageError(`--endpoint must be an origin without path, query or credentials, such as ${DEFAULT_ENDPOINT}`);
  }
  return url.origin;
}
