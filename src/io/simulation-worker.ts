/**
 * The worker-thread side of {@link simulateInWorkers}: answers each task (options and a range of
 * replications) with `simulateBatch`, the typed arrays transferred. Built as its own entry
 * (`dist/simulation-worker.js`).
 *
 * @module
 */
import { simulateBatch } from "../simulation/simulate.js";
import type { SimulationBatch } from "../simulation/types.js";
import type { SimulationJob } from "./simulate-in-workers.js";
import { serveTasks } from "./worker-pool.js";

serveTasks<SimulationJob, SimulationBatch>(({ options, range }) => {
  const batch = simulateBatch(options, range);
  return { result: batch, transfer: [batch.n.buffer as ArrayBuffer, batch.sum.buffer as ArrayBuffer, batch.sumSquares.buffer as ArrayBuffer] };
});
