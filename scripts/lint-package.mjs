#!/usr/bin/env node
// publint over the packed package, failing on every message it has (errors, warnings AND suggestions): the
// CLI's exit code ignores suggestions, and the issue asks for no problems at all.
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const { messages } = await publint({ pkgDir: ".", level: "suggestion", strict: true, pack: "npm" });
for (const message of messages) console.log(`publint ${message.type}: ${formatMessage(message, pkg)}`);
console.log(`publint: ${messages.length} message(s)`);
process.exit(messages.length === 0 ? 0 : 1);
