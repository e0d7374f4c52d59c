import { invalidArgument, requireOptions } from "../errors.js";
import { inverseErlangB } from "./inverse-erlang-b.js";
import { resolveAgents, resolveAnswerSeconds, resolveTraffic } from "./traffic.js";
import type { ErlangBResult, TrafficOptions } from "./types.js";

/** Options of {@link erlangB}. */
export interface ErlangBOptions extends TrafficOptions {
  /** Number of lines (servers) N; a whole number >= 0. Give `lines` or `agents`. */
  readonly lines?: number;
  /** Same as `lines`. */
  readonly agents?: number;
  /**
   * Answer-time threshold T, seconds (reported only: in Erlang B a call is answered at once or lost).
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/** Erlang B metrics from A and r(N) = 1/B (internal; A > 0). */
export function erlangBFromRecursion(trafficErlangs: number, lines: number, r: number, targetAnswerSeconds: number): ErlangBResult {
  const blockingProbability = 1 / r;
  const carriedOccupancy = lines === 0 ? 0 : (trafficErlangs * (1 - blockingProbability)) / lines;
  return {
    trafficErlangs,
    agents: lines,
    targetAnswerSeconds,
    waitProbability: 0,
    serviceLevel: 1 - blockingProbability,
    asaSeconds: 0,
    occupancy: carriedOccupancy,
    averageQueueLength: 0,
    stable: true,
    blockingProbability,
    carriedOccupancy,
  };
}

/**
 * Erlang B: the blocking probability of N lines offered A Erlangs with no queue (blocked calls are
 * lost), the model for trunk sizing.
 *
 * B(N, A) = (A^N / N!) / sum_{k=0..N} A^k / k!, computed by the inverse recursion
 * r(0) = 1, r(k) = 1 + r(k-1) k / A, B = 1 / r(N), started at max(0, min(N, A) - 10 sqrt(A))
 * (O(sqrt A) steps, exact in float64, no factorials). The other metrics follow: no call waits
 * (`waitProbability` 0, `asaSeconds` 0), `serviceLevel` = 1 - B (answered at once / offered),
 * `occupancy` = `carriedOccupancy` = A (1 - B) / N.
 *
 * @param options - traffic (`trafficErlangs`, or `callsPerInterval` + `intervalSeconds` + `ahtSeconds`)
 *   and `lines` (or `agents`), a whole number >= 0.
 * @returns the metrics at N lines; zero traffic gives B = 0; N = 0 gives B = 1.
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 *
 * @example
 * ```ts
 * erlangB({ trafficErlangs: 10, lines: 17 }).blockingProbability; //=> 0.012948875224726...
 * erlangB({ trafficErlangs: 12, lines: 15 }).carriedOccupancy; //=> 0.7314166004...
 * erlangB({ trafficErlangs: 0, lines: 3 }).blockingProbability; //=> 0
 * ```
 * @see Jagerman (1974), Bell System Technical Journal 53, 525-551, for the recursion.
 */
export function erlangB(options: ErlangBOptions): ErlangBResult {
  requireOptions("erlangB", options);
  const fn = "erlangB";
  const { trafficErlangs } = resolveTraffic(fn, options, false);
  if (options.lines !== undefined && options.agents !== undefined && options.lines !== options.agents) {
    invalidArgument(fn, "lines", `the same as agents (${options.agents}) when both are given`, options.lines);
  }
  const raw = options.lines ?? options.agents;
  if (raw === undefined) invalidArgument(fn, "lines", "a whole number of at least 0", raw);
  const lines = resolveAgents(fn, options.lines !== undefined ? "lines" : "agents", raw);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return erlangBFromRecursion(0, lines, lines === 0 ? 1 : Number.POSITIVE_INFINITY, targetAnswerSeconds);
  return erlangBFromRecursion(trafficErlangs, lines, inverseErlangB(lines, trafficErlangs).r, targetAnswerSeconds);
}
