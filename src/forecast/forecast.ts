/**
 * `forecastVolume`: history in, interval forecast with prediction intervals out.
 *
 * 1. Lay the history out by day and interval ({@link buildIntervalGrid}); only rows before the
 *    forecast start are used.
 * 2. Leave out of every average and fit: anomalous days (robust z on daily totals), days of
 *    calendar events, unobserved days.
 * 3. Rolling-origin backtest: forecast from each of the last `backtestOrigins` weekly origins
 *    before the start, with the same horizon (up to 28 days), and score WAPE, MAPE, bias, RMSE
 *    per method. `auto` takes the method with the lowest WAPE on the ordinary (non-special) days.
 *    The `driver` method is backtested with each window's actual orders as its sales target (it
 *    measures the contact ratio and the spreading, not the sales plan); `auto` never picks it.
 * 4. Forecast with the chosen method; apply the factors of recurring events; close `closed` days.
 * 5. Prediction intervals from the chosen method's backtest errors: the error scale
 *    sigma(f) = sqrt(f + k f^2) (Poisson plus a multiplicative level error, k fitted by moments),
 *    bounds f + q_p sigma(f) with q_p the empirical quantiles of the standardised errors. Their
 *    coverage is measured leave-one-origin-out, so it is an out-of-sample figure.
 * 6. AHT per interval-of-week when the history has handle times.
 *
 * @module
 */
import { localStartOfDay, millisecondsInDay, millisecondsInMinute } from "../calendar/local-time.js";
import type { PlanningCalendar } from "../calendar/planning-month.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { forecastAccuracy, type Accuracy } from "./accuracy.js";
import { contactRatio, spreadOrderTarget, type DailyDriverPoint } from "./driver.js";
import { buildIntervalGrid, gridWeekday, truncateGrid, type IntervalGrid } from "./grid.js";
import {
  combinedDefault,
  holtWinters,
  seasonalAverage,
  seasonalNaive,
  splitDaily,
  topDown,
  type FitContext,
  type IntervalForecast,
} from "./methods.js";
import { normalQuantile, quantile } from "./robust.js";
import { detectAnomalousDays, eventDayIndices, specialDayFactors, type AnomalousDay, type SpecialDayFactor } from "./special-days.js";
import type { ForecastMethod, ForecastMethodChoice, SpecialDay, VolumePoint } from "./types.js";

/**
 * Methods that `auto` chooses from and the backtest compares.
 *
 * @example
 * ```ts
 * backtestMethods; //=> ["seasonal-naive", "seasonal-average", "holt-winters", "top-down", "combined"]
 * ```
 */
export const backtestMethods: readonly ForecastMethod[] = ["seasonal-naive", "seasonal-average", "holt-winters", "top-down", "combined"];

/** Driver inputs: past daily orders and the order target of the forecast period. */
export interface DriverInput {
  /** Past daily orders (local midnights). */
  readonly orders: readonly { dateMs: number; orders: number }[];
  /** Orders planned for the whole forecast period. */
  readonly targetOrders: number;
  /** Use a contact ratio per weekday. @defaultValue false */
  readonly perWeekday?: boolean;
  /** Trailing window of the contact ratio, days. @defaultValue 28 */
  readonly windowDays?: number;
}

/** Options of {@link forecastVolume}. */
export interface ForecastVolumeOptions {
  /** History rows (any order); rows at or after `startLocalMs` are ignored. */
  readonly points: readonly VolumePoint[];
  /** Interval length in minutes, dividing 1440. */
  readonly intervalMinutes: number;
  /** First day to forecast, local midnight. */
  readonly startLocalMs: number;
  /** End of the forecast period (exclusive), local midnight after `startLocalMs`. */
  readonly endLocalMs: number;
  /** Method, or `auto` (lowest backtest WAPE). @defaultValue "auto" */
  readonly method?: ForecastMethodChoice;
  /** Calendar of special days (history and forecast period). @defaultValue [] */
  readonly events?: readonly SpecialDay[];
  /** Planning quantile in (0.5, 1): `upper` is the q-quantile, `lower` the (1-q)-quantile. @defaultValue 0.8 */
  readonly quantile?: number;
  /** Weekly backtest origins. @defaultValue 8 */
  readonly backtestOrigins?: number;
  /** Robust z above which a day is anomalous. @defaultValue 3.5 */
  readonly anomalyThreshold?: number;
  /** Inputs of the `driver` method (required for it). */
  readonly driver?: DriverInput;
  /** Calendar of the day-of-month effect (Persian for centres paid by the Solar Hijri month). @defaultValue "gregorian" */
  readonly monthCalendar?: PlanningCalendar;
}

/** One forecast interval. */
export interface ForecastRow {
  /** Interval start, wall-clock milliseconds. */
  readonly localMs: number;
  /** Point forecast of contacts (>= 0). */
  readonly calls: number;
  /** (1 - q)-quantile. */
  readonly lower: number;
  /** q-quantile (plan to this). */
  readonly upper: number;
  /** Forecast AHT, seconds, when the history has handle times. */
  readonly ahtSeconds?: number;
}

/** Backtest figures of one method. */
export interface MethodBacktest extends Accuracy {
  readonly method: ForecastMethod;
  /** WAPE on ordinary days only (what `auto` minimises). */
  readonly wapeOrdinaryDays: number;
}

/** Backtest summary. */
export interface BacktestReport {
  /** Origins used (local midnights), oldest first. */
  readonly origins: readonly number[];
  /** Horizon of each backtest forecast, days. */
  readonly horizonDays: number;
  /** One entry per method. */
  readonly methods: readonly MethodBacktest[];
  /** Share of backtest actuals at or below `upper` (nominal q), leave-one-origin-out. */
  readonly coverageUpper: number;
  /** Share of backtest actuals within [lower, upper] (nominal 2q - 1). */
  readonly coverageBand: number;
}

/** Result of {@link forecastVolume}. */
export interface ForecastVolumeResult {
  /** The method used (auto resolved). */
  readonly method: ForecastMethod;
  /** One row per open interval of the period. */
  readonly rows: readonly ForecastRow[];
  /** Backtest (empty `methods` when the history is too short). */
  readonly backtest: BacktestReport;
  /** Anomalous days found in the history. */
  readonly anomalies: readonly AnomalousDay[];
  /** Factors of recurring events applied. */
  readonly specialDayFactors: readonly SpecialDayFactor[];
  /** Notes for the user (e.g. an event with no past occurrence). */
  readonly warnings: readonly string[];
  /** The planning quantile used. */
  readonly quantile: number;
}

/** Days to leave out of fits: unobserved, anomalous, calendar events. */
function exclusions(grid: IntervalGrid, events: readonly SpecialDay[], threshold: number): { excluded: Uint8Array; anomalies: AnomalousDay[] } {
  const excluded = new Uint8Array(grid.days);
  for (let j = 0; j < grid.days; j++) if (!grid.observed[j]) excluded[j] = 1;
  const anomalies = detectAnomalousDays({ grid, threshold });
  for (const a of anomalies) excluded[Math.round((a.dateMs - grid.firstDayMs) / millisecondsInDay)] = 1;
  for (const j of eventDayIndices(grid, events)) excluded[j] = 1;
  return { excluded, anomalies };
}

function runMethod(method: ForecastMethod, context: FitContext, horizonDays: number, driver: DriverInput | undefined, periodDays: number): IntervalForecast {
  switch (method) {
    case "seasonal-naive":
      return seasonalNaive({ context, horizonDays });
    case "seasonal-average":
      return seasonalAverage({ context, horizonDays, weeks: 4 });
    case "top-down":
      return topDown({ context, horizonDays, levelWeeks: 2 });
    case "holt-winters":
      return holtWinters({ context, horizonDays });
    case "combined":
      return combinedDefault({ context, horizonDays });
    case "driver":
      return driverForecast(context, horizonDays, driver, periodDays);
  }
}

function driverForecast(context: FitContext, horizonDays: number, driver: DriverInput | undefined, periodDays: number): IntervalForecast {
  if (!driver) invalidArgument("forecastVolume", "driver", "orders history and a target for the driver method", undefined);
  const { grid } = context;
  const history: DailyDriverPoint[] = [];
  const ordersByDay = new Map(driver.orders.map((o) => [localStartOfDay(o.dateMs), o.orders]));
  for (let j = 0; j < grid.days; j++) {
    const dateMs = grid.firstDayMs + j * millisecondsInDay;
    const orders = ordersByDay.get(dateMs);
    if (grid.observed[j] && !context.excluded[j] && orders !== undefined) history.push({ dateMs, calls: grid.dailyTotals[j]!, orders });
  }
  const pastOrders = driver.orders.filter((o) => o.dateMs < grid.firstDayMs + grid.days * millisecondsInDay).map((o) => ({ dateMs: o.dateMs, orders: o.orders }));
  const ratio = contactRatio({ history, windowDays: driver.windowDays ?? 28 });
  const lead = horizonDays - periodDays;
  const periodStart = grid.firstDayMs + (grid.days + lead) * millisecondsInDay;
  const days = Array.from({ length: periodDays }, (_, i) => periodStart + i * millisecondsInDay);
  const spread = spreadOrderTarget({ targetOrders: driver.targetOrders, days, history: pastOrders });
  const daily = new Float64Array(horizonDays);
  for (let h = 0; h < periodDays; h++) {
    const w = gridWeekday(grid, grid.days + lead + h);
    daily[lead + h] = spread[h]!.orders * (driver.perWeekday ? ratio.byWeekday[w]! : ratio.overall);
  }
  return splitDaily({ context, daily });
}

interface Pair {
  f: number;
  a: number;
  origin: number;
  ordinary: boolean;
}

function calibrate(pairs: readonly Pair[], q: number): { kappa: number; lo: number; hi: number } {
  let num = 0;
  let den = 0;
  for (const p of pairs) {
    num += (p.a - p.f) ** 2 - p.f;
    den += p.f * p.f;
  }
  const kappa = den > 0 ? Math.max(0, num / den) : 0;
  const z = pairs.map((p) => (p.a - p.f) / Math.max(1, Math.sqrt(p.f + kappa * p.f * p.f)));
  // Without backtest errors: a Poisson band from the normal quantiles.
  return { kappa, lo: z.length ? quantile(z, 1 - q) : normalQuantile(1 - q), hi: z.length ? quantile(z, q) : normalQuantile(q) };
}

function bounds(f: number, c: { kappa: number; lo: number; hi: number }): [number, number] {
  const scale = Math.max(1, Math.sqrt(f + c.kappa * f * f));
  return [Math.max(0, f + c.lo * scale), Math.max(0, f + c.hi * scale)];
}

/**
 * Forecasts contacts per interval for `[startLocalMs, endLocalMs)` (see the module comment).
 *
 * @throws {WfmError} `invalid-argument` for a start that is not a local midnight, an empty
 *   period, a quantile outside (0.5, 1), no history before the start, or `driver` without inputs
 * @example
 * ```ts
 * // eight weeks of daily data, 100 calls a day
 * const points = Array.from({ length: 56 }, (_, d) => ({ localMs: Date.UTC(2026, 0, 4) + d * 86_400_000, calls: 100 }));
 * const result = forecastVolume({ points, intervalMinutes: 1440, startLocalMs: Date.UTC(2026, 2, 1), endLocalMs: Date.UTC(2026, 2, 8) });
 * result.rows.length; //=> 7
 * result.rows[0]; //=> { localMs: 1772323200000, calls: 100, lower: 100, upper: 100 } (no backtest error, so no spread)
 * ```
 */
export function forecastVolume(options: ForecastVolumeOptions): ForecastVolumeResult {
  requireOptions("forecastVolume", options);
  const {
    points,
    intervalMinutes,
    startLocalMs,
    endLocalMs,
    method = "auto",
    events = [],
    quantile: q = 0.8,
    backtestOrigins = 8,
    anomalyThreshold = 3.5,
    driver,
    monthCalendar = "gregorian",
  } = options;
  if (startLocalMs % millisecondsInDay !== 0) invalidArgument("forecastVolume", "startLocalMs", "a local midnight", startLocalMs);
  if (!(endLocalMs > startLocalMs) || endLocalMs % millisecondsInDay !== 0) {
    invalidArgument("forecastVolume", "endLocalMs", "a local midnight after startLocalMs", endLocalMs);
  }
  if (!(q > 0.5 && q < 1)) invalidArgument("forecastVolume", "quantile", "a probability between 0.5 and 1 (exclusive)", q);
  const before = points.filter((p) => p.localMs < startLocalMs);
  if (before.length === 0) invalidArgument("forecastVolume", "points", "history before startLocalMs", 0);
  const full = buildIntervalGrid({ points: before, intervalMinutes });
  if (full.days < 7) invalidArgument("forecastVolume", "points", "at least 7 days of history before startLocalMs (one of each weekday)", `${full.days} days`);
  const startDay = Math.round((startLocalMs - full.firstDayMs) / millisecondsInDay);
  const periodDays = Math.round((endLocalMs - startLocalMs) / millisecondsInDay);
  const lead = startDay - full.days;
  const horizonDays = lead + periodDays;
  const spd = full.slotsPerDay;
  const { excluded, anomalies } = exclusions(full, events, anomalyThreshold);
  const context: FitContext = { grid: full, excluded, monthCalendar };
  const warnings: string[] = [];

  // Backtest
  const backtestHorizon = Math.min(periodDays, 28);
  const origins: number[] = [];
  for (let k = backtestOrigins - 1; k >= 0; k--) {
    const o = full.days - lead - backtestHorizon - 7 * k;
    if (o >= 28) origins.push(o);
  }
  const candidates: ForecastMethod[] = method === "auto" ? [...backtestMethods] : backtestMethods.includes(method) ? [...backtestMethods] : [...backtestMethods, method];
  const pairsBy = new Map<ForecastMethod, Pair[]>();
  for (const m of candidates) pairsBy.set(m, []);
  for (const o of origins) {
    const grid = truncateGrid(full, o);
    const ex = exclusions(grid, events, anomalyThreshold).excluded;
    const ctx: FitContext = { grid, excluded: ex, monthCalendar };
    for (const m of candidates) {
      let f: IntervalForecast;
      try {
        // The driver backtest takes the window's actual orders as the sales target: it measures
        // the contact ratio and the spreading, not the sales plan.
        const windowStart = full.firstDayMs + (o + lead) * millisecondsInDay;
        const windowDriver =
          m === "driver" && driver
            ? { ...driver, targetOrders: driver.orders.filter((x) => x.dateMs >= windowStart && x.dateMs < windowStart + backtestHorizon * millisecondsInDay).reduce((s, x) => s + x.orders, 0) }
            : driver;
        f = runMethod(m, ctx, lead + backtestHorizon, windowDriver, backtestHorizon);
      } catch {
        continue;
      }
      const list = pairsBy.get(m)!;
      for (let h = 0; h < backtestHorizon; h++) {
        const day = o + lead + h;
        if (!full.observed[day]) continue;
        for (let s = 0; s < spd; s++) {
          const fv = f[(lead + h) * spd + s]!;
          const av = full.calls[day * spd + s]!;
          if (Number.isNaN(fv) && Number.isNaN(av)) continue;
          list.push({ f: Number.isNaN(fv) ? 0 : Math.max(0, fv), a: Number.isNaN(av) ? 0 : av, origin: o, ordinary: !excluded[day] });
        }
      }
    }
  }
  const methodsReport: MethodBacktest[] = [];
  for (const m of candidates) {
    const pairs = pairsBy.get(m)!;
    if (pairs.length === 0) continue;
    const acc = forecastAccuracy({ forecast: pairs.map((p) => p.f), actual: pairs.map((p) => p.a) });
    const ordinary = pairs.filter((p) => p.ordinary);
    const ord = forecastAccuracy({ forecast: ordinary.map((p) => p.f), actual: ordinary.map((p) => p.a) });
    methodsReport.push({ method: m, ...acc, wapeOrdinaryDays: ord.wape });
  }
  let chosen: ForecastMethod;
  if (method === "auto") {
    const ranked = methodsReport.filter((r) => Number.isFinite(r.wapeOrdinaryDays)).sort((a, b) => a.wapeOrdinaryDays - b.wapeOrdinaryDays);
    chosen = ranked[0]?.method ?? "seasonal-average";
    if (ranked.length === 0) warnings.push("history too short for a backtest; using the seasonal average");
  } else {
    chosen = method;
  }

  // Intervals and their out-of-sample coverage
  const chosenPairs = pairsBy.get(chosen) ?? [];
  const calibration = calibrate(chosenPairs, q);
  let inUpper = 0;
  let inBand = 0;
  let counted = 0;
  for (const o of origins) {
    const test = chosenPairs.filter((p) => p.origin === o);
    const train = chosenPairs.filter((p) => p.origin !== o);
    if (test.length === 0 || train.length === 0) continue;
    const c = calibrate(train, q);
    for (const p of test) {
      const [lo, hi] = bounds(p.f, c);
      if (p.a <= hi) inUpper++;
      if (p.a >= lo && p.a <= hi) inBand++;
      counted++;
    }
  }
  if (chosenPairs.length === 0) warnings.push("no backtest errors for the prediction intervals; using a Poisson band");

  // Forecast
  const forecast = runMethod(chosen, context, horizonDays, driver, periodDays);
  const factors = specialDayFactors({ grid: full, events, excluded });
  const factorByLabel = new Map(factors.map((f) => [f.label, f.factor]));
  const dayFactor = new Float64Array(periodDays).fill(1);
  const closedDay = new Uint8Array(periodDays);
  for (const e of events) {
    const h = Math.round((localStartOfDay(e.dateMs) - startLocalMs) / millisecondsInDay);
    if (h < 0 || h >= periodDays) continue;
    if (e.kind === "closed") closedDay[h] = 1;
    else if (factorByLabel.has(e.label)) dayFactor[h] = factorByLabel.get(e.label)!;
    else warnings.push(`no past occurrence of "${e.label}" in the history: ${new Date(e.dateMs).toISOString().slice(0, 10)} is forecast as an ordinary day`);
  }
  const aht = full.hasAht ? ahtByIntervalOfWeek(context) : null;
  const rows: ForecastRow[] = [];
  const intervalMs = intervalMinutes * millisecondsInMinute;
  for (let h = 0; h < periodDays; h++) {
    if (closedDay[h]) continue;
    const w = gridWeekday(full, startDay + h);
    for (let s = 0; s < spd; s++) {
      const raw = forecast[(lead + h) * spd + s]!;
      if (Number.isNaN(raw)) continue;
      const f = Math.max(0, raw) * dayFactor[h]!;
      const [lower, upper] = bounds(f, calibration);
      const row: ForecastRow = { localMs: startLocalMs + h * millisecondsInDay + s * intervalMs, calls: f, lower: Math.min(lower, f), upper: Math.max(upper, f) };
      rows.push(aht ? { ...row, ahtSeconds: aht[w * spd + s]! } : row);
    }
  }
  return {
    method: chosen,
    rows,
    backtest: {
      origins: origins.map((o) => full.firstDayMs + (o + lead) * millisecondsInDay),
      horizonDays: backtestHorizon,
      methods: methodsReport,
      coverageUpper: counted > 0 ? inUpper / counted : Number.NaN,
      coverageBand: counted > 0 ? inBand / counted : Number.NaN,
    },
    anomalies,
    specialDayFactors: factors,
    warnings,
    quantile: q,
  };
}

/**
 * AHT per slot-of-week: the calls-weighted mean handle time of the same weekday and interval
 * over the last 8 usable weeks; slots without data take the slot-of-day mean over all weekdays,
 * then the overall mean.
 *
 * @param context - the history (with `ahtSeconds`)
 * @param weeks - weeks of history used. @defaultValue 8
 * @returns 7 x slotsPerDay AHT values in seconds (index weekday * slotsPerDay + slot), NaN without any data
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `grid` or `excluded`.
 * @example
 * ```ts
 * // AHT 300 s before noon and 360 s after, every day
 * ahtByIntervalOfWeek(context)[1 * 24 + 15]; //=> 360 (Monday 15:00)
 * ```
 */
export function ahtByIntervalOfWeek(context: FitContext, weeks = 8): Float64Array {
  requireOptions("ahtByIntervalOfWeek", context, ["grid", "excluded"]);
  const { grid, excluded } = context;
  const spd = grid.slotsPerDay;
  const num = new Float64Array(7 * spd);
  const den = new Float64Array(7 * spd);
  const slotNum = new Float64Array(spd);
  const slotDen = new Float64Array(spd);
  let allNum = 0;
  let allDen = 0;
  for (let j = grid.days - 1; j >= Math.max(0, grid.days - 7 * weeks); j--) {
    if (excluded[j] || !grid.observed[j]) continue;
    const w = gridWeekday(grid, j);
    for (let s = 0; s < spd; s++) {
      const a = grid.ahtSeconds[j * spd + s]!;
      const c = grid.calls[j * spd + s]!;
      if (!Number.isFinite(a) || !(c > 0)) continue;
      num[w * spd + s]! += a * c;
      den[w * spd + s]! += c;
      slotNum[s]! += a * c;
      slotDen[s]! += c;
      allNum += a * c;
      allDen += c;
    }
  }
  const overall = allDen > 0 ? allNum / allDen : Number.NaN;
  return num.map((v, i) => (den[i]! > 0 ? v / den[i]! : slotDen[i % spd]! > 0 ? slotNum[i % spd]! / slotDen[i % spd]! : overall));
}
