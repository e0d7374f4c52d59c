import { invalidArgument } from "../errors.js";

/**
 * Small robust statistics used by the forecasting methods.
 * @module
 */

/** Throws unless `values` is an array (of numbers; non-finite entries are ignored). */
function requireValues(fn: string, values: unknown): void {
  if (!Array.isArray(values)) invalidArgument(fn, "values", "an array of numbers", values);
}

/**
 * Median of the finite values; NaN when there are none (`median([])`: callers test for it). Mean of the two middle values for an even count.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); //=> 2
 * median([4, 1, 3, 2]); //=> 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  requireValues("median", values);
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/**
 * Empirical quantile with linear interpolation between order statistics (R type 7, the default
 * of R's `quantile`): h = (n - 1) p, Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 *
 * @param values - sample (non-finite values are ignored)
 * @param p - probability in [0, 1]
 * @returns NaN when `values` has no finite value
 * @throws {WfmError} `invalid-argument` when `values` is not an array or `p` is outside [0, 1]
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.5); //=> 2.5
 * quantile([1, 2, 3, 4], 0.9); //=> 3.7   (R: quantile(1:4, 0.9))
 * ```
 */
export function quantile(values: readonly number[], p: number): number {
  requireValues("quantile", values);
  if (!(typeof p === "number" && p >= 0 && p <= 1)) invalidArgument("quantile", "p", "a probability from 0 to 1", p);
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/**
 * Trimmed mean: the mean after dropping floor(n * fraction) values at each end.
 *
 * @throws {WfmError} `invalid-argument` when `fraction` is not valid (the message says what it must be).
 * @example
 * ```ts
 * trimmedMean([1, 2, 3, 100], 0.25); //=> 2.5
 * ```
 */
export function trimmedMean(values: readonly number[], fraction: number): number {
  requireValues("trimmedMean", values);
  if (!(typeof fraction === "number" && fraction >= 0 && fraction < 0.5)) invalidArgument("trimmedMean", "fraction", "a fraction from 0 up to (not including) 0.5", fraction);
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const k = Math.min(Math.floor(s.length * fraction), Math.floor((s.length - 1) / 2));
  let sum = 0;
  for (let i = k; i < s.length - k; i++) sum += s[i]!;
  return sum / (s.length - 2 * k);
}

/**
 * Arithmetic mean of the finite values (NaN for none).
 *
 * @example
 * ```ts
 * mean([1, 2, NaN, 3]); //=> 2
 * ```
 */
export function mean(values: readonly number[]): number {
  requireValues("mean", values);
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/**
 * Standard normal quantile (inverse CDF), by Acklam's rational approximation (relative error
 * below 1.15e-9 over (0, 1)); enough for prediction-interval fallbacks.
 * Reference: P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative
 * distribution function"; values checked against R's `qnorm`.
 *
 * @param p - probability in (0, 1)
 * @returns NaN outside (0, 1)
 * @example
 * ```ts
 * normalQuantile(0.975); //=> 1.959963986120195 (R qnorm: 1.959963984540054)
 * normalQuantile(0.8); //=> 0.8416212327266186 (R qnorm: 0.8416212335729143)
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return Number.NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}
