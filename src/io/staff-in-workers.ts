import { availableParallelism } from "node:os";
import { assembleStaffing, PlanColumns, prepareStaffing, staffChannels, type PlanColumnsData, type PlanStaffingOptions, type StaffingChannelJob, type StaffingPlan } from "../staffing/plan.js";
import { runTasksInWorkers, WorkerStartError } from "./worker-pool.js";

/**
 * `planStaffing` with the queueing solves of a large batch spread over worker threads
 * (`wfm staff`): the channels are cut into chunks of consecutive channels of about
 * {@link staffingChunkIntervals} intervals (fixed by the input, never by the number of cores),
 * the chunks are handed to the workers (`runTasksInWorkers`), and the plan is assembled from
 * their columns in channel order. Each channel is staffed from its own rows alone, so the plan is
 * the one `planStaffing` gives, to the last bit. The core stays single-threaded and pure.
 *
 * @module
 */

/** Intervals per chunk handed to a worker (a channel is never split). */
export const staffingChunkIntervals = 100_000;

/** Options of {@link planStaffingInWorkers}. */
export interface StaffInWorkersOptions {
  /** Worker threads; 1 staffs in this thread. @defaultValue the available parallelism */
  readonly threads?: number;
  /** Below this many intervals, stay in this thread (starting workers costs more). @defaultValue 300000 */
  readonly minIntervalsForWorkers?: number;
  /** Intervals per chunk handed to a worker. @defaultValue {@link staffingChunkIntervals} */
  readonly chunkIntervals?: number;
}

/**
 * Settings from the environment, for tests only: `WFM_STAFF_WORKER_MIN_INTERVALS` and
 * `WFM_STAFF_WORKER_CHUNK_INTERVALS` (whole numbers) make a small file go through the workers.
 * Neither changes the output.
 *
 * @example
 * ```ts
 * staffWorkerSettingsFromEnv({ WFM_STAFF_WORKER_MIN_INTERVALS: "0", WFM_STAFF_WORKER_CHUNK_INTERVALS: "96" }); //=> { minIntervalsForWorkers: 0, chunkIntervals: 96 }
 * ```
 */
export function staffWorkerSettingsFromEnv(env: Record<string, string | undefined>): StaffInWorkersOptions {
  const read = (name: string) => {
    const text = env[name];
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  };
  const min = read("WFM_STAFF_WORKER_MIN_INTERVALS");
  const chunk = read("WFM_STAFF_WORKER_CHUNK_INTERVALS");
  return { ...(min === undefined ? {} : { minIntervalsForWorkers: min }), ...(chunk === undefined || chunk === 0 ? {} : { chunkIntervals: chunk }) };
}

/**
 * Consecutive channel jobs in chunks of at least `chunkIntervals` intervals each (the last may
 * be smaller), in order.
 *
 * @example
 * ```ts
 * staffingChunks([{ indexes: new Uint32Array(3) }, { indexes: new Uint32Array(3) }, { indexes: new Uint32Array(1) }], 4).map((c) => c.length); //=> [2, 1]
 * ```
 */
export function staffingChunks<J extends Pick<StaffingChannelJob, "indexes">>(jobs: readonly J[], chunkIntervals = staffingChunkIntervals): J[][] {
  const chunks: J[][] = [];
  let current: J[] = [];
  let size = 0;
  for (const job of jobs) {
    current.push(job);
    size += job.indexes.length;
    if (size >= chunkIntervals) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Plans staffing as `planStaffing` does, the solves of a batch of at least
 * `minIntervalsForWorkers` intervals on worker threads (see the module comment); in this thread
 * when the batch is small, `threads` is 1, or workers cannot start.
 *
 * @throws {WfmError} as `planStaffing` (the same first problem)
 *
 * @example
 * ```ts
 * const plan = await planStaffingInWorkers({ intervalMinutes: 30, intervals, config }, { threads: 2, minIntervalsForWorkers: 0 });
 * JSON.stringify(plan) === JSON.stringify(planStaffing({ intervalMinutes: 30, intervals, config })); //=> true
 * ```
 */
export async function planStaffingInWorkers(options: PlanStaffingOptions, settings: StaffInWorkersOptions = {}): Promise<StaffingPlan> {
  const prepared = prepareStaffing(options);
  const chunks = staffingChunks(prepared.jobs, settings.chunkIntervals ?? staffingChunkIntervals);
  const threads = Math.max(1, Math.min(settings.threads ?? availableParallelism(), chunks.length));
  if (threads > 1 && prepared.intervalCount >= (settings.minIntervalsForWorkers ?? 300_000)) {
    // Each chunk's columns are copied into the plan's as they arrive (then dropped).
    const cols = new PlanColumns(prepared.intervalCount);
    const offsets: number[] = [];
    let offset = 0;
    for (const chunk of chunks) {
      offsets.push(offset);
      for (const job of chunk) offset += job.indexes.length;
    }
    try {
      await runTasksInWorkers<{ jobs: readonly StaffingChannelJob[] }, PlanColumnsData>("staffing-worker", chunks.map((jobs) => ({ jobs })), threads, (i, data) => cols.copyFrom(PlanColumns.fromMessage(data), offsets[i]!));
      return assembleStaffing(prepared, cols);
    } catch (error) {
      if (!(error instanceof WorkerStartError)) throw error;
    }
  }
  return assembleStaffing(prepared, staffChannels(prepared.jobs));
}
