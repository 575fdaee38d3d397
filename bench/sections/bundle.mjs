// Section "bundle": the size budget of `npm test` (scripts/bundle-budget.mjs), measured on this run's snapshot of
// dist/: the gzip bytes this package adds to the browser bundle of an app that already uses @azure-rest/core-client
// with @azure/core-lro (test/budget/host.ts), for a GET and for a GET plus getLongRunningPoller, against issue 12's
// targets; then the standalone get-and-poll app against the same app on bare core-client, for information. Sizes are
// deterministic, so one build per app; no rounds.
import { measureBudget } from "../../scripts/bundle-budget.mjs";
import { ratio } from "../lib/stats.mjs";
import { row, verdict } from "../lib/table.mjs";

const kb = (b) => (b / 1024).toFixed(1);
const single = (value) => ({ median: value, min: value, max: value, n: 1 });
const sizesNote = (s) => `min ${kb(s.minified)} KB, br ${kb(s.brotli)} KB`;

export async function run({ root, snap }) {
  const budget = await measureBudget({ absWorkingDir: root, packageEntry: `${snap}/dist/index.js` });
  const rows = [
    row("bundle gzip", "host: core-client + core-lro", "B", single(budget.host.gzip), { note: sizesNote(budget.host) }),
  ];
  for (const app of budget.apps) {
    rows.push(
      row("bundle gzip", `host + ours: ${app.label}`, "B", single(app.sizes.gzip), { note: sizesNote(app.sizes) }),
    );
  }
  for (const app of budget.apps) {
    rows.push(
      row("bundle added gzip", `ours: ${app.label}`, "B", single(app.addedGzip), {
        target: `≤ ${kb(app.targetBytes)} KB`,
        verdict: verdict(app.addedGzip, app.targetBytes),
        note: `${app.entry} minus the host app`,
      }),
    );
  }
  const { ours, bare } = budget.standalone;
  rows.push(
    row("bundle gzip standalone", "bare core-client get+poll", "B", single(bare.gzip), {
      ratio: 1,
      vs: "bare",
      note: sizesNote(bare),
    }),
  );
  rows.push(
    row("bundle gzip standalone", "ours get+poll", "B", single(ours.gzip), {
      ratio: ratio(ours.gzip, bare.gzip),
      vs: "bare",
      note: `for information; ${sizesNote(ours)}`,
    }),
  );
  const data = {
    host: budget.host.gzip,
    apps: Object.fromEntries(
      budget.apps.map((app) => [
        app.key,
        { gzip: app.sizes.gzip, addedGzip: app.addedGzip, targetBytes: app.targetBytes },
      ]),
    ),
    standalone: { ours: ours.gzip, bare: bare.gzip },
  };
  return { rows, data };
}
