#!/usr/bin/env node
// check:spec: fails when swagger/ differs in structure from the upstream 2024-04-01 spec.
// Usage: node scripts/check-spec.mjs [ours.json] [upstream.json]
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSpecs } from './spec/compare.mjs';
import { describeDifference } from './spec/diff.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const UPSTREAM_RELATIVE = '../shared/reference/azure-rest-api-specs/specification/security/resource-manager/'
  + 'Microsoft.Security/stable/2024-04-01/securityConnectorsDevOps.json';

const ours = resolve(process.argv[2] ?? resolve(repoRoot, 'swagger/securityConnectorsDevOps.json'));
const upstream = resolve(process.argv[3] ?? resolve(repoRoot, UPSTREAM_RELATIVE));

if (!existsSync(upstream)) {
  console.log(`check:spec: upstream copy is absent (${upstream}); check skipped.`);
  process.exit(0);
}

let result;
try {
  result = compareSpecs(ours, upstream);
} catch (err) {
  console.error(`check:spec: ${err.message}`);
  process.exit(2);
}
for (const d of result.differences) console.log(describeDifference(d));
const { operations, schemas, differences } = result;
console.log(`check:spec: ${operations} operations, ${schemas.local}+${schemas.external} schemas compared, `
  + `${differences.length} difference${differences.length === 1 ? '' : 's'}`);
process.exit(differences.length === 0 ? 0 : 1);
