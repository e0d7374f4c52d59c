import { requireOptions } from "../errors.js";
/**
 * The interval-level shift scheduling problem that every front end (shift templates, DBAI
 * benchmark files) is lowered to before the MIP is built.
 *
 * Time is one absolute axis of `required.length` intervals of `intervalMinutes` each, starting at
 * interval 0. A shift column is one concrete shift (a start interval on that axis, a length and
 * its break rules); its integer count is the number of agents working it. Shifts may cross
 * midnight; with `cyclic` the axis wraps (Sunday night covers Monday morning of the same week),
 * otherwise the part of a shift past the end of the horizon covers nothing.
 *
 * @module
 */

/** One break (or lunch) rule of a shift column, in intervals relative to the shift start. */
export interface BreakRule {
  /** Name for output, e.g. `"lunch"`. */
  readonly name: string;
  /** Earliest break start, intervals after the shift start (>= 0). */
  readonly earliestStartOffset: number;
  /** Latest break start, intervals after the shift start (>= earliestStartOffset). */
  readonly latestStartOffset: number;
  /** Break length in intervals (>= 1). */
  readonly durationIntervals: number;
}

/** One concrete shift: where it starts on the axis, how long it lasts, what it costs. */
export interface ShiftColumn {
  /** Index into {@link ShiftProblem.templateNames}. */
  readonly template: number;
  /**
   * Distinct-shift group: columns that count as "the same shift" for the distinct-shift penalty
   * (for templates: same template, start time of day and length; for DBAI: same start and length).
   */
  readonly group: number;
  /** Day index from the start of the horizon (0-based) on which the shift starts. */
  readonly day: number;
  /** Start interval on the absolute axis (0-based). */
  readonly startInterval: number;
  /** Length in intervals (>= 1), breaks included. */
  readonly lengthIntervals: number;
  /** Cost of one agent working this shift (e.g. paid hours x cost per paid hour). */
  readonly cost: number;
  /** Paid hours of one agent working this shift (for reports). */
  readonly paidHours: number;
  /** Break rules; each agent takes one break of each rule inside its window. */
  readonly breaks: readonly BreakRule[];
  /** Most agents on this column. @defaultValue no limit */
  readonly maxAgents?: number;
}

/**
 * A weekly tour: agents on it work the listed columns (one per working day, same start), and the
 * count of every tour-driven column equals the sum of the tours through it.
 */
export interface TourColumn {
  /** Pattern name, e.g. `"5x8 off sat-sun"`. */
  readonly name: string;
  /** The shift columns this tour works (with `choices`: every alternative of every day). */
  readonly columns: readonly number[];
  /**
   * A tour with a start band: per working day, the alternative columns (starts within the band);
   * each agent of the tour works exactly one of them that day. Absent: the tour works every
   * column of `columns` (the same start each day).
   */
  readonly choices?: readonly (readonly number[])[];
}

/** A lower and/or upper bound on the sum of some column counts (e.g. one template on one day). */
export interface CountLimit {
  /** What is limited, for messages, e.g. `"early on day 3"`. */
  readonly name: string;
  /** The columns summed. */
  readonly columns: readonly number[];
  /** Least total. @defaultValue 0 */
  readonly min?: number;
  /** Most total. @defaultValue no limit */
  readonly max?: number;
}

/**
 * A linear ratio bound `lower <= sum(a_c x_c) / sum(b_c x_c) <= upper`, written as two linear
 * rows (used for DBAI's average duties per employee-week).
 */
export interface RatioLimit {
  readonly name: string;
  /** Numerator coefficient per column. */
  readonly numerator: readonly number[];
  /** Denominator coefficient per column. */
  readonly denominator: readonly number[];
  readonly lower: number;
  readonly upper: number;
  /**
   * Soft ratio: instead of a hard bound, a penalty of this much per unit of distance of the ratio
   * from [lower, upper] (DBAI's weighted duties-per-week deviation). Absent: a hard bound.
   */
  readonly penaltyPerUnit?: number;
  /**
   * For a soft ratio, an upper bound D on the denominator over every schedule worth having. The
   * MIP charges the penalty on (numerator - upper x denominator) / D (and the same below the
   * lower bound): never more than the true distance (numerator / denominator - upper) while the
   * denominator is at most D, so its bound stays a bound; {@link verifySchedule} charges the true
   * distance. Infinity (or absent) leaves the ratio out of the MIP, a weaker but valid bound.
   * @defaultValue Infinity
   */
  readonly denominatorUpperBound?: number;
}

/** The interval-level scheduling problem (see the module comment). */
export interface ShiftProblem {
  /** Interval length in minutes. */
  readonly intervalMinutes: number;
  /** Agents required on the floor per interval (non-negative, may be fractional). */
  readonly required: readonly number[];
  /** Whether the axis wraps around (a cyclic week). */
  readonly cyclic: boolean;
  /** Template names, indexed by {@link ShiftColumn.template}. */
  readonly templateNames: readonly string[];
  /** The candidate shifts. */
  readonly columns: readonly ShiftColumn[];
  /** Number of distinct-shift groups (max group index + 1). */
  readonly groupCount: number;
  /** Objective cost per distinct-shift group used (0 disables the term). */
  readonly groupPenalty: number;
  /** Objective cost per agent-interval of shortfall (soft coverage). */
  readonly shortfallCostPerInterval: number;
  /** Objective cost per agent-interval of excess. */
  readonly excessCostPerInterval: number;
  /** Most excess agents allowed in any interval. @defaultValue no cap */
  readonly maxExcessAgents?: number;
  /** Hard coverage: no shortfall allowed at all. */
  readonly hardCoverage: boolean;
  /** Weekly tours; when present every column listed in a tour is driven by tours only. */
  readonly tours?: readonly TourColumn[];
  /** Bounds on sums of column counts. */
  readonly limits?: readonly CountLimit[];
  /** Ratio bounds between sums of column counts. */
  readonly ratioLimits?: readonly RatioLimit[];
}

/**
 * Intervals of the axis covered by `column` (wrapping when cyclic, truncated otherwise).
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `required` or `columns`.
 */
export function columnIntervals(problem: Pick<ShiftProblem, "cyclic" | "required">, start: number, length: number): number[] {
  requireOptions("columnIntervals", problem, ["required", "columns"]);
  const horizon = problem.required.length;
  const out: number[] = [];
  for (let k = 0; k < length; k++) {
    let t = start + k;
    if (problem.cyclic) t = ((t % horizon) + horizon) % horizon;
    else if (t < 0 || t >= horizon) continue;
    out.push(t);
  }
  return out;
}
