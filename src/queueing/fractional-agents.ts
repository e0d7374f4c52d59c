import { asCalledBy, invalidArgument, requireOptions } from "../errors.js";
import { erlangAFromRecursion, erlangAZeroTraffic, publicErlangA } from "./erlang-a.js";
import { erlangBFromRecursion } from "./erlang-b.js";
import { erlangCFromRecursion, erlangCZeroTraffic } from "./erlang-c.js";
import { kummerRatio, logPoissonFactor, upperFraction } from "./incomplete-gamma.js";
import { requiredAgents, type RequiredAgentsOptions } from "./required-agents.js";
import { resolveAnswerSeconds, resolvePatience, resolveTraffic } from "./traffic.js";
import type { AnyQueueMetrics, ErlangAResult, ErlangBResult, ErlangCResult, QueueingModel, TrafficOptions } from "./types.js";

/**
 * Fractional agents: Erlang B, C and A at a non-integer number of agents x, through the
 * continuous extension of the Erlang B function (Jagerman 1974):
 *
 *   1 / B(x, A) = A ∫_0^∞ e^(-A t) (1 + t)^x dt = e^A A^(-x) Gamma(x + 1, A),   x > -1,
 *
 * which equals the Erlang B formula at integer x and satisfies the same recursion
 * r(x) = 1 + r(x - 1) x / A for every real x > 0 (integration by parts). Erlang C and Erlang A
 * use B only through r(N) and r(N - 1), so their closed forms extend unchanged.
 *
 * @module
 */

/**
 * r(x) = 1 / B(x, A) for x in (-1, 1) and A > 0, with s = x + 1:
 * - r = A F(s, A), F Legendre's continued fraction for Gamma(s, A) e^A A^-s, when A >= s + 1, or
 *   when s < 1 and A >= 0.05 (the fraction still converges in a few hundred terms there);
 * - else, for s >= 1, r = e^A A^-x Gamma(x + 1) - A J(s, A) / s (J the Kummer series of the lower
 *   incomplete gamma function; A < 3, so the difference loses at most one digit);
 * - else (s < 1, A < 0.05), r(x) = (r(x + 1) - 1) A / (x + 1) from the recursion, with r(x + 1) as
 *   above (relative error about 1e-16 / (s ln(1/A)), under 1e-8 unless s < 1e-8).
 */
function baseInverseErlangB(x: number, a: number): number {
  const s = x + 1;
  if (a >= s + 1 || (s < 1 && a >= 0.05)) return a * upperFraction(s, a);
  if (s >= 1) return Math.exp(-logPoissonFactor(x, a)) - (a * Math.exp(kummerRatio(s, a).logJ)) / s;
  return ((baseInverseErlangB(x + 1, a) - 1) * a) / s;
}

/**
 * r(x) = 1 / B(x, A) and r(x - 1) for real x >= 0 and A > 0 (r(-1) = 0 by convention at x = 0).
 * Steps the recursion r(y) = 1 + r(y - 1) y / A upward from the fractional part, or from a seed
 * r = 1 at x0 + m with m = floor(min(x, A) - 10 sqrt(A)) when m >= 1 (the seed's error is
 * multiplied by prod (x0 + j) / A < e^-50, as for integer N; see inverse-erlang-b.ts).
 * @internal
 * @example
 * ```ts
 * 1 / continuousInverseErlangB(17, 10).r; //=> 0.012948875224726... (B(17, 10), as erlangB)
 * ```
 */
export function continuousInverseErlangB(x: number, a: number): { readonly r: number; readonly rPrevious: number } {
  if (x === 0) return { r: 1, rPrevious: 0 };
  if (x < 1) {
    const rPrevious = baseInverseErlangB(x - 1, a);
    return { r: 1 + (rPrevious * x) / a, rPrevious };
  }
  const whole = Math.floor(x);
  const x0 = x - whole;
  const seed = Math.max(0, Math.floor(Math.min(x, a) - 10 * Math.sqrt(a)));
  // r at x0 + m: exact when m = 0, the seed value 1 otherwise (x0 = 0 at m = 0 gives r(0) = 1 exactly).
  let m = seed >= 1 ? Math.min(seed, whole) : 0;
  let r = m === 0 && x0 > 0 ? baseInverseErlangB(x0, a) : 1;
  let rPrevious = 0;
  for (let j = m + 1; j <= whole && r !== Number.POSITIVE_INFINITY; j++) {
    rPrevious = r;
    r = 1 + (r * (x0 + j)) / a;
    m = j;
  }
  return { r, rPrevious };
}

/** Validates a real number of agents (finite, >= 0). */
function resolveRealAgents(fn: string, value: unknown): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) invalidArgument(fn, "agents", "a finite number of at least 0", value);
  return value;
}

/** Options of {@link fractionalErlangB}. */
export interface FractionalErlangBOptions extends TrafficOptions {
  /** Number of agents (lines) x; a finite real number >= 0, e.g. 12.4. */
  readonly agents: number;
  /**
   * Answer-time threshold T, seconds (reported only).
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/**
 * Erlang B at a fractional number of lines: B(x, A) = 1 / (A ∫_0^∞ e^(-A t) (1 + t)^x dt).
 *
 * Equal to {@link erlangB} at integer x (the same recursion), continuous, strictly decreasing and
 * convex in x (Jagerman 1974). Cost O(sqrt A + |x - A|).
 *
 * @param options - traffic (`trafficErlangs`, or calls, interval and AHT) and `agents` (real >= 0).
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 * @example
 * ```ts
 * fractionalErlangB({ trafficErlangs: 10, agents: 17 }).blockingProbability; //=> 0.012948875224726...
 * fractionalErlangB({ trafficErlangs: 1, agents: 0.5 }).blockingProbability; //=> 0.72519677735834...
 * ```
 * @see Jagerman, "Some properties of the Erlang loss function", Bell System Technical Journal 53 (1974) 525-551.
 */
export function fractionalErlangB(options: FractionalErlangBOptions): ErlangBResult {
  requireOptions("fractionalErlangB", options);
  const fn = "fractionalErlangB";
  const { trafficErlangs } = resolveTraffic(fn, options, false);
  const agents = resolveRealAgents(fn, options.agents);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return erlangBFromRecursion(0, agents, agents === 0 ? 1 : Number.POSITIVE_INFINITY, targetAnswerSeconds);
  return erlangBFromRecursion(trafficErlangs, agents, continuousInverseErlangB(agents, trafficErlangs).r, targetAnswerSeconds);
}

/** Options of {@link fractionalErlangC}. */
export interface FractionalErlangCOptions extends FractionalErlangBOptions {}

/**
 * Erlang C at a fractional number of agents x: C = 1 / (1 + r(x - 1) (x - A) / A) with r the
 * continuous inverse Erlang B (see {@link fractionalErlangB}); SL = 1 - C e^(-(x - A) T / AHT),
 * ASA = C AHT / (x - A). Equal to {@link erlangC} at integer x; unstable (limit values) when x <= A.
 *
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 * @example
 * ```ts
 * fractionalErlangC({ trafficErlangs: 10, ahtSeconds: 180, agents: 13 }).waitProbability; //=> 0.2852704530... (erlangC at 13)
 * fractionalErlangC({ trafficErlangs: 10, ahtSeconds: 180, agents: 12.5 }).serviceLevel; //=> 0.72749340952... (0.640 at 12, 0.796 at 13)
 * ```
 * @see Jagerman (1974); Gans, Koole & Mandelbaum, M&SOM 5 (2003) 79-141.
 */
export function fractionalErlangC(options: FractionalErlangCOptions): ErlangCResult {
  requireOptions("fractionalErlangC", options);
  const fn = "fractionalErlangC";
  const { trafficErlangs, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveRealAgents(fn, options.agents);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return erlangCZeroTraffic(agents, targetAnswerSeconds);
  const rPrevious = agents <= trafficErlangs ? 0 : continuousInverseErlangB(agents, trafficErlangs).rPrevious;
  return erlangCFromRecursion(trafficErlangs, agents, rPrevious, ahtSeconds, targetAnswerSeconds);
}

/** Options of {@link fractionalErlangA}. */
export interface FractionalErlangAOptions extends FractionalErlangBOptions {
  /** Mean patience, seconds; a positive finite number. */
  readonly patienceSeconds: number;
}

/**
 * Erlang A at a fractional number of agents x: the closed form of {@link erlangA} with
 * beta = B / (1 - B) = 1 / (r(x) - 1) from the continuous Erlang B and the incomplete gamma
 * function at x mu / theta (already real-valued). Equal to {@link erlangA} at integer x.
 *
 * @throws {WfmError} `invalid-argument` naming the option when an input is missing or out of range.
 * @example
 * ```ts
 * fractionalErlangA({ trafficErlangs: 10, ahtSeconds: 180, agents: 11.5, patienceSeconds: 120 }).abandonProbability; //=> 0.076603387201...
 * ```
 * @see Mandelbaum & Zeltyn, OR Spectrum 26 (2004) 377-411; Jagerman (1974).
 */
export function fractionalErlangA(options: FractionalErlangAOptions): ErlangAResult {
  requireOptions("fractionalErlangA", options);
  const fn = "fractionalErlangA";
  const { trafficErlangs, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveRealAgents(fn, options.agents);
  const patienceSeconds = resolvePatience(fn, options.patienceSeconds);
  const targetAnswerSeconds = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  if (trafficErlangs === 0) return publicErlangA(erlangAZeroTraffic(agents, patienceSeconds, targetAnswerSeconds));
  if (agents === 0) return publicErlangA(erlangAFromRecursion(trafficErlangs, 0, 0, ahtSeconds, patienceSeconds, targetAnswerSeconds));
  // erlangAFromRecursion needs A / (N r(N - 1)) = 1 / (r(N) - 1); give it r(N - 1) = (r(N) - 1) A / N
  // only through that product: pass the exact r(N - 1) of the continuous recursion.
  const { rPrevious } = continuousInverseErlangB(agents, trafficErlangs);
  return publicErlangA(erlangAFromRecursion(trafficErlangs, agents, rPrevious, ahtSeconds, patienceSeconds, targetAnswerSeconds));
}

/** Result of {@link requiredAgentsFractional}. */
export type RequiredAgentsFractionalResult =
  | (AnyQueueMetrics & { readonly feasible: true; readonly model: QueueingModel; readonly agents: number; readonly wholeAgents: number })
  | { readonly feasible: false; readonly model: QueueingModel; readonly trafficErlangs: number; readonly reason: string; readonly agents: null; readonly wholeAgents: null };

/**
 * Required agents as a real number: the smallest x >= 0 at which the continuous extension meets
 * every target of {@link requiredAgents} (the same options; shrinkage is ignored here), found by
 * bisection on (N* - 1, N*] where N* is the integer answer (every metric is monotone in x).
 * Used by multi-queue plans that add fractional requirements before rounding once.
 *
 * @returns `agents` (real, within 1e-9 of the exact threshold, never below it) and `wholeAgents` N*.
 * @throws {WfmError} as {@link requiredAgents}.
 * @example
 * ```ts
 * requiredAgentsFractional({ trafficErlangs: 10, ahtSeconds: 180, targetServiceLevel: 0.8 }).agents; //=> 13.03720647... (wholeAgents 14)
 * ```
 * @see Jagerman (1974) for the continuous Erlang B.
 */
export function requiredAgentsFractional(options: RequiredAgentsOptions): RequiredAgentsFractionalResult {
  requireOptions("requiredAgentsFractional", options);
  const whole = asCalledBy("requiredAgents", "requiredAgentsFractional", () => requiredAgents(options));
  if (!whole.feasible) return { ...whole, wholeAgents: null };
  const model = whole.model;
  const n = whole.agents;
  if (n === 0) return { ...stripWhole(whole), feasible: true, model, agents: 0, wholeAgents: 0 };
  const a = whole.trafficErlangs;
  const ahtSeconds = options.ahtSeconds ?? Number.NaN;
  const t = options.targetAnswerSeconds;
  const answer = t === undefined ? {} : { targetAnswerSeconds: t };
  const evaluate = (x: number): AnyQueueMetrics =>
    model === "erlang-b"
      ? fractionalErlangB({ trafficErlangs: a, agents: x, ...answer })
      : model === "erlang-c"
        ? fractionalErlangC({ trafficErlangs: a, ahtSeconds, agents: x, ...answer })
        : fractionalErlangA({ trafficErlangs: a, ahtSeconds, agents: x, patienceSeconds: options.patienceSeconds!, ...answer });
  const meets = (m: AnyQueueMetrics): boolean =>
    (options.targetServiceLevel === undefined || m.serviceLevel >= options.targetServiceLevel) &&
    (options.targetAsaSeconds === undefined || m.asaSeconds <= options.targetAsaSeconds) &&
    (options.maxOccupancy === undefined || m.occupancy <= options.maxOccupancy) &&
    (options.maxAbandonProbability === undefined || (m.abandonProbability ?? 0) <= options.maxAbandonProbability) &&
    (options.maxBlocking === undefined || (m.blockingProbability ?? 0) <= options.maxBlocking);
  let low = n - 1; // fails (integer N* - 1 fails)
  let high = n; // meets
  let best = evaluate(high);
  while (high - low > 1e-9 * Math.max(1, high)) {
    const mid = 0.5 * (low + high);
    const m = evaluate(mid);
    if (meets(m)) {
      high = mid;
      best = m;
    } else low = mid;
  }
  return { ...best, feasible: true, model, agents: high, wholeAgents: n };
}

function stripWhole(r: AnyQueueMetrics): AnyQueueMetrics {
  const { ...rest } = r as AnyQueueMetrics & { atOneFewer?: unknown; scheduledAgents?: unknown; shrinkage?: unknown; feasible?: unknown; model?: unknown };
  delete rest.atOneFewer;
  delete rest.scheduledAgents;
  delete rest.shrinkage;
  delete rest.feasible;
  delete rest.model;
  return rest;
}
