/**
 * Streaming replication statistics (internal): per figure, the count, sum and sum of squares of
 * its per-replication values, so batches merge by addition and memory does not grow with the
 * replications or the contacts.
 *
 * The 95% half-width uses Student's t quantile t(0.975, n − 1): the exact table for n − 1 <= 30,
 * then the Cornish-Fisher expansion z + (z³ + z) / (4 ν) + (5 z⁵ + 16 z³ + 3 z) / (96 ν²)
 * (Abramowitz & Stegun 26.7.5), within 1e-4 of the exact value for ν > 30.
 *
 * @module
 */

import type { SimulatedEstimate } from "./types.js";

const t975 = [
  NaN, 12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
  2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
  2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/**
 * Student's t quantile at 0.975 for ν degrees of freedom (ν >= 1).
 *
 * @example
 * ```ts
 * studentT975(1); //=> 12.706204736
 * studentT975(1e9); //=> 1.959963985 (the normal quantile)
 * ```
 * @see Abramowitz & Stegun, "Handbook of Mathematical Functions", 26.7.5 and table 26.10.
 */
export function studentT975(degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 30) return t975[Math.max(1, Math.floor(degreesOfFreedom))]!;
  const z = 1.959963984540054;
  const v = degreesOfFreedom;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) + (3 * z5 * z * z + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

/** Adds one replication's value (NaN = not measurable in that replication). */
export function addValue(n: Float64Array, sum: Float64Array, sumSquares: Float64Array, index: number, value: number): void {
  if (Number.isNaN(value)) return;
  n[index]! += 1;
  sum[index]! += value;
  sumSquares[index]! += value * value;
}

/** The estimate of figure `index` from the merged sums. */
export function estimate(n: Float64Array, sum: Float64Array, sumSquares: Float64Array, index: number): SimulatedEstimate {
  const count = n[index]!;
  if (count === 0) return { mean: null, standardError: null, halfWidth: null, replications: 0 };
  const mean = sum[index]! / count;
  if (count < 2) return { mean, standardError: null, halfWidth: null, replications: count };
  const variance = Math.max(0, (sumSquares[index]! - count * mean * mean) / (count - 1));
  // Values equal in every replication: no spread (rounding would leave a tiny positive variance).
  const standardError = variance <= 1e-13 * Math.max(1, mean * mean) ? 0 : Math.sqrt(variance / count);
  return { mean, standardError, halfWidth: studentT975(count - 1) * standardError, replications: count };
}
