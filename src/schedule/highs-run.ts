import type { Highs, HighsCallbackMap, Model as HighsModel } from "highs";
import { WfmError } from "../errors.js";

/**
 * One HiGHS run with the project's progress and interrupt plumbing, shared by the shift schedule
 * (`solveShiftProblem`) and the generic MIP (`solveMip`): the callbacks that report the best
 * objective, bound and gap, the interrupt that honours `shouldStop`, and the run itself with a
 * HiGHS failure turned into a `solver-failed` {@link WfmError}.
 *
 * @module
 */

/** Progress of a running MIP solve, reported through `onProgress`. */
export interface MipProgress {
  /** Seconds since the solve started. */
  readonly elapsedSeconds: number;
  /** Objective of the best solution so far (as the solver reports it), or null. */
  readonly bestObjective: number | null;
  /** Best proven lower bound, or null. */
  readonly bound: number | null;
  /** Relative gap (best - bound) / |best|, or null. */
  readonly gap: number | null;
}

/** Options of {@link runHighs}. */
export interface RunHighsOptions {
  /** Called on HiGHS's MIP log lines and on every improving solution. */
  readonly onProgress?: (progress: MipProgress) => void;
  /** Polled by HiGHS during branch and cut; returning true interrupts the run. */
  readonly shouldStop?: () => boolean;
  /** The clock reading (ms, `performance.now()`) that `elapsedSeconds` counts from. */
  readonly startedMs: number;
}

/** What {@link runHighs} read back from the solver after the run. */
export interface RunHighsResult {
  /** HiGHS's model status code (compare with `highs.constants.modelStatus`). */
  readonly modelStatus: number;
  /** Whether HiGHS holds a feasible primal solution. */
  readonly hasSolution: boolean;
  /** HiGHS's best proven lower bound, or null when it has none. */
  readonly bound: number | null;
}

/** The clock the solvers report elapsed time with, in milliseconds. */
export const nowMs = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A finite solver figure, or null for HiGHS's "infinite" placeholders (|v| >= 1e30) and NaN. */
export const finiteOrNull = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) && Math.abs(value) < 1e30 ? value : null;

/**
 * Runs a HiGHS model whose options and data are already set, with progress reporting and
 * interruption, and reads back the model status, whether a feasible solution exists, and the
 * MIP's proven bound.
 *
 * @param highs - The loaded HiGHS runtime (for its constants).
 * @param instance - The model to run, already passed its data, options and any MIP start.
 * @param options - `onProgress`, `shouldStop`, and the clock reading the elapsed time counts from.
 * @returns The model status code, `hasSolution`, and the bound (null when HiGHS has none).
 * @throws {WfmError} `solver-failed` when HiGHS itself fails.
 * @example
 * ```ts
 * const { modelStatus, hasSolution } = runHighs(highs, instance, { startedMs: nowMs() });
 * modelStatus === highs.constants.modelStatus.optimal; //=> true (for a model solved to optimality)
 * ```
 */
export function runHighs(highs: Highs, instance: HighsModel, options: RunHighsOptions): RunHighsResult {
  const { onProgress, shouldStop, startedMs } = options;
  const callbacks: { [key: number]: (event: never) => undefined } = {};
  if (onProgress) {
    const report = (data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) => {
      onProgress({
        elapsedSeconds: (nowMs() - startedMs) / 1000,
        bestObjective: finiteOrNull(data.mip_primal_bound),
        bound: finiteOrNull(data.mip_dual_bound),
        gap: finiteOrNull(data.mip_gap),
      });
      return undefined;
    };
    callbacks[highs.constants.callbackType.mipLogging] = (event: { data: Parameters<typeof report>[0] }) => report(event.data);
    callbacks[highs.constants.callbackType.mipImprovingSolution] = (event: { data: Parameters<typeof report>[0] }) => report(event.data);
  }
  if (shouldStop) {
    callbacks[highs.constants.callbackType.mipInterrupt] = (event: { interrupt(): void }) => {
      if (shouldStop()) event.interrupt();
      return undefined;
    };
  }
  let modelStatus: number;
  try {
    modelStatus = instance.run(callbacks as HighsCallbackMap).modelStatus;
  } catch (error) {
    throw new WfmError({ code: "solver-failed", message: `HiGHS failed: ${error instanceof Error ? error.message : String(error)}` });
  }
  return {
    modelStatus,
    hasSolution: Number(instance.info.get("primal_solution_status")) === 2, // kSolutionStatusFeasible
    bound: finiteOrNull(Number(instance.info.get("mip_dual_bound"))),
  };
}
