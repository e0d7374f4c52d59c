/**
 * Holt-Winters (ETS) with a weekly season on daily totals, fitted on a multi-step loss.
 *
 * Additive (ETS(A,Ad,A)):         Multiplicative season (ETS(A,Ad,M)):
 *   l_t = a (y_t - s_{t-7}) + (1 - a)(l_{t-1} + phi b_{t-1})      l_t = a y_t / s_{t-7} + (1 - a)(l_{t-1} + phi b_{t-1})
 *   b_t = b (l_t - l_{t-1}) + (1 - b) phi b_{t-1}                 (same)
 *   s_t = g (y_t - l_t) + (1 - g) s_{t-7}                          s_t = g y_t / l_t + (1 - g) s_{t-7}
 *   F_{t+h} = l_t + (phi + ... + phi^h) b_t + s_{t+h-7k}           F_{t+h} = (l_t + ...) s_{t+h-7k}
 *
 * Days that are excluded (anomalies, events) or unobserved are not learnt from: the state moves
 * on with its own one-step forecast in their place. Fitting by one-step errors makes the model
 * chase single noisy days; here a, b, g and phi minimise the **multi-step** absolute error of the
 * forecasts 1..`fitHorizonDays` days ahead made from each of the last `fitOrigins` weekly
 * origins, with the bounded Nelder-Mead of `optimize.ts` (Hyndman et al. 2008, "Forecasting with
 * Exponential Smoothing", ch. 2 and 5; Taylor 2008 for call-centre use).
 *
 * @module
 */
import { invalidArgument, requireOptions } from "../errors.js";
import { minimizeBounded } from "./optimize.js";

/** Seasonal form of Holt-Winters. */
export type HoltWintersSeasonality = "additive" | "multiplicative";

/** Options of {@link holtWintersDaily}. */
export interface HoltWintersOptions {
  /** Additive or multiplicative weekly season. @defaultValue "multiplicative" */
  readonly seasonality?: HoltWintersSeasonality;
  /** Forecast horizon of the fitting loss, days. @defaultValue 14 */
  readonly fitHorizonDays?: number;
  /** Weekly origins in the fitting loss. @defaultValue 8 */
  readonly fitOrigins?: number;
  /** Fixed smoothing parameters [alpha, beta, gamma, phi]; skips fitting when given. */
  readonly parameters?: readonly [number, number, number, number];
}

/** Result of {@link holtWintersDaily}. */
export interface HoltWintersResult {
  /** Forecast daily totals, one per horizon day (>= 0). */
  readonly forecast: Float64Array;
  /** Fitted [alpha, beta, gamma, phi]. */
  readonly parameters: readonly [number, number, number, number];
  /** Mean absolute multi-step error of the fit (calls per day). */
  readonly loss: number;
}

const lowerBounds = [0.01, 0, 0.01, 0.8];
const upperBounds = [0.6, 0.2, 0.6, 1];

interface Run {
  loss: number;
  level: number;
  trend: number;
  season: Float64Array;
  /** Index t of the last day processed. */
  last: number;
}

function run(
  y: ArrayLike<number>,
  usable: (t: number) => boolean,
  p: readonly number[],
  multiplicative: boolean,
  origins: ReadonlySet<number>,
  fitHorizon: number,
): Run {
  const [alpha, beta, gamma, phi] = p as [number, number, number, number];
  const n = y.length;
  // Initial state from the first two weeks of usable days.
  const first: number[][] = [[], [], [], [], [], [], []];
  for (let t = 0; t < Math.min(n, 28); t++) if (usable(t)) first[t % 7]!.push(y[t]!);
  const wkMean = first.map((v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0));
  let level = wkMean.reduce((a, b) => a + b, 0) / 7;
  let trend = 0;
  const season = new Float64Array(7);
  for (let k = 0; k < 7; k++) season[k] = multiplicative ? (level > 0 ? wkMean[k]! / level : 1) : wkMean[k]! - level;
  let loss = 0;
  let lossCount = 0;
  for (let t = 0; t < n; t++) {
    if (origins.has(t)) {
      let damp = 0;
      for (let h = 0; h < fitHorizon && t + h < n; h++) {
        damp += phi ** (h + 1);
        if (!usable(t + h)) continue;
        const base = level + damp * trend;
        const s = season[(t + h) % 7]!;
        const f = Math.max(0, multiplicative ? base * s : base + s);
        loss += Math.abs(f - y[t + h]!);
        lossCount++;
      }
    }
    const s = season[t % 7]!;
    const prevLevel = level;
    const predicted = level + phi * trend;
    if (!usable(t) || (multiplicative && s <= 1e-9)) {
      level = predicted;
      trend = phi * trend;
      continue;
    }
    const x = y[t]!;
    level = multiplicative ? alpha * (x / s) + (1 - alpha) * predicted : alpha * (x - s) + (1 - alpha) * predicted;
    trend = beta * (level - prevLevel) + (1 - beta) * phi * trend;
    season[t % 7] = multiplicative ? (level > 0 ? gamma * (x / level) + (1 - gamma) * s : s) : gamma * (x - level) + (1 - gamma) * s;
  }
  return { loss: lossCount > 0 ? loss / lossCount : 0, level, trend, season, last: n - 1 };
}

/**
 * Fits Holt-Winters to daily totals and forecasts `horizonDays` days after the last one.
 *
 * @param options.totals - daily totals, day 0 first; NaN = unobserved
 * @param options.excluded - 1 for days not to learn from
 * @param options.weekdayOfDay0 - weekday of day 0 (only the 7-day phase matters)
 * @param options.horizonDays - days to forecast, >= 1
 * @throws {WfmError} `invalid-argument` for fewer than 14 days or a bad horizon
 * @example
 * ```ts
 * // twelve weeks repeating 500, 1200, 1100, 1000, 1000, 900, 300
 * const totals = Array.from({ length: 84 }, (_, t) => [500, 1200, 1100, 1000, 1000, 900, 300][t % 7]);
 * Array.from(holtWintersDaily({ totals, excluded: new Uint8Array(84), weekdayOfDay0: 0, horizonDays: 3 }).forecast, Math.round);
 * //=> [500, 1200, 1100]
 * ```
 */
export function holtWintersDaily(
  options: {
    totals: ArrayLike<number>;
    excluded: ArrayLike<number>;
    weekdayOfDay0: number;
    horizonDays: number;
  } & HoltWintersOptions,
): HoltWintersResult {
  requireOptions("holtWintersDaily", options);
  const { totals, excluded, horizonDays, seasonality = "multiplicative", fitHorizonDays = 14, fitOrigins = 8, parameters } = options;
  if (!Number.isInteger(horizonDays) || horizonDays < 1) invalidArgument("holtWintersDaily", "horizonDays", "a whole number of at least 1", horizonDays);
  if (totals.length < 14) invalidArgument("holtWintersDaily", "totals", "at least 14 days of history", totals.length);
  const n = totals.length;
  const usable = (t: number) => !excluded[t] && Number.isFinite(totals[t]!);
  const multiplicative = seasonality === "multiplicative";
  const origins = new Set<number>();
  for (let k = 1; k <= fitOrigins; k++) {
    const t = n - fitHorizonDays - 7 * (k - 1);
    if (t >= 14) origins.add(t);
  }
  let p: readonly number[] = parameters ?? [0.1, 0.01, 0.1, 0.98];
  if (!parameters) {
    const fit = minimizeBounded({
      f: (x) => run(totals, usable, x, multiplicative, origins, fitHorizonDays).loss,
      start: p,
      lower: lowerBounds,
      upper: upperBounds,
      maxEvaluations: 120,
    });
    p = fit.x;
  }
  const final = run(totals, usable, p, multiplicative, origins, fitHorizonDays);
  const forecast = new Float64Array(horizonDays);
  let damp = 0;
  const phi = p[3]!;
  for (let h = 0; h < horizonDays; h++) {
    damp += phi ** (h + 1);
    const base = final.level + damp * final.trend;
    const s = final.season[(n + h) % 7]!;
    forecast[h] = Math.max(0, multiplicative ? base * s : base + s);
  }
  return { forecast, parameters: [p[0]!, p[1]!, p[2]!, p[3]!], loss: final.loss };
}
