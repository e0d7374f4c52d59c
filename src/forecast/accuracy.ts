/**
 * Forecast accuracy measures.
 *
 * - WAPE = sum |f - a| / sum a (weighted absolute percentage error; the call-centre standard,
 *   insensitive to near-empty night intervals).
 * - MAPE = mean |f - a| / a over the intervals with a >= `mapeMinimum` contacts (10 by default),
 *   so quiet intervals do not dominate.
 * - bias = sum (f - a) / sum a (positive = over-forecast).
 * - RMSE = sqrt(mean (f - a)^2), in contacts per interval.
 *
 * Reference: Hyndman & Koehler (2006), "Another look at measures of forecast accuracy",
 * International Journal of Forecasting 22(4); WAPE as used by Taylor (2008).
 *
 * @module
 */
import { invalidArgument, requireOptions } from "../errors.js";

/** Accuracy of a set of forecasts against actuals. */
export interface Accuracy {
  /** Weighted absolute percentage error, a fraction (0.15 = 15%). NaN when the actuals sum to 0. */
  readonly wape: number;
  /** Mean absolute percentage error over intervals with at least `mapeMinimum` contacts; NaN if none. */
  readonly mape: number;
  /** Signed error relative to the actual total (fraction; positive = over-forecast). */
  readonly bias: number;
  /** Root mean squared error, contacts per interval. */
  readonly rmse: number;
  /** Number of intervals compared. */
  readonly intervals: number;
  /** Sum of actuals. */
  readonly actualTotal: number;
}

/**
 * Computes WAPE, MAPE, bias and RMSE. Pairs where either value is not finite are skipped.
 *
 * @param options.forecast - forecast per interval
 * @param options.actual - actual per interval (same length)
 * @param options.mapeMinimum - least actual count for an interval to enter MAPE. @defaultValue 10
 * @throws {WfmError} `invalid-argument` when the arrays differ in length
 * @example
 * ```ts
 * forecastAccuracy({ forecast: [10, 20], actual: [12, 18] });
 * //=> { wape: 0.1333, mape: 0.1389, bias: 0, rmse: 2, intervals: 2, actualTotal: 30 }
 * ```
 */
export function forecastAccuracy(options: {
  forecast: ArrayLike<number>;
  actual: ArrayLike<number>;
  mapeMinimum?: number;
}): Accuracy {
  requireOptions("forecastAccuracy", options, ["forecast", "actual"]);
  const { forecast, actual, mapeMinimum = 10 } = options;
  if (forecast.length !== actual.length) {
    invalidArgument("forecastAccuracy", "forecast", `the same length as actual (${actual.length})`, forecast.length);
  }
  let abs = 0;
  let signed = 0;
  let sq = 0;
  let total = 0;
  let n = 0;
  let apeSum = 0;
  let apeN = 0;
  for (let i = 0; i < actual.length; i++) {
    const f = forecast[i]!;
    const a = actual[i]!;
    if (!Number.isFinite(f) || !Number.isFinite(a)) continue;
    const e = f - a;
    abs += Math.abs(e);
    signed += e;
    sq += e * e;
    total += a;
    n++;
    if (a >= mapeMinimum) {
      apeSum += Math.abs(e) / a;
      apeN++;
    }
  }
  return {
    wape: total > 0 ? abs / total : Number.NaN,
    mape: apeN > 0 ? apeSum / apeN : Number.NaN,
    bias: total > 0 ? signed / total : Number.NaN,
    rmse: n > 0 ? Math.sqrt(sq / n) : Number.NaN,
    intervals: n,
    actualTotal: total,
  };
}
