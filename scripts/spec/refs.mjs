// Loads Swagger files and follows `$ref`s, within one file or across files (e.g. common-types).
// A ref is identified by "<absolute file>#<pointer>", which is what recursion detection keys on.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export class RefResolver {
  /** @type {Map<string, unknown>} */
  #files = new Map();

  /** Parsed JSON of a file, read once. */
  load(file) {
    const abs = resolve(file);
    if (!this.#files.has(abs)) {
      let text;
      try {
        text = readFileSync(abs, "utf8");
      } catch (err) {
        throw new Error(`cannot read ${abs}: ${err.message}`, { cause: err });
      }
      try {
        this.#files.set(abs, JSON.parse(text));
      } catch (err) {
        throw new Error(`${abs} is not valid JSON: ${err.message}`, { cause: err });
      }
    }
    return this.#files.get(abs);
  }

  /**
   * Follows a `$ref` written in `fromFile`.
   * @returns {{ key: string, file: string, value: any }}
   */
  resolve(ref, fromFile) {
    if (typeof ref !== "string") throw new Error(`$ref in ${fromFile} must be a string`);
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash + 1);
    const file = filePart === "" ? resolve(fromFile) : resolve(dirname(fromFile), filePart);
    const value = getPointer(this.load(file), pointer, `${ref} (from ${fromFile})`);
    return { key: `${file}#${pointer}`, file, value };
  }
}

/** RFC 6901 JSON pointer lookup; throws with the ref text when a segment is missing. */
export function getPointer(doc, pointer, label) {
  if (pointer === "" || pointer === "/") return doc;
  if (!pointer.startsWith("/")) throw new Error(`unsupported $ref ${label}: the part after # must start with /`);
  let node = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, seg)) {
      throw new Error(`unresolved $ref ${label}: no "${seg}"`);
    }
    node = node[seg];
  }
  return node;
}
