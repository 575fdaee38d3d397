// One answer, for the mock (selfsigned) and the CLI (@azure/identity, selfsigned through the mock), to "is this
// optional peer dependency not installed?". It lives beside the mock because the CLI already imports the mock; the
// library itself loads no optional package.

/**
 * Whether `error`, thrown by `import(name)`, says that the package `name` itself is not installed: Node's ESM
 * loader says ERR_MODULE_NOT_FOUND, require (what a CJS bundle turns `import()` into) MODULE_NOT_FOUND. A missing
 * dependency of that package names the dependency instead: a broken install, which the caller rethrows as it is.
 */
export function isMissingModule(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String(error).includes(`'${name}'`);
}
