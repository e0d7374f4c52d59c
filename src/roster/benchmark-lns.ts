import { invalidArgument, requireOptions } from "../errors.js";
import type { MipModelData, MipResult, MipSolveOptions, MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { seededRandom } from "../staffing/random.js";
import type { MipRunner } from "./lns.js";

/**
 * The search behind `solveRosterBenchmark` on the Curtois & Qu instances, whose LP bound is tight
 * (within 0.1% on Instance10-11) but whose LP solution is highly fractional, so that branch and cut
 * on the full model rarely finds a roster on the larger instances:
 *
 * 1. the LP relaxation (interior point): the bound, and a guide x̄;
 * 2. a first roster rounded per employee: each employee's own feasible line of work closest to
 *    x̄ in Hamming distance (one small exact MIP per employee; only the cover couples employees and
 *    it is soft, so the lines together are always a feasible roster);
 * 3. on a small instance (at most 2,000 employee-day-shift cells), a first branch and cut on the
 *    full model from that roster for up to 10% of the budget (it proves the small instances
 *    optimal in seconds, where the LP bound alone does not); then a large-neighbourhood search
 *    (fix-and-optimise): free the assignment cells of a neighbourhood,
 *    fix every other cell at the incumbent, re-solve that sub-MIP exactly in HiGHS (the incumbent
 *    as its MIP start, a short time limit), keep every improvement. Neighbourhoods: a few employees
 *    over the whole horizon, more employees over a window of days, every employee over a few days;
 *    each kind's size adapts (grows when its sub-MIPs solve to optimality without gain, shrinks when
 *    they time out), and the kinds are chosen in proportion to their recent success; after 20
 *    neighbourhoods in a row without gain, branch and cut on the full model from the incumbent for
 *    up to 15% of the budget (a better bound, and its heuristics around the incumbent), then on;
 * 4. branch and cut on the full model from the incumbent for what is left of the budget.
 *
 * It stops as soon as the incumbent reaches the bound rounded up (the objective is integral), so a
 * roster at the LP bound is proven optimal. The budget is measured by a clock the caller chooses
 * (wall by default; the benchmark passes the process's CPU seconds, since the machine is shared).
 *
 * References: P. Shaw, "Using constraint programming and local search methods to solve vehicle
 * routing problems", CP 1998 (large neighbourhood search); fix-and-optimise for nurse rostering:
 * F. Della Croce, F. Salassa, Annals of OR 218 (2014); adaptive neighbourhood choice: S. Ropke,
 * D. Pisinger, Transportation Science 40 (2006); instances T. Curtois, R. Qu (2014).
 *
 * @module
 */

/** Options of {@link searchRosterBenchmark}. */
export interface BenchmarkSearchOptions {
  /** The full MIP (`buildRosterBenchmarkModel(...).data`). */
  readonly model: MipModelData;
  /** `assign[e][d][s]`: column of employee e on shift type s on day d, or -1 (the model's layout). */
  readonly assign: readonly (readonly (readonly number[])[])[];
  /**
   * Per employee, the employee alone as a MIP (`buildRosterBenchmarkModel` of the one-employee
   * instance without cover) and where its assignment columns sit; used to round the LP.
   */
  readonly single: (employee: number) => { readonly data: MipModelData; readonly assign: readonly (readonly number[])[] };
  readonly runMip: MipRunner;
  /** The budget, in seconds of {@link BenchmarkSearchOptions.clockSeconds}. */
  readonly budgetSeconds: number;
  /** The clock the budget is measured on, seconds. @defaultValue wall-clock seconds */
  readonly clockSeconds?: () => number;
  /** Stop when (best - bound) / best is at most this. @defaultValue 0 */
  readonly relativeGap?: number;
  /** Seed of the neighbourhood choice. @defaultValue 1 */
  readonly seed?: number;
  /**
   * Stop as soon as a roster costs at most this (time-to-target measurements, e.g. the best-known
   * value of a benchmark instance). @defaultValue none: run to the budget or a proof
   */
  readonly objectiveTarget?: number;
  readonly highsOptions?: MipSolveOptions["highsOptions"];
  readonly onProgress?: (p: ScheduleProgress) => void;
  /**
   * A first roster (the assignment columns' values; the others are completed): replaces the LP
   * rounding of step 2, and with it the LP of step 1. @defaultValue none: LP and rounding
   */
  readonly start?: Float64Array;
  /** A lower bound already proven (e.g. by column generation), used when there is no LP. @defaultValue none */
  readonly bound?: number;
}

/** The result of {@link searchRosterBenchmark}: a {@link MipResult} plus where the time went. */
export interface BenchmarkSearchResult extends MipResult {
  /** Clock seconds per phase and the neighbourhood counts, for profiling. */
  readonly profile: {
    readonly lpSeconds: number;
    readonly roundSeconds: number;
    readonly searchSeconds: number;
    readonly branchSeconds: number;
    readonly neighbourhoods: number;
    /** Branch-and-cut runs on the full model from the incumbent (when the search stalls, and at the end). */
    readonly branchRuns: number;
    readonly improvements: number;
    /** Clock seconds at which the best roster was found. */
    readonly bestFoundSeconds: number;
  };
}

const wall = () => (typeof performance !== "undefined" ? performance.now() : Date.now()) / 1000;

/** The three kinds of neighbourhood and their current size. */
interface Kind {
  readonly name: "employees" | "window" | "days";
  size: number;
  readonly min: number;
  readonly max: number;
  score: number;
}

/**
 * Solves a Curtois & Qu MIP by LP rounding, adaptive large-neighbourhood search and branch and cut
 * (see the module comment).
 *
 * @param options - model, layout, MIP runner, budget (s on the chosen clock)
 * @returns the best full column vector, its objective, the best bound (LP or branch and cut), the
 *   status ("optimal" when the incumbent meets the bound), clock seconds, and a profile
 * @throws {WfmError} `invalid-argument` for a missing option or a budget that is not positive
 *
 * @example
 * ```ts
 * const model = buildRosterBenchmarkModel(instance);
 * const result = await searchRosterBenchmark({ model: model.data, assign: model.layout.assign, single, runMip: solveMip, budgetSeconds: 60 });
 * result.objective; //=> 1716 on Instance4 (its proven optimum)
 * ```
 */
export async function searchRosterBenchmark(options: BenchmarkSearchOptions): Promise<BenchmarkSearchResult> {
  requireOptions("searchRosterBenchmark", options, ["model", "assign", "single", "runMip", "budgetSeconds"]);
  const { model, assign, single, runMip, budgetSeconds, clockSeconds = wall, relativeGap = 0, seed = 1, objectiveTarget = -Infinity, highsOptions, onProgress } = options;
  if (!(budgetSeconds > 0 && Number.isFinite(budgetSeconds))) invalidArgument("searchRosterBenchmark", "budgetSeconds", "a positive finite number", budgetSeconds);
  const started = clockSeconds();
  const wallStarted = wall();
  const elapsed = () => clockSeconds() - started;
  // HiGHS limits are wall-clock: a run meant to take `seconds` on the caller's clock gets them
  // scaled by the wall-per-clock ratio seen so far (above 1 on a shared machine with a CPU clock)
  const wallFor = (seconds: number) => Math.max(1, seconds * Math.min(20, Math.max(1, (wall() - wallStarted) / Math.max(elapsed(), 1e-3))));
  const left = () => budgetSeconds - elapsed();
  const extra = highsOptions ? { highsOptions } : {};
  const E = assign.length;
  const H = assign[0]?.length ?? 0;

  // 1. the LP relaxation (unless a start roster is given)
  const lp = options.start ? null : await runMip({ ...model, integrality: new Int32Array(model.numCols) }, { timeLimitSeconds: Math.max(1, left() * 0.2), relativeGap: 0, highsOptions: { solver: "ipm", ...highsOptions } });
  let bound: number | null = lp && lp.status === "optimal" && lp.objective !== null ? lp.objective : null;
  if (options.bound !== undefined && Number.isFinite(options.bound)) bound = Math.max(bound ?? -Infinity, options.bound);
  const lpSeconds = elapsed();
  const target = () => (bound === null ? -Infinity : Math.ceil(bound - 1e-6));
  const done = (objective: number) => objective <= objectiveTarget + 1e-9 || objective <= target() + 1e-9 || (bound !== null && objective - bound <= relativeGap * Math.max(Math.abs(objective), 1e-9));

  // 2. per employee, the feasible line closest to the LP
  const rounded = options.start ? Float64Array.from(options.start) : Float64Array.from(model.colLower);
  for (let e = 0; e < E && lp !== null; e++) {
    const one = single(e);
    const colCost = new Float64Array(one.data.numCols);
    one.assign.forEach((columns, d) =>
      columns.forEach((j, s) => {
        const full = assign[e]![d]![s]!;
        if (j >= 0 && full >= 0) colCost[j] = 1 - 2 * (lp?.values ? lp.values[full]! : 0) + 1e-3 * model.colCost[full]!;
      }),
    );
    const line = await runMip({ ...one.data, colCost, offset: 0 }, { timeLimitSeconds: Math.max(1, Math.min(10, left() * 0.02)), relativeGap: 0, ...extra });
    if (line.values === null) {
      // no line in the time: branch and cut on everything (it reports infeasibility if that is it)
      const all = await runMip(model, { timeLimitSeconds: Math.max(1, left()), relativeGap, ...extra, ...(onProgress ? { onProgress } : {}) });
      return { ...all, solveSeconds: elapsed(), profile: { lpSeconds, roundSeconds: elapsed() - lpSeconds, searchSeconds: 0, branchSeconds: 0, neighbourhoods: 0, branchRuns: 1, improvements: 0, bestFoundSeconds: elapsed() } };
    }
    one.assign.forEach((columns, d) =>
      columns.forEach((j, s) => {
        const full = assign[e]![d]![s]!;
        if (j >= 0 && full >= 0) rounded[full] = Math.round(line.values![j]!);
      }),
    );
  }
  // complete the rounded lines to a full vector (cover and run columns follow)
  const fixAll = bounds(model, assign, rounded, () => false);
  const filled = await runMip({ ...model, ...fixAll }, { timeLimitSeconds: Math.max(5, left() * 0.1), relativeGap: 0, ...extra });
  const roundSeconds = elapsed() - lpSeconds;
  if (filled.values === null || filled.objective === null) {
    const all = await runMip(model, { timeLimitSeconds: Math.max(1, left()), relativeGap, ...extra, ...(onProgress ? { onProgress } : {}) });
    return { ...all, solveSeconds: elapsed(), profile: { lpSeconds, roundSeconds, searchSeconds: 0, branchSeconds: 0, neighbourhoods: 0, branchRuns: 1, improvements: 0, bestFoundSeconds: elapsed() } };
  }
  let best = { values: filled.values, objective: filled.objective };
  let bestFoundSeconds = elapsed();
  const report = () =>
    onProgress?.({ elapsedSeconds: elapsed(), bestObjective: best.objective, bound, gap: bound === null ? null : Math.max(0, (best.objective - bound) / Math.max(Math.abs(best.objective), 1e-9)) });
  report();

  // 3. adaptive large-neighbourhood search
  const random = seededRandom(seed);
  const pick = (n: number, k: number): Set<number> => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, k)) chosen.add(Math.floor(random() * n));
    return chosen;
  };
  const kinds: Kind[] = [
    { name: "employees", size: Math.min(3, E), min: Math.min(2, E), max: E, score: 1 },
    { name: "window", size: Math.min(7, H), min: Math.min(3, H), max: H, score: 1 },
    { name: "days", size: 2, min: 1, max: H, score: 1 },
  ];
  const searchBudget = budgetSeconds * 0.85;
  let neighbourhoods = 0;
  let improvements = 0;
  let branchCuts = 0;
  let stale = 0;
  const branch = async (seconds: number): Promise<MipStatus> => {
    const run = await runMip(model, { timeLimitSeconds: wallFor(seconds), relativeGap, startValues: best.values, ...extra });
    branchCuts++;
    if (run.bound !== null) bound = bound === null ? run.bound : Math.max(bound, run.bound);
    if (run.values !== null && run.objective !== null && run.objective < best.objective - 1e-6) {
      best = { values: run.values, objective: run.objective };
      bestFoundSeconds = elapsed();
      improvements++;
    }
    report();
    return run.status;
  };
  const searchStarted = elapsed();
  // On a small instance (at most 2,000 employee-day-shift cells: Instance1-7), a first short branch
  // and cut from the rounded roster proves it optimal in seconds, where the LP bound alone does not;
  // on the large ones the search comes first (it reaches +2% there several times sooner).
  const small = E * H * (assign[0]?.[0]?.length ?? 1) <= 2000;
  const proven = small && !done(best.objective) && (await branch(Math.min(searchBudget - elapsed(), 0.1 * budgetSeconds))) === "optimal";
  while (!proven && elapsed() < searchBudget && !done(best.objective)) {
    if (stale >= 20) {
      // the neighbourhoods are exhausted: branch and cut from the incumbent for a while (a better
      // bound, and its own heuristics around the incumbent), then search again
      stale = 0;
      if ((await branch(Math.min(searchBudget - elapsed(), 0.15 * budgetSeconds))) === "optimal") break;
      continue;
    }
    const total = kinds.reduce((sum, k) => sum + k.score, 0);
    let r = random() * total;
    const kind = kinds.find((k) => (r -= k.score) < 0) ?? kinds[0]!;
    let free: (e: number, d: number) => boolean;
    if (kind.name === "employees") {
      const people = pick(E, kind.size);
      free = (e) => people.has(e);
    } else if (kind.name === "window") {
      // twice the employees of the employee kind, over a window of `size` days
      const people = pick(E, Math.min(E, 2 * kinds[0]!.size));
      const first = Math.floor(random() * Math.max(1, H - kind.size + 1));
      free = (e, d) => people.has(e) && d >= first && d < first + kind.size;
    } else {
      const first = Math.floor(random() * Math.max(1, H - kind.size + 1));
      free = (_, d) => d >= first && d < first + kind.size;
    }
    const limit = Math.max(1, Math.min(10, searchBudget - elapsed()));
    const sub = await runMip({ ...model, ...bounds(model, assign, best.values, free) }, { timeLimitSeconds: wallFor(limit), relativeGap: 0, startValues: best.values, ...extra });
    neighbourhoods++;
    const improved = sub.values !== null && sub.objective !== null && sub.objective < best.objective - 1e-6;
    if (improved) {
      best = { values: sub.values!, objective: sub.objective! };
      bestFoundSeconds = elapsed();
      improvements++;
      stale = 0;
      report();
    } else stale++;
    kind.score = 0.8 * kind.score + 0.2 * (improved ? 4 : 0.25);
    // adapt the size: grow after an exhausted neighbourhood, shrink after a timeout
    if (sub.status === "optimal" && !improved && sub.solveSeconds < wallFor(limit) / 3) kind.size = Math.min(kind.max, kind.size + 1);
    else if (sub.status !== "optimal") kind.size = Math.max(kind.min, kind.size - 1);
  }
  const searchSeconds = elapsed() - searchStarted;

  // 4. branch and cut from the incumbent: a better bound, perhaps a better roster
  let status: MipStatus = proven ? "optimal" : "time-limit";
  const branchStarted = elapsed();
  if (!proven && !done(best.objective) && left() > 2 && (await branch(left())) === "optimal") status = "optimal";
  if (bound !== null && (best.objective <= Math.ceil(bound - 1e-6) + 1e-9 || best.objective - bound <= relativeGap * Math.max(Math.abs(best.objective), 1e-9))) status = "optimal";
  return {
    status,
    values: best.values,
    objective: best.objective,
    bound,
    solveSeconds: elapsed(),
    profile: { lpSeconds, roundSeconds, searchSeconds, branchSeconds: elapsed() - branchStarted, neighbourhoods, branchRuns: branchCuts, improvements, bestFoundSeconds },
  };
}

/** Column bounds with every assignment cell not freed fixed at its value in `values`. */
function bounds(model: MipModelData, assign: readonly (readonly (readonly number[])[])[], values: Float64Array, free: (e: number, d: number) => boolean): { colLower: Float64Array; colUpper: Float64Array } {
  const colLower = Float64Array.from(model.colLower);
  const colUpper = Float64Array.from(model.colUpper);
  assign.forEach((days, e) =>
    days.forEach((columns, d) => {
      if (free(e, d)) return;
      for (const j of columns) {
        if (j < 0) continue;
        const v = Math.round(values[j]!);
        colLower[j] = v;
        colUpper[j] = v;
      }
    }),
  );
  return { colLower, colUpper };
}
