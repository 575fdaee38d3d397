// Whether the built package exports pollOperationResult yet (it landed after the other sections were written);
// sections that need it report the gap instead of failing.
import { pathToFileURL } from "node:url";

export async function hasPoller(snap) {
  const dist = await import(pathToFileURL(`${snap}/dist/index.js`).href);
  return typeof dist.pollOperationResult === "function";
}
