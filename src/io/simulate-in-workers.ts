import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { WfmError, type Problem } from "../errors.js";
import { simulateBatch, summarizeSimulation } from "../simulation/simulate.js";
import type { SimulationBatch, SimulationOptions, SimulationResult } from "../simulation/types.js";
import { locateWorker } from "./solve-in-worker.js";

/**
 * Runs the replications of a simulation on every core: the replications are cut into a fixed
 * number of batches (so the result is the same bytes whatever the number of cores), the batches
 * are dealt to `worker_threads`, and their mergeable sums are combined with
 * `summarizeSimulation`. The core simulator stays single-threaded and pure; only this edge uses
 * threads. Falls back to this thread when workers cannot start (or the job is small).
 *
 * @module
 */

/** A job posted to the simulation worker. */
export interface SimulationJob {
  readonly options: SimulationOptions;
  readonly ranges: readonly { readonly firstReplication: number; readonly replications: number }[];
}

/** A message from the simulation worker. */
export type SimulationMessage =
  | { readonly type: "result"; readonly batches: readonly SimulationBatch[] }
  | { readonly type: "error"; readonly message: string; readonly problems?: readonly Problem[] };

/** Options of {@link simulateInWorkers}. */
export interface SimulateInWorkersOptions {
  /** Worker threads. @defaultValue the available parallelism */
  readonly threads?: number;
  /** Below this many expected simulated contacts, stay in this thread. @defaultValue 300000 */
  readonly minContactsForWorkers?: number;
}

/**
 * Fixed batches of replications: up to 8, as even as possible (independent of the thread count,
 * so the merged sums are added in the same order on every machine).
 *
 * @example
 * ```ts
 * replicationRanges(3); //=> [{ firstReplication: 0, replications: 1 }, { firstReplication: 1, replications: 1 }, { firstReplication: 2, replications: 1 }]
 * ```
 */
export function replicationRanges(replications: number): { firstReplication: number; replications: number }[] {
  const batches = Math.min(8, replications);
  const ranges: { firstReplication: number; replications: number }[] = [];
  let first = 0;
  for (let b = 0; b < batches; b++) {
    const count = Math.floor(replications / batches) + (b < replications % batches ? 1 : 0);
    ranges.push({ firstReplication: first, replications: count });
    first += count;
  }
  return ranges;
}

class WorkerStartError extends Error {}

function runWorker(job: SimulationJob): Promise<readonly SimulationBatch[]> {
  const location = locateWorker("simulation-worker");
  if (location === null) return Promise.reject(new WorkerStartError("no simulation worker"));
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(location.script, { workerData: job, eval: location.eval });
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on("message", (message: SimulationMessage) => {
      if (message.type === "result") finish(() => resolve(message.batches));
      else if (message.problems && message.problems.length > 0) finish(() => reject(new WfmError(message.problems!)));
      else finish(() => reject(new Error(`simulation worker failed: ${message.message}`)));
    });
    worker.on("error", (error) => finish(() => reject(new WorkerStartError(error.message))));
    worker.on("exit", (code) => finish(() => reject(new WorkerStartError(`simulation worker exited with code ${code} before answering`))));
  });
}

/** Expected contacts of one replication (volumes summed). */
function expectedContacts(options: SimulationOptions): number {
  let total = 0;
  for (const type of options.contactTypes) for (const v of type.volumes) total += Number.isFinite(v) ? v : 0;
  return total;
}

/**
 * Simulates with the replications spread over worker threads (see the module comment).
 * Same result as `simulate(options)` up to the order of floating-point sums, and the same bytes
 * for a given input on any machine.
 *
 * @throws {WfmError} as `simulate`
 *
 * @example
 * ```ts
 * const result = await simulateInWorkers(steadyQueueOptions({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, replications: 30 }));
 * result.period.contactTypes[0].serviceLevel; //=> { mean: about 0.80, halfWidth: about 0.02, ... }
 * ```
 */
export async function simulateInWorkers(options: SimulationOptions, settings: SimulateInWorkersOptions = {}): Promise<SimulationResult> {
  const replications = options.replications ?? 10;
  const ranges = replicationRanges(Number.isInteger(replications) && replications >= 1 ? replications : 1);
  const threads = Math.max(1, Math.min(settings.threads ?? availableParallelism(), ranges.length));
  const small = expectedContacts(options) * replications < (settings.minContactsForWorkers ?? 300_000);
  // Validate once here, so bad input fails fast with the same problems in or out of workers.
  const first = simulateBatch(options, { firstReplication: 0, replications: 0 });
  void first;
  if (threads > 1 && !small) {
    const jobs: { firstReplication: number; replications: number }[][] = Array.from({ length: threads }, () => []);
    ranges.forEach((range, i) => jobs[i % threads]!.push(range));
    try {
      const results = await Promise.all(jobs.map((ranges) => runWorker({ options, ranges })));
      // Put the batches back in replication order before merging.
      const batches = results.flat().sort((a, b) => a.firstReplication - b.firstReplication);
      return summarizeSimulation(options, batches);
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return summarizeSimulation(options, ranges.map((range) => simulateBatch(options, range)));
}
