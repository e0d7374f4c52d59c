import { bisectSmallestAgents, bracketUpward, type RequiredAgentsOutcome } from "./agent-search.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { reachesTarget, withinLimit } from "./limits.js";
import { answeredWithin } from "./answered-within.js";
import { erlangAFromRecursion } from "./erlang-a.js";
import { erlangCFromRecursion } from "./erlang-c.js";
import { inverseErlangB } from "./inverse-erlang-b.js";
import { resolveAgents, resolveAnswerSeconds, resolveFraction, resolveTraffic } from "./traffic.js";
import type { TrafficOptions } from "./types.js";

/**
 * Erlang X: abandonment, redials and a finite number of lines, solved exactly for its model.
 *
 * Model. Fresh calls arrive as a Poisson stream of rate lambda_0 = A / AHT. An attempt that finds
 * all L lines taken is blocked; one that finds a free line but all N agents busy waits, and
 * abandons after an exponential patience (mean 1/theta) unless answered first (FCFS); handle
 * times are exponential (mean 1/mu). A blocked or abandoning caller redials with probability r
 * after a delay; redials are assumed to arrive as a Poisson stream (the classical Erlang X
 * assumption: the delay, minutes, is long next to the correlation time of the queue). So the
 * attempts form a Poisson stream of rate lambda = lambda_0 + lambda_r into an M/M/N/L+M queue, and
 * lambda_r = r lambda (P_block(lambda) + P_ab(lambda)). The queue is solved exactly (birth-death
 * chain on 0..L, product form; unlimited lines: the Erlang A closed form) and the fixed point by
 * bisection (the redial rate is increasing in lambda and bounded by lambda_0 r / (1 - r)); the mean
 * redial delay then gives the mean number of callers waiting to redial, lambda_r x delay (Little).
 *
 * @module
 */

/** Options of {@link erlangX}. */
export interface ErlangXOptions extends TrafficOptions {
  /** Agents N; a whole number >= 0 (at most `lines`). */
  readonly agents: number;
  /** Mean patience, seconds (exponential); absent: callers never abandon (only blocking, with `lines`). */
  readonly patienceSeconds?: number;
  /**
   * Share r of blocked and abandoning callers who call again, a fraction in [0, 1].
   * @defaultValue 0
   */
  readonly redialShare?: number;
  /**
   * Mean delay before a redial, seconds (> 0); it sets the number of callers waiting to redial.
   * @defaultValue 300
   */
  readonly redialDelaySeconds?: number;
  /** Lines (trunks) L >= N: calls in service plus waiting; absent: unlimited. */
  readonly lines?: number;
  /**
   * Answer-time threshold T of the service level, seconds.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/** Erlang X metrics. Per-attempt ratios count redials as attempts; per-caller ratios count fresh callers. */
export interface ErlangXResult {
  /** Fresh offered traffic A = lambda_0 AHT, Erlangs. */
  readonly trafficErlangs: number;
  /** Offered traffic including redials, lambda AHT, Erlangs (the effective offered load). */
  readonly effectiveTrafficErlangs: number;
  readonly agents: number;
  /** Lines L; null when unlimited. */
  readonly lines: number | null;
  readonly patienceSeconds: number | null;
  /** The redial probability r given. */
  readonly redialShare: number;
  /** Share of attempts that are redials, lambda_r / lambda. */
  readonly redialAttemptShare: number;
  /** Mean callers waiting to redial, lambda_r x mean delay. */
  readonly redialOrbitCallers: number;
  readonly targetAnswerSeconds: number;
  /** Attempts blocked (all lines taken) / attempts. */
  readonly blockingProbability: number;
  /** Attempts that wait / attempts. */
  readonly waitProbability: number;
  /** Attempts that abandon / attempts. */
  readonly abandonProbability: number;
  /** Attempts answered within T / attempts. */
  readonly serviceLevel: number;
  /** Mean wait over attempts that got a line (abandoners' waits included), seconds. */
  readonly asaSeconds: number;
  /** Carried traffic / N. */
  readonly occupancy: number;
  /** Fresh callers never answered (blocked or abandoned on their last attempt) / fresh callers. */
  readonly callerLossProbability: number;
  /** Attempts per fresh caller, lambda / lambda_0. */
  readonly attemptsPerCaller: number;
  /** false when no steady state exists (every caller redials and the agents cannot keep up). */
  readonly stable: boolean;
  /** Bound on the absolute error of `serviceLevel` from truncation (finite lines). */
  readonly truncationError: number;
}

interface QueueAt {
  readonly block: number;
  readonly abandon: number;
  readonly wait: number;
  readonly queueLength: number;
}

/** The M/M/N/L+M queue at attempt rate lambda (per second). */
function lossAndAbandon(lambda: number, mu: number, theta: number, agents: number, lines: number | null, ahtSeconds: number, patienceSeconds: number | null): QueueAt & { readonly distribution?: Float64Array } {
  const a = lambda / mu;
  if (a === 0) return { block: 0, abandon: 0, wait: 0, queueLength: 0 };
  if (lines === null) {
    if (agents === 0) return { block: 0, abandon: patienceSeconds === null ? 0 : 1, wait: 1, queueLength: patienceSeconds === null ? Number.POSITIVE_INFINITY : lambda / theta };
    const rPrevious = inverseErlangB(agents - 1, a).r;
    if (patienceSeconds === null) {
      const c = erlangCFromRecursion(a, agents, agents <= a ? 0 : rPrevious, ahtSeconds, 0);
      return { block: 0, abandon: 0, wait: c.waitProbability, queueLength: c.averageQueueLength };
    }
    const m = erlangAFromRecursion(a, agents, rPrevious, ahtSeconds, patienceSeconds, 0);
    return { block: 0, abandon: m.abandonProbability, wait: m.waitProbability, queueLength: m.averageQueueLength };
  }
  if (agents === 0 && theta === 0) return { block: 1, abandon: 0, wait: 0, queueLength: lines, distribution: Float64Array.from({ length: lines + 1 }, (_, n) => (n === lines ? 1 : 0)) };
  // Birth-death chain on 0..L, weights scaled to stay finite.
  const w = new Float64Array(lines + 1);
  w[0] = 1;
  let sum = 1;
  for (let n = 1; n <= lines; n++) {
    const rate = Math.min(n, agents) * mu + Math.max(0, n - agents) * theta;
    let v = (w[n - 1]! * lambda) / rate;
    if (v > 1e250) {
      for (let k = 0; k < n; k++) w[k]! *= 1e-250;
      sum *= 1e-250;
      v *= 1e-250;
    }
    w[n] = v;
    sum += v;
  }
  let wait = 0;
  let queueLength = 0;
  for (let n = 0; n <= lines; n++) {
    w[n]! /= sum;
    if (n >= agents && n < lines) wait += w[n]!;
    if (n > agents) queueLength += (n - agents) * w[n]!;
  }
  const block = w[lines]!;
  return { block, abandon: (theta * queueLength) / lambda, wait, queueLength, distribution: w };
}

/**
 * Erlang X: the metrics of N agents answering fresh traffic A with abandonment (exponential
 * patience), redials of a share r of blocked and abandoning callers, and optionally L lines (see
 * the module text for the model). Reduces exactly to Erlang A when r = 0 and lines are unlimited,
 * to Erlang C without patience, and to Erlang B when L = N (no waiting room) and r = 0.
 *
 * A share r = 1 with N mu <= lambda_0 has no steady state (every caller comes back and the agents
 * cannot clear them): the result is `stable: false` with the limit values (service level 0).
 *
 * @throws {WfmError} `invalid-argument` naming the option (lines below agents, r outside [0, 1],
 *   a patience of 0, ...).
 * @example
 * ```ts
 * const x = erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, redialShare: 0.6, lines: 120 });
 * x.effectiveTrafficErlangs; //=> 104.1654247... (4% of the attempts are redials)
 * x.blockingProbability; //=> 0.0056893674...
 * x.serviceLevel; //=> 0.8240476789...
 * ```
 * @see Koole, "Call Center Optimization" (2013) ch. 5 (Erlang X); Aguir, Karaesmen, Aksin & Chauvet,
 * "The impact of retrials on call center performance", OR Spectrum 26 (2004) 353-376.
 */
export function erlangX(options: ErlangXOptions): ErlangXResult {
  requireOptions("erlangX", options);
  const fn = "erlangX";
  const { trafficErlangs: a0, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveAgents(fn, "agents", options.agents);
  const patienceSeconds = options.patienceSeconds === undefined ? null : options.patienceSeconds;
  if (patienceSeconds !== null && !(Number.isFinite(patienceSeconds) && patienceSeconds > 0)) {
    invalidArgument(fn, "patienceSeconds", "a positive finite number (a patience of 0 would send every waiting caller straight back to redial)", patienceSeconds);
  }
  const r = resolveFraction(fn, "redialShare", options.redialShare) ?? 0;
  const delay = options.redialDelaySeconds ?? 300;
  if (!(Number.isFinite(delay) && delay > 0)) invalidArgument(fn, "redialDelaySeconds", "a positive finite number", delay);
  const lines = options.lines === undefined ? null : resolveAgents(fn, "lines", options.lines);
  if (lines !== null && lines < agents) invalidArgument(fn, "lines", `at least agents (${agents}): every agent needs a line`, lines);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  return solveErlangX(a0, ahtSeconds, agents, patienceSeconds, r, delay, lines, targetAnswerSeconds);
}

/** Erlang X on validated inputs (also used by the requirement search). */
export function solveErlangX(
  a0: number,
  ahtSeconds: number,
  agents: number,
  patienceSeconds: number | null,
  r: number,
  delaySeconds: number,
  lines: number | null,
  targetAnswerSeconds: number,
): ErlangXResult {
  const mu = 1 / ahtSeconds;
  const theta = patienceSeconds === null ? 0 : 1 / patienceSeconds;
  const lambda0 = a0 * mu;
  const base = { trafficErlangs: a0, agents, lines, patienceSeconds, redialShare: r, targetAnswerSeconds };
  const failing = (lambda: number) => {
    const q = lossAndAbandon(lambda, mu, theta, agents, lines, ahtSeconds, patienceSeconds);
    return q.block + q.abandon;
  };
  // Nobody is blocked or abandons in Erlang C: redials never happen.
  const noRetrials = r === 0 || (patienceSeconds === null && lines === null);
  let lambda = lambda0;
  if (!noRetrials && lambda0 > 0) {
    // h(l) = l (1 - r p(l)) - lambda_0: h(lambda_0) <= 0; h(lambda_0 / (1 - r)) >= 0 when r < 1.
    let low = lambda0;
    let high: number;
    if (r < 1) high = lambda0 / (1 - r);
    else {
      // r = 1: throughput l (1 - p(l)) rises to N mu; a steady state needs lambda_0 < N mu.
      if (lambda0 >= agents * mu) return unstable(base, ahtSeconds);
      high = 2 * lambda0;
      while (high * (1 - failing(high)) < lambda0) high *= 2;
    }
    for (let i = 0; i < 200 && high - low > 1e-14 * high; i++) {
      const mid = 0.5 * (low + high);
      if (mid * (1 - r * failing(mid)) < lambda0) low = mid;
      else high = mid;
    }
    lambda = 0.5 * (low + high);
  }
  const q = lossAndAbandon(lambda, mu, theta, agents, lines, ahtSeconds, patienceSeconds);
  const a = lambda === lambda0 ? a0 : lambda / mu;
  // Service level per attempt: answered at once + waiting callers answered within T.
  let serviceLevel: number;
  let truncationError = 0;
  if (a === 0) serviceLevel = agents > 0 ? 1 : 0;
  else if (lines === null) {
    if (agents === 0) serviceLevel = 0;
    else if (patienceSeconds === null) {
      serviceLevel = erlangCFromRecursion(a, agents, agents <= a ? 0 : inverseErlangB(agents - 1, a).r, ahtSeconds, targetAnswerSeconds).serviceLevel;
    } else {
      serviceLevel = erlangAFromRecursion(a, agents, inverseErlangB(agents - 1, a).r, ahtSeconds, patienceSeconds, targetAnswerSeconds).serviceLevel;
    }
  } else {
    const w = q.distribution!;
    const waiting = lines - agents;
    let answeredAtOnce = 0;
    for (let n = 0; n < Math.min(agents, lines + 1); n++) answeredAtOnce += w[n]!;
    if (waiting === 0 || q.wait === 0 || agents === 0) serviceLevel = agents === 0 ? 0 : answeredAtOnce;
    else {
      const initial = new Float64Array(waiting);
      for (let j = 0; j < waiting; j++) initial[j] = w[agents + j]! / q.wait;
      const within = answeredWithin(0, agents * mu, theta, initial, 0, targetAnswerSeconds);
      serviceLevel = Math.min(1, answeredAtOnce + q.wait * within.value);
      truncationError = q.wait * within.error;
    }
  }
  const failed = q.block + q.abandon;
  const redialRate = r * lambda * failed;
  return {
    ...base,
    effectiveTrafficErlangs: a,
    redialAttemptShare: lambda === 0 ? 0 : redialRate / lambda,
    redialOrbitCallers: redialRate * delaySeconds,
    blockingProbability: q.block,
    waitProbability: q.wait,
    abandonProbability: q.abandon,
    serviceLevel: Math.max(0, serviceLevel),
    asaSeconds: lambda === 0 ? 0 : q.queueLength / (lambda * (1 - q.block)),
    occupancy: agents === 0 ? 0 : Math.min(1, (a * (1 - failed)) / agents),
    callerLossProbability: lambda0 === 0 ? 0 : ((1 - r) * lambda * failed) / lambda0,
    attemptsPerCaller: lambda0 === 0 ? 1 : lambda / lambda0,
    stable: patienceSeconds !== null || lines !== null || agents > a,
    truncationError,
  };
}

function unstable(base: Omit<ErlangXResult, "effectiveTrafficErlangs" | "redialAttemptShare" | "redialOrbitCallers" | "blockingProbability" | "waitProbability" | "abandonProbability" | "serviceLevel" | "asaSeconds" | "occupancy" | "callerLossProbability" | "attemptsPerCaller" | "stable" | "truncationError">, _aht: number): ErlangXResult {
  return {
    ...base,
    effectiveTrafficErlangs: Number.POSITIVE_INFINITY,
    redialAttemptShare: 1,
    redialOrbitCallers: Number.POSITIVE_INFINITY,
    blockingProbability: base.lines === null ? 0 : 1,
    waitProbability: 1,
    abandonProbability: base.lines === null ? 1 : 0,
    serviceLevel: 0,
    asaSeconds: base.patienceSeconds ?? Number.POSITIVE_INFINITY,
    occupancy: base.agents === 0 ? 0 : 1,
    callerLossProbability: 0,
    attemptsPerCaller: Number.POSITIVE_INFINITY,
    stable: false,
    truncationError: 0,
  };
}

/** Options of {@link requiredAgentsErlangX}: the Erlang X inputs without `agents`, and the targets. */
export interface RequiredAgentsErlangXOptions extends Omit<ErlangXOptions, "agents"> {
  /** Service-level target per attempt, a fraction in [0, 1]. */
  readonly targetServiceLevel?: number;
  /** Maximum mean wait, seconds. */
  readonly targetAsaSeconds?: number;
  /** Maximum abandonment per attempt, a fraction in [0, 1]. */
  readonly maxAbandonProbability?: number;
  /** Maximum blocking per attempt, a fraction in [0, 1] (with `lines`). */
  readonly maxBlocking?: number;
}

/** Result of {@link requiredAgentsErlangX}. */
export type RequiredAgentsErlangXResult = RequiredAgentsOutcome<ErlangXResult>;

/**
 * Required agents under Erlang X: the minimum N (at most the lines) meeting every target, with the
 * redial fixed point solved at each candidate (more agents, fewer failures, fewer redials: every
 * metric is monotone in N). Doubling steps from A, then bisection.
 *
 * @throws {WfmError} `invalid-argument` naming the option; no target at all.
 * @example
 * ```ts
 * requiredAgentsErlangX({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, redialShare: 0.6, targetServiceLevel: 0.8 }).agents; //=> 100
 * ```
 * @see Koole, "Call Center Optimization" (2013) ch. 5.
 */
export function requiredAgentsErlangX(options: RequiredAgentsErlangXOptions): RequiredAgentsErlangXResult {
  requireOptions("requiredAgentsErlangX", options);
  const fn = "requiredAgentsErlangX";
  const targetServiceLevel = resolveFraction(fn, "targetServiceLevel", options.targetServiceLevel);
  const maxAbandon = resolveFraction(fn, "maxAbandonProbability", options.maxAbandonProbability);
  const maxBlocking = resolveFraction(fn, "maxBlocking", options.maxBlocking);
  const asaMax = options.targetAsaSeconds;
  if (asaMax !== undefined && !(Number.isFinite(asaMax) && asaMax >= 0)) invalidArgument(fn, "targetAsaSeconds", "a non-negative finite number", asaMax);
  if (targetServiceLevel === undefined && maxAbandon === undefined && maxBlocking === undefined && asaMax === undefined) {
    invalidArgument(fn, "targetServiceLevel", "given, or another target (targetAsaSeconds, maxAbandonProbability, maxBlocking)", undefined);
  }
  const first = erlangX({ ...options, agents: 0 }); // validates every other option
  const a0 = first.trafficErlangs;
  const lines = first.lines;
  const infeasible = (reason: string): RequiredAgentsErlangXResult => ({ feasible: false, agents: null, reason });
  if (a0 > 0) {
    if (targetServiceLevel !== undefined && targetServiceLevel >= 1) return infeasible("a service level of 100% is never reached while traffic is positive");
    if (asaMax === 0) return infeasible("an average speed of answer of 0 s is never reached while traffic is positive");
    if (maxAbandon === 0 && first.patienceSeconds !== null) return infeasible("an abandonment of 0% is never reached while callers are impatient and traffic is positive");
    if (maxBlocking === 0 && lines !== null) return infeasible("a blocking of 0% is never reached with finite lines while traffic is positive");
  }
  const evaluate = (n: number) => erlangX({ ...options, agents: n });
  const meets = (m: ErlangXResult) =>
    m.stable &&
    (targetServiceLevel === undefined || reachesTarget(m.serviceLevel, targetServiceLevel)) &&
    (asaMax === undefined || withinLimit(m.asaSeconds, asaMax)) &&
    (maxAbandon === undefined || withinLimit(m.abandonProbability, maxAbandon)) &&
    (maxBlocking === undefined || withinLimit(m.blockingProbability, maxBlocking));
  if (meets(first)) return { feasible: true, agents: 0, metrics: first, atOneFewer: null };
  const cap = lines ?? Number.POSITIVE_INFINITY;
  const meetsAt = (n: number) => meets(evaluate(n));
  const bracket = bracketUpward(a0, cap, meetsAt);
  if (bracket === null) return infeasible(`the lines bind: even ${cap} agents on ${cap} lines miss the targets`);
  const high = bisectSmallestAgents(bracket[0], bracket[1], meetsAt);
  return { feasible: true, agents: high, metrics: evaluate(high), atOneFewer: evaluate(high - 1) };
}
