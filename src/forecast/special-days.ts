import { requireOptions } from "../errors.js";
/**
 * Special days: anomalous days found in the history, and dated events from a calendar.
 *
 * A day is **anomalous** when its total is far from the same weekday in the surrounding weeks:
 * robust z = (x - median) / max(1.4826 MAD, sqrt(median), 1), over the same weekday up to
 * `weeks` weeks before and after (within the history only), flagged when |z| > `threshold`.
 * Median and MAD (median absolute deviation, scaled by 1.4826 to estimate a normal standard
 * deviation) are not moved by the outliers they are looking for; the sqrt(median) floor is the
 * Poisson standard deviation, so that quiet weekdays are not flagged for ordinary noise.
 * Reference: Rousseeuw & Croux (1993), JASA 88(424); Iglewicz & Hoaglin (1993).
 *
 * @module
 */
import { millisecondsInDay } from "../calendar/local-time.js";
import type { IntervalGrid } from "./grid.js";
import { median } from "./robust.js";
import type { SpecialDay } from "./types.js";
import { compareText } from "../order.js";

/** A day whose total is out of line with the same weekday around it. */
export interface AnomalousDay {
  /** Local midnight of the day. */
  readonly dateMs: number;
  /** Calls that day. */
  readonly calls: number;
  /** Median of the same weekday in the surrounding weeks. */
  readonly expectedCalls: number;
  /** Robust z-score (negative = low). */
  readonly zScore: number;
}

/**
 * Finds anomalous days in a grid's daily totals (see the module comment for the rule).
 *
 * @param options.grid - the history
 * @param options.weeks - weeks on each side to compare with. @defaultValue 8
 * @param options.threshold - |z| above which a day is anomalous. @defaultValue 3.5
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `grid`.
 * @example
 * ```ts
 * // eight weeks of daily data, 100 calls a day, 10 on 2026-02-03
 * const points = Array.from({ length: 56 }, (_, d) => ({ localMs: Date.UTC(2026, 0, 4) + d * 86_400_000, calls: d === 30 ? 10 : 100 }));
 * detectAnomalousDays({ grid: buildIntervalGrid({ points, intervalMinutes: 1440 }) });
 * //=> [{ dateMs: 1770076800000, calls: 10, expectedCalls: 100, zScore: -9 }]
 * ```
 */
export function detectAnomalousDays(options: { grid: IntervalGrid; weeks?: number; threshold?: number }): AnomalousDay[] {
  requireOptions("detectAnomalousDays", options, ["grid"]);
  const { grid, weeks = 8, threshold = 3.5 } = options;
  const out: AnomalousDay[] = [];
  const totals = grid.dailyTotals;
  for (let j = 0; j < grid.days; j++) {
    const x = totals[j]!;
    if (Number.isNaN(x)) continue;
    const around: number[] = [];
    for (let k = -weeks; k <= weeks; k++) {
      if (k === 0) continue;
      const jj = j + 7 * k;
      if (jj >= 0 && jj < grid.days && !Number.isNaN(totals[jj]!)) around.push(totals[jj]!);
    }
    if (around.length < 3) continue;
    const m = median(around);
    const mad = median(around.map((v) => Math.abs(v - m))) * 1.4826;
    const scale = Math.max(mad, Math.sqrt(Math.max(m, 0)), 1);
    const z = (x - m) / scale;
    if (Math.abs(z) > threshold) out.push({ dateMs: grid.firstDayMs + j * millisecondsInDay, calls: x, expectedCalls: m, zScore: z });
  }
  return out;
}

/** The effect of a recurring event, measured on its past occurrences. */
export interface SpecialDayFactor {
  /** The event label. */
  readonly label: string;
  /** Median of actual / expected over past occurrences (0.1 = a tenth of a normal day). */
  readonly factor: number;
  /** Past occurrences measured. */
  readonly occurrences: number;
}

/**
 * Measures each label's factor on the history: for every past day carrying the label, actual
 * total / median of the same weekday within 4 weeks either side (days without events or
 * anomalies); the factor is the median of those ratios.
 *
 * @param options.grid - the history
 * @param options.events - the calendar (any dates; only those inside the history are used)
 * @param options.excluded - days (grid indices) not to use as references
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `grid`, `events` or `excluded`.
 * @example
 * ```ts
 * // the grid of the detectAnomalousDays example, with 2026-02-03 marked as an outage
 * specialDayFactors({ grid, events: [{ dateMs: Date.UTC(2026, 1, 3), label: "Outage", kind: "outage" }], excluded });
 * //=> [{ label: "Outage", factor: 0.1, occurrences: 1 }]
 * ```
 */
export function specialDayFactors(options: {
  grid: IntervalGrid;
  events: readonly SpecialDay[];
  excluded: Uint8Array;
}): SpecialDayFactor[] {
  requireOptions("specialDayFactors", options, ["grid", "events", "excluded"]);
  const { grid, events, excluded } = options;
  const ratios = new Map<string, number[]>();
  for (const e of events) {
    const j = Math.round((e.dateMs - grid.firstDayMs) / millisecondsInDay);
    if (j < 0 || j >= grid.days || Number.isNaN(grid.dailyTotals[j]!)) continue;
    const ref: number[] = [];
    for (let k = -4; k <= 4; k++) {
      const jj = j + 7 * k;
      if (k !== 0 && jj >= 0 && jj < grid.days && !excluded[jj] && !Number.isNaN(grid.dailyTotals[jj]!)) ref.push(grid.dailyTotals[jj]!);
    }
    const m = median(ref);
    if (!(m > 0)) continue;
    const list = ratios.get(e.label) ?? [];
    list.push(grid.dailyTotals[j]! / m);
    ratios.set(e.label, list);
  }
  return [...ratios.entries()]
    .map(([label, list]) => ({ label, factor: median(list), occurrences: list.length }))
    .sort((a, b) => compareText(a.label, b.label));
}

/**
 * Grid day indices of events inside the grid's range.
 *
 * @example
 * ```ts
 * eventDayIndices(grid, [{ dateMs: grid.firstDayMs + 3 * 86_400_000, label: "x", kind: "holiday" }]); //=> [3]
 * ```
 */
export function eventDayIndices(grid: IntervalGrid, events: readonly SpecialDay[]): number[] {
  const out: number[] = [];
  for (const e of events) {
    const j = Math.round((e.dateMs - grid.firstDayMs) / millisecondsInDay);
    if (j >= 0 && j < grid.days) out.push(j);
  }
  return out;
}
