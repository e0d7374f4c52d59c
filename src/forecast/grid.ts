/**
 * The day-by-interval grid every forecasting method works on.
 *
 * History arrives as rows `{ localMs, calls }`. The grid lays them out as `days x slotsPerDay`
 * (slot = interval of the day) with `NaN` for intervals that have no row. Rows that are absent
 * are *closed or unobserved*, never zero demand: a slot-of-week (weekday x interval) is **open**
 * when the recent history has at least one row for it, and a whole day without rows is
 * **unobserved** (left out of every average) unless its weekday is never open.
 *
 * @module
 */
import { localDayOfWeek, millisecondsInDay, millisecondsInMinute, minutesInDay } from "../calendar/local-time.js";
import { invalidArgument, WfmError, requireOptions } from "../errors.js";
import type { VolumePoint } from "./types.js";

/** History laid out by day and interval of the day. */
export interface IntervalGrid {
  /** Interval length in minutes (divides 1440). */
  readonly intervalMinutes: number;
  /** Intervals per day, 1440 / intervalMinutes. */
  readonly slotsPerDay: number;
  /** Local midnight of day 0. */
  readonly firstDayMs: number;
  /** Number of days covered. */
  readonly days: number;
  /** Calls per (day, slot) at `day * slotsPerDay + slot`; `NaN` where no row exists. */
  readonly calls: Float64Array;
  /** Handle time per (day, slot), `NaN` where unknown. */
  readonly ahtSeconds: Float64Array;
  /** Whether any row has a handle time. */
  readonly hasAht: boolean;
  /** 1 where the day has at least one row. */
  readonly observed: Uint8Array;
  /** Calls per day (sum of its rows), `NaN` for unobserved days. */
  readonly dailyTotals: Float64Array;
  /** 1 where slot-of-week `weekday * slotsPerDay + slot` is open (0 = Sunday). */
  readonly openSlots: Uint8Array;
}

/**
 * Weekday of grid day `day` (0 = Sunday).
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `firstDayMs`.
 * @example
 * ```ts
 * gridWeekday({ firstDayMs: Date.UTC(2026, 0, 4) }, 1); //=> 1 (2026-01-05 is a Monday)
 * ```
 */
export function gridWeekday(grid: Pick<IntervalGrid, "firstDayMs">, day: number): number {
  requireOptions("gridWeekday", grid, ["firstDayMs"]);
  return localDayOfWeek(grid.firstDayMs + day * millisecondsInDay);
}

/**
 * Whether weekday `weekday` has any open slot.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `openSlots` or `slotsPerDay`.
 * @example
 * ```ts
 * // history with rows on weekdays only
 * isOpenWeekday(grid, 6); //=> false
 * ```
 */
export function isOpenWeekday(grid: Pick<IntervalGrid, "openSlots" | "slotsPerDay">, weekday: number): boolean {
  requireOptions("isOpenWeekday", grid, ["openSlots", "slotsPerDay"]);
  for (let s = 0; s < grid.slotsPerDay; s++) if (grid.openSlots[weekday * grid.slotsPerDay + s]) return true;
  return false;
}

/**
 * Builds the grid from rows in any order. Opening hours are inferred from the last
 * `openingWeeks` weeks of rows: a slot-of-week is open when one of those weeks has a row for it.
 *
 * @param options.points - history rows; `localMs` must be on the interval boundaries
 * @param options.intervalMinutes - interval length, a divisor of 1440 (5, 6, 10, 15, 30, 60, 1440)
 * @param options.openingWeeks - weeks of history that define the opening pattern. @defaultValue 12
 * @throws {WfmError} `invalid-argument` for an empty history, an interval that does not divide a
 *   day, a timestamp off the interval grid, negative or non-finite calls, or duplicate timestamps
 * @example
 * ```ts
 * const grid = buildIntervalGrid({ points: [{ localMs: Date.UTC(2026, 0, 5, 8), calls: 12 }], intervalMinutes: 60 });
 * grid.slotsPerDay; //=> 24
 * grid.dailyTotals[0]; //=> 12
 * ```
 */
export function buildIntervalGrid(options: {
  points: readonly VolumePoint[];
  intervalMinutes: number;
  openingWeeks?: number;
}): IntervalGrid {
  requireOptions("buildIntervalGrid", options);
  const { points, intervalMinutes, openingWeeks = 12 } = options;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || minutesInDay % intervalMinutes !== 0) {
    invalidArgument("buildIntervalGrid", "intervalMinutes", "a whole number of minutes dividing 1440", intervalMinutes);
  }
  if (points.length === 0) invalidArgument("buildIntervalGrid", "points", "a non-empty history", points.length);
  const slotsPerDay = minutesInDay / intervalMinutes;
  const intervalMs = intervalMinutes * millisecondsInMinute;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (p.localMs < min) min = p.localMs;
    if (p.localMs > max) max = p.localMs;
  }
  const firstDayMs = Math.floor(min / millisecondsInDay) * millisecondsInDay;
  const days = Math.floor(max / millisecondsInDay) - firstDayMs / millisecondsInDay + 1;
  const calls = new Float64Array(days * slotsPerDay).fill(Number.NaN);
  const aht = new Float64Array(days * slotsPerDay).fill(Number.NaN);
  let hasAht = false;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const offset = p.localMs - firstDayMs;
    if (!Number.isFinite(p.localMs) || offset % intervalMs !== 0) {
      throw new WfmError({ code: "invalid-argument", message: `buildIntervalGrid: points[${i}].localMs is not on a ${intervalMinutes}-minute boundary`, path: ["points", i, "localMs"], value: p.localMs });
    }
    if (!(p.calls >= 0) || !Number.isFinite(p.calls)) {
      throw new WfmError({ code: "invalid-argument", message: `buildIntervalGrid: points[${i}].calls must be a non-negative finite number, got ${p.calls}`, path: ["points", i, "calls"], value: p.calls });
    }
    const k = offset / intervalMs;
    if (!Number.isNaN(calls[k]!)) {
      throw new WfmError({ code: "invalid-argument", message: `buildIntervalGrid: points[${i}] repeats an earlier timestamp`, path: ["points", i, "localMs"], value: p.localMs });
    }
    calls[k] = p.calls;
    if (p.ahtSeconds !== undefined && Number.isFinite(p.ahtSeconds)) {
      aht[k] = p.ahtSeconds;
      hasAht = true;
    }
  }
  const observed = new Uint8Array(days);
  const dailyTotals = new Float64Array(days).fill(Number.NaN);
  for (let d = 0; d < days; d++) {
    let total = 0;
    let any = false;
    for (let s = 0; s < slotsPerDay; s++) {
      const v = calls[d * slotsPerDay + s]!;
      if (!Number.isNaN(v)) {
        any = true;
        total += v;
      }
    }
    if (any) {
      observed[d] = 1;
      dailyTotals[d] = total;
    }
  }
  const openSlots = new Uint8Array(7 * slotsPerDay);
  const fromDay = Math.max(0, days - 7 * openingWeeks);
  for (let d = fromDay; d < days; d++) {
    if (!observed[d]) continue;
    const w = localDayOfWeek(firstDayMs + d * millisecondsInDay);
    for (let s = 0; s < slotsPerDay; s++) if (!Number.isNaN(calls[d * slotsPerDay + s]!)) openSlots[w * slotsPerDay + s] = 1;
  }
  return { intervalMinutes, slotsPerDay, firstDayMs, days, calls, ahtSeconds: aht, hasAht, observed, dailyTotals, openSlots };
}

/**
 * The grid cut at day `days` (exclusive): only the history before that day, opening hours
 * re-inferred from it. Used by the backtest so that nothing after the origin is seen.
 *
 * @param grid - the full grid
 * @param days - days to keep (clamped to 0..grid.days)
 * @param openingWeeks - weeks that define the opening pattern. @defaultValue 12
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `days`, `slotsPerDay`, `calls` or `observed`.
 * @example
 * ```ts
 * truncateGrid(grid, 28).days; //=> 28
 * ```
 */
export function truncateGrid(grid: IntervalGrid, days: number, openingWeeks = 12): IntervalGrid {
  requireOptions("truncateGrid", grid, ["days", "slotsPerDay", "calls", "observed"]);
  const n = Math.max(0, Math.min(days, grid.days));
  const spd = grid.slotsPerDay;
  const calls = grid.calls.subarray(0, n * spd);
  const openSlots = new Uint8Array(7 * spd);
  for (let d = Math.max(0, n - 7 * openingWeeks); d < n; d++) {
    if (!grid.observed[d]) continue;
    const w = gridWeekday(grid, d);
    for (let s = 0; s < spd; s++) if (!Number.isNaN(calls[d * spd + s]!)) openSlots[w * spd + s] = 1;
  }
  return {
    ...grid,
    days: n,
    calls,
    ahtSeconds: grid.ahtSeconds.subarray(0, n * spd),
    observed: grid.observed.subarray(0, n),
    dailyTotals: grid.dailyTotals.subarray(0, n),
    openSlots,
  };
}
