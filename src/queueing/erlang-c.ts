import { requireOptions } from "../errors.js";
import { inverseErlangB } from "./inverse-erlang-b.js";
import { resolveAgents, resolveAnswerSeconds, resolveTraffic } from "./traffic.js";
import type { ErlangCResult, TrafficOptions } from "./types.js";

/** Options of {@link erlangC}. */
export interface ErlangCOptions extends TrafficOptions {
  /** Number of agents N; a whole number >= 0. */
  readonly agents: number;
  /**
   * Answer-time threshold T of the service level, seconds; a non-negative finite number.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/**
 * Erlang C metrics from r(N - 1) (internal). Requires A > 0.
 * C = 1 / (1 + r(N-1) (N - A) / A), which equals N B / (N - A (1 - B)) without its cancellation.
 */
export function erlangCFromRecursion(
  trafficErlangs: number,
  agents: number,
  rPrevious: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
): ErlangCResult {
  if (agents <= trafficErlangs) {
    return {
      trafficErlangs,
      agents,
      targetAnswerSeconds,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: agents === 0 ? 0 : 1,
      averageQueueLength: Number.POSITIVE_INFINITY,
      stable: false,
    };
  }
  const excess = agents - trafficErlangs;
  const waitProbability = 1 / (1 + (rPrevious * excess) / trafficErlangs);
  return {
    trafficErlangs,
    agents,
    targetAnswerSeconds,
    waitProbability,
    serviceLevel: 1 - waitProbability * Math.exp((-excess * targetAnswerSeconds) / ahtSeconds),
    asaSeconds: (waitProbability * ahtSeconds) / excess,
    occupancy: trafficErlangs / agents,
    averageQueueLength: (waitProbability * trafficErlangs) / excess,
    stable: true,
  };
}

/** Erlang C metrics with no traffic (internal). */
export function erlangCZeroTraffic(agents: number, targetAnswerSeconds: number): ErlangCResult {
  return {
    trafficErlangs: 0,
    agents,
    targetAnswerSeconds,
    waitProbability: 0,
    serviceLevel: 1,
    asaSeconds: 0,
    occupancy: 0,
    averageQueueLength: 0,
    stable: true,
  };
}

/**
 * Erlang C: waiting probability, service level, ASA and occupancy of an M/M/N queue (Poisson
 * arrivals, exponential handle times, N agents, callers never abandon).
 *
 * With A = calls x AHT / interval and B = B(N, A) from the inverse Erlang B recursion:
 * C = N B / (N - A (1 - B)) (computed as 1 / (1 + r(N-1) (N - A) / A), no cancellation),
 * SL = 1 - C e^(-(N - A) T / AHT), ASA = C AHT / (N - A), Lq = C A / (N - A), occupancy = A / N.
 * When N <= A the queue grows without bound: the documented limit values are returned
 * (`waitProbability` 1, `serviceLevel` 0, `asaSeconds` Infinity, `averageQueueLength` Infinity,
 * `occupancy` 1, `stable` false). Zero traffic: nobody waits (`serviceLevel` 1, ASA 0).
 * Cost: O(sqrt A + |N - A|) additions and multiplications.
 *
 * @param options - traffic (`callsPerInterval` + `intervalSeconds` + `ahtSeconds`, or
 *   `trafficErlangs` + `ahtSeconds`), `agents` (whole number >= 0), `targetAnswerSeconds` (default 20).
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 *
 * @example
 * ```ts
 * const m = erlangC({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, targetAnswerSeconds: 20 });
 * m.waitProbability; //=> 0.2852704530...
 * m.serviceLevel; //=> 0.7955947884...
 * m.asaSeconds; //=> 17.116227182...
 * erlangC({ trafficErlangs: 10, ahtSeconds: 180, agents: 10 }).asaSeconds; //=> Infinity (unstable)
 * ```
 * @see A. K. Erlang (1917); Gans, Koole & Mandelbaum, "Telephone call centers: tutorial, review,
 * and research prospects", M&SOM 5 (2003) 79-141.
 */
export function erlangC(options: ErlangCOptions): ErlangCResult {
  requireOptions("erlangC", options);
  const fn = "erlangC";
  const { trafficErlangs, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveAgents(fn, "agents", options.agents);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return erlangCZeroTraffic(agents, targetAnswerSeconds);
  const rPrevious = agents <= trafficErlangs ? 0 : inverseErlangB(agents - 1, trafficErlangs).r;
  return erlangCFromRecursion(trafficErlangs, agents, rPrevious, ahtSeconds, targetAnswerSeconds);
}
