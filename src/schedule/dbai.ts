import { WfmError, invalidArgument, requireOptions } from "../errors.js";
import type { ShiftColumn, ShiftProblem } from "./problem.js";
import { solveShiftProblem, type ScheduleSolution, type ScheduleStatus, type SolveShiftOptions } from "./solve.js";
import { verifySchedule } from "./verify.js";

/**
 * Minimum Shift Design (DBAI, TU Wien benchmark): choose shifts (start, length) inside the windows
 * of a few shift types, and a number of employees per shift and weekday, minimising
 * F = w_under shortage_minutes + w_over excess_minutes + w_shifts distinct_shifts + w_duties deviation.
 *
 * References: N. Musliu, A. Schaerf, W. Slany, "Local search for shift design", EJOR 153(1):51-64
 * (2004); L. Di Gaspero et al., "The minimum shift design problem", Annals of OR 155:79-105 (2007).
 *
 * @module
 */

/** One shift type of a DBAI instance: windows for the start and the length. */
export interface DbaiShiftType {
  readonly abbreviation: string;
  readonly name: string;
  /** Nominal start, minutes after midnight. */
  readonly startMinute: number;
  /** The start may be this many minutes later. */
  readonly startPlusMinutes: number;
  /** The start may be this many minutes earlier. */
  readonly startMinusMinutes: number;
  readonly lengthMinutes: number;
  readonly lengthPlusMinutes: number;
  readonly lengthMinusMinutes: number;
  /** Whether the type may be used on each day of the cycle (Monday first). */
  readonly days: readonly boolean[];
}

/** One shift of a DBAI solution: start, length, and employees per day of the cycle. */
export interface DbaiShift {
  /** Start, minutes after midnight (0..1439). */
  readonly startMinute: number;
  readonly lengthMinutes: number;
  /** Employees per day (Monday first), length = days per cycle. */
  readonly counts: readonly number[];
}

/** A parsed DBAI shift-design instance. */
export interface DbaiInstance {
  readonly intervalMinutes: number;
  readonly daysPerCycle: number;
  readonly cyclic: boolean;
  /** Required employees per slot, Monday 00:00 first; daysPerCycle x 1440 / intervalMinutes values. */
  readonly requirements: readonly number[];
  readonly shiftTypes: readonly DbaiShiftType[];
  /** Bounds on the average number of duties per employee-week. */
  readonly dutiesPerWeek: { readonly lower: number; readonly upper: number };
  readonly averageHoursPerWeek: number;
  readonly weights: {
    readonly underCover: number;
    readonly overCover: number;
    readonly dutiesPerWeek: number;
    readonly shifts: number;
  };
  /** The "fitness of assumed optimal solution" stated in the file, when present. */
  readonly statedFitness: number | null;
  /** The generator's solution embedded in the file, when present. */
  readonly embeddedSolution: readonly DbaiShift[] | null;
}

/** A DBAI solution evaluated with the instance's own fitness. */
export interface DbaiEvaluation {
  readonly shortageMinutes: number;
  readonly excessMinutes: number;
  readonly distinctShifts: number;
  /** Shift instances (employee-days) per cycle. */
  readonly duties: number;
  /** Average duties per employee-week: duties x averageHours x 60 / worked minutes (x 7 / days). */
  readonly averageDutiesPerWeek: number;
  /** Distance of the average from [lower, upper]. */
  readonly dutiesDeviation: number;
  /** w_under shortage + w_over excess + w_shifts shifts + w_duties deviation. */
  readonly objective: number;
}

const minutesInDay = 1440;

/**
 * Evaluates a DBAI solution with the instance's own fitness, independently of any solver.
 * A shift's coverage wraps around the cycle when the instance is cyclic.
 *
 * @param instance - the instance
 * @param shifts - the solution; shifts with all-zero counts are not counted as used
 * @returns shortage, excess, distinct shifts, duties and the weighted objective
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `intervalMinutes`, `requirements` or `shiftTypes`.
 * @example
 * ```ts
 * // set2/RandomExample1: its embedded solution has no deviation and 12 shifts
 * evaluateDbaiSolution(instance, instance.embeddedSolution!).objective; //=> 720
 * ```
 */
export function evaluateDbaiSolution(instance: DbaiInstance, shifts: readonly DbaiShift[]): DbaiEvaluation {
  requireOptions("evaluateDbaiSolution", instance, ["intervalMinutes", "requirements", "shiftTypes"]);
  const { intervalMinutes, daysPerCycle, requirements } = instance;
  const slotsPerDay = minutesInDay / intervalMinutes;
  const horizon = requirements.length;
  const coverage = new Array<number>(horizon).fill(0);
  const used = new Set<string>();
  let duties = 0;
  let workedMinutes = 0;
  for (const shift of shifts) {
    const startSlot = Math.round(shift.startMinute / intervalMinutes);
    const lengthSlots = Math.round(shift.lengthMinutes / intervalMinutes);
    for (let d = 0; d < daysPerCycle; d++) {
      const n = shift.counts[d] ?? 0;
      if (n === 0) continue;
      used.add(`${shift.startMinute}/${shift.lengthMinutes}`);
      duties += n;
      workedMinutes += n * shift.lengthMinutes;
      for (let k = 0; k < lengthSlots; k++) {
        let t = d * slotsPerDay + startSlot + k;
        if (instance.cyclic) t %= horizon;
        else if (t >= horizon) continue;
        coverage[t]! += n;
      }
    }
  }
  let shortage = 0;
  let excess = 0;
  for (let t = 0; t < horizon; t++) {
    const diff = coverage[t]! - requirements[t]!;
    if (diff > 0) excess += diff;
    else shortage -= diff;
  }
  const shortageMinutes = shortage * intervalMinutes;
  const excessMinutes = excess * intervalMinutes;
  const averageDutiesPerWeek = workedMinutes === 0 ? 0 : (duties * instance.averageHoursPerWeek * 60) / workedMinutes;
  const { lower, upper } = instance.dutiesPerWeek;
  const dutiesDeviation = averageDutiesPerWeek < lower ? lower - averageDutiesPerWeek : averageDutiesPerWeek > upper ? averageDutiesPerWeek - upper : 0;
  const w = instance.weights;
  return {
    shortageMinutes,
    excessMinutes,
    distinctShifts: used.size,
    duties,
    averageDutiesPerWeek,
    dutiesDeviation,
    objective: w.underCover * shortageMinutes + w.overCover * excessMinutes + w.shifts * used.size + w.dutiesPerWeek * dutiesDeviation,
  };
}

/**
 * The (start, length) pairs each DBAI shift type allows, deduplicated, on the slot grid.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `intervalMinutes`, `requirements` or `shiftTypes`.
 */
export function dbaiCandidateShifts(instance: DbaiInstance): { startMinute: number; lengthMinutes: number; days: boolean[] }[] {
  requireOptions("dbaiCandidateShifts", instance, ["intervalMinutes", "requirements", "shiftTypes"]);
  const step = instance.intervalMinutes;
  const byKey = new Map<string, { startMinute: number; lengthMinutes: number; days: boolean[] }>();
  for (const type of instance.shiftTypes) {
    for (let start = type.startMinute - type.startMinusMinutes; start <= type.startMinute + type.startPlusMinutes; start += step) {
      for (let length = type.lengthMinutes - type.lengthMinusMinutes; length <= type.lengthMinutes + type.lengthPlusMinutes; length += step) {
        if (length <= 0) continue;
        const startMinute = ((start % minutesInDay) + minutesInDay) % minutesInDay;
        const key = `${startMinute}/${length}`;
        const entry = byKey.get(key) ?? { startMinute, lengthMinutes: length, days: new Array<boolean>(instance.daysPerCycle).fill(false) };
        type.days.forEach((ok, d) => {
          if (ok && d < instance.daysPerCycle) entry.days[d] = true;
        });
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.startMinute - b.startMinute || a.lengthMinutes - b.lengthMinutes);
}

/**
 * An upper bound on the worked minutes of every DBAI solution at most as costly as
 * `objectiveUpperBound`: in a cyclic instance every worked minute covers a slot, so worked minutes
 * = required minutes - shortage + excess <= required minutes + objectiveUpperBound / w_over.
 * Infinity when the instance is not cyclic or excess is free.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `intervalMinutes`, `requirements`, `cyclic` or `weights`.
 * @example
 * ```ts
 * // 100 required minutes, w_over 1, a known solution of fitness 60:
 * dbaiWorkedMinutesBound(instance, 60); //=> 160
 * ```
 */
export function dbaiWorkedMinutesBound(instance: DbaiInstance, objectiveUpperBound: number): number {
  requireOptions("dbaiWorkedMinutesBound", instance, ["intervalMinutes", "requirements", "cyclic", "weights"]);
  if (!instance.cyclic || !(instance.weights.overCover > 0)) return Infinity;
  const requiredMinutes = instance.requirements.reduce((sum, r) => sum + r, 0) * instance.intervalMinutes;
  return requiredMinutes + objectiveUpperBound / instance.weights.overCover;
}

/** The fitness of the empty solution: all requirement short, average duties 0 (below the lower bound). */
function emptySolutionFitness(instance: DbaiInstance): number {
  const requiredMinutes = instance.requirements.reduce((sum, r) => sum + r, 0) * instance.intervalMinutes;
  return instance.weights.underCover * requiredMinutes + instance.weights.dutiesPerWeek * Math.max(0, instance.dutiesPerWeek.lower);
}

/**
 * Lowers a DBAI instance to a {@link ShiftProblem}: one column per allowed (start, length) and day,
 * one distinct-shift group per (start, length), shortage and excess costed per slot in minutes,
 * w_shifts per group used. When w_duties is positive, the average duties per week is a soft ratio:
 * w_duties per unit of its distance from [lower, upper], as the benchmark scores it (verified
 * exactly; the MIP charges a linear underestimate over {@link dbaiWorkedMinutesBound}, so its
 * bound stays a bound).
 *
 * @param instance - the parsed instance
 * @param options.objectiveUpperBound - the fitness of a known solution, tightening the worked-minutes bound
 *   @defaultValue the fitness of the empty solution
 * @returns the problem and the candidate shift of each group
 * @throws {WfmError} `invalid-argument` when the slot length does not divide a day
 */
export function dbaiToShiftProblem(
  instance: DbaiInstance,
  options: { objectiveUpperBound?: number } = {},
): { problem: ShiftProblem; candidates: ReturnType<typeof dbaiCandidateShifts> } {
  requireOptions("dbaiToShiftProblem", instance);
  const { intervalMinutes, daysPerCycle } = instance;
  if (!(intervalMinutes > 0) || minutesInDay % intervalMinutes !== 0) {
    invalidArgument("dbaiToShiftProblem", "intervalMinutes", "a divisor of 1440", intervalMinutes);
  }
  const slotsPerDay = minutesInDay / intervalMinutes;
  const candidates = dbaiCandidateShifts(instance);
  const columns: ShiftColumn[] = [];
  candidates.forEach((candidate, group) => {
    for (let d = 0; d < daysPerCycle; d++) {
      if (!candidate.days[d]) continue;
      columns.push({
        template: 0,
        group,
        day: d,
        startInterval: d * slotsPerDay + candidate.startMinute / intervalMinutes,
        lengthIntervals: candidate.lengthMinutes / intervalMinutes,
        cost: 0,
        paidHours: candidate.lengthMinutes / 60,
        breaks: [],
      });
    }
  });
  const w = instance.weights;
  const ratioLimits =
    w.dutiesPerWeek > 0
      ? [
          {
            name: "average duties per week",
            // duties x H x 60 / minutes within [lower, upper]
            numerator: columns.map(() => instance.averageHoursPerWeek * 60),
            denominator: columns.map((column) => column.lengthIntervals * intervalMinutes),
            lower: instance.dutiesPerWeek.lower,
            upper: instance.dutiesPerWeek.upper,
            penaltyPerUnit: w.dutiesPerWeek,
            denominatorUpperBound: dbaiWorkedMinutesBound(instance, Math.min(options.objectiveUpperBound ?? Infinity, emptySolutionFitness(instance))),
          },
        ]
      : [];
  return {
    candidates,
    problem: {
      intervalMinutes,
      required: instance.requirements,
      cyclic: instance.cyclic,
      templateNames: ["shift"],
      columns,
      groupCount: candidates.length,
      groupPenalty: w.shifts,
      shortfallCostPerInterval: w.underCover * intervalMinutes,
      excessCostPerInterval: w.overCover * intervalMinutes,
      hardCoverage: false,
      ratioLimits,
    },
  };
}

/** Objective of a phase-1 (exact cover) solution under the soft problem's costs. */
function objectiveOf(problem: ShiftProblem, solution: ScheduleSolution): number {
  return solution.assignment === null ? Infinity : verifySchedule(problem, solution.assignment).objective;
}

/** The result of {@link solveDbai}. */
export interface DbaiResult extends DbaiEvaluation {
  readonly status: ScheduleStatus;
  /** The solution in DBAI terms (used shifts only). */
  readonly shifts: readonly DbaiShift[];
  /** Proven lower bound on the objective (null when unknown). */
  readonly bound: number | null;
  readonly gap: number | null;
  /** Wall-clock seconds of all phases. */
  readonly solveSeconds: number;
  readonly buildSeconds: number;
}

/**
 * Solves a DBAI shift-design instance with the exact MIP and evaluates the answer with
 * {@link evaluateDbaiSolution} (the instance's own fitness, recomputed from the counts).
 *
 * @param instance - the parsed instance
 * @param options - solver options (time limit, gap, progress)
 * @throws {WfmError} `solver-failed` when no schedule comes back
 *
 * @example
 * ```ts
 * const result = await solveDbai(instance, { timeLimitSeconds: 60 });
 * result.objective <= (instance.statedFitness ?? Infinity); //=> true on set 2
 * ```
 */
export async function solveDbai(instance: DbaiInstance, options: SolveShiftOptions = {}): Promise<DbaiResult> {
  requireOptions("solveDbai", instance, ["intervalMinutes", "requirements", "shiftTypes"]);
  const { problem, candidates } = dbaiToShiftProblem(instance);
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  // Phase 1: zero deviation (coverage exactly equal to the requirement), fewest distinct shifts.
  // Exact covers are far easier for branch and cut than the soft model; when one exists it is a
  // strong start. Phase 2 solves the true (soft) objective from that start in the remaining time.
  const started = typeof performance !== "undefined" ? performance.now() : Date.now();
  // Phase 1 restricts the candidates to shifts (start, length) whose start and end sit on edges of
  // the requirement curve: in an exact cover a shift starting where the curve does not rise needs
  // another shift ending there to cancel it. 1a: starts where the curve rises and ends where it
  // falls on some day; 1b: starts and ends where it changes at all (a superset, warm-started from
  // 1a); 1c, only when neither has a cover: every candidate.
  const clock = () => ((typeof performance !== "undefined" ? performance.now() : Date.now()) - started) / 1000;
  const required = problem.required;
  const horizon = required.length;
  const at = (t: number) => (problem.cyclic ? required[((t % horizon) + horizon) % horizon]! : t < 0 || t >= horizon ? 0 : required[t]!);
  const rises = new Set<number>();
  const falls = new Set<number>();
  const startsOnChange = new Set<number>();
  const endsOnChange = new Set<number>();
  for (const column of problem.columns) {
    const end = column.startInterval + column.lengthIntervals;
    const before = at(column.startInterval - 1);
    const first = at(column.startInterval);
    const last = at(end - 1);
    const after = !problem.cyclic && end >= horizon ? 0 : at(end);
    if (first > before) rises.add(column.group);
    if (after < last) falls.add(column.group);
    if (first !== before) startsOnChange.add(column.group);
    if (after !== last) endsOnChange.add(column.group);
  }
  const exactProblem: ShiftProblem = { ...problem, hardCoverage: true, maxExcessAgents: 0 };
  const restricted = (keep: (group: number) => boolean): ShiftProblem => ({
    ...exactProblem,
    columns: problem.columns.map((column) => (keep(column.group) ? column : { ...column, maxAgents: 0 })),
  });
  const phaseOneSeconds = timeLimitSeconds * 0.75;
  let exact = await solveShiftProblem(restricted((g) => rises.has(g) && falls.has(g)), {
    relativeGap: 0,
    ...options,
    timeLimitSeconds: timeLimitSeconds * 0.25,
  });
  if (clock() < phaseOneSeconds - 1) {
    const wider = await solveShiftProblem(restricted((g) => startsOnChange.has(g) && endsOnChange.has(g)), {
      relativeGap: 0,
      ...options,
      ...(exact.assignment === null ? {} : { start: { counts: exact.assignment.counts } }),
      timeLimitSeconds: phaseOneSeconds - clock(),
    });
    if (wider.verified !== null && (exact.verified === null || wider.verified.objective < exact.verified.objective)) exact = wider;
  }
  if (exact.assignment === null && clock() < phaseOneSeconds - 1) {
    exact = await solveShiftProblem(exactProblem, { relativeGap: 0, ...options, timeLimitSeconds: phaseOneSeconds - clock() });
  }
  const spent = clock();
  // Phase 2, the true objective. A phase-1 cover is its start and tightens the worked-minutes
  // bound of the duties deviation; without one, the solve starts from a rounding of its own LP
  // relaxation rather than from nothing.
  const exactObjective = objectiveOf(problem, exact);
  const softProblem = Number.isFinite(exactObjective) ? dbaiToShiftProblem(instance, { objectiveUpperBound: exactObjective }).problem : problem;
  const start = exact.assignment === null ? options.start : { counts: exact.assignment.counts };
  const soft = await solveShiftProblem(softProblem, {
    relativeGap: 0,
    ...(start === undefined ? { roundingStart: true } : {}),
    ...options,
    ...(start === undefined ? {} : { start }),
    timeLimitSeconds: Math.max(0.05, timeLimitSeconds - spent),
  });
  const softBetter = soft.verified !== null && (exact.verified === null || soft.verified.objective <= exactObjective);
  // The soft model contains every exact cover, so it is worse only when it stopped early.
  const solution: ScheduleSolution = softBetter
    ? soft
    : { ...exact, status: soft.status === "optimal" ? "feasible" : "time-limit", bound: soft.bound, gap: soft.bound === null ? null : Math.max(0, (exactObjective - soft.bound) / Math.max(exactObjective, 1e-9)) };
  if (solution.assignment === null) {
    throw new WfmError({
      code: "solver-failed",
      message: `no schedule found within the ${timeLimitSeconds}-second time limit (solver status ${soft.status}); raise the time limit`,
    });
  }
  const counts = solution.assignment.counts;
  const perGroup = candidates.map(() => new Array<number>(instance.daysPerCycle).fill(0));
  problem.columns.forEach((column, c) => {
    perGroup[column.group]![column.day] = counts[c] ?? 0;
  });
  const shifts = candidates
    .map((candidate, g) => ({ startMinute: candidate.startMinute, lengthMinutes: candidate.lengthMinutes, counts: perGroup[g]! }))
    .filter((shift) => shift.counts.some((n) => n > 0));
  const evaluation = evaluateDbaiSolution(instance, shifts);
  return {
    ...evaluation,
    status: solution.status,
    shifts,
    bound: solution.bound,
    gap: solution.gap,
    solveSeconds: clock(),
    buildSeconds: exact.buildSeconds + soft.buildSeconds,
  };
}
