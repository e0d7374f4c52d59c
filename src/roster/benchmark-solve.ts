import { WfmError, invalidArgument } from "../errors.js";
import { solveMip, type MipModelData, type MipResult, type MipSolveOptions, type MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { requireRosterBenchmark, type BenchmarkRoster, type RosterBenchmark } from "./benchmark.js";
import { branchAndPrice, columnGenerationFits, improveByBranchAndPrice } from "./benchmark-columns.js";
import { evaluateRosterBenchmark, type BenchmarkEvaluation } from "./benchmark-evaluate.js";
import { searchRosterBenchmark, type BenchmarkSearchResult } from "./benchmark-lns.js";
import { MipBuilder, addWorkRestPath } from "./model-builder.js";

/**
 * The exact MIP for a Curtois & Qu instance, and its solve.
 *
 * @module
 */

/** Where the assignment variables of {@link buildRosterBenchmarkModel} sit. */
export interface RosterBenchmarkLayout {
  /** `assign[e][d][s]`: column of "employee e works shift type s on day d", or -1 when not allowed. */
  readonly assign: readonly (readonly (readonly number[])[])[];
}

/** The MIP and its layout. */
export interface RosterBenchmarkModel {
  readonly data: MipModelData;
  readonly layout: RosterBenchmarkLayout;
}

/**
 * Builds the MIP of a Curtois & Qu instance.
 *
 * Variables: x_{e,d,s} in {0,1} (employee e works type s on day d; absent on days off and for
 * types with a maximum of 0), k_{e,w} in {0,1} (weekend w worked), u_{d,s}, o_{d,s} >= 0 (short
 * and extra on a cover record). With w_{e,d} = sum_s x_{e,d,s}:
 * - one shift a day: w_{e,d} <= 1;
 * - successions: x_{e,d,s} + sum_{t forbidden after s} x_{e,d+1,t} <= 1;
 * - per type: sum_d x_{e,d,s} <= max_{e,s}; minutes: min_e <= sum len_s x_{e,d,s} <= max_e;
 * - runs of work (at most C_e days; at least m_e unless touching day 0 or H - 1) and of rest (at
 *   least f_e days, same exemption) as a path of run variables (`addWorkRestPath`), linked by
 *   w_{e,d} = sum of the work runs covering day d: the run rules hold with an integral polytope;
 * - weekends: k_{e,w} >= w_{e,sat}, k_{e,w} >= w_{e,sun}, k_{e,w} <= w_{e,sat} + w_{e,sun}, sum_w k_{e,w} <= W_e;
 * - cover: sum_e x_{e,d,s} + u_{d,s} - o_{d,s} = R_{d,s}.
 * Objective: sum_on weight (1 - x) + sum_off weight x + sum weightUnder u + weightOver o (the
 * constant of the shift-on terms is the model's offset).
 *
 * @param instance - the instance
 * @returns the CSC model and where the assignment variables sit
 *
 * @throws {WfmError} `invalid-argument` when the instance is not a parsed instance
 * @example
 * ```ts
 * buildRosterBenchmarkModel(instance).data.numCols; //=> variables of the MIP
 * ```
 * Reference: T. Curtois, R. Qu (2014), the integer programming model of their Section 3.
 */
export function buildRosterBenchmarkModel(instance: RosterBenchmark): RosterBenchmarkModel {
  requireRosterBenchmark("buildRosterBenchmarkModel", instance);
  const H = instance.horizonDays;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const employeeIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const b = new MipBuilder();
  const assign = instance.employees.map((employee) => {
    const off = new Set(instance.daysOff[employee.id] ?? []);
    return Array.from({ length: H }, (_, d) =>
      instance.shifts.map((shift) => (off.has(d) || employee.maxShifts[shift.id] === 0 ? -1 : b.variable({ upper: 1, integer: true }))),
    );
  });
  const day = (e: number, d: number): [number, number][] => assign[e]![d]!.filter((j) => j >= 0).map((j) => [j, 1]);

  const scaled = (terms: [number, number][], a: number) => terms.map(([j, v]) => [j, v * a] as const);
  instance.employees.forEach((employee, e) => {
    for (let d = 0; d < H; d++) {
      const terms = day(e, d);
      if (terms.length > 1) b.row(terms, -Infinity, 1);
    }
    // successions
    instance.shifts.forEach((shift, s) => {
      const next = shift.forbiddenNext.map((id) => shiftIndex.get(id)!);
      for (let d = 0; d + 1 < H; d++) {
        const j = assign[e]![d]![s]!;
        if (j < 0) continue;
        const terms: [number, number][] = [[j, 1]];
        for (const t of next) if (assign[e]![d + 1]![t]! >= 0) terms.push([assign[e]![d + 1]![t]!, 1]);
        if (terms.length > 1) b.row(terms, -Infinity, 1);
      }
      const max = employee.maxShifts[shift.id];
      if (max !== undefined && max < H) {
        const terms: [number, number][] = [];
        for (let d = 0; d < H; d++) if (assign[e]![d]![s]! >= 0) terms.push([assign[e]![d]![s]!, 1]);
        if (terms.length > max) b.row(terms, -Infinity, max);
      }
    });
    // minutes
    const minutes: [number, number][] = [];
    for (let d = 0; d < H; d++) instance.shifts.forEach((shift, s) => assign[e]![d]![s]! >= 0 && minutes.push([assign[e]![d]![s]!, shift.lengthMinutes]));
    b.row(minutes, employee.minTotalMinutes, employee.maxTotalMinutes);
    // runs of work and rest as a path: the sequence rules hold exactly
    const off = new Set(instance.daysOff[employee.id] ?? []);
    const covering = addWorkRestPath(b, {
      workable: Array.from({ length: H }, (_, d) => day(e, d).length > 0 && !off.has(d)),
      maxWorkRun: employee.maxConsecutiveShifts,
      minWorkRun: employee.minConsecutiveShifts,
      minRestRun: employee.minConsecutiveDaysOff,
    });
    for (let d = 0; d < H; d++) b.row([...day(e, d), ...scaled(covering[d]!, -1)], 0, 0);
    // weekends
    const weekends: [number, number][] = [];
    for (let saturday = 5; saturday < H; saturday += 7) {
      const days = [...day(e, saturday), ...(saturday + 1 < H ? day(e, saturday + 1) : [])];
      if (days.length === 0) continue;
      const k = b.variable({ upper: 1, integer: true });
      weekends.push([k, 1]);
      b.row([[k, 1], ...scaled(day(e, saturday), -1)], 0, Infinity);
      if (saturday + 1 < H) b.row([[k, 1], ...scaled(day(e, saturday + 1), -1)], 0, Infinity);
      b.row([[k, 1], ...scaled(days, -1)], -Infinity, 0);
    }
    if (weekends.length > employee.maxWeekends) b.row(weekends, -Infinity, employee.maxWeekends);
  });

  // requests
  for (const r of instance.shiftOnRequests) {
    b.offset += r.weight;
    const j = assign[employeeIndex.get(r.employee)!]![r.day]![shiftIndex.get(r.shift)!]!;
    if (j >= 0) b.addCost(j, -r.weight);
  }
  for (const r of instance.shiftOffRequests) {
    const j = assign[employeeIndex.get(r.employee)!]![r.day]![shiftIndex.get(r.shift)!]!;
    if (j >= 0) b.addCost(j, r.weight);
  }
  // cover
  for (const c of instance.cover) {
    const s = shiftIndex.get(c.shift)!;
    const terms: [number, number][] = [];
    instance.employees.forEach((_, e) => assign[e]![c.day]![s]! >= 0 && terms.push([assign[e]![c.day]![s]!, 1]));
    const under = b.variable({ cost: c.weightUnder, upper: c.requirement });
    const over = b.variable({ cost: c.weightOver });
    b.row([...terms, [under, 1], [over, -1]], c.requirement, c.requirement);
  }
  return { data: b.build(), layout: { assign } };
}

/** Options of {@link solveRosterBenchmark}. */
export interface SolveRosterBenchmarkOptions extends MipSolveOptions {
  /** Progress while HiGHS runs. */
  readonly onProgress?: (progress: ScheduleProgress) => void;
  /**
   * Runs the MIP (e.g. `solveMipInWorker` from the CLI's io layer, so the solve runs in a worker
   * thread). @defaultValue {@link solveMip} in this thread
   */
  readonly runMip?: (model: MipModelData, options: MipSolveOptions & { onProgress?: (p: ScheduleProgress) => void }) => Promise<MipResult>;
  /**
   * The clock `timeLimitSeconds` is measured on, seconds (e.g. the process's CPU seconds on a
   * shared machine, when `runMip` runs in this thread). Each HiGHS run inside keeps a wall-clock
   * limit. @defaultValue wall-clock seconds
   */
  readonly clockSeconds?: () => number;
  /** Stop as soon as a roster costs at most this (time-to-target runs). @defaultValue none */
  readonly objectiveTarget?: number;
  /**
   * Share of the budget for branch and price (`branchAndPrice`) before the compact model's search,
   * on instances whose pricing fits (`columnGenerationFits`). With at most 2,000
   * employee-day-shift cells: 5% of the budget for branch and price from the root (more, up to the
   * share, until its first dive ends with a roster), half the rest
   * of the share for neighbourhoods solved by branch and price (`improveByBranchAndPrice`), the
   * other half for the tree again with their roster as cutoff, and what is left for the compact
   * search from the best roster. On larger instances: up to 10% for branch and
   * price from the root, whose bound (or proof) the compact search then starts with. 0 skips it.
   * @defaultValue 0.5
   */
  readonly branchAndPriceShare?: number;
}

/** A solved Curtois & Qu instance, checked by {@link evaluateRosterBenchmark}. */
export interface RosterBenchmarkResult {
  readonly status: MipStatus;
  /** Per employee id, the shift id or "" per day; null without a roster. */
  readonly roster: BenchmarkRoster | null;
  /** The independent evaluation of the roster (null without one). */
  readonly evaluation: BenchmarkEvaluation | null;
  /** The benchmark objective of the roster, recomputed by the checker (null without one). */
  readonly objective: number | null;
  /** Best proven lower bound, rounded up to an integer (the objective is integral), or null. */
  readonly bound: number | null;
  /** (objective - bound) / objective, or null. */
  readonly gap: number | null;
  /** Seconds HiGHS ran. */
  readonly solveSeconds: number;
  readonly size: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
  /** Where the time went (seconds on the chosen clock) and when the best roster was found. */
  readonly profile: BenchmarkSearchResult["profile"] & {
    /** Clock seconds in branch and price and its neighbourhoods, before the compact search (0 when skipped). */
    readonly branchAndPriceSeconds: number;
    /** Branch-and-price nodes at the root's search, and neighbourhoods searched by branch and price. */
    readonly branchAndPriceNodes: number;
    readonly branchAndPriceNeighbourhoods: number;
  };
}

/**
 * Solves a Curtois & Qu instance and checks the roster with the independent evaluator: the
 * returned objective is the checker's, and a roster that breaks a hard rule, has a fractional
 * value or whose objective differs from the solver's is refused (`solver-failed`).
 *
 * Where each employee's line pricing fits (`columnGenerationFits`; all ten instances with a proven
 * optimum), branch and price on the set-partitioning form comes first (`branchAndPrice`): the
 * column-generation bound, far tighter than the compact LP (it equals the optimum on Instance10
 * and 12), and the proof where the tree is small. With at most 2,000 employee-day-shift cells
 * (Instance1-7) it gets 5% of the budget, its dive's roster is kept, neighbourhoods solved by
 * branch and price (`improveByBranchAndPrice`) get half the rest of `branchAndPriceShare` and the
 * tree again, with their roster as cutoff, the other half; on larger
 * instances it gets up to 10% and only its bound or proof is kept. The compact MIP's search
 * (`searchRosterBenchmark`: the LP rounded per employee, an adaptive neighbourhood search, branch
 * and cut from the best roster) gets what is left, from that roster when there is one.
 *
 * @param instance - the instance (see `parseRosterBenchmark`)
 * @param options - time limit (s, on `clockSeconds`), relative gap, progress, the MIP runner
 * @returns status, roster, objective, bound, gap, seconds
 * @throws {WfmError} `invalid-argument` for bad options; `solver-failed` when the answer fails the check
 *
 * @example
 * ```ts
 * const result = await solveRosterBenchmark(instance, { timeLimitSeconds: 60 });
 * result.objective; //=> 607 for Instance1 (proven optimal by branch and price in a few seconds)
 * ```
 * Reference: T. Curtois, R. Qu (2014).
 */
export async function solveRosterBenchmark(instance: RosterBenchmark, options: SolveRosterBenchmarkOptions = {}): Promise<RosterBenchmarkResult> {
  requireRosterBenchmark("solveRosterBenchmark", instance);
  const { runMip = solveMip, onProgress, clockSeconds, objectiveTarget, branchAndPriceShare = 0.5, ...mipOptions } = options ?? {};
  if (mipOptions.timeLimitSeconds !== undefined && !(mipOptions.timeLimitSeconds > 0 && Number.isFinite(mipOptions.timeLimitSeconds))) {
    invalidArgument("solveRosterBenchmark", "timeLimitSeconds", "a positive finite number", mipOptions.timeLimitSeconds);
  }
  if (!(branchAndPriceShare >= 0 && branchAndPriceShare <= 1)) invalidArgument("solveRosterBenchmark", "branchAndPriceShare", "a fraction in [0, 1]", branchAndPriceShare);
  const timeLimitSeconds = mipOptions.timeLimitSeconds ?? 60;
  const started = now();
  const model = buildRosterBenchmarkModel(instance);
  const size = { variables: model.data.numCols, constraints: model.data.numRows, nonzeros: model.data.matrix.indices.length };
  const single = (e: number) => {
    const employee = instance.employees[e]!;
    const alone = buildRosterBenchmarkModel({ ...instance, employees: [employee], daysOff: { [employee.id]: instance.daysOff[employee.id] ?? [] }, shiftOnRequests: [], shiftOffRequests: [], cover: [] });
    return { data: alone.data, assign: alone.layout.assign[0]! };
  };
  // branch and price where its pricing fits: a far tighter bound than the compact LP's, a first
  // roster from its dive, then neighbourhoods solved by branch and price; on the smaller
  // instances a proof
  let start: { values: Float64Array; bound: number } | null = null;
  const bpProfile = { branchAndPriceSeconds: 0, branchAndPriceNodes: 0, branchAndPriceNeighbourhoods: 0, bestFoundSeconds: 0 };
  const clock = clockSeconds ?? (() => now() / 1000);
  const clockStarted = clock();
  const cells = instance.employees.length * instance.horizonDays * instance.shifts.length;
  let searchBound: number | null = null;
  if (branchAndPriceShare > 0 && columnGenerationFits(instance)) {
    const small = cells <= 2000;
    let knownBound: number | null = null;
    const report = (_lines: unknown, objective: number, bound = knownBound) => {
      knownBound = bound;
      bpProfile.bestFoundSeconds = clock() - clockStarted;
      onProgress?.({ elapsedSeconds: clock() - clockStarted, bestObjective: objective, bound, gap: bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9)) });
    };
    const budget = timeLimitSeconds * branchAndPriceShare;
    const target = objectiveTarget === undefined ? {} : { objectiveTarget };
    const bp = await branchAndPrice({
      instance,
      budgetSeconds: Math.min(budget, Math.max(1, timeLimitSeconds * (small ? 0.05 : 0.1))),
      // on a small instance a short budget still waits for the first dive's roster
      ...(small ? { firstRosterSeconds: budget } : {}),
      clockSeconds: clock,
      onImproved: report,
      ...target,
    });
    // on a large instance only a proof or the bound is kept: its dive's roster is poor and its
    // neighbourhoods slow, where the compact search does well
    let best = bp.lines === null || (!small && !bp.complete) ? null : { lines: bp.lines, objective: bp.objective! };
    let proven = bp.complete;
    if (Number.isFinite(bp.bound)) searchBound = bp.bound;
    // go on while no proof, no target and no gap within `relativeGap` (the compact search's rules)
    const gapOk = (objective: number) => objective - bp.bound <= (mipOptions.relativeGap ?? 0) * Math.max(Math.abs(objective), 1e-9);
    const open = () => best !== null && !proven && best.objective > bp.bound && !gapOk(best.objective) && best.objective > (objectiveTarget ?? -Infinity);
    // half of the rest for the neighbourhoods, then the tree again with their roster as cutoff
    // (it prunes far more with a good incumbent: the proof of Instance6)
    const neighbourhoodSeconds = (budget - (clock() - clockStarted)) / 2;
    if (small && open() && neighbourhoodSeconds > 0) {
      const improved = await improveByBranchAndPrice({ instance, incumbent: best!, budgetSeconds: neighbourhoodSeconds, clockSeconds: clock, objectiveTarget: Math.max(bp.bound, objectiveTarget ?? -Infinity), onImproved: report });
      best = improved;
      proven = improved.proven;
      bpProfile.branchAndPriceNeighbourhoods = improved.neighbourhoods;
    }
    let nodes = bp.nodes;
    const treeSeconds = budget - (clock() - clockStarted);
    if (small && open() && treeSeconds > 0) {
      const again = await branchAndPrice({ instance, incumbent: best!, budgetSeconds: treeSeconds, clockSeconds: clock, onImproved: report, ...target });
      if (again.objective !== null && again.objective < best!.objective) best = { lines: again.lines!, objective: again.objective };
      proven = again.complete;
      nodes += again.nodes;
    }
    bpProfile.branchAndPriceNodes = nodes;
    bpProfile.branchAndPriceSeconds = clock() - clockStarted;
    if (best !== null) {
      const values = Float64Array.from(model.data.colLower);
      model.layout.assign.forEach((days, e) => days.forEach((columns, d) => columns.forEach((j, s) => j >= 0 && (values[j] = best!.lines[e]![d] === s ? 1 : 0))));
      start = { values, bound: proven ? best.objective : bp.bound };
    }
  }
  const searchResult = await searchRosterBenchmark({
    model: model.data,
    assign: model.layout.assign,
    single,
    runMip,
    budgetSeconds: Math.max(1, timeLimitSeconds - (clock() - clockStarted)),
    ...(clockSeconds ? { clockSeconds } : {}),
    ...(start === null ? {} : { start: start.values, bound: start.bound }),
    ...(start === null && searchBound !== null ? { bound: searchBound } : {}),
    ...(objectiveTarget === undefined ? {} : { objectiveTarget }),
    ...(mipOptions.relativeGap === undefined ? {} : { relativeGap: mipOptions.relativeGap }),
    ...(mipOptions.highsOptions ? { highsOptions: mipOptions.highsOptions } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  // the profile on the whole solve's clock: the search's figures follow branch and price
  const searched = searchResult.profile;
  const profile = {
    ...searched,
    branchAndPriceSeconds: bpProfile.branchAndPriceSeconds,
    branchAndPriceNodes: bpProfile.branchAndPriceNodes,
    branchAndPriceNeighbourhoods: bpProfile.branchAndPriceNeighbourhoods,
    bestFoundSeconds: start !== null && searched.improvements === 0 ? bpProfile.bestFoundSeconds : bpProfile.branchAndPriceSeconds + searched.bestFoundSeconds,
  };
  const result = { ...searchResult, profile };
  const bound = result.bound === null ? null : Math.ceil(result.bound - 1e-6);
  if (result.values === null) {
    return { status: result.status, roster: null, evaluation: null, objective: null, bound, gap: null, solveSeconds: (now() - started) / 1000, size, profile: result.profile };
  }
  const fractional: string[] = [];
  const roster: Record<string, string[]> = {};
  instance.employees.forEach((employee, e) => {
    roster[employee.id] = model.layout.assign[e]!.map((columns, d) => {
      let worked = "";
      columns.forEach((j, s) => {
        if (j < 0) return;
        const v = result.values![j]!;
        if (Math.abs(v - Math.round(v)) > 1e-6) fractional.push(`${employee.id} day ${d} ${instance.shifts[s]!.id} = ${v}`);
        if (v > 0.5) worked = instance.shifts[s]!.id;
      });
      return worked;
    });
  });
  const evaluation = evaluateRosterBenchmark(instance, roster);
  const problems = [
    ...fractional.slice(0, 3).map((f) => `fractional ${f}`),
    ...evaluation.violations.slice(0, 3).map((v) => v.message),
    ...(result.objective !== null && Math.abs(result.objective - evaluation.objective) > 1e-4 ? [`the checker's objective ${evaluation.objective} differs from the solver's ${result.objective}`] : []),
  ];
  if (problems.length > 0) throw new WfmError({ code: "solver-failed", message: `the solver's roster failed the check: ${problems.join("; ")}` });
  const objective = evaluation.objective;
  const gap = bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));
  return { status: result.status, roster, evaluation, objective, bound, gap, solveSeconds: (now() - started) / 1000, size, profile: result.profile };
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
