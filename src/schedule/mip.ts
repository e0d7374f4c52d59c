import type { Highs } from "highs";
import { invalidArgument } from "../errors.js";
import { nowMs, runHighs } from "./highs-run.js";
import type { ShiftModelData } from "./model.js";
import { loadHighsRuntime, type ScheduleProgress } from "./solve.js";

/**
 * A generic MIP run: any model in the CSC shape of {@link ShiftModelData} (plus an objective
 * offset) goes to HiGHS with a time limit, a relative gap, progress and an optional MIP start,
 * and comes back as the raw column values with the solver's status and bound. The caller decodes
 * and verifies the values itself (the roster verifies every roster from its integer values). It
 * is plain data in and out, so it also crosses a worker-thread boundary (`solveMipInWorker`).
 *
 * @module
 */

/** A MIP in CSC form: minimise offset + c'x subject to rowLower <= Ax <= rowUpper, bounds, integrality. */
export interface MipModelData extends ShiftModelData {
  /** Constant added to the objective. @defaultValue 0 */
  readonly offset?: number;
}

/** Options of {@link solveMip} (plain data). */
export interface MipSolveOptions {
  /** Wall-clock limit, seconds (> 0). @defaultValue 60 */
  readonly timeLimitSeconds?: number;
  /** Stop when (best - bound) / |best| is at most this fraction, in [0, 1). @defaultValue 0.0001 */
  readonly relativeGap?: number;
  /** A full column vector offered as a MIP start. */
  readonly startValues?: Float64Array | readonly number[];
  /** A partial MIP start (some columns' values); HiGHS completes it. */
  readonly startPartial?: { readonly indices: readonly number[]; readonly values: readonly number[] };
  /** Extra HiGHS options by their native names, applied last. */
  readonly highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

/** How a MIP run ended. */
export type MipStatus = "optimal" | "time-limit" | "infeasible" | "cancelled" | "no-solution";

/** The raw answer of {@link solveMip}. */
export interface MipResult {
  readonly status: MipStatus;
  /** Column values of the best solution found, or null. */
  readonly values: Float64Array | null;
  /** Objective of that solution as HiGHS reports it (with the offset), or null. */
  readonly objective: number | null;
  /** Best proven lower bound (with the offset), or null. */
  readonly bound: number | null;
  /** Wall-clock seconds HiGHS ran. */
  readonly solveSeconds: number;
}

/**
 * Solves a MIP with HiGHS (branch and cut) and returns the raw solution. The native model is
 * always disposed.
 *
 * @param model - CSC model data (see {@link MipModelData})
 * @param options - time limit, gap, MIP start, HiGHS options; `onProgress` and `shouldStop` as in `solveShiftProblem`
 * @returns status, values, objective, bound, seconds
 * @throws {WfmError} `invalid-argument` for bad options; `solver-failed` when HiGHS errors
 *
 * @example
 * ```ts
 * const result = await solveMip(model, { timeLimitSeconds: 10 });
 * result.status; //=> "optimal"
 * ```
 */
export async function solveMip(
  model: MipModelData,
  options: MipSolveOptions & { readonly onProgress?: (p: ScheduleProgress) => void; readonly shouldStop?: () => boolean; readonly highs?: Highs } = {},
): Promise<MipResult> {
  const { timeLimitSeconds = 60, relativeGap = 1e-4, onProgress, shouldStop } = options;
  if (!(timeLimitSeconds > 0) || !Number.isFinite(timeLimitSeconds)) invalidArgument("solveMip", "timeLimitSeconds", "a positive finite number", timeLimitSeconds);
  if (!(relativeGap >= 0 && relativeGap < 1)) invalidArgument("solveMip", "relativeGap", "a fraction in [0, 1)", relativeGap);
  const highs = options.highs ?? (await loadHighsRuntime());
  const instance = highs.createModel();
  try {
    instance.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: relativeGap, random_seed: 0 });
    if (options.highsOptions) instance.options.set(options.highsOptions as Parameters<typeof instance.options.set>[0]);
    const { offset, ...data } = model;
    instance.passModel({ ...data, ...(offset ? { offset } : {}) } as Parameters<typeof instance.passModel>[0]);
    if (options.startValues) instance.setSolution({ colValue: Float64Array.from(options.startValues) });
    else if (options.startPartial) instance.setSolution({ indices: Int32Array.from(options.startPartial.indices), values: Float64Array.from(options.startPartial.values) });
    const started = nowMs();
    const { modelStatus: runStatus, hasSolution, bound } = runHighs(highs, instance, { onProgress, shouldStop, startedMs: started });
    const solveSeconds = (nowMs() - started) / 1000;
    const codes = highs.constants.modelStatus;
    let status: MipStatus;
    if (runStatus === codes.infeasible || runStatus === codes.unboundedOrInfeasible) status = "infeasible";
    else if (runStatus === codes.interrupted) status = "cancelled";
    else if (runStatus === codes.optimal) status = hasSolution ? "optimal" : "no-solution";
    else status = hasSolution ? "time-limit" : "no-solution";
    if (!hasSolution || status === "infeasible") return { status, values: null, objective: null, bound, solveSeconds };
    return {
      status,
      values: Float64Array.from(instance.getSolution().colValue),
      objective: instance.getObjectiveValue(),
      bound,
      solveSeconds,
    };
  } finally {
    instance.dispose();
  }
}
