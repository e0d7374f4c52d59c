/**
 * The worker-thread side of {@link simulateInWorkers}: receives options and replication ranges in
 * `workerData`, runs each range with `simulateBatch`, and posts the batches back (typed arrays,
 * transferred). Built as its own entry (`dist/simulation-worker.js`).
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { WfmError } from "../errors.js";
import { simulateBatch } from "../simulation/simulate.js";
import type { SimulationJob, SimulationMessage } from "./simulate-in-workers.js";

const job = workerData as SimulationJob;
const post = (message: SimulationMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

try {
  const batches = job.ranges.map((range) => simulateBatch(job.options, range));
  post({ type: "result", batches }, batches.flatMap((b) => [b.n.buffer as ArrayBuffer, b.sum.buffer as ArrayBuffer, b.sumSquares.buffer as ArrayBuffer]));
} catch (error) {
  if (error instanceof WfmError) post({ type: "error", problems: error.problems, message: error.message });
  else post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
