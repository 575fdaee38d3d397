// Summaries of repeated measurements. Machines are noisy, so every figure is a median with its min–max, and
// comparisons are ratios of medians taken from interleaved rounds (A B C A B C …), never single runs.

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0, values: [] };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], n, values };
}

/** Ratio of two medians, or NaN when either is missing (a variant that did not run is not a 0× variant). */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN;
}

/**
 * Runs `measure(variant, round)` for every variant in each of `rounds` rounds, interleaved, so that drift of the
 * machine (thermal, other load) lands on every variant alike. Returns { [variant]: [result, …] }.
 */
export async function interleave(variants, rounds, measure) {
  const results = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate the order each round (ABC, CBA, …) so no variant always runs right after the same neighbour.
    const order = round % 2 ? [...variants].reverse() : variants;
    for (const variant of order) results[variant].push(await measure(variant, round));
  }
  return results;
}
