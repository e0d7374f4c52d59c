import { invalidArgument } from "../errors.js";
import { requireRosterBenchmark, type BenchmarkRoster, type RosterBenchmark } from "./benchmark.js";

/**
 * The independent checker of a Curtois & Qu roster: walks each employee's days, checks every hard
 * rule of the benchmark by counting runs and totals directly (it shares no code with the MIP),
 * and recomputes the objective by the benchmark's definition.
 *
 * @module
 */

/** One broken hard rule. */
export interface BenchmarkViolation {
  readonly rule:
    | "roster-shape"
    | "unknown-shift"
    | "day-off"
    | "forbidden-succession"
    | "max-shifts"
    | "max-total-minutes"
    | "min-total-minutes"
    | "max-consecutive-shifts"
    | "min-consecutive-shifts"
    | "min-consecutive-days-off"
    | "max-weekends";
  readonly employee: string;
  /** The day the violation is reported on, when it has one. */
  readonly day?: number;
  readonly message: string;
}

/** The roster's penalties by the benchmark's objective and its hard-rule violations. */
export interface BenchmarkEvaluation {
  /** True when no hard rule is broken. */
  readonly feasible: boolean;
  readonly violations: readonly BenchmarkViolation[];
  /** Weights of shift-on requests not granted. */
  readonly shiftOnPenalty: number;
  /** Weights of shift-off requests granted (the employee works the shift). */
  readonly shiftOffPenalty: number;
  /** Sum over cover records of weightUnder x shortfall. */
  readonly underCoverPenalty: number;
  /** Sum over cover records of weightOver x excess. */
  readonly overCoverPenalty: number;
  /** The benchmark objective: the sum of the four penalties. */
  readonly objective: number;
}

/** Maximal runs of `true` in a boolean list: [first, last] inclusive. */
function runsOf(flags: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  flags.forEach((flag, d) => {
    if (flag && start < 0) start = d;
    if (!flag && start >= 0) {
      runs.push([start, d - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, flags.length - 1]);
  return runs;
}

/**
 * Checks every hard rule of a Curtois & Qu roster and computes its objective.
 *
 * Objective = sum of unmet shift-on weights + sum of granted shift-off weights +
 * sum over (day, shift) of weightUnder max(0, R - n) + weightOver max(0, n - R),
 * with n the employees on that shift that day. Hard rules: one shift a day (implied by the
 * roster's shape), no shift on a day off, forbidden successions, per-type maxima, total minutes in
 * [min, max], maximal runs of working days at most maxConsecutiveShifts long and, unless they touch
 * the first or last day, at least minConsecutiveShifts long; runs of days off, unless they touch
 * the first or last day, at least minConsecutiveDaysOff long; at most maxWeekends weekends
 * (Saturday = day 5 mod 7, Sunday = day 6 mod 7) with any shift.
 *
 * @param instance - the instance
 * @param roster - per employee id, the shift id or "" for each day
 * @returns feasibility, every violation, the penalties and the objective
 *
 * @throws {WfmError} `invalid-argument` when the instance or the roster is not a parsed instance / an object
 * @example
 * ```ts
 * evaluateRosterBenchmark(instance, roster).objective; //=> 607 (Instance1's optimum)
 * ```
 * Reference: T. Curtois, R. Qu, "Computational results on new staff scheduling benchmark instances" (2014).
 */
export function evaluateRosterBenchmark(instance: RosterBenchmark, roster: BenchmarkRoster): BenchmarkEvaluation {
  requireRosterBenchmark("evaluateRosterBenchmark", instance);
  if (roster === null || typeof roster !== "object") invalidArgument("evaluateRosterBenchmark", "roster", "an object of employee id to shift ids", roster);
  const violations: BenchmarkViolation[] = [];
  const H = instance.horizonDays;
  const lengthOf = new Map(instance.shifts.map((s) => [s.id, s.lengthMinutes]));
  const forbidden = new Map(instance.shifts.map((s) => [s.id, new Set(s.forbiddenNext)]));
  const rosterIds = Object.keys(roster);
  for (const id of rosterIds) {
    if (!instance.employees.some((e) => e.id === id)) violations.push({ rule: "roster-shape", employee: id, message: `employee ${id} is not in the instance` });
  }

  for (const employee of instance.employees) {
    const id = employee.id;
    const days = roster[id];
    if (days === undefined || days.length !== H) {
      violations.push({ rule: "roster-shape", employee: id, message: `employee ${id} needs ${H} days, got ${days?.length ?? 0}` });
      continue;
    }
    const working = days.map((s) => s !== "");
    let minutes = 0;
    const perType = new Map<string, number>();
    days.forEach((shift, d) => {
      if (shift === "") return;
      const length = lengthOf.get(shift);
      if (length === undefined) {
        violations.push({ rule: "unknown-shift", employee: id, day: d, message: `${id} day ${d}: unknown shift ${JSON.stringify(shift)}` });
        return;
      }
      minutes += length;
      perType.set(shift, (perType.get(shift) ?? 0) + 1);
      if ((instance.daysOff[id] ?? []).includes(d)) violations.push({ rule: "day-off", employee: id, day: d, message: `${id} works ${shift} on day off ${d}` });
      const next = days[d + 1];
      if (next !== undefined && next !== "" && forbidden.get(shift)?.has(next)) {
        violations.push({ rule: "forbidden-succession", employee: id, day: d, message: `${id}: ${next} on day ${d + 1} may not follow ${shift} on day ${d}` });
      }
    });
    for (const [shift, count] of perType) {
      const max = employee.maxShifts[shift];
      if (max !== undefined && count > max) violations.push({ rule: "max-shifts", employee: id, message: `${id} works ${count} ${shift} shifts, at most ${max}` });
    }
    if (minutes > employee.maxTotalMinutes) violations.push({ rule: "max-total-minutes", employee: id, message: `${id} works ${minutes} minutes, at most ${employee.maxTotalMinutes}` });
    if (minutes < employee.minTotalMinutes) violations.push({ rule: "min-total-minutes", employee: id, message: `${id} works ${minutes} minutes, at least ${employee.minTotalMinutes}` });
    for (const [first, last] of runsOf(working)) {
      const length = last - first + 1;
      if (length > employee.maxConsecutiveShifts) {
        violations.push({ rule: "max-consecutive-shifts", employee: id, day: first, message: `${id} works ${length} days in a row from day ${first}, at most ${employee.maxConsecutiveShifts}` });
      }
      if (first > 0 && last < H - 1 && length < employee.minConsecutiveShifts) {
        violations.push({ rule: "min-consecutive-shifts", employee: id, day: first, message: `${id} works ${length} days in a row from day ${first}, at least ${employee.minConsecutiveShifts}` });
      }
    }
    for (const [first, last] of runsOf(working.map((w) => !w))) {
      const length = last - first + 1;
      if (first > 0 && last < H - 1 && length < employee.minConsecutiveDaysOff) {
        violations.push({ rule: "min-consecutive-days-off", employee: id, day: first, message: `${id} has ${length} days off in a row from day ${first}, at least ${employee.minConsecutiveDaysOff}` });
      }
    }
    let weekends = 0;
    for (let saturday = 5; saturday < H; saturday += 7) if (working[saturday] || working[saturday + 1]) weekends++;
    if (weekends > employee.maxWeekends) violations.push({ rule: "max-weekends", employee: id, message: `${id} works ${weekends} weekends, at most ${employee.maxWeekends}` });
  }

  const shiftOf = (employee: string, day: number) => roster[employee]?.[day] ?? "";
  let shiftOnPenalty = 0;
  for (const r of instance.shiftOnRequests) if (shiftOf(r.employee, r.day) !== r.shift) shiftOnPenalty += r.weight;
  let shiftOffPenalty = 0;
  for (const r of instance.shiftOffRequests) if (shiftOf(r.employee, r.day) === r.shift) shiftOffPenalty += r.weight;
  let underCoverPenalty = 0;
  let overCoverPenalty = 0;
  for (const c of instance.cover) {
    let n = 0;
    for (const employee of instance.employees) if (shiftOf(employee.id, c.day) === c.shift) n++;
    underCoverPenalty += c.weightUnder * Math.max(0, c.requirement - n);
    overCoverPenalty += c.weightOver * Math.max(0, n - c.requirement);
  }
  return {
    feasible: violations.length === 0,
    violations,
    shiftOnPenalty,
    shiftOffPenalty,
    underCoverPenalty,
    overCoverPenalty,
    objective: shiftOnPenalty + shiftOffPenalty + underCoverPenalty + overCoverPenalty,
  };
}
