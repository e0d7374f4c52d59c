import { bisectSmallestAgents, bracketAroundGuess } from "./agent-search.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { erlangAFromRecursion, erlangAZeroTraffic, publicErlangA } from "./erlang-a.js";
import { erlangBFromRecursion } from "./erlang-b.js";
import { erlangCFromRecursion, erlangCZeroTraffic } from "./erlang-c.js";
import { advanceInverseErlangB, inverseErlangB, recursionSeed } from "./inverse-erlang-b.js";
import { unmetWithinLimit as meetsServiceLevel, withinLimit } from "./limits.js";
import { resolveAnswerSeconds, resolveFraction, resolvePatience, resolveTraffic } from "./traffic.js";
import type { AnyQueueMetrics, QueueingModel, TrafficOptions } from "./types.js";

/** Options of {@link requiredAgents}: the traffic, the model and the targets (all must hold at once). */
export interface RequiredAgentsOptions extends TrafficOptions {
  /**
   * Queueing model.
   * @defaultValue `"erlang-a"` when `patienceSeconds` is given, else `"erlang-c"`
   */
  readonly model?: QueueingModel;
  /** Mean patience, seconds (Erlang A; giving it selects Erlang A unless `model` says otherwise). */
  readonly patienceSeconds?: number;
  /** Service-level target X: share of calls answered within `targetAnswerSeconds`, a fraction in [0, 1]. */
  readonly targetServiceLevel?: number;
  /**
   * Answer-time threshold T of the service level, seconds.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
  /** Maximum average speed of answer, seconds (>= 0). */
  readonly targetAsaSeconds?: number;
  /** Maximum occupancy, a fraction in [0, 1] (planners cap it at 0.85-0.90). */
  readonly maxOccupancy?: number;
  /** Maximum share of callers who abandon (Erlang A only), a fraction in [0, 1]. */
  readonly maxAbandonProbability?: number;
  /** Maximum blocking probability (Erlang B only), a fraction in [0, 1]. */
  readonly maxBlocking?: number;
  /**
   * Shrinkage: share of paid time not available for contacts, a fraction in [0, 1).
   * @defaultValue 0
   */
  readonly shrinkage?: number;
}

/** The metrics of the chosen model at some N ({@link AnyQueueMetrics}). */
export type RequiredAgentsMetrics = AnyQueueMetrics;

/** A staffing level meeting every target: the minimum N, its metrics, and the metrics at N - 1 (which fail). */
export interface RequiredAgentsFeasible extends AnyQueueMetrics {
  readonly feasible: true;
  readonly model: QueueingModel;
  /** Minimum number of agents on the phones meeting every target. */
  readonly agents: number;
  /** Agents to schedule: ceil(agents / (1 - shrinkage)). */
  readonly scheduledAgents: number;
  /** Shrinkage used for `scheduledAgents`. */
  readonly shrinkage: number;
  /** Metrics at agents - 1, which fail at least one target (proof of minimality); null when agents is 0. */
  readonly atOneFewer: RequiredAgentsMetrics | null;
}

/** No number of agents meets the targets. */
export interface RequiredAgentsInfeasible {
  readonly feasible: false;
  readonly model: QueueingModel;
  readonly trafficErlangs: number;
  /** Why, in one sentence, e.g. "a service level of 100% is never reached while traffic is positive". */
  readonly reason: string;
  readonly agents: null;
  readonly scheduledAgents: null;
}

/** Result of {@link requiredAgents}: `feasible` tells which. */
export type RequiredAgentsResult = RequiredAgentsFeasible | RequiredAgentsInfeasible;

interface Targets {
  readonly unmetMax: number | undefined; // 1 - targetServiceLevel
  readonly asaMax: number | undefined;
  readonly occupancyMax: number | undefined;
  readonly abandonMax: number | undefined;
  readonly blockingMax: number | undefined;
}

interface Evaluated {
  readonly metrics: AnyQueueMetrics;
  readonly unmet: number;
}

function meets(e: Evaluated, t: Targets): boolean {
  const m = e.metrics;
  if (t.unmetMax !== undefined && !meetsServiceLevel(e.unmet, t.unmetMax)) return false;
  if (t.asaMax !== undefined && !withinLimit(m.asaSeconds, t.asaMax)) return false;
  if (t.occupancyMax !== undefined && !withinLimit(m.occupancy, t.occupancyMax)) return false;
  if (t.abandonMax !== undefined && !withinLimit(m.abandonProbability ?? 0, t.abandonMax)) return false;
  if (t.blockingMax !== undefined && !withinLimit(m.blockingProbability ?? 0, t.blockingMax)) return false;
  return true;
}

/** Smallest positive threshold decided exactly: below it B and P(Ab) would need values under the float64 range. */
const smallestThreshold = 1e-300;

/**
 * Required agents: the minimum number of agents N meeting every given target at once (service
 * level X within T, maximum ASA, maximum occupancy, maximum abandonment for Erlang A, maximum
 * blocking for Erlang B), with the metrics at N, the metrics at N - 1 (which fail: proof of
 * minimality), and `scheduledAgents` = ceil(N / (1 - shrinkage)).
 *
 * Every metric is monotone in N (service level rises; ASA, occupancy, abandonment and blocking
 * fall), so the feasible N form a range [N*, infinity). Erlang B and C step N upward one step of
 * the inverse Erlang B recursion per candidate, from a lower bound (Erlang C: floor(A) + 1 and
 * ceil(A / maxOccupancy); Erlang B: A (1 - maxBlocking)), with the recursion seeded at
 * A - 10 sqrt(A): O(sqrt A) work in all. Erlang A brackets N* by doubling steps from a first guess,
 * then bisects, evaluating the exact closed form at O(log A) candidates; the bracket's lower end is
 * the evaluated N* - 1. Targets that no N meets (service level 100%, ASA 0, occupancy, blocking or
 * abandonment 0, with positive traffic) are recognised from the limits as N grows, never by float
 * rounding, and return `feasible: false` with the reason. Zero traffic needs zero agents.
 *
 * @param options - traffic, `model` (default `"erlang-c"`, or `"erlang-a"` when `patienceSeconds`
 *   is given), the targets and `shrinkage` (default 0). At least one target is required.
 * @throws {WfmError} `invalid-argument` for a missing/out-of-range option, a target the model does
 *   not know (`maxBlocking` outside Erlang B, `maxAbandonProbability` outside Erlang A), or no target.
 *
 * @example
 * ```ts
 * const r = requiredAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180,
 *   targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 });
 * r.feasible && r.agents; //=> 14
 * r.feasible && r.scheduledAgents; //=> 20
 * r.feasible && r.atOneFewer?.serviceLevel; //=> 0.7955947884...
 * requiredAgents({ trafficErlangs: 100, maxBlocking: 0.01, model: "erlang-b" }).agents; //=> 117
 * requiredAgents({ trafficErlangs: 10, ahtSeconds: 180, targetServiceLevel: 1 }).feasible; //=> false
 * ```
 */
export function requiredAgents(options: RequiredAgentsOptions): RequiredAgentsResult {
  requireOptions("requiredAgents", options);
  const fn = "requiredAgents";
  const model: QueueingModel = options.model ?? (options.patienceSeconds !== undefined ? "erlang-a" : "erlang-c");
  if (model !== "erlang-a" && model !== "erlang-b" && model !== "erlang-c") {
    invalidArgument(fn, "model", 'one of "erlang-b", "erlang-c", "erlang-a"', model);
  }
  const { trafficErlangs: a, ahtSeconds } = resolveTraffic(fn, options, model !== "erlang-b");
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  const patienceSeconds = model === "erlang-a" ? resolvePatience(fn, options.patienceSeconds) : Number.NaN;
  if (model !== "erlang-a" && options.patienceSeconds !== undefined) {
    invalidArgument(fn, "patienceSeconds", `absent with model "${model}" (patience is an Erlang A input)`, options.patienceSeconds);
  }
  const targetServiceLevel = resolveFraction(fn, "targetServiceLevel", options.targetServiceLevel);
  const maxOccupancy = resolveFraction(fn, "maxOccupancy", options.maxOccupancy);
  const maxAbandon = resolveFraction(fn, "maxAbandonProbability", options.maxAbandonProbability);
  const maxBlocking = resolveFraction(fn, "maxBlocking", options.maxBlocking);
  const shrinkage = resolveFraction(fn, "shrinkage", options.shrinkage, { maxExclusive: true }) ?? 0;
  const asaMax = options.targetAsaSeconds;
  if (asaMax !== undefined && !(typeof asaMax === "number" && Number.isFinite(asaMax) && asaMax >= 0)) {
    invalidArgument(fn, "targetAsaSeconds", "a non-negative finite number", asaMax);
  }
  if (maxBlocking !== undefined && model !== "erlang-b") {
    invalidArgument(fn, "maxBlocking", `absent with model "${model}" (blocking is an Erlang B target)`, maxBlocking);
  }
  if (maxAbandon !== undefined && model !== "erlang-a") {
    invalidArgument(fn, "maxAbandonProbability", `absent with model "${model}" (abandonment is an Erlang A target)`, maxAbandon);
  }
  for (const [field, value] of [["maxBlocking", maxBlocking], ["maxAbandonProbability", maxAbandon]] as const) {
    if (value !== undefined && value > 0 && value < smallestThreshold) {
      invalidArgument(fn, field, `0 or a fraction of at least ${smallestThreshold}`, value);
    }
  }
  if (targetServiceLevel === undefined && asaMax === undefined && maxOccupancy === undefined && maxAbandon === undefined && maxBlocking === undefined) {
    invalidArgument(fn, "targetServiceLevel", "given, or another target (targetAsaSeconds, maxOccupancy, maxAbandonProbability, maxBlocking)", undefined);
  }
  // Built without spreads (this runs once per interval in batch staffing).
  const targets: Targets = {
    unmetMax: targetServiceLevel === undefined ? undefined : 1 - targetServiceLevel,
    asaMax,
    occupancyMax: maxOccupancy,
    abandonMax: maxAbandon,
    blockingMax: maxBlocking,
  };
  const context: ResultContext = { model, a, shrinkage };
  if (a === 0) {
    // With no calls nobody waits, is blocked or abandons: zero agents meet every target.
    const zero: AnyQueueMetrics =
      model === "erlang-b"
        ? { ...erlangBFromRecursion(0, 0, 1, targetAnswerSeconds), serviceLevel: 1, blockingProbability: 0 }
        : model === "erlang-a"
          ? { ...publicErlangA(erlangAZeroTraffic(0, patienceSeconds, targetAnswerSeconds)), waitProbability: 0, serviceLevel: 1 }
          : erlangCZeroTraffic(0, targetAnswerSeconds);
    return feasibleResult(context, zero, null);
  }

  // Limits as N grows: SL -> 1, ASA -> 0, occupancy -> 0, P(Ab) -> 0, B -> 0, never reached.
  if (targetServiceLevel !== undefined && targetServiceLevel >= 1) {
    return infeasibleResult(context, 
      model === "erlang-b"
        ? "a service level of 100% is never reached: some calls are always blocked while traffic is positive"
        : "a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive",
    );
  }
  if (asaMax === 0 && model !== "erlang-b") return infeasibleResult(context, "an average speed of answer of 0 s is never reached: some calls always wait while traffic is positive");
  if (maxOccupancy === 0) return infeasibleResult(context, "an occupancy of 0% is never reached while traffic is positive");
  if (maxAbandon === 0) return infeasibleResult(context, "an abandonment of 0% is never reached: some callers always wait and abandon while traffic is positive");
  if (maxBlocking === 0) return infeasibleResult(context, "a blocking of 0% is never reached: some calls are always blocked while traffic is positive");

  if (model === "erlang-a") return searchErlangA(context, ahtSeconds, patienceSeconds, targetAnswerSeconds, targets);
  return stepUpward(context, model, ahtSeconds, targetAnswerSeconds, targets);
}

interface ResultContext {
  readonly model: QueueingModel;
  readonly a: number;
  readonly shrinkage: number;
}

function infeasibleResult(context: ResultContext, reason: string): RequiredAgentsInfeasible {
  return { feasible: false, model: context.model, trafficErlangs: context.a, reason, agents: null, scheduledAgents: null };
}

function feasibleResult(context: ResultContext, at: AnyQueueMetrics, oneFewer: AnyQueueMetrics | null): RequiredAgentsFeasible {
  // Built field by field (an object spread here costs more than the whole Erlang C search).
  const result: { -readonly [K in keyof RequiredAgentsFeasible]: RequiredAgentsFeasible[K] } = {
    feasible: true,
    model: context.model,
    trafficErlangs: at.trafficErlangs,
    agents: at.agents,
    scheduledAgents: scheduled(at.agents, context.shrinkage),
    shrinkage: context.shrinkage,
    targetAnswerSeconds: at.targetAnswerSeconds,
    waitProbability: at.waitProbability,
    serviceLevel: at.serviceLevel,
    asaSeconds: at.asaSeconds,
    occupancy: at.occupancy,
    averageQueueLength: at.averageQueueLength,
    stable: at.stable,
    atOneFewer: oneFewer,
  };
  if (at.blockingProbability !== undefined) result.blockingProbability = at.blockingProbability;
  if (at.carriedOccupancy !== undefined) result.carriedOccupancy = at.carriedOccupancy;
  if (at.patienceSeconds !== undefined) result.patienceSeconds = at.patienceSeconds;
  if (at.abandonProbability !== undefined) result.abandonProbability = at.abandonProbability;
  if (at.serviceLevelAnsweredOrAbandonedWithin !== undefined) {
    result.serviceLevelAnsweredOrAbandonedWithin = at.serviceLevelAnsweredOrAbandonedWithin;
  }
  return result;
}

/** ceil(agents / (1 - shrinkage)), exact for quotients that float64 rounds just above an integer (14 / 0.7). */
export function scheduled(agents: number, shrinkage: number): number {
  const raw = agents / (1 - shrinkage);
  const up = Math.ceil(raw);
  // ceil of a float quotient: step back when (up - 1) (1 - s) already covers agents exactly.
  return up > 0 && (up - 1) * (1 - shrinkage) >= agents ? up - 1 : up;
}

/** Smallest n >= 1 with a / n within the cap ({@link withinLimit}). */
function occupancyBound(a: number, cap: number): number {
  let n = Math.max(1, Math.ceil(a / cap));
  while (n > 1 && withinLimit(a / (n - 1), cap)) n--;
  while (!withinLimit(a / n, cap)) n++;
  return n;
}

/** Lower bound of the search for Erlang B and C (every N below it fails). */
function startOfSearch(model: "erlang-b" | "erlang-c", a: number, targets: Targets): number {
  if (model === "erlang-c") {
    const stable = Math.floor(a) + 1;
    return targets.occupancyMax !== undefined ? Math.max(stable, occupancyBound(a, targets.occupancyMax)) : stable;
  }
  // Carried traffic A (1 - B) <= N, so B <= b needs N >= A (1 - b); the same for SL = 1 - B.
  let b = 1;
  if (targets.blockingMax !== undefined) b = Math.min(b, targets.blockingMax);
  if (targets.unmetMax !== undefined) b = Math.min(b, targets.unmetMax);
  return Math.max(0, Math.floor(a * (1 - b)) - 1);
}

/**
 * Minimum N for Erlang B or C: steps N upward from the lower bound, one recursion step per
 * candidate, deciding each candidate on scalars (no allocation). Returns N and r(N), r(N-1), r(N-2).
 */
function scanUpward(
  model: "erlang-b" | "erlang-c",
  a: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
  targets: Targets,
): { n: number; r: number; rPrevious: number; rPrevious2: number } {
  const inverseA = 1 / a;
  const infinity = Number.POSITIVE_INFINITY;
  let n = startOfSearch(model, a, targets);
  let rPrevious2 = 0;
  let rPrevious = 0;
  let r = 1;
  if (n >= 2) {
    rPrevious2 = advanceInverseErlangB(1, recursionSeed(n, a), n - 2, inverseA);
    rPrevious = rPrevious2 === infinity ? infinity : 1 + rPrevious2 * (n - 1) * inverseA;
    r = rPrevious === infinity ? infinity : 1 + rPrevious * n * inverseA;
  } else if (n === 1) {
    rPrevious = 1;
    r = 1 + inverseA;
  }
  const { unmetMax, asaMax, occupancyMax, blockingMax } = targets;
  for (;;) {
    let ok: boolean;
    if (model === "erlang-c") {
      if (n <= a) ok = false;
      else {
        const excess = n - a;
        const c = 1 / (1 + (rPrevious * excess) / a);
        ok =
          (unmetMax === undefined || meetsServiceLevel(c * Math.exp((-excess * targetAnswerSeconds) / ahtSeconds), unmetMax)) &&
          (asaMax === undefined || withinLimit((c * ahtSeconds) / excess, asaMax)) &&
          (occupancyMax === undefined || withinLimit(a / n, occupancyMax));
      }
    } else {
      const b = 1 / r;
      ok =
        (blockingMax === undefined || withinLimit(b, blockingMax)) &&
        (unmetMax === undefined || meetsServiceLevel(b, unmetMax)) &&
        (occupancyMax === undefined || withinLimit(n === 0 ? 0 : (a * (1 - b)) / n, occupancyMax));
    }
    if (ok) return { n, r, rPrevious, rPrevious2 };
    n++;
    rPrevious2 = rPrevious;
    rPrevious = r;
    if (r !== infinity) r = 1 + r * n * inverseA;
  }
}

function stepUpward(
  context: ResultContext,
  model: "erlang-b" | "erlang-c",
  ahtSeconds: number,
  targetAnswerSeconds: number,
  targets: Targets,
): RequiredAgentsFeasible {
  const a = context.a;
  const { n, r, rPrevious, rPrevious2 } = scanUpward(model, a, ahtSeconds, targetAnswerSeconds, targets);
  if (model === "erlang-b") {
    return feasibleResult(
      context,
      erlangBFromRecursion(a, n, r, targetAnswerSeconds),
      n === 0 ? null : erlangBFromRecursion(a, n - 1, rPrevious, targetAnswerSeconds),
    );
  }
  return feasibleResult(
    context,
    erlangCFromRecursion(a, n, rPrevious, ahtSeconds, targetAnswerSeconds),
    n === 0 ? null : erlangCFromRecursion(a, n - 1, rPrevious2, ahtSeconds, targetAnswerSeconds),
  );
}

function searchErlangA(
  context: ResultContext,
  ahtSeconds: number,
  patienceSeconds: number,
  targetAnswerSeconds: number,
  targets: Targets,
): RequiredAgentsFeasible {
  const a = context.a;
  // Lower bound: throughput A (1 - P(Ab)) <= N, and SL <= 1 - P(Ab); so N >= A (1 - maxAbandon) and N >= A SL.
  let lowerFraction = 0;
  if (targets.unmetMax !== undefined) lowerFraction = Math.max(lowerFraction, 1 - targets.unmetMax);
  if (targets.abandonMax !== undefined) lowerFraction = Math.max(lowerFraction, 1 - targets.abandonMax);
  const lower = Math.max(0, Math.floor(a * lowerFraction) - 1);
  // r(n) for n >= lower, cached as the search asks for them (recursion seeded below lower).
  const cache = new Map<number, Evaluated>();
  const inverseA = 1 / a;
  const rValues: number[] = [inverseErlangB(lower, a).r]; // r(lower), r(lower + 1), ...
  const rAt = (n: number): number => {
    while (lower + rValues.length - 1 < n) {
      const previous = rValues[rValues.length - 1]!;
      rValues.push(previous === Number.POSITIVE_INFINITY ? previous : 1 + previous * (lower + rValues.length) * inverseA);
    }
    return rValues[n - lower]!;
  };
  const evaluate = (n: number): Evaluated => {
    const hit = cache.get(n);
    if (hit) return hit;
    const rPrevious = n === 0 ? 0 : n - 1 >= lower ? rAt(n - 1) : inverseErlangB(n - 1, a).r;
    const m = erlangAFromRecursion(a, n, rPrevious, ahtSeconds, patienceSeconds, targetAnswerSeconds);
    const e = { metrics: publicErlangA(m), unmet: m.unmetFraction };
    cache.set(n, e);
    return e;
  };
  // First guess: the Erlang C requirement for the same service-level/ASA/occupancy targets (cheap,
  // and usually a few agents above the Erlang A answer), else the square-root staffing point.
  const delayTargets: Targets = { ...targets, abandonMax: undefined };
  const guess = Math.max(
    lower,
    delayTargets.unmetMax !== undefined || delayTargets.asaMax !== undefined || delayTargets.occupancyMax !== undefined
      ? scanUpward("erlang-c", a, ahtSeconds, targetAnswerSeconds, delayTargets).n
      : Math.round(a + Math.sqrt(a)),
  );
  const meetsAt = (n: number) => meets(evaluate(n), targets);
  const [low, above] = bracketAroundGuess(guess, lower, meetsAt);
  const high = bisectSmallestAgents(low, above, meetsAt);
  const answer = evaluate(high).metrics;
  const oneFewer = high === 0 ? null : evaluate(high - 1).metrics;
  return feasibleResult(context, answer, oneFewer);
}
