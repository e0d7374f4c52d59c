import { invalidArgument, requireOptions } from "../errors.js";
import type { ChatQueueOptions } from "./chat.js";
import { seededRandom } from "./random.js";

/**
 * A seeded discrete-event simulation of a chat queue with concurrency, to validate the
 * birth-death model of {@link chatQueue} (see `./chat.ts`).
 *
 * Chats arrive as a Poisson stream; handle times are exponential with the state-dependent mean
 * h_j = h (1 + f (j − 1)) while their agent holds j chats (memoryless, so the simulation draws
 * competing exponential clocks, exactly as the continuous-time Markov chain of the real system).
 * Routing is one of:
 * - `"least-loaded"`: a new chat goes to the agent holding the fewest chats (lowest index on a
 *   tie) and stays there; a freed slot takes the head of the FIFO queue. This is what chat routers
 *   do, and what the model approximates.
 * - `"balanced"`: chats are re-spread evenly after every event, which is the model's assumption;
 *   the simulation then checks the model's arithmetic, up to sampling error.
 *
 * Statistics are collected after a warm-up, in `batches` equal batches of arrivals, so the
 * result carries a standard error for each figure (batch means).
 *
 * @module
 */

/** Options of {@link simulateChatQueue}. */
export interface ChatSimulationOptions extends ChatQueueOptions {
  /** Routing rule. @defaultValue "least-loaded" */
  readonly routing?: "least-loaded" | "balanced";
  /** Arrivals measured after the warm-up, > 0. @defaultValue 200000 */
  readonly arrivals?: number;
  /** Arrivals simulated before measuring, >= 0. @defaultValue 20000 */
  readonly warmupArrivals?: number;
  /** Batches for the standard errors, >= 2. @defaultValue 20 */
  readonly batches?: number;
  /** Seed of the pseudo-random generator (any 32-bit integer). @defaultValue 1 */
  readonly seed?: number;
}

/** One simulated figure with its batch-means standard error. */
export interface SimulatedFigure {
  readonly mean: number;
  readonly standardError: number;
}

/** Result of {@link simulateChatQueue}. */
export interface ChatSimulationResult {
  /** Share of chats answered within `targetAnswerSeconds`. */
  readonly serviceLevel: SimulatedFigure;
  /** Share of chats that waited for a slot. */
  readonly waitProbability: SimulatedFigure;
  /** Mean wait, seconds. */
  readonly asaSeconds: SimulatedFigure;
  /** Time-average share of slots in use. */
  readonly occupancy: SimulatedFigure;
}

function figure(values: readonly number[]): SimulatedFigure {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}

/**
 * Simulates a chat queue (see the module comment) and returns its service level, wait
 * probability, ASA and slot occupancy with standard errors. Deterministic for a given seed.
 *
 * @throws {WfmError} `invalid-argument` for an input out of its domain or an unstable queue
 *
 * @example
 * ```ts
 * simulateChatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 22,
 *   concurrency: 3, handleTimeFactorPerExtraChat: 0.25, targetAnswerSeconds: 60, seed: 7 }).serviceLevel.mean;
 * //=> about 0.84 (the model gives 0.8397)
 * ```
 */
export function simulateChatQueue(options: ChatSimulationOptions): ChatSimulationResult {
  requireOptions("simulateChatQueue", options);
  const fn = "simulateChatQueue";
  const {
    callsPerInterval,
    intervalSeconds,
    ahtSeconds,
    agents,
    concurrency = 1,
    handleTimeFactorPerExtraChat = 0,
    targetAnswerSeconds = 0,
    routing = "least-loaded",
    arrivals = 200_000,
    warmupArrivals = 20_000,
    batches = 20,
    seed = 1,
  } = options;
  if (!(Number.isFinite(callsPerInterval) && callsPerInterval > 0)) invalidArgument(fn, "callsPerInterval", "a positive finite number", callsPerInterval);
  if (!(Number.isFinite(intervalSeconds) && intervalSeconds > 0)) invalidArgument(fn, "intervalSeconds", "a positive finite number", intervalSeconds);
  if (!(Number.isFinite(ahtSeconds) && ahtSeconds > 0)) invalidArgument(fn, "ahtSeconds", "a positive finite number", ahtSeconds);
  if (!(Number.isInteger(agents) && agents >= 1)) invalidArgument(fn, "agents", "a whole number >= 1", agents);
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) invalidArgument(fn, "concurrency", "a whole number >= 1", concurrency);
  if (!(Number.isFinite(handleTimeFactorPerExtraChat) && handleTimeFactorPerExtraChat >= 0)) {
    invalidArgument(fn, "handleTimeFactorPerExtraChat", "a finite number >= 0", handleTimeFactorPerExtraChat);
  }
  if (!(Number.isInteger(arrivals) && arrivals > 0)) invalidArgument(fn, "arrivals", "a positive whole number", arrivals);
  if (!(Number.isInteger(batches) && batches >= 2 && batches <= arrivals)) invalidArgument(fn, "batches", "a whole number from 2 to arrivals", batches);
  const k = concurrency;
  const lambda = callsPerInterval / intervalSeconds;
  const thr = new Float64Array(k + 1);
  for (let j = 1; j <= k; j++) thr[j] = j / (ahtSeconds * (1 + handleTimeFactorPerExtraChat * (j - 1)));
  if (lambda >= agents * thr[k]!) invalidArgument(fn, "agents", `enough for a stable queue (more than ${(lambda / thr[k]!).toFixed(2)})`, agents);

  const random = seededRandom(seed);
  const exp = (rate: number) => -Math.log(random()) / rate;
  const loads = new Int32Array(agents);
  const queue: number[] = []; // arrival times, FIFO
  let queueHead = 0;
  let inService = 0;
  let now = 0;
  let arrived = 0;
  const total = warmupArrivals + arrivals;
  const perBatch = Math.floor(arrivals / batches);

  let departureRate = 0; // sum of loads[a] * thr[loads[a]] / loads[a] ... i.e. thr[loads[a]]
  const batchWithin: number[] = [];
  const batchWaited: number[] = [];
  const batchWait: number[] = [];
  const batchBusy: number[] = [];
  let within = 0;
  let waited = 0;
  let waitSum = 0;
  let answered = 0;
  let busyArea = 0;
  let batchStart = 0;
  let measuring = false;

  const recordAnswer = (waitSeconds: number, arrivalIndex: number) => {
    if (arrivalIndex < warmupArrivals) return;
    answered++;
    if (waitSeconds <= targetAnswerSeconds) within++;
    if (waitSeconds > 0) waited++;
    waitSum += waitSeconds;
  };
  // Arrival index of each queued chat (parallel to `queue`).
  const queueIndex: number[] = [];

  const balancedRate = (n: number) => {
    if (n >= agents * k) return agents * thr[k]!;
    const q = Math.floor(n / agents);
    const a = n - q * agents;
    return a * thr[q + 1]! + (agents - a) * thr[q]!;
  };

  while (arrived < total || queueHead < queue.length) {
    const rate = lambda + departureRate;
    const step = exp(rate);
    if (measuring) busyArea += inService * step;
    now += step;
    if (random() * rate < lambda) {
      if (arrived >= total) continue;
      const index = arrived++;
      if (index === warmupArrivals) {
        measuring = true;
        batchStart = now;
        busyArea = 0;
      }
      if (routing === "balanced") {
        if (inService < agents * k) {
          inService++;
          departureRate = balancedRate(inService);
          recordAnswer(0, index);
        } else {
          queue.push(now);
          queueIndex.push(index);
        }
      } else {
        let bestAgent = -1;
        let bestLoad = k;
        for (let a = 0; a < agents; a++) {
          const load = loads[a]!;
          if (load < bestLoad) {
            bestLoad = load;
            bestAgent = a;
            if (load === 0) break;
          }
        }
        if (bestAgent >= 0) {
          departureRate += thr[bestLoad + 1]! - thr[bestLoad]!;
          loads[bestAgent] = bestLoad + 1;
          inService++;
          recordAnswer(0, index);
        } else {
          queue.push(now);
          queueIndex.push(index);
        }
      }
      if (measuring && index >= warmupArrivals && (index - warmupArrivals + 1) % perBatch === 0 && batchWithin.length < batches) {
        // Close a batch of arrivals: rates over chats answered so far in the batch.
        batchWithin.push(answered > 0 ? within / answered : 1);
        batchWaited.push(answered > 0 ? waited / answered : 0);
        batchWait.push(answered > 0 ? waitSum / answered : 0);
        batchBusy.push(busyArea / ((now - batchStart) * agents * k));
        within = 0;
        waited = 0;
        waitSum = 0;
        answered = 0;
        busyArea = 0;
        batchStart = now;
      }
      if (batchWithin.length >= batches) break;
    } else {
      // A departure: pick the agent in proportion to its departure rate.
      if (routing === "balanced") {
        if (queueHead < queue.length) {
          const arrivalTime = queue[queueHead]!;
          const index = queueIndex[queueHead]!;
          queueHead++;
          recordAnswer(now - arrivalTime, index);
        } else {
          inService--;
          departureRate = balancedRate(inService);
        }
      } else {
        let pick = random() * departureRate;
        let agent = agents - 1;
        for (let a = 0; a < agents; a++) {
          pick -= thr[loads[a]!]!;
          if (pick < 0) {
            agent = a;
            break;
          }
        }
        while (loads[agent] === 0 && agent > 0) agent--; // guard against rounding at the end
        if (queueHead < queue.length) {
          const arrivalTime = queue[queueHead]!;
          const index = queueIndex[queueHead]!;
          queueHead++;
          recordAnswer(now - arrivalTime, index);
        } else {
          const load = loads[agent]!;
          departureRate += thr[load - 1]! - thr[load]!;
          loads[agent] = load - 1;
          inService--;
          if (inService === 0) departureRate = 0; // no drift from repeated additions
        }
      }
      if (queueHead > 4096 && queueHead * 2 > queue.length) {
        queue.splice(0, queueHead);
        queueIndex.splice(0, queueHead);
        queueHead = 0;
      }
    }
  }
  return {
    serviceLevel: figure(batchWithin),
    waitProbability: figure(batchWaited),
    asaSeconds: figure(batchWait),
    occupancy: figure(batchBusy),
  };
}
