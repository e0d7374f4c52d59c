import { requireOptions } from "../errors.js";
import { inverseErlangB } from "./inverse-erlang-b.js";
import { kummerRatio, upperGamma } from "./incomplete-gamma.js";
import { resolveAgents, resolveAnswerSeconds, resolvePatience, resolveTraffic } from "./traffic.js";
import type { ErlangAResult, TrafficOptions } from "./types.js";

/** Options of {@link erlangA}. */
export interface ErlangAOptions extends TrafficOptions {
  /** Number of agents N; a whole number >= 0 (N below the traffic is allowed: callers abandon). */
  readonly agents: number;
  /** Mean patience 1/theta of the exponential patience distribution, seconds; a positive finite number. */
  readonly patienceSeconds: number;
  /**
   * Answer-time threshold T of the service levels, seconds; a non-negative finite number.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/** Erlang A metrics plus 1 - SL computed as a sum of positive terms (internal). */
export interface ErlangAInternal extends ErlangAResult {
  readonly unmetFraction: number;
}

/**
 * Erlang A metrics from r(N - 1) of the inverse Erlang B recursion (internal). A > 0.
 */
export function erlangAFromRecursion(
  trafficErlangs: number,
  agents: number,
  rPrevious: number,
  ahtSeconds: number,
  patienceSeconds: number,
  targetAnswerSeconds: number,
): ErlangAInternal {
  const y = (trafficErlangs * patienceSeconds) / ahtSeconds; // lambda / theta
  const thetaT = targetAnswerSeconds / patienceSeconds;
  if (agents === 0) {
    return {
      trafficErlangs,
      agents,
      targetAnswerSeconds,
      patienceSeconds,
      stable: true,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: patienceSeconds,
      occupancy: 0,
      averageQueueLength: y,
      abandonProbability: 1,
      serviceLevelAnsweredOrAbandonedWithin: -Math.expm1(-thetaT),
      unmetFraction: 1,
    };
  }
  const x = (agents * patienceSeconds) / ahtSeconds; // N mu / theta
  // beta = pi_N / P(fewer than N busy) = B / (1 - B) = 1 / (r(N) - 1) = A / (N r(N-1)).
  const beta = trafficErlangs / (agents * rPrevious);
  const main = kummerRatio(x, y);
  const waitProbability = beta / (main.inverseJ + beta);
  const abandonProbability = waitProbability * main.abandonGivenWait;
  // Offered wait V: P(V > t) = P(W > 0) P(x, y e^-theta t) / P(x, y) (Riordan; Mandelbaum & Zeltyn).
  const y2 = y * Math.exp(-thetaT);
  const second = kummerRatio(x, y2);
  const logE = (-agents * targetAnswerSeconds) / ahtSeconds - y * Math.expm1(-thetaT); // ln D(x, y2) - ln D(x, y)
  const ratio = targetAnswerSeconds === 0 ? 1 : Math.exp(logE + second.logJ - main.logJ);
  const offeredWaitBeyond = waitProbability * ratio;
  // Answered after waiting longer than T: P(W>0) (N / A) ((J2 - 1) / J2) P(x, y2) / P(x, y).
  const answeredLate = waitProbability * (agents / trafficErlangs) * second.tailShare * ratio;
  let unmetFraction = abandonProbability + answeredLate;
  let serviceLevel = Math.max(0, 1 - unmetFraction);
  const noWait = main.inverseJ / (main.inverseJ + beta); // 1 - P(W > 0)
  let answeredOrAbandoned = 1 - offeredWaitBeyond * Math.exp(-thetaT);
  if (y2 >= x + 2) {
    // Deep overload (N well below A, long patience): both service levels are small and 1 - (...)
    // would cancel; use the upper incomplete gamma directly. With P(x+1, z) = P(x, z) - D(x, z):
    // answered within (0, T] = P(W>0) (N/A) (Q(x+1, y') - Q(x+1, y)) / P(x, y), and
    // 1 - P(V > T) e^-theta T = 1 - P(W>0) + P(W>0) (Q(x, y') - Q(x, y) + P(x, y') (1 - e^-theta T)) / P(x, y).
    const pY = 1 - main.upper;
    serviceLevel = noWait + (waitProbability * (agents / trafficErlangs) * (upperGamma(x + 1, y2) - upperGamma(x + 1, y))) / pY;
    answeredOrAbandoned =
      noWait + (waitProbability * (second.upper - main.upper + (1 - second.upper) * -Math.expm1(-thetaT))) / pY;
    unmetFraction = 1 - serviceLevel;
  }
  return {
    trafficErlangs,
    agents,
    targetAnswerSeconds,
    patienceSeconds,
    stable: true,
    waitProbability,
    serviceLevel,
    asaSeconds: abandonProbability * patienceSeconds,
    // carried load / N = (A (1 - P(W>0)) + A P(W>0) (1 - P(Ab | W))) / N, at most 1 (throughput <= N mu)
    occupancy: Math.min(1, (trafficErlangs * (noWait + waitProbability * main.answerGivenWait)) / agents),
    averageQueueLength: abandonProbability * y,
    abandonProbability,
    // (answered + abandoned within T) / offered >= answered within T / offered; max() only removes rounding noise
    serviceLevelAnsweredOrAbandonedWithin: Math.max(answeredOrAbandoned, serviceLevel),
    unmetFraction,
  };
}

/** Erlang A metrics with no traffic (internal). */
export function erlangAZeroTraffic(agents: number, patienceSeconds: number, targetAnswerSeconds: number): ErlangAInternal {
  return {
    trafficErlangs: 0,
    agents,
    targetAnswerSeconds,
    patienceSeconds,
    stable: true,
    waitProbability: agents === 0 ? 1 : 0,
    serviceLevel: agents === 0 ? 0 : 1,
    asaSeconds: 0,
    occupancy: 0,
    averageQueueLength: 0,
    abandonProbability: 0,
    serviceLevelAnsweredOrAbandonedWithin: 1,
    unmetFraction: 0,
  };
}

/** Drops the internal field. */
export function publicErlangA(m: ErlangAInternal): ErlangAResult {
  return {
    trafficErlangs: m.trafficErlangs,
    agents: m.agents,
    targetAnswerSeconds: m.targetAnswerSeconds,
    patienceSeconds: m.patienceSeconds,
    stable: m.stable,
    waitProbability: m.waitProbability,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    averageQueueLength: m.averageQueueLength,
    abandonProbability: m.abandonProbability,
    serviceLevelAnsweredOrAbandonedWithin: m.serviceLevelAnsweredOrAbandonedWithin,
  };
}

/**
 * Erlang A: the M/M/N+M queue (Palm's model): Poisson arrivals, exponential handle times, N agents,
 * and callers who abandon after an exponential patience with mean `patienceSeconds`. Stable for
 * every N, so N below the traffic is a valid staffing level.
 *
 * Exact closed form (Mandelbaum & Zeltyn): with mu = 1/AHT, theta = 1/patience, x = N mu / theta,
 * y = lambda / theta, B = B(N, A) and J = J(x, y) = e^y y^-x Gamma(x+1) P(x, y) (P the regularized
 * lower incomplete gamma function):
 * - P(W > 0) = beta J / (1 + beta J) with beta = B / (1 - B);
 * - P(Ab | W > 0) = 1 - (1 - 1/J) x / y, which equals (sum_j j t_j) / (y J) with t_j the terms of J
 *   (that positive sum is used where the difference would cancel, i.e. for long patience);
 * - P(V > t) = P(W > 0) P(x, y e^-theta t) / P(x, y) for the offered wait V;
 * - service level = answered within T / offered = 1 - P(Ab) - P(answered after T), with
 *   P(answered after T) = P(W > 0) (N / A) (1 - 1/J(x, y')) P(x, y') / P(x, y), y' = y e^-theta T;
 * - (answered + abandoned within T) / offered = 1 - P(V > T) e^-theta T;
 * - ASA = E[Lq] / lambda = P(Ab) x patience (over all arrivals, abandoners included);
 *   occupancy = A (1 - P(Ab)) / N.
 * Accurate to about 1e-13 relative for patience from 1e-3 s (tends to Erlang B) to 1e9 s (tends to
 * Erlang C); see incomplete-gamma.ts for the evaluation of J.
 *
 * @param options - traffic (`callsPerInterval` + `intervalSeconds` + `ahtSeconds`, or
 *   `trafficErlangs` + `ahtSeconds`), `agents`, `patienceSeconds`, `targetAnswerSeconds` (default 20).
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 *
 * @example
 * ```ts
 * const m = erlangA({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, patienceSeconds: 300, targetAnswerSeconds: 20 });
 * m.abandonProbability; //=> 0.02496330363...
 * m.serviceLevel; //=> 0.8581777000...
 * m.waitProbability; //=> 0.2257970840...
 * ```
 * @see Mandelbaum & Zeltyn, "The impact of customers' patience on delay and abandonment: some
 * empirically-driven experiments with the M/M/n+G queue", OR Spectrum 26 (2004) 377-411;
 * Palm (1943); Garnett, Mandelbaum & Reiman, M&SOM 4 (2002) 208-227.
 */
export function erlangA(options: ErlangAOptions): ErlangAResult {
  requireOptions("erlangA", options);
  const fn = "erlangA";
  const { trafficErlangs, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveAgents(fn, "agents", options.agents);
  const patienceSeconds = resolvePatience(fn, options.patienceSeconds);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return publicErlangA(erlangAZeroTraffic(agents, patienceSeconds, targetAnswerSeconds));
  const rPrevious = agents === 0 ? 0 : inverseErlangB(agents - 1, trafficErlangs).r;
  return publicErlangA(erlangAFromRecursion(trafficErlangs, agents, rPrevious, ahtSeconds, patienceSeconds, targetAnswerSeconds));
}
