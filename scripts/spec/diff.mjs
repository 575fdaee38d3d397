// Deep difference of two canonical structures, reported as JSON paths.
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** `$.paths["/a/{b}"].get.responses["200"]` style path from segments. */
export function formatPath(segments) {
  let out = "$";
  for (const seg of segments) {
    out += /^[A-Za-z_$][\w$]*$/.test(String(seg)) ? `.${seg}` : `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/**
 * Pushes one entry per difference into `out`: { path, kind, ours, upstream }, where kind is
 * "only-ours", "only-upstream" or "changed". Arrays are compared element-wise when their lengths
 * agree (order-free arrays were sorted beforehand), otherwise as a whole.
 */
export function deepDiff(ours, upstream, segments, out) {
  if (isObject(ours) && isObject(upstream)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(upstream)])].sort();
    for (const k of keys) {
      const path = [...segments, k];
      if (!Object.hasOwn(ours, k)) out.push({ path: formatPath(path), kind: "only-upstream", upstream: upstream[k] });
      else if (!Object.hasOwn(upstream, k)) out.push({ path: formatPath(path), kind: "only-ours", ours: ours[k] });
      else deepDiff(ours[k], upstream[k], path, out);
    }
    return out;
  }
  if (Array.isArray(ours) && Array.isArray(upstream) && ours.length === upstream.length) {
    ours.forEach((v, i) => deepDiff(v, upstream[i], [...segments, i], out));
    return out;
  }
  if (JSON.stringify(ours) !== JSON.stringify(upstream)) {
    out.push({ path: formatPath(segments), kind: "changed", ours, upstream });
  }
  return out;
}

const brief = (v) => {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/** One human-readable line per difference. */
export function describeDifference(d) {
  if (d.kind === "only-ours") return `${d.path}: only in ours: ${brief(d.ours)}`;
  if (d.kind === "only-upstream") return `${d.path}: only in upstream: ${brief(d.upstream)}`;
  return `${d.path}: ours ${brief(d.ours)} but upstream ${brief(d.upstream)}`;
}
