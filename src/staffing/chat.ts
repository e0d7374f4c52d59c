import { invalidArgument, requireOptions } from "../errors.js";
import { reachesTarget, withinLimit } from "../queueing/limits.js";

/**
 * Chat with concurrency: N agents, each handling up to k chats at once, where every extra chat an
 * agent holds makes each of its chats take longer.
 *
 * ## The model: a state-dependent birth-death chain
 *
 * Let h = `ahtSeconds` be the handle time of a chat handled alone and f =
 * `handleTimeFactorPerExtraChat`. A chat whose agent holds j chats takes
 * h_j = h (1 + f (j - 1)) seconds, so that agent finishes chats at rate j / h_j. Chats arrive as a
 * Poisson stream of rate λ = calls / interval; the router spreads chats evenly over the agents, so
 * with n chats in the system (n <= N k) the agents hold q = floor(n / N) or q + 1 chats and chats
 * finish at rate
 *
 *   d(n) = a (q + 1) / h_{q+1} + (N - a) q / h_q,   a = n - q N,
 *
 * and at rate R = N k / h_k once every slot is full (n >= N k), while the extra chats wait in one
 * FIFO queue. The stationary distribution of this birth-death chain is p_n ∝ Π_{i<=n} λ / d(i) up
 * to N k and geometric with ratio ρ = λ / R above it, so, as in Erlang C,
 *
 *   P(wait) = P(n >= N k),  SL = 1 - P(wait) e^{-(R - λ) T},  ASA = P(wait) / (R - λ),
 *
 * and the queue is stable when λ < R. Occupancy is the share of chat slots in use,
 * E[chats in service] / (N k). With k = 1 this is exactly Erlang C, and with f = 0 it is Erlang C
 * with N k servers (M/M/(N k)).
 *
 * The chain is exact for Poisson arrivals, exponential handle times and a router that keeps the
 * load even at all times. Real routers send each new chat to the least-loaded agent and never move
 * chats, so after departures the load can be uneven. A seeded discrete-event simulation of that
 * least-loaded router (`simulateChatQueue`, a special case of the simulator `simulate`;
 * `test/staffing/chat.test.ts`, 600,000 chats per scenario) measures the model's error. Over six
 * scenarios (5 to 52 agents, concurrency 2 to 3, factor 0 to 0.3, slot occupancy 57% to 94%) the
 * model's service level differed from the simulation's by at most 0.008 (absolute; the
 * simulation's standard errors are 0.002 to 0.006) and its ASA by at most 4% where the simulation
 * resolves it (on the 3.7 s ASA of 52 agents the simulation gives 3.9 ± 0.3 s with 3,000,000
 * chats: within one standard error). The simpler
 * approximation M/M/(N k) with the full-concurrency handle time h_k errs by up to 0.069 in
 * service level on the same scenarios (it ignores that lightly loaded agents are faster). With
 * the load kept even (`routing: "balanced"`) the simulation matches the chain within four
 * standard errors, which checks the arithmetic.
 *
 * Cost: O(N k) per evaluation.
 *
 * @module
 */

/** Options of {@link chatQueue}. */
export interface ChatQueueOptions {
  /** Chats arriving in the interval, >= 0 (fractional allowed). */
  readonly callsPerInterval: number;
  /** Interval length in seconds, > 0. */
  readonly intervalSeconds: number;
  /** Handle time of a chat handled alone (concurrency 1), seconds, > 0. */
  readonly ahtSeconds: number;
  /** Agents N, a whole number >= 0. */
  readonly agents: number;
  /** Most chats one agent holds at once, k, a whole number >= 1. @defaultValue 1 */
  readonly concurrency?: number;
  /**
   * Extra handle time per extra concurrent chat, as a fraction of `ahtSeconds`, >= 0: a chat whose
   * agent holds j chats takes `ahtSeconds × (1 + factor × (j − 1))`. @defaultValue 0
   */
  readonly handleTimeFactorPerExtraChat?: number;
  /** Answer-time threshold T for the service level, seconds, >= 0. @defaultValue 0 */
  readonly targetAnswerSeconds?: number;
}

/** Result of {@link chatQueue}. Rates and waits are steady-state values. */
export interface ChatQueueResult {
  /** Offered traffic λ h, in Erlangs of solo handle time. */
  readonly trafficErlangs: number;
  /** Handle time at full concurrency, h_k = h (1 + f (k − 1)), seconds. */
  readonly effectiveAhtSeconds: number;
  /** Whether λ < R = N k / h_k (otherwise the queue grows without bound). */
  readonly stable: boolean;
  /** Probability that an arriving chat waits for a slot (1 when unstable). */
  readonly waitProbability: number;
  /** Share of chats answered within T (0 when unstable). */
  readonly serviceLevel: number;
  /** Mean wait for a slot over all chats, seconds (Infinity when unstable). */
  readonly asaSeconds: number;
  /** Share of the N k chat slots in use (1 when unstable; 0 with no chats). */
  readonly occupancy: number;
  /** Mean chats in service (in slots). */
  readonly meanChatsInService: number;
  /** Mean chats waiting for a slot (Infinity when unstable). */
  readonly meanQueueLength: number;
}

/** Options of {@link requiredChatAgents}. */
export interface RequiredChatAgentsOptions extends Omit<ChatQueueOptions, "agents"> {
  /** Share of chats to answer within `targetAnswerSeconds`, in [0, 1). */
  readonly targetServiceLevel: number;
  /** Answer-time threshold T, seconds, >= 0. */
  readonly targetAnswerSeconds: number;
  /** Highest mean wait allowed, seconds, > 0. @defaultValue no limit */
  readonly targetAsaSeconds?: number;
  /** Highest slot occupancy allowed, in (0, 1]. @defaultValue 1 */
  readonly maxOccupancy?: number;
}

/** Result of {@link requiredChatAgents}: the metrics at the smallest N meeting every target. */
export type RequiredChatAgentsResult =
  | (ChatQueueResult & { readonly feasible: true; readonly agents: number })
  | { readonly feasible: false; readonly agents: null; readonly reason: string; readonly trafficErlangs: number };

function checkCommon(fn: string, o: Omit<ChatQueueOptions, "agents">): { k: number; f: number; t: number } {
  if (!(Number.isFinite(o.callsPerInterval) && o.callsPerInterval >= 0)) {
    invalidArgument(fn, "callsPerInterval", "a finite number >= 0", o.callsPerInterval);
  }
  if (!(Number.isFinite(o.intervalSeconds) && o.intervalSeconds > 0)) {
    invalidArgument(fn, "intervalSeconds", "a positive finite number", o.intervalSeconds);
  }
  if (!(Number.isFinite(o.ahtSeconds) && o.ahtSeconds > 0)) invalidArgument(fn, "ahtSeconds", "a positive finite number", o.ahtSeconds);
  const k = o.concurrency ?? 1;
  if (!(Number.isInteger(k) && k >= 1 && k <= 1000)) invalidArgument(fn, "concurrency", "a whole number from 1 to 1000", o.concurrency);
  const f = o.handleTimeFactorPerExtraChat ?? 0;
  if (!(Number.isFinite(f) && f >= 0)) invalidArgument(fn, "handleTimeFactorPerExtraChat", "a finite number >= 0", f);
  const t = o.targetAnswerSeconds ?? 0;
  if (!(Number.isFinite(t) && t >= 0)) invalidArgument(fn, "targetAnswerSeconds", "a finite number >= 0", o.targetAnswerSeconds);
  return { k, f, t };
}

/** Agent throughput (chats per second) with j chats held, j = 0..k. */
function throughputs(ahtSeconds: number, k: number, f: number): Float64Array {
  const thr = new Float64Array(k + 1);
  for (let j = 1; j <= k; j++) thr[j] = j / (ahtSeconds * (1 + f * (j - 1)));
  return thr;
}

function evaluate(lambda: number, agents: number, k: number, thr: Float64Array, ahtSeconds: number, f: number, t: number): ChatQueueResult {
  const effectiveAhtSeconds = ahtSeconds * (1 + f * (k - 1));
  const trafficErlangs = lambda * ahtSeconds;
  if (lambda === 0) {
    return { trafficErlangs, effectiveAhtSeconds, stable: true, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, meanChatsInService: 0, meanQueueLength: 0 };
  }
  const slots = agents * k;
  const fullRate = agents * thr[k]!;
  if (agents === 0 || lambda >= fullRate) {
    return {
      trafficErlangs,
      effectiveAhtSeconds,
      stable: false,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      occupancy: 1,
      meanChatsInService: slots,
      meanQueueLength: Infinity,
    };
  }
  // Unnormalised p_n, rescaled whenever it grows large; p_0 = 1.
  let term = 1;
  let sum = 1;
  let sumN = 0;
  let q = 0;
  let a = 0;
  for (let n = 1; n < slots; n++) {
    a++;
    if (a === agents) {
      a = 0;
      q++;
    }
    const departures = a * thr[q + 1]! + (agents - a) * thr[q]!;
    term *= lambda / departures;
    sum += term;
    sumN += n * term;
    if (term > 1e200) {
      term *= 1e-200;
      sum *= 1e-200;
      sumN *= 1e-200;
    }
  }
  term *= lambda / fullRate; // state n = N k
  const rho = lambda / fullRate;
  const atOrAbove = term / (1 - rho);
  const total = sum + atOrAbove;
  const waitProbability = atOrAbove / total;
  const meanChatsInService = (sumN + slots * atOrAbove) / total;
  const drain = fullRate - lambda;
  const asaSeconds = waitProbability / drain;
  return {
    trafficErlangs,
    effectiveAhtSeconds,
    stable: true,
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp(-drain * t),
    asaSeconds,
    occupancy: meanChatsInService / slots,
    meanChatsInService,
    meanQueueLength: asaSeconds * lambda,
  };
}

/**
 * Service level, ASA, wait probability and slot occupancy of a chat queue with N agents of
 * concurrency k (the birth-death chain described in the module comment).
 *
 * @throws {WfmError} `invalid-argument` for a negative or non-finite input, or a fractional N or k
 *
 * @example
 * ```ts
 * // k = 1 is Erlang C: 100 chats / 30 min, 180 s, 13 agents, 20 s
 * chatQueue({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, targetAnswerSeconds: 20 }).serviceLevel;
 * //=> 0.7955947884...
 * // 60 chats / 15 min, 600 s alone, 3 at once, +25% per extra chat
 * chatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 22, concurrency: 3,
 *   handleTimeFactorPerExtraChat: 0.25, targetAnswerSeconds: 60 }).serviceLevel;
 * //=> 0.8397...
 * chatQueue({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, agents: 10, concurrency: 3,
 *   handleTimeFactorPerExtraChat: 0.25 }).stable; //=> false (needs N k / h_k > λ, N > 20)
 * ```
 */
export function chatQueue(options: ChatQueueOptions): ChatQueueResult {
  requireOptions("chatQueue", options);
  const { k, f, t } = checkCommon("chatQueue", options);
  const { agents } = options;
  if (!(Number.isInteger(agents) && agents >= 0)) invalidArgument("chatQueue", "agents", "a whole number >= 0", agents);
  const lambda = options.callsPerInterval / options.intervalSeconds;
  return evaluate(lambda, agents, k, throughputs(options.ahtSeconds, k, f), options.ahtSeconds, f, t);
}

/**
 * The fewest agents N for a chat queue that meet the service level, and the ASA and occupancy
 * limits when given; N starts just above the stability bound λ h_k / k and steps upward.
 *
 * @returns `{ feasible: true, agents, ...metrics }`, or `{ feasible: false, reason }` when no N
 * can meet the targets (a 100% service level).
 * @throws {WfmError} `invalid-argument` for an input out of its domain
 *
 * @example
 * ```ts
 * requiredChatAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180,
 *   targetServiceLevel: 0.8, targetAnswerSeconds: 20 }).agents; //=> 14 (Erlang C)
 * requiredChatAgents({ callsPerInterval: 60, intervalSeconds: 900, ahtSeconds: 600, concurrency: 3,
 *   handleTimeFactorPerExtraChat: 0.25, targetServiceLevel: 0.8, targetAnswerSeconds: 60 }).agents; //=> 22
 * ```
 */
export function requiredChatAgents(options: RequiredChatAgentsOptions): RequiredChatAgentsResult {
  requireOptions("requiredChatAgents", options);
  const fn = "requiredChatAgents";
  const { k, f, t } = checkCommon(fn, options);
  const { targetServiceLevel, targetAsaSeconds, maxOccupancy = 1 } = options;
  if (!(Number.isFinite(targetServiceLevel) && targetServiceLevel >= 0 && targetServiceLevel <= 1)) {
    invalidArgument(fn, "targetServiceLevel", "a fraction from 0 to 1", targetServiceLevel);
  }
  if (targetAsaSeconds !== undefined && !(Number.isFinite(targetAsaSeconds) && targetAsaSeconds > 0)) {
    invalidArgument(fn, "targetAsaSeconds", "a positive finite number", targetAsaSeconds);
  }
  if (!(Number.isFinite(maxOccupancy) && maxOccupancy > 0 && maxOccupancy <= 1)) {
    invalidArgument(fn, "maxOccupancy", "a fraction greater than 0 and at most 1", maxOccupancy);
  }
  const lambda = options.callsPerInterval / options.intervalSeconds;
  const thr = throughputs(options.ahtSeconds, k, f);
  if (lambda === 0) return { feasible: true, agents: 0, ...evaluate(0, 0, k, thr, options.ahtSeconds, f, t) };
  if (targetServiceLevel >= 1) {
    return { feasible: false, agents: null, reason: "a service level of 100% cannot be met with random arrivals", trafficErlangs: lambda * options.ahtSeconds };
  }
  // Stability: N k / h_k > λ. Using the best per-agent throughput over j <= k keeps the bound valid when f >= 1.
  let best = 0;
  for (let j = 1; j <= k; j++) best = Math.max(best, thr[j]!);
  let agents = Math.max(1, Math.floor(lambda / Math.max(best, thr[k]!)) + 1);
  const limit = agents * 100 + 10_000;
  for (; agents <= limit; agents++) {
    const result = evaluate(lambda, agents, k, thr, options.ahtSeconds, f, t);
    if (!result.stable) continue;
    // Targets and caps decided as requiredAgents decides them (8-ulp tolerance, queueing/limits.ts).
    if (!reachesTarget(result.serviceLevel, targetServiceLevel)) continue;
    if (targetAsaSeconds !== undefined && !withinLimit(result.asaSeconds, targetAsaSeconds)) continue;
    if (!withinLimit(result.occupancy, maxOccupancy)) continue;
    return {
      feasible: true,
      agents,
      trafficErlangs: result.trafficErlangs,
      effectiveAhtSeconds: result.effectiveAhtSeconds,
      stable: result.stable,
      waitProbability: result.waitProbability,
      serviceLevel: result.serviceLevel,
      asaSeconds: result.asaSeconds,
      occupancy: result.occupancy,
      meanChatsInService: result.meanChatsInService,
      meanQueueLength: result.meanQueueLength,
    };
  }
  return { feasible: false, agents: null, reason: `no agent count up to ${limit} meets the targets`, trafficErlangs: lambda * options.ahtSeconds };
}
