import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { WfmError, type Problem } from "../errors.js";
import { solveDbai, type DbaiInstance, type DbaiResult } from "../schedule/dbai.js";
import type { ShiftProblem } from "../schedule/problem.js";
import { solveShiftProblem, type ScheduleProgress, type ScheduleSolution } from "../schedule/solve.js";
import { solveMip, type MipModelData, type MipResult, type MipSolveOptions } from "../schedule/mip.js";

/**
 * Runs the exact shift solver in a `worker_thread`, so the calling thread stays responsive
 * (progress lines, Ctrl-C) and the solve can be cancelled by terminating the worker, which also
 * frees the whole WebAssembly heap. The worker is `solver-worker.js` beside the built bundle
 * (`dist/`); when running from source (tests, tsx) the `.ts` worker is loaded through tsx; if
 * neither can start, the solve runs in-process (same result, no cancellation mid-run).
 *
 * @module
 */

/** Solver options that cross the thread boundary (plain data). */
export interface WorkerSolveOptions {
  readonly timeLimitSeconds?: number;
  readonly relativeGap?: number;
  readonly start?: { readonly counts: readonly number[] };
}

/** A job posted to the worker. */
export type SolverJob =
  | { readonly kind: "shift"; readonly problem: ShiftProblem; readonly options: WorkerSolveOptions; readonly progress: boolean }
  | { readonly kind: "dbai"; readonly instance: DbaiInstance; readonly options: WorkerSolveOptions; readonly progress: boolean }
  | { readonly kind: "mip"; readonly model: MipModelData; readonly options: MipSolveOptions; readonly progress: boolean };

/** A message from the worker. */
export type SolverMessage =
  | { readonly type: "progress"; readonly progress: ScheduleProgress }
  | { readonly type: "result"; readonly result: ScheduleSolution | DbaiResult | MipResult }
  | { readonly type: "error"; readonly message: string; readonly problems?: readonly Problem[] };

/** Where this module lives (works in the ESM and CommonJS builds and from source). */
function hereDirectory(): string {
  if (typeof __filename === "string") return dirname(__filename);
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * How to start a worker (`solver-worker` here, `simulation-worker` for the simulator): the built
 * `NAME.js` beside this bundle, or, from source, a small CommonJS bootstrap that registers tsx's
 * loader in the worker and imports the `.ts` entry. Null when neither exists.
 */
export function locateWorker(name = "solver-worker"): { script: string | URL; eval: boolean } | null {
  const here = hereDirectory();
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return { script: pathToFileURL(built), eval: false };
  const source = join(here, `${name}.ts`);
  if (existsSync(source)) {
    const url = pathToFileURL(source).href;
    let api = "tsx/esm/api";
    try {
      const resolved = createRequire(join(here, "index.js")).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs");
      if (existsSync(resolved)) api = pathToFileURL(resolved).href;
    } catch {
      // tsx is not installed: the bootstrap fails to start and the solve falls back to in-process.
    }
    return {
      script: `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`,
      eval: true,
    };
  }
  return null;
}

/** Marks a failure of the worker machinery itself (not of the solve), so the caller can fall back. */
class WorkerStartError extends Error {}

/** Options of {@link solveInWorker}. */
export interface SolveInWorkerOptions extends WorkerSolveOptions {
  /** Progress callback (called on this thread, at most every 250 ms). */
  readonly onProgress?: (progress: ScheduleProgress) => void;
  /** Aborting terminates the worker; the promise rejects with a `cancelled` WfmError. */
  readonly signal?: AbortSignal;
  /** Solve in this thread instead (no worker). @defaultValue false */
  readonly inProcess?: boolean;
  /**
   * The watchdog's margin, seconds: a worker that has not answered `timeLimitSeconds` plus this
   * margin after it started is terminated and the promise rejects with a `solver-failed` WfmError
   * (the solve itself stops at its limit; this catches a worker that hangs).
   * @defaultValue max(15, a quarter of the time limit)
   */
  readonly watchdogMarginSeconds?: number;
}

/**
 * The watchdog's margin when none is given: max(15 s, 25% of the time limit), seconds. The solve
 * itself stops at its limit; the margin covers loading the solver and a machine under load.
 *
 * @param timeLimitSeconds - the solve's time limit, seconds
 * @returns the margin, seconds
 *
 * @example
 * ```ts
 * defaultWatchdogMarginSeconds(20); //=> 15
 * defaultWatchdogMarginSeconds(600); //=> 150
 * ```
 */
export function defaultWatchdogMarginSeconds(timeLimitSeconds: number): number {
  return Math.max(15, 0.25 * timeLimitSeconds);
}

function runJob<T>(job: SolverJob, options: SolveInWorkerOptions): Promise<T> | null {
  const location = locateWorker();
  if (location === null) return null;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let answered = false;
    const worker = new Worker(location.script, { workerData: job, eval: location.eval });
    const limitSeconds = job.options.timeLimitSeconds ?? 60;
    const marginSeconds = options.watchdogMarginSeconds ?? defaultWatchdogMarginSeconds(limitSeconds);
    const watchdog = setTimeout(
      () =>
        finish(() =>
          reject(
            new WfmError({
              code: "solver-failed",
              message: `the solver worker did not answer within ${limitSeconds + marginSeconds} s (time limit ${limitSeconds} s + ${marginSeconds} s margin) and was stopped`,
            }),
          ),
        ),
      (limitSeconds + marginSeconds) * 1000,
    );
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      options.signal?.removeEventListener("abort", abort);
      action();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(new WfmError({ code: "cancelled", message: "the schedule solve was cancelled" })));
    if (options.signal?.aborted) {
      abort();
      return;
    }
    options.signal?.addEventListener("abort", abort);
    worker.on("message", (message: SolverMessage) => {
      answered = true;
      if (message.type === "progress") options.onProgress?.(message.progress);
      else if (message.type === "result") finish(() => resolve(message.result as T));
      else if (message.problems && message.problems.length > 0) finish(() => reject(new WfmError(message.problems!)));
      else finish(() => reject(new Error(`solver worker failed: ${message.message}`)));
    });
    worker.on("error", (error) => finish(() => reject(answered ? error : new WorkerStartError(error.message))));
    worker.on("exit", (code) => finish(() => reject(new WorkerStartError(`solver worker exited with code ${code} before answering`))));
  });
}

function plainOptions(options: SolveInWorkerOptions): WorkerSolveOptions {
  return {
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.relativeGap === undefined ? {} : { relativeGap: options.relativeGap }),
    ...(options.start === undefined ? {} : { start: options.start }),
  };
}

/**
 * Solves a shift problem in a worker thread (see the module comment).
 *
 * @param problem - the interval-level problem
 * @param options - time limit, gap, progress, cancellation
 * @throws {WfmError} as {@link solveShiftProblem}, or `cancelled`
 *
 * @example
 * ```ts
 * const solution = await solveInWorker(problem, { timeLimitSeconds: 30, onProgress: console.error });
 * ```
 */
export async function solveInWorker(problem: ShiftProblem, options: SolveInWorkerOptions = {}): Promise<ScheduleSolution> {
  const plain = plainOptions(options);
  const running = options.inProcess ? null : runJob<ScheduleSolution>({ kind: "shift", problem, options: plain, progress: options.onProgress !== undefined }, options);
  if (running !== null) {
    try {
      return await running;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return solveShiftProblem(problem, { ...plain, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

/**
 * Solves a DBAI instance in a worker thread (see {@link solveInWorker}).
 *
 * @throws {WfmError} as {@link solveDbai}, or `cancelled`
 */
export async function solveDbaiInWorker(instance: DbaiInstance, options: SolveInWorkerOptions = {}): Promise<DbaiResult> {
  const plain = plainOptions(options);
  const running = options.inProcess ? null : runJob<DbaiResult>({ kind: "dbai", instance, options: plain, progress: options.onProgress !== undefined }, options);
  if (running !== null) {
    try {
      return await running;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return solveDbai(instance, { ...plain, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

/**
 * Solves any MIP (CSC data, see {@link solveMip}) in a worker thread and returns its raw values;
 * the caller decodes and verifies them (the roster does, with its independent checker).
 *
 * @throws {WfmError} as {@link solveMip}, or `cancelled`
 */
export async function solveMipInWorker(model: MipModelData, options: MipSolveOptions & Pick<SolveInWorkerOptions, "onProgress" | "signal" | "inProcess"> = {}): Promise<MipResult> {
  const { onProgress, signal, inProcess, ...plain } = options;
  const running = inProcess ? null : runJob<MipResult>({ kind: "mip", model, options: plain, progress: onProgress !== undefined }, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
  if (running !== null) {
    try {
      return await running;
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return solveMip(model, { ...plain, ...(onProgress ? { onProgress } : {}) });
}
