// The package root: the generated REST-level client, with the hand-written additions from src/custom.

export * from "./generated/index.js";
// The custom factory replaces the generated one of the same name (an explicit export wins over `export *`).
export { createClient, createClient as default } from "./custom/client.js";
export { checkPathArguments, checkPathParameter } from "./custom/validate.js";
export { InvalidParameterError, isInvalidParameterError } from "./custom/errors/invalidParameterError.js";
