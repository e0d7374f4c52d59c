/**
 * The worker-thread side of {@link solveInWorker}: receives a job in `workerData`, runs the
 * exact solver (which blocks its thread while HiGHS runs), posts progress and the result.
 * Built as its own entry (`dist/solver-worker.js`).
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { WfmError } from "../errors.js";
import { solveDbai } from "../schedule/dbai.js";
import { solveMip } from "../schedule/mip.js";
import { solveShiftProblem } from "../schedule/solve.js";
import type { SolverJob, SolverMessage } from "./solve-in-worker.js";

const job = workerData as SolverJob;
const post = (message: SolverMessage) => parentPort!.postMessage(message);
let lastProgress = 0;
const onProgress = job.progress
  ? (progress: Parameters<NonNullable<Parameters<typeof solveShiftProblem>[1]>["onProgress"] & object>[0]) => {
      const now = Date.now();
      if (now - lastProgress < 250) return;
      lastProgress = now;
      post({ type: "progress", progress });
    }
  : undefined;

async function run(): Promise<void> {
  try {
    const progress = onProgress ? { onProgress } : {};
    const result =
      job.kind === "mip"
        ? await solveMip(job.model, { ...job.options, ...progress })
        : job.kind === "dbai"
          ? await solveDbai(job.instance, { ...job.options, ...progress })
          : await solveShiftProblem(job.problem, { ...job.options, ...progress });
    post({ type: "result", result });
  } catch (error) {
    if (error instanceof WfmError) post({ type: "error", problems: error.problems, message: error.message });
    else post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// No top-level await: the bundle is also built as CommonJS.
void run();
