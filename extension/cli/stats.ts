/** The benchmarks' statistics and formatting, one definition for every section of `npm run bench`. */

/** The nearest-rank quantile `q` (0..1) of `values`; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** The (lower) median. */
export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** "12.3 ms" (`digits` decimals), or "n/a" for a time that could not be measured. */
export const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a');
