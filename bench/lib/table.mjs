// The printed table: one row per measured figure. A row is
// { section, variant, unit, summary: {median,min,max,n}, ratio?, vs?, target?, verdict?, note? }.

const fmt = (x, unit) => {
  if (!Number.isFinite(x)) return "—";
  if (unit === "B") return x >= 10240 ? `${(x / 1024).toFixed(1)} KB` : `${Math.round(x)} B`;
  if (unit === "MB") return `${x.toFixed(1)} MB`;
  if (unit === "KB") return `${x.toFixed(1)} KB`;
  if (unit === "req" || unit === "n") return String(Math.round(x));
  const digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return `${x.toFixed(digits)} ${unit}`;
};

export function row(section, variant, unit, summary, extra = {}) {
  return { section, variant, unit, summary, ...extra };
}

/** A row's verdict from its ratio (or value) and a numeric limit; "meets"/"misses", or "" when not a target. */
export function verdict(value, limit) {
  if (limit === undefined) return "";
  if (!Number.isFinite(value)) return "n/a";
  return value <= limit ? "meets" : "misses";
}

export function formatTable(rows) {
  const header = ["section", "variant", "median", "min–max", "ratio", "target", "verdict", "notes"];
  const lines = rows.map((r) => {
    const s = r.summary;
    const single = s.n <= 1 || s.min === s.max;
    return [
      r.section,
      r.variant,
      fmt(s.median, r.unit),
      single ? "" : `${fmt(s.min, r.unit)}–${fmt(s.max, r.unit)}`,
      Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}× ${r.vs ?? ""}`.trim() : "",
      r.target ?? "",
      r.verdict ?? "",
      r.note ?? "",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [render(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(render)].join("\n");
}
