/**
 * The worker-thread plumbing of the CLI's parallel jobs (`wfm simulate` replications, `wfm staff`
 * channels): a few workers of one entry (`simulation-worker`, `staffing-worker`, found by
 * `locateWorker`), each handed the next task as soon as it is free, the results put back in task
 * order. The core stays single-threaded and pure; the callers cut the work into a fixed number
 * of tasks that does not depend on the number of cores, so the output is the same bytes on any
 * machine.
 *
 * @module
 */
import { parentPort, Worker } from "node:worker_threads";
import { WfmError, type Problem } from "../errors.js";
import { locateWorker } from "./solve-in-worker.js";

/** A failure of the worker machinery itself (not of a task): the caller runs the tasks in this thread instead. */
export class WorkerStartError extends Error {}

/** A message from a worker about task `id`. */
export type WorkerTaskMessage<R> =
  | { readonly type: "result"; readonly id: number; readonly result: R }
  | { readonly type: "error"; readonly id: number; readonly message: string; readonly problems?: readonly Problem[] };

/**
 * Runs `tasks` on up to `threads` workers of the entry `name`: each worker gets the next task
 * when it answers the last, and `onResult` sees every result with its task index (in the order
 * they finish; keep what it needs by index). A task that throws stops the handing out of later
 * tasks; once the tasks under way are done, the error of the first failed task (by index) is
 * thrown, a `WfmError` with its problems when it was one: the same error whatever the thread
 * count or timing.
 *
 * @throws {WorkerStartError} when a worker cannot start or dies without answering
 * @throws {WfmError} the first failed task's problems
 *
 * @example
 * ```ts
 * const out: number[] = [];
 * await runTasksInWorkers<{ n: number }, number>("some-worker", [{ n: 1 }, { n: 2 }], 2, (i, r) => (out[i] = r));
 * ```
 */
export function runTasksInWorkers<T, R>(name: string, tasks: readonly T[], threads: number, onResult: (index: number, result: R) => void): Promise<void> {
  const location = locateWorker(name);
  if (location === null) return Promise.reject(new WorkerStartError(`no ${name}`));
  if (tasks.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let running = 0;
    let failed: { index: number; error: Error } | null = null;
    let done = false;
    const stop = (action: () => void) => {
      if (done) return;
      done = true;
      for (const worker of workers) void worker.terminate();
      action();
    };
    const handOut = (worker: Worker) => {
      if (failed === null && next < tasks.length) {
        running++;
        worker.postMessage({ id: next, task: tasks[next] });
        next++;
        return;
      }
      if (running === 0) stop(() => (failed === null ? resolve() : reject(failed.error)));
    };
    const count = Math.max(1, Math.min(threads, tasks.length));
    for (let w = 0; w < count; w++) {
      const worker = new Worker(location.script, { eval: location.eval });
      workers.push(worker);
      worker.on("message", (message: WorkerTaskMessage<R>) => {
        running--;
        if (message.type === "result") {
          try {
            onResult(message.id, message.result);
          } catch (error) {
            stop(() => reject(error));
            return;
          }
        } else if (failed === null || message.id < failed.index) {
          const error = message.problems && message.problems.length > 0 ? new WfmError(message.problems) : new Error(`${name} failed: ${message.message}`);
          failed = { index: message.id, error };
        }
        handOut(worker);
      });
      worker.on("error", (error) => stop(() => reject(new WorkerStartError(error.message))));
      worker.on("exit", (code) => stop(() => reject(new WorkerStartError(`${name} exited with code ${code} before answering`))));
      handOut(worker);
    }
  });
}

/**
 * The worker side of {@link runTasksInWorkers}: answers every task posted to this worker thread
 * with `run(task)` (its result, and the buffers to transfer rather than copy), or with the error
 * it throws (a `WfmError`'s problems travel as data).
 *
 * @example
 * ```ts
 * serveTasks((task: { n: number }) => ({ result: task.n * 2 }));
 * ```
 */
export function serveTasks<T, R>(run: (task: T) => { result: R; transfer?: ArrayBuffer[] }): void {
  const port = parentPort;
  if (port === null) throw new Error("serveTasks: not in a worker thread");
  port.on("message", ({ id, task }: { id: number; task: T }) => {
    try {
      const { result, transfer = [] } = run(task);
      port.postMessage({ type: "result", id, result } satisfies WorkerTaskMessage<R>, transfer);
    } catch (error) {
      const message: WorkerTaskMessage<R> =
        error instanceof WfmError
          ? { type: "error", id, problems: error.problems, message: error.message }
          : { type: "error", id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(message);
    }
  });
}
