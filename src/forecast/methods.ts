/**
 * The interval forecasting methods. Each takes a {@link FitContext} (the history before the
 * origin, and the days to leave out of averages) and returns the forecast for the `horizonDays`
 * days that follow the history, as a `Float64Array` of `horizonDays * slotsPerDay` values with
 * `NaN` in closed slots.
 *
 * @module
 */
import { millisecondsInDay } from "../calendar/local-time.js";
import { calendarDayOfMonth, type PlanningCalendar } from "../calendar/planning-month.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { gridWeekday, type IntervalGrid } from "./grid.js";
import { holtWintersDaily, type HoltWintersOptions } from "./holt-winters.js";
import { mean, median, trimmedMean } from "./robust.js";

/** The history a method may use: everything before the origin, nothing after. */
export interface FitContext {
  /** History before the origin (the origin is the day after its last day). */
  readonly grid: IntervalGrid;
  /** 1 for days to leave out of averages and fits (anomalies, calendar events, unobserved days). */
  readonly excluded: Uint8Array;
  /** Calendar of the day-of-month effect (paydays follow it). @defaultValue "gregorian" */
  readonly monthCalendar?: PlanningCalendar;
}

/** A forecasting method's output: `horizonDays * slotsPerDay` values, NaN where closed. */
export type IntervalForecast = Float64Array;

function cell(grid: IntervalGrid, day: number, slot: number): number {
  const v = grid.calls[day * grid.slotsPerDay + slot]!;
  return Number.isNaN(v) ? 0 : v;
}

/** The most recent `count` days with weekday `weekday` before the origin, newest first. */
function recentWeekdays(ctx: FitContext, weekday: number, count: number, skipExcluded: boolean, maxWeeks = 3 * count + 8): number[] {
  const { grid } = ctx;
  const out: number[] = [];
  const last = grid.days - 1;
  if (last < 0) return out;
  const back = (gridWeekday(grid, last) - weekday + 7) % 7;
  for (let j = last - back, k = 0; j >= 0 && out.length < count && k < maxWeeks; j -= 7, k++) {
    if (!grid.observed[j]) continue;
    if (skipExcluded && ctx.excluded[j]) continue;
    out.push(j);
  }
  return out;
}

function horizonWeekday(grid: IntervalGrid, h: number): number {
  return gridWeekday(grid, grid.days + h);
}

function emptyForecast(grid: IntervalGrid, horizonDays: number): IntervalForecast {
  const out = new Float64Array(horizonDays * grid.slotsPerDay);
  for (let h = 0; h < horizonDays; h++) {
    const w = horizonWeekday(grid, h);
    for (let s = 0; s < grid.slotsPerDay; s++) out[h * grid.slotsPerDay + s] = grid.openSlots[w * grid.slotsPerDay + s] ? 0 : Number.NaN;
  }
  return out;
}

function checkHorizon(fn: string, horizonDays: number): void {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) invalidArgument(fn, "horizonDays", "a whole number of at least 1", horizonDays);
}

/**
 * Seasonal naive: each interval gets the value of the same interval one week earlier
 * (the most recent observed day with the same weekday before the origin): F(d, s) = y(d - 7k, s).
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object.
 * @example
 * ```ts
 * // hourly history whose last Monday had 12 calls at 09:00; the origin is a Monday
 * seasonalNaive({ context, horizonDays: 14 })[9]; //=> 12
 * ```
 */
export function seasonalNaive(options: { context: FitContext; horizonDays: number }): IntervalForecast {
  requireOptions("seasonalNaive", options);
  const { context, horizonDays } = options;
  checkHorizon("seasonalNaive", horizonDays);
  const { grid } = context;
  const out = emptyForecast(grid, horizonDays);
  for (let h = 0; h < horizonDays; h++) {
    const [j] = recentWeekdays(context, horizonWeekday(grid, h), 1, false);
    if (j === undefined) continue;
    for (let s = 0; s < grid.slotsPerDay; s++) if (!Number.isNaN(out[h * grid.slotsPerDay + s]!)) out[h * grid.slotsPerDay + s] = cell(grid, j, s);
  }
  return out;
}

/** How a seasonal average combines the weeks. */
export type SeasonalAggregation = "mean" | "median" | "trimmed" | "weighted";

/** Options of {@link seasonalAverage}. */
export interface SeasonalAverageOptions {
  /** Weeks averaged, >= 1. @defaultValue 4 */
  readonly weeks?: number;
  /**
   * `mean`; `median`; `trimmed` (20% trimmed mean); `weighted` (exponential weights
   * decay^k for the week k+1 back). @defaultValue "mean"
   */
  readonly aggregation?: SeasonalAggregation;
  /** Weight decay of `weighted`, in (0, 1]. @defaultValue 0.7 */
  readonly decay?: number;
  /** Skip excluded days (anomalies, events) and use the next older week instead. @defaultValue true */
  readonly skipExcluded?: boolean;
}

/**
 * Seasonal moving average: the mean (or median, trimmed or weighted mean) of the same interval
 * of the same weekday over the last `weeks` weeks: F(d, s) = agg_k y(d - 7k, s), k = 1..weeks.
 * Taylor (2008) and Barrow (2016) find it hard to beat at lead times of weeks.
 *
 * @throws {WfmError} `invalid-argument` for weeks < 1 or decay outside (0, 1]
 * @example
 * ```ts
 * // the last four Sundays had 1, 2, 3 and 10 calls at 10:00; the origin is a Sunday
 * seasonalAverage({ context, horizonDays: 1, weeks: 4 })[10]; //=> 4
 * seasonalAverage({ context, horizonDays: 1, weeks: 4, aggregation: "median" })[10]; //=> 2.5
 * ```
 */
export function seasonalAverage(options: { context: FitContext; horizonDays: number } & SeasonalAverageOptions): IntervalForecast {
  requireOptions("seasonalAverage", options);
  const { context, horizonDays, weeks = 4, aggregation = "mean", decay = 0.7, skipExcluded = true } = options;
  checkHorizon("seasonalAverage", horizonDays);
  if (!Number.isInteger(weeks) || weeks < 1) invalidArgument("seasonalAverage", "weeks", "a whole number of at least 1", weeks);
  if (!(decay > 0 && decay <= 1)) invalidArgument("seasonalAverage", "decay", "a number in (0, 1]", decay);
  const { grid } = context;
  const spd = grid.slotsPerDay;
  const out = emptyForecast(grid, horizonDays);
  const byWeekday = new Map<number, Float64Array>();
  for (let w = 0; w < 7; w++) {
    const days = recentWeekdays(context, w, weeks, skipExcluded);
    const row = new Float64Array(spd);
    if (days.length > 0) {
      const values: number[] = new Array(days.length);
      for (let s = 0; s < spd; s++) {
        for (let k = 0; k < days.length; k++) values[k] = cell(grid, days[k]!, s);
        if (aggregation === "mean") row[s] = mean(values);
        else if (aggregation === "median") row[s] = median(values);
        else if (aggregation === "trimmed") row[s] = trimmedMean(values, 0.2);
        else {
          let sum = 0;
          let wsum = 0;
          for (let k = 0; k < values.length; k++) {
            const weight = decay ** k;
            sum += weight * values[k]!;
            wsum += weight;
          }
          row[s] = sum / wsum;
        }
      }
    }
    byWeekday.set(w, row);
  }
  for (let h = 0; h < horizonDays; h++) {
    const row = byWeekday.get(horizonWeekday(grid, h))!;
    for (let s = 0; s < spd; s++) if (!Number.isNaN(out[h * spd + s]!)) out[h * spd + s] = row[s]!;
  }
  return out;
}

/**
 * Intraday profile per weekday: for each weekday, the share of the day's calls in each slot,
 * as the median over the last `weeks` usable days of that weekday (normalised to sum 1), or
 * the ratio of sums. A weekday with no usable day borrows the profile pooled over all weekdays.
 *
 * @param options.weeks - usable days per weekday in the profile. @defaultValue 8
 * @param options.estimator - `median` of daily shares (robust to odd days) or `ratio` of sums. @defaultValue "median"
 * @returns 7 rows (0 = Sunday) of `slotsPerDay` shares
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `context`.
 * @example
 * ```ts
 * intradayProfiles({ context })[1].reduce((a, b) => a + b); //=> 1 (Monday's shares)
 * ```
 */
export function intradayProfiles(options: { context: FitContext; weeks?: number; estimator?: "median" | "ratio" }): Float64Array[] {
  requireOptions("intradayProfiles", options, ["context"]);
  const { context, weeks = 8, estimator = "median" } = options;
  const { grid } = context;
  const spd = grid.slotsPerDay;
  const rows: (Float64Array | null)[] = [];
  const pooled = new Float64Array(spd);
  for (let w = 0; w < 7; w++) {
    const days = recentWeekdays(context, w, weeks, true).filter((j) => grid.dailyTotals[j]! > 0);
    if (days.length === 0) {
      rows.push(null);
      continue;
    }
    const row = new Float64Array(spd);
    if (estimator === "ratio") {
      for (const j of days) for (let s = 0; s < spd; s++) row[s]! += cell(grid, j, s);
    } else {
      const shares: number[] = new Array(days.length);
      for (let s = 0; s < spd; s++) {
        for (let k = 0; k < days.length; k++) shares[k] = cell(grid, days[k]!, s) / grid.dailyTotals[days[k]!]!;
        row[s] = median(shares);
      }
    }
    let total = 0;
    for (let s = 0; s < spd; s++) total += row[s]!;
    if (total > 0) for (let s = 0; s < spd; s++) row[s] = row[s]! / total;
    for (let s = 0; s < spd; s++) pooled[s]! += row[s]!;
    rows.push(row);
  }
  let pooledTotal = 0;
  for (let s = 0; s < spd; s++) pooledTotal += pooled[s]!;
  return rows.map((row) => row ?? pooled.map((v) => (pooledTotal > 0 ? v / pooledTotal : 1 / spd)));
}

/** Day of the month, 1-31, of a grid day. */
function dayOfMonth(grid: IntervalGrid, day: number, calendar: PlanningCalendar): number {
  return calendarDayOfMonth(grid.firstDayMs + day * millisecondsInDay, calendar);
}

/** Options of {@link dailyLevelForecast} and {@link topDown}. */
export interface TopDownOptions {
  /** Weeks of deseasonalised daily totals averaged into the level. @defaultValue 2 */
  readonly levelWeeks?: number;
  /** Weeks used for the weekday factors. @defaultValue 8 */
  readonly weekdayWeeks?: number;
  /** Weeks used for the intraday profile. @defaultValue 8 */
  readonly profileWeeks?: number;
  /**
   * Weight in [0, 1] of the day-of-month factor (paydays, statements, billing cycles): 0 = off,
   * 1 = the full estimated factor. @defaultValue 0
   */
  readonly dayOfMonthWeight?: number;
}

/**
 * Daily totals forecast: level x weekday factor x day-of-month factor.
 *
 * - weekday factor W(w) = mean over the last `weekdayWeeks` usable days of weekday w of
 *   y / M(dom);
 * - day-of-month factor M(m) (when `dayOfMonthWeight` > 0): for every usable day, the ratio of
 *   its total to the mean of the same weekday one week before and after, averaged by day of
 *   month, smoothed over m-1..m+1 (weighted by counts), normalised to mean 1, shrunk toward 1:
 *   M = 1 + weight (M_raw - 1); estimated twice, alternating with W;
 * - level L = mean over the last `levelWeeks` weeks of usable days of y / (W(w) M(dom)).
 *
 * @returns forecast daily totals for the horizon (0 for closed weekdays)
 * @throws {WfmError} `invalid-argument` for a horizon below 1
 * @example
 * ```ts
 * // daily history 2025-01-01 .. 2025-10-27: 1000 calls a day, 1500 on the 1st of each month
 * dailyLevelForecast({ context, horizonDays: 40, dayOfMonthWeight: 1 }).map(Math.round);
 * //=> [1000, 1034, 975, 1169, 1138, 1131, 987, ...] (Oct 28 .. Nov 3: the payday effect is
 * //   smoothed over days 31, 1 and 2; other days stay within 5% of 1000)
 * ```
 */
export function dailyLevelForecast(options: { context: FitContext; horizonDays: number } & TopDownOptions): Float64Array {
  requireOptions("dailyLevelForecast", options);
  const { context, horizonDays, levelWeeks = 2, weekdayWeeks = 8, dayOfMonthWeight = 0 } = options;
  checkHorizon("dailyLevelForecast", horizonDays);
  const { grid, excluded } = context;
  const n = grid.days;
  const totals = grid.dailyTotals;
  const usable = (j: number) => j >= 0 && j < n && grid.observed[j] === 1 && !excluded[j];
  const weekdayOf = new Int8Array(n + horizonDays);
  const domOf = new Int8Array(n + horizonDays);
  for (let j = 0; j < n + horizonDays; j++) {
    weekdayOf[j] = gridWeekday(grid, j);
    domOf[j] = dayOfMonthWeight > 0 ? dayOfMonth(grid, j, context.monthCalendar ?? "gregorian") : 1;
  }
  let M = new Float64Array(32).fill(1);
  let W = new Float64Array(7);
  const rounds = dayOfMonthWeight > 0 ? 2 : 1;
  for (let round = 0; round < rounds; round++) {
    const sum = new Float64Array(7);
    const count = new Float64Array(7);
    for (let j = n - 1; j >= Math.max(0, n - 7 * weekdayWeeks); j--) {
      if (!usable(j)) continue;
      sum[weekdayOf[j]!]! += totals[j]! / M[domOf[j]!]!;
      count[weekdayOf[j]!]!++;
    }
    W = sum.map((v, w) => (count[w]! > 0 ? v / count[w]! : 0));
    if (dayOfMonthWeight <= 0) break;
    const ratioSum = new Float64Array(32);
    const ratioCount = new Float64Array(32);
    for (let j = 0; j < n; j++) {
      if (!usable(j)) continue;
      let ref = 0;
      let refCount = 0;
      for (const jj of [j - 7, j + 7]) {
        if (usable(jj)) {
          ref += totals[jj]! / M[domOf[jj]!]!;
          refCount++;
        }
      }
      if (refCount === 0 || ref <= 0) continue;
      ratioSum[domOf[j]!]! += totals[j]! / (ref / refCount);
      ratioCount[domOf[j]!]!++;
    }
    const raw = ratioSum.map((v, m) => (ratioCount[m]! > 0 ? v / ratioCount[m]! : 1));
    const smooth = new Float64Array(32).fill(1);
    for (let m = 1; m <= 31; m++) {
      let s = 0;
      let c = 0;
      for (let k = -1; k <= 1; k++) {
        const mm = ((m + k - 1 + 31) % 31) + 1;
        s += raw[mm]! * ratioCount[mm]!;
        c += ratioCount[mm]!;
      }
      smooth[m] = c > 0 ? s / c : 1;
    }
    let avg = 0;
    for (let m = 1; m <= 30; m++) avg += smooth[m]!;
    avg /= 30;
    M = smooth.map((v) => 1 + dayOfMonthWeight * (v / avg - 1));
    M[0] = 1;
  }
  let levelSum = 0;
  let levelCount = 0;
  for (let j = n - 1; j >= Math.max(0, n - 7 * levelWeeks); j--) {
    if (!usable(j) || !(W[weekdayOf[j]!]! > 0)) continue;
    levelSum += totals[j]! / W[weekdayOf[j]!]! / M[domOf[j]!]!;
    levelCount++;
  }
  if (levelCount === 0) {
    // No usable day in the level window: fall back to the whole usable history.
    for (let j = n - 1; j >= 0; j--) {
      if (!usable(j) || !(W[weekdayOf[j]!]! > 0)) continue;
      levelSum += totals[j]! / W[weekdayOf[j]!]! / M[domOf[j]!]!;
      levelCount++;
    }
  }
  const level = levelCount > 0 ? levelSum / levelCount : 0;
  const out = new Float64Array(horizonDays);
  for (let h = 0; h < horizonDays; h++) out[h] = level * W[weekdayOf[n + h]!]! * M[domOf[n + h]!]!;
  return out;
}

/**
 * Splits daily totals into intervals with the weekday intraday profiles (renormalised over the
 * open slots): F(d, s) = D(d) P(w, s) / sum over open s of P(w, s).
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `context` or `daily`.
 * @example
 * ```ts
 * splitDaily({ context, daily: [1000] }).reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0); //=> 1000
 * ```
 */
export function splitDaily(options: { context: FitContext; daily: ArrayLike<number>; profileWeeks?: number }): IntervalForecast {
  requireOptions("splitDaily", options, ["context", "daily"]);
  const { context, daily, profileWeeks = 8 } = options;
  const { grid } = context;
  const spd = grid.slotsPerDay;
  const profiles = intradayProfiles({ context, weeks: profileWeeks });
  const out = emptyForecast(grid, daily.length);
  for (let h = 0; h < daily.length; h++) {
    const w = horizonWeekday(grid, h);
    const profile = profiles[w]!;
    let openShare = 0;
    for (let s = 0; s < spd; s++) if (!Number.isNaN(out[h * spd + s]!)) openShare += profile[s]!;
    for (let s = 0; s < spd; s++) {
      if (Number.isNaN(out[h * spd + s]!)) continue;
      out[h * spd + s] = openShare > 0 ? (daily[h]! * profile[s]!) / openShare : 0;
    }
  }
  return out;
}

/**
 * Top-down: forecast the daily totals ({@link dailyLevelForecast}), then split each day into
 * intervals with the median intraday profile of its weekday: F(d, s) = D(d) P(w(d), s).
 * Separating the level from the intraday shape lets each be averaged over the window that suits
 * it (a short one for the level, a long one for the shape).
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `context` or `horizonDays`.
 * @example
 * ```ts
 * // a history that is exactly level x weekday x intraday shape is reproduced exactly
 * topDown({ context, horizonDays: 31, levelWeeks: 2, dayOfMonthWeight: 0.5 }).length; //=> 31 * slotsPerDay
 * ```
 */
export function topDown(options: { context: FitContext; horizonDays: number } & TopDownOptions): IntervalForecast {
  requireOptions("topDown", options, ["context", "horizonDays"]);
  const daily = dailyLevelForecast(options);
  return splitDaily({ context: options.context, daily, profileWeeks: options.profileWeeks ?? 8 });
}

/**
 * Holt-Winters on the daily totals (see {@link holtWintersDaily}), split into intervals with
 * the intraday profiles. Without `seasonality`, both the additive and the multiplicative form
 * are fitted and the one with the lower multi-step loss is used.
 *
 * @throws {WfmError} `invalid-argument` for a horizon below 1 or under 14 days of history
 * @example
 * ```ts
 * holtWinters({ context, horizonDays: 7 }).length; //=> 7 * slotsPerDay
 * ```
 */
export function holtWinters(options: { context: FitContext; horizonDays: number } & HoltWintersOptions & { profileWeeks?: number }): IntervalForecast {
  requireOptions("holtWinters", options);
  const { context, horizonDays } = options;
  checkHorizon("holtWinters", horizonDays);
  const base = { ...options, totals: context.grid.dailyTotals, excluded: context.excluded, weekdayOfDay0: gridWeekday(context.grid, 0) };
  const fits = options.seasonality
    ? [holtWintersDaily(base)]
    : [holtWintersDaily({ ...base, seasonality: "multiplicative" }), holtWintersDaily({ ...base, seasonality: "additive" })];
  const best = fits.reduce((a, b) => (b.loss < a.loss ? b : a));
  return splitDaily({ context, daily: best.forecast, profileWeeks: options.profileWeeks ?? 8 });
}

/**
 * Forecast combination: the equal-weight mean of several forecasts, interval by interval
 * (Bates & Granger 1969; equal weights are hard to beat, Smith & Wallis 2009).
 *
 * @throws {WfmError} `invalid-argument` for no forecasts or forecasts of different lengths
 * @example
 * ```ts
 * combineForecasts([new Float64Array([10, 20]), new Float64Array([20, 40])]); //=> Float64Array [15, 30]
 * ```
 */
export function combineForecasts(forecasts: readonly IntervalForecast[]): IntervalForecast {
  if (!Array.isArray(forecasts)) invalidArgument("combineForecasts", "forecasts", "an array of interval forecasts", forecasts);
  if (forecasts.length === 0) invalidArgument("combineForecasts", "forecasts", "at least one forecast", 0);
  const n = forecasts[0]!.length;
  const out = new Float64Array(n);
  for (const f of forecasts) if (f.length !== n) invalidArgument("combineForecasts", "forecasts", `arrays of equal length ${n}`, f.length);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const f of forecasts) s += f[i]!;
    out[i] = s / forecasts.length;
  }
  return out;
}

/**
 * The default combination: the mean of the 4-week seasonal average (excluding special days),
 * top-down with a 2-week and a 4-week level, and top-down with half the day-of-month effect.
 * Measured on Anonymous Bank 1999 (see the README) it beats each of its members.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `context` or `horizonDays`.
 * @example
 * ```ts
 * combinedDefault({ context, horizonDays: 7 }).length; //=> 7 * slotsPerDay
 * ```
 */
export function combinedDefault(options: { context: FitContext; horizonDays: number }): IntervalForecast {
  requireOptions("combinedDefault", options, ["context", "horizonDays"]);
  const { context, horizonDays } = options;
  return combineForecasts([
    seasonalAverage({ context, horizonDays, weeks: 4 }),
    topDown({ context, horizonDays, levelWeeks: 2 }),
    topDown({ context, horizonDays, levelWeeks: 4, weekdayWeeks: 12 }),
    topDown({ context, horizonDays, levelWeeks: 2, dayOfMonthWeight: 0.5 }),
  ]);
}
