// Structural comparison of our Swagger with the upstream one. Documentation and definition names
// are ignored; everything a generator or a client depends on is compared. See normalize.mjs.
import { RefResolver } from "./refs.mjs";
import { describeSpec } from "./operations.mjs";
import { deepDiff, formatPath } from "./diff.mjs";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Pairs definitions by name; a definition without a namesake is paired with an unpaired one of
 * identical structure (a rename), and only reported when no such twin exists.
 */
function compareDefinitions(ours, upstream, root, out) {
  const oursLeft = [...ours.keys()].filter((n) => !upstream.has(n));
  const upLeft = [...upstream.keys()].filter((n) => !ours.has(n));
  for (const [name, schema] of ours) {
    if (upstream.has(name)) deepDiff(schema, upstream.get(name), [root, name], out);
  }
  for (const name of oursLeft) {
    const twin = upLeft.findIndex((u) => same(ours.get(name), upstream.get(u)));
    if (twin === -1) out.push({ path: formatPath([root, name]), kind: "only-ours", ours: ours.get(name) });
    else upLeft.splice(twin, 1);
  }
  for (const name of upLeft) {
    out.push({ path: formatPath([root, name]), kind: "only-upstream", upstream: upstream.get(name) });
  }
}

const schemasOf = (m) => new Map([...m].map(([k, v]) => [k, v.schema]));

/**
 * @param {string} oursPath      our securityConnectorsDevOps.json
 * @param {string} upstreamPath  the upstream file it must match
 * @returns {{ operations: number, schemas: { local: number, external: number }, differences: object[] }}
 */
export function compareSpecs(oursPath, upstreamPath) {
  const refs = new RefResolver();
  const ours = describeSpec(refs, oursPath);
  const upstream = describeSpec(refs, upstreamPath);
  const differences = [];
  deepDiff(ours.top, upstream.top, [], differences);
  deepDiff(ours.paths, upstream.paths, ["paths"], differences);
  compareDefinitions(ours.definitions, upstream.definitions, "definitions", differences);
  compareDefinitions(schemasOf(ours.external), schemasOf(upstream.external), "externalDefinitions", differences);
  return {
    operations: ours.operationCount,
    schemas: { local: ours.definitions.size, external: ours.external.size },
    differences,
  };
}
