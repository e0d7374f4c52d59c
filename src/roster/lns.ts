import { requireOptions } from "../errors.js";
import type { MipModelData, MipResult, MipSolveOptions, MipStatus } from "../schedule/mip.js";
import type { ScheduleProgress } from "../schedule/solve.js";
import { seededRandom } from "../staffing/random.js";

/**
 * A MIP solve for rosters in three phases: branch and cut for a first roster and bound; then a
 * large-neighbourhood search that frees a few people's assignment columns (the rest fixed at the
 * incumbent) and re-solves that sub-MIP exactly, keeping every improvement; then branch and cut
 * again from the improved roster (MIP start) to raise the bound and prove optimality where it can.
 * Every phase returns full column vectors of the same model, so the caller's decoding and
 * independent check apply unchanged.
 *
 * Reference: P. Shaw, "Using constraint programming and local search methods to solve vehicle
 * routing problems", CP 1998 (large neighbourhood search); fix-and-optimise for nurse rostering in
 * Della Croce & Salassa, Annals of OR 218 (2014).
 *
 * @module
 */

/** The MIP runner (in this thread or a worker). */
export type MipRunner = (model: MipModelData, options: MipSolveOptions & { onProgress?: (p: ScheduleProgress) => void }) => Promise<MipResult>;

/** Options of {@link solveWithNeighbourhoods}. */
export interface NeighbourhoodSolveOptions {
  readonly model: MipModelData;
  /** Per person, the binary assignment columns a neighbourhood frees together. */
  readonly groups: readonly (readonly number[])[];
  readonly runMip: MipRunner;
  /** Total wall-clock budget, seconds. */
  readonly timeLimitSeconds: number;
  /** @defaultValue 1e-4 */
  readonly relativeGap?: number;
  /** People freed per neighbourhood. @defaultValue 4 */
  readonly groupsPerNeighbourhood?: number;
  /** Seed of the neighbourhood choice. @defaultValue 1 */
  readonly seed?: number;
  readonly onProgress?: (p: ScheduleProgress) => void;
  readonly highsOptions?: MipSolveOptions["highsOptions"];
  /** A partial start for the first branch and cut (e.g. a greedy roster's assignment columns). */
  readonly startPartial?: MipSolveOptions["startPartial"];
  /**
   * A complete feasible start (e.g. a constructive roster): given to the first branch and cut as
   * its MIP start, and kept as the incumbent when that phase finds nothing better.
   */
  readonly start?: { readonly values: Float64Array; readonly objective: number };
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Solves with branch and cut (30% of the budget), neighbourhood search (up to 70%), and branch and
 * cut from the best roster (the rest). The objective is integral-agnostic; the bound is the best
 * of the two branch-and-cut phases.
 *
 * @returns the best solution found, the best bound, and the total seconds
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `model`, `groups`, `runMip` or `timeLimitSeconds`.
 * @example
 * ```ts
 * const result = await solveWithNeighbourhoods({ model, groups, runMip: solveMip, timeLimitSeconds: 60 });
 * result.status; //=> "optimal" or "time-limit"
 * ```
 */
export async function solveWithNeighbourhoods(options: NeighbourhoodSolveOptions): Promise<MipResult> {
  requireOptions("solveWithNeighbourhoods", options, ["model", "groups", "runMip", "timeLimitSeconds"]);
  const { model, groups, runMip, timeLimitSeconds, relativeGap = 1e-4, groupsPerNeighbourhood = 4, seed = 1, onProgress, highsOptions } = options;
  const started = now();
  const elapsed = () => (now() - started) / 1000;
  const base = { relativeGap, ...(highsOptions ? { highsOptions } : {}), ...(onProgress ? { onProgress } : {}) };
  const start = options.start;
  let first = await runMip(model, {
    ...base,
    timeLimitSeconds: Math.max(1, timeLimitSeconds * 0.3),
    ...(start ? { startValues: start.values } : options.startPartial ? { startPartial: options.startPartial } : {}),
  });
  if (start && (first.values === null || first.objective === null || first.objective > start.objective + 1e-6) && first.status !== "infeasible") {
    first = { ...first, status: "time-limit", values: start.values, objective: start.objective };
  }
  if (first.status === "no-solution" && timeLimitSeconds - elapsed() > 1) {
    // no roster yet: give branch and cut the rest of the budget
    first = await runMip(model, { ...base, timeLimitSeconds: timeLimitSeconds - elapsed() });
  }
  if (first.status === "optimal" || first.status === "infeasible" || first.values === null || first.objective === null) {
    return { ...first, solveSeconds: elapsed() };
  }
  let best = { values: first.values, objective: first.objective };
  let bound = first.bound;
  const closeEnough = () => bound !== null && best.objective - bound <= relativeGap * Math.max(Math.abs(best.objective), 1e-9) + 1e-9;
  const random = seededRandom(seed);
  const k = Math.min(groupsPerNeighbourhood, groups.length);
  let stale = 0;
  while (elapsed() < timeLimitSeconds * 0.7 && !closeEnough() && groups.length > 1) {
    const free = new Set<number>();
    while (free.size < k) free.add(Math.floor(random() * groups.length));
    const colLower = Float64Array.from(model.colLower);
    const colUpper = Float64Array.from(model.colUpper);
    groups.forEach((columns, g) => {
      if (free.has(g)) return;
      for (const j of columns) {
        const v = Math.round(best.values[j]!);
        colLower[j] = v;
        colUpper[j] = v;
      }
    });
    const remaining = timeLimitSeconds * 0.7 - elapsed();
    if (remaining < 0.5) break;
    const sub = await runMip({ ...model, colLower, colUpper }, { relativeGap: 0, ...(highsOptions ? { highsOptions } : {}), timeLimitSeconds: Math.min(remaining, 10), startValues: best.values });
    if (sub.values !== null && sub.objective !== null && sub.objective < best.objective - 1e-6) {
      best = { values: sub.values, objective: sub.objective };
      stale = 0;
      onProgress?.({ elapsedSeconds: elapsed(), bestObjective: best.objective, bound, gap: bound === null ? null : (best.objective - bound) / Math.max(Math.abs(best.objective), 1e-9) });
    } else stale++;
    if (stale > 4 * groups.length) break;
  }
  let status: MipStatus = "time-limit";
  const left = timeLimitSeconds - elapsed();
  if (!closeEnough() && left > 1) {
    const last = await runMip(model, { ...base, timeLimitSeconds: left, startValues: best.values });
    if (last.bound !== null) bound = bound === null ? last.bound : Math.max(bound, last.bound);
    if (last.values !== null && last.objective !== null && last.objective < best.objective - 1e-6) best = { values: last.values, objective: last.objective };
    if (last.status === "optimal") status = "optimal";
  }
  if (closeEnough()) status = "optimal";
  return { status, values: best.values, objective: best.objective, bound, solveSeconds: elapsed() };
}
