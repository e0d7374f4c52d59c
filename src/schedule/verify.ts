import { requireOptions } from "../errors.js";
import { columnIntervals, type ShiftProblem } from "./problem.js";

/** Integer counts describing a schedule: the solver's answer, or anyone else's. */
export interface ShiftAssignment {
  /** Agents per shift column. */
  readonly counts: readonly number[];
  /**
   * Agents per column, break rule and break start: `breakCounts[c][r][k]` agents of column c take
   * break r starting `earliestStartOffset + k` intervals after the shift start.
   */
  readonly breakCounts: readonly (readonly (readonly number[])[])[];
  /** Agents per weekly tour (empty without tours). */
  readonly tourCounts: readonly number[];
  /**
   * For tours with a start band: `tourChoices[k][d][i]` agents of tour k work alternative i of
   * working day d. Absent or empty for tours without choices.
   */
  readonly tourChoices?: readonly (readonly (readonly number[])[])[];
}

/** A schedule checked and evaluated from its integer counts alone. */
export interface VerifiedSchedule {
  /** Whether every check passed. */
  readonly valid: boolean;
  /** One sentence per failed check (empty when valid). */
  readonly problems: readonly string[];
  /** Agents on the floor (after breaks) per interval. */
  readonly scheduled: readonly number[];
  /** max(0, required - scheduled) per interval. */
  readonly shortfall: readonly number[];
  /** max(0, scheduled - required) per interval. */
  readonly excess: readonly number[];
  /** Sum of shift costs. */
  readonly shiftCost: number;
  /** Shortfall penalty: shortfallCostPerInterval x total shortfall agent-intervals. */
  readonly shortfallCost: number;
  /** Excess penalty: excessCostPerInterval x total excess agent-intervals. */
  readonly excessCost: number;
  /** Distinct-shift groups with at least one agent. */
  readonly distinctShifts: number;
  /** groupPenalty x distinctShifts. */
  readonly distinctShiftCost: number;
  /** Soft ratio limits: penaltyPerUnit x the ratio's distance from [lower, upper], summed. */
  readonly ratioPenaltyCost: number;
  /** The objective recomputed: shift cost + shortfall + excess + distinct-shift cost. */
  readonly objective: number;
  /** Paid agent-hours. */
  readonly paidHours: number;
  /** Agents working (sum of column counts). */
  readonly shiftCount: number;
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

/**
 * Checks a schedule against its problem and recomputes everything from the integer counts:
 * integrality and signs, one break of each rule per agent inside its window, tour consistency,
 * count limits, ratio limits, the excess cap, hard coverage, and the objective
 * `sum_c cost_c x_c + s sum_t max(0, R_t - N_t) + e sum_t max(0, N_t - R_t) + g |groups used|`
 * where N_t is the number of agents on the floor (working, not on break) in interval t.
 *
 * It trusts nothing the solver says: a tampered or fractional solution comes back with
 * `valid: false` and the reasons.
 *
 * @param problem - the interval-level problem
 * @param assignment - the integer counts
 * @returns the verified evaluation
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or a required field is missing.
 * @example
 * ```ts
 * verifySchedule(problem, { counts: [2], breakCounts: [[]], tourCounts: [] }).valid; //=> true
 * ```
 */
export function verifySchedule(problem: ShiftProblem, assignment: ShiftAssignment): VerifiedSchedule {
  requireOptions("verifySchedule", problem, ["intervalMinutes", "required", "cyclic", "templateNames", "columns", "groupCount", "groupPenalty", "shortfallCostPerInterval", "excessCostPerInterval", "hardCoverage"]);
  const horizon = problem.required.length;
  const problems: string[] = [];
  const scheduled = new Array<number>(horizon).fill(0);
  const { counts, breakCounts, tourCounts } = assignment;
  if (counts.length !== problem.columns.length) {
    problems.push(`expected ${problem.columns.length} column counts, got ${counts.length}`);
  }
  let shiftCost = 0;
  let paidHours = 0;
  let shiftCount = 0;
  const groupsUsed = new Set<number>();
  problem.columns.forEach((column, c) => {
    const x = counts[c] ?? 0;
    if (!isCount(x)) problems.push(`column ${c}: count ${x} is not a non-negative integer`);
    if (column.maxAgents !== undefined && x > column.maxAgents) problems.push(`column ${c}: ${x} agents exceed its maximum ${column.maxAgents}`);
    if (x > 0) groupsUsed.add(column.group);
    shiftCost += column.cost * x;
    paidHours += column.paidHours * x;
    shiftCount += x;
    for (const t of columnIntervals(problem, column.startInterval, column.lengthIntervals)) scheduled[t]! += x;
    column.breaks.forEach((rule, r) => {
      const width = rule.latestStartOffset - rule.earliestStartOffset + 1;
      const list = breakCounts[c]?.[r] ?? [];
      if (list.length !== width) problems.push(`column ${c} break ${rule.name}: expected ${width} break-start counts, got ${list.length}`);
      let sum = 0;
      list.forEach((b, k) => {
        if (!isCount(b)) problems.push(`column ${c} break ${rule.name}: count ${b} is not a non-negative integer`);
        sum += b;
        if (b !== 0) {
          for (const t of columnIntervals(problem, column.startInterval + rule.earliestStartOffset + k, rule.durationIntervals)) {
            scheduled[t]! -= b;
          }
        }
      });
      if (sum !== x) problems.push(`column ${c} break ${rule.name}: ${sum} breaks for ${x} agents`);
    });
  });
  if (problem.tours && problem.tours.length > 0) {
    const fromTours = new Map<number, number>();
    if (tourCounts.length !== problem.tours.length) problems.push(`expected ${problem.tours.length} tour counts, got ${tourCounts.length}`);
    for (const tour of problem.tours) for (const c of tour.columns) fromTours.set(c, 0);
    problem.tours.forEach((tour, k) => {
      const z = tourCounts[k] ?? 0;
      if (!isCount(z)) problems.push(`tour ${tour.name}: count ${z} is not a non-negative integer`);
      if (tour.choices === undefined) {
        for (const c of tour.columns) fromTours.set(c, (fromTours.get(c) ?? 0) + z);
        return;
      }
      // A start band: each working day, the tour's agents are split among the day's alternatives.
      const chosen = assignment.tourChoices?.[k];
      tour.choices.forEach((alternatives, d) => {
        const split = chosen?.[d] ?? [];
        if (split.length !== alternatives.length) {
          problems.push(`tour ${tour.name} day ${d + 1}: expected ${alternatives.length} choice counts, got ${split.length}`);
          return;
        }
        let sum = 0;
        split.forEach((w, i) => {
          if (!isCount(w)) problems.push(`tour ${tour.name} day ${d + 1}: choice count ${w} is not a non-negative integer`);
          sum += w;
          fromTours.set(alternatives[i]!, (fromTours.get(alternatives[i]!) ?? 0) + w);
        });
        if (sum !== z) problems.push(`tour ${tour.name} day ${d + 1}: ${sum} agents start for ${z} on the tour`);
      });
    });
    for (const [c, z] of fromTours) {
      if ((counts[c] ?? 0) !== z) problems.push(`column ${c}: ${counts[c] ?? 0} agents but its tours carry ${z}`);
    }
  }
  for (const limit of problem.limits ?? []) {
    const total = limit.columns.reduce((sum, c) => sum + (counts[c] ?? 0), 0);
    if (limit.min !== undefined && total < limit.min) problems.push(`${limit.name}: ${total} agents, below the minimum ${limit.min}`);
    if (limit.max !== undefined && total > limit.max) problems.push(`${limit.name}: ${total} agents, above the maximum ${limit.max}`);
  }
  let ratioPenaltyCost = 0;
  for (const ratio of problem.ratioLimits ?? []) {
    let num = 0;
    let den = 0;
    problem.columns.forEach((_, c) => {
      num += (ratio.numerator[c] ?? 0) * (counts[c] ?? 0);
      den += (ratio.denominator[c] ?? 0) * (counts[c] ?? 0);
    });
    if (ratio.penaltyPerUnit !== undefined) {
      // The true distance of the ratio (0 without a denominator, as DBAI counts it).
      const value = den === 0 ? 0 : num / den;
      ratioPenaltyCost += ratio.penaltyPerUnit * (Math.max(0, value - ratio.upper) + Math.max(0, ratio.lower - value));
      continue;
    }
    const tolerance = 1e-9 * Math.max(1, Math.abs(den));
    if (num < ratio.lower * den - tolerance || num > ratio.upper * den + tolerance) {
      problems.push(`${ratio.name}: ratio ${den === 0 ? "undefined" : (num / den).toFixed(4)} outside [${ratio.lower}, ${ratio.upper}]`);
    }
  }
  const shortfall = new Array<number>(horizon).fill(0);
  const excess = new Array<number>(horizon).fill(0);
  let shortfallTotal = 0;
  let excessTotal = 0;
  for (let t = 0; t < horizon; t++) {
    const gap = problem.required[t]! - scheduled[t]!;
    if (scheduled[t]! < 0) problems.push(`interval ${t}: ${scheduled[t]} agents on the floor (more breaks than agents)`);
    shortfall[t] = gap > 0 ? gap : 0;
    excess[t] = gap < 0 ? -gap : 0;
    shortfallTotal += shortfall[t]!;
    excessTotal += excess[t]!;
    if (problem.maxExcessAgents !== undefined && excess[t]! > problem.maxExcessAgents + 1e-9) {
      problems.push(`interval ${t}: excess ${excess[t]} above the cap ${problem.maxExcessAgents}`);
    }
    if (problem.hardCoverage && shortfall[t]! > 1e-9) problems.push(`interval ${t}: shortfall ${shortfall[t]} under hard coverage`);
  }
  const shortfallCost = problem.shortfallCostPerInterval * shortfallTotal;
  const excessCost = problem.excessCostPerInterval * excessTotal;
  const distinctShifts = groupsUsed.size;
  const distinctShiftCost = problem.groupPenalty * distinctShifts;
  return {
    valid: problems.length === 0,
    problems,
    scheduled,
    shortfall,
    excess,
    shiftCost,
    shortfallCost,
    excessCost,
    distinctShifts,
    distinctShiftCost,
    ratioPenaltyCost,
    objective: shiftCost + shortfallCost + excessCost + distinctShiftCost + ratioPenaltyCost,
    paidHours,
    shiftCount,
  };
}
