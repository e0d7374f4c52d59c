import { availableParallelism } from "node:os";
import { simulateBatch, summarizeSimulation } from "../simulation/simulate.js";
import type { SimulationBatch, SimulationOptions, SimulationResult } from "../simulation/types.js";
import { runTasksInWorkers, WorkerStartError } from "./worker-pool.js";

/**
 * Runs the replications of a simulation on every core: the replications are cut into a fixed
 * number of batches (so the result is the same bytes whatever the number of cores), the batches
 * are dealt to `worker_threads`, and their mergeable sums are combined with
 * `summarizeSimulation`. The core simulator stays single-threaded and pure; only this edge uses
 * threads. Falls back to this thread when workers cannot start (or the job is small).
 *
 * @module
 */

/** A task posted to the simulation worker: one batch of replications (`runTasksInWorkers`). */
export interface SimulationJob {
  readonly options: SimulationOptions;
  readonly range: { readonly firstReplication: number; readonly replications: number };
}

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
    try {
      // One task per batch, handed to the next free worker; merged in replication order.
      const batches: SimulationBatch[] = [];
      await runTasksInWorkers<SimulationJob, SimulationBatch>("simulation-worker", ranges.map((range) => ({ options, range })), threads, (i, batch) => (batches[i] = batch));
      return summarizeSimulation(options, batches);
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return summarizeSimulation(options, ranges.map((range) => simulateBatch(options, range)));
}
