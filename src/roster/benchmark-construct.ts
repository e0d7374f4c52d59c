import { invalidArgument, requireOptions } from "../errors.js";
import type { MipSolveOptions } from "../schedule/mip.js";
import type { BenchmarkCover, BenchmarkRoster, RosterBenchmark } from "./benchmark.js";
import { buildRosterBenchmarkModel } from "./benchmark-solve.js";
import type { MipRunner } from "./lns.js";

/**
 * A constructive first roster for a Curtois & Qu instance: employees one at a time, each given
 * the best line of work for the cover still missing.
 *
 * @module
 */

/** Options of {@link constructRosterBenchmark}. */
export interface ConstructRosterBenchmarkOptions {
  readonly instance: RosterBenchmark;
  /** Runs a MIP (in this thread or a worker). */
  readonly runMip: MipRunner;
  /** Wall-clock seconds for the whole construction; each employee gets an equal share of what is left, at least 2 s (a line not found in its share gets one try four times as long). @defaultValue 60 */
  readonly timeLimitSeconds?: number;
  readonly highsOptions?: MipSolveOptions["highsOptions"];
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Builds a roster employee by employee (sequential greedy by cover deficit). Employee e is
 * rostered alone with the exact one-employee MIP of `buildRosterBenchmarkModel`, on the residual
 * cover R'_{d,s} = max(0, R_{d,s} - n_{d,s}) where n_{d,s} counts the employees already placed on
 * (d, s); a cover record already met keeps requirement 0, so every further person costs
 * weightOver, as in the full objective. Each one-employee model holds every hard rule of that
 * employee (the rules are per employee; only the cover couples them), so the assembled roster is
 * feasible whenever each employee's own rules can be met, with no repair step. Employees with the
 * fewest workable days go first (the most constrained lines are fixed before the cover fills).
 *
 * @param options - instance, MIP runner, time limit (s)
 * @returns per employee id the shift id or "" per day, or null when some employee has no feasible
 *   line of work within the time (the instance's hard rules cannot be met for that employee)
 * @throws {WfmError} `invalid-argument` when options, instance or runMip is missing
 *
 * @example
 * ```ts
 * const roster = await constructRosterBenchmark({ instance, runMip: solveMip });
 * evaluateRosterBenchmark(instance, roster!).feasible; //=> true
 * ```
 * Reference: sequential constructive heuristics for nurse rostering, E. K. Burke, P. De
 * Causmaecker, G. Vanden Berghe, H. Van Landeghem, "The state of the art of nurse rostering",
 * Journal of Scheduling 7 (2004); instance format T. Curtois, R. Qu (2014).
 */
export async function constructRosterBenchmark(options: ConstructRosterBenchmarkOptions): Promise<BenchmarkRoster | null> {
  requireOptions("constructRosterBenchmark", options, ["instance", "runMip"]);
  if (typeof options.runMip !== "function") invalidArgument("constructRosterBenchmark", "runMip", "a function", options.runMip);
  const { instance, runMip, timeLimitSeconds = 60, highsOptions } = options;
  const started = now();
  const placed = new Map<string, number>();
  const key = (day: number, shift: string) => `${day}\u0000${shift}`;
  const daysOffCount = (id: string) => new Set(instance.daysOff[id] ?? []).size;
  const order = instance.employees
    .map((employee, index) => ({ employee, index }))
    .sort((a, b) => daysOffCount(b.employee.id) - daysOffCount(a.employee.id) || a.index - b.index);
  const roster: Record<string, string[]> = {};
  for (let position = 0; position < order.length; position++) {
    const { employee } = order[position]!;
    const cover: BenchmarkCover[] = instance.cover.map((c) => ({ ...c, requirement: Math.max(0, c.requirement - (placed.get(key(c.day, c.shift)) ?? 0)) }));
    const single: RosterBenchmark = {
      ...instance,
      employees: [employee],
      daysOff: { [employee.id]: instance.daysOff[employee.id] ?? [] },
      shiftOnRequests: instance.shiftOnRequests.filter((r) => r.employee === employee.id),
      shiftOffRequests: instance.shiftOffRequests.filter((r) => r.employee === employee.id),
      cover,
    };
    const model = buildRosterBenchmarkModel(single);
    const left = timeLimitSeconds - (now() - started) / 1000;
    const share = Math.max(2, left / (order.length - position));
    const solveLine = (seconds: number) => runMip(model.data, { timeLimitSeconds: seconds, relativeGap: 0, ...(highsOptions ? { highsOptions } : {}) });
    let result = await solveLine(share);
    // out of time before any line was found (not a proof of infeasibility): one longer try
    if (result.values === null && result.status !== "infeasible") result = await solveLine(4 * share);
    if (result.values === null) return null;
    const line = model.layout.assign[0]!.map((columns) => {
      let worked = "";
      columns.forEach((j, s) => {
        if (j >= 0 && result.values![j]! > 0.5) worked = instance.shifts[s]!.id;
      });
      return worked;
    });
    line.forEach((shift, day) => shift !== "" && placed.set(key(day, shift), (placed.get(key(day, shift)) ?? 0) + 1));
    roster[employee.id] = line;
  }
  // the roster lists employees in the instance's order
  return Object.fromEntries(instance.employees.map((e) => [e.id, roster[e.id]!]));
}
