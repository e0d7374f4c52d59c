import { invalidArgument, requireOptions } from "../errors.js";
import { stationaryDistribution } from "./ctmc-solve.js";
import { logGammaPlusOne } from "./incomplete-gamma.js";
import { resolveAgents, resolveAnswerSeconds, resolveFraction, resolveTraffic } from "./traffic.js";
import type { TrafficOptions } from "./types.js";

/**
 * Call blending: N agents answer inbound calls and, in idle time, work an unlimited outbound list
 * (abandoned carts, up-sell). Inbound has priority; an agent starts outbound work only while at
 * least R other agents stay idle and no inbound call waits (the reserve R keeps agents free for
 * the next inbound calls). Nobody is pre-empted.
 *
 * Model: Poisson inbound (rate lambda), exponential handle times (inbound mean AHT, outbound mean
 * `outboundAhtSeconds`), optional exponential patience of waiting inbound callers. State (i, o):
 * inbound calls in the system and outbound calls in progress; whenever more than R agents are
 * idle, the excess start outbound at once. The chain is solved directly on 0 <= o <= N and inbound
 * queues up to a cap that doubles until the probability at the cap is below 1e-14: outbound starts
 * only from the state of each line o with R idle agents, so the lines above o are entered there
 * alone and one tridiagonal solve per line, from the top line down, gives the exact distribution
 * (O(states); the balance residual is reported, about 1e-15). The inbound wait of a caller who
 * finds every agent busy is the first passage of the (calls ahead, outbound in progress) chain, by
 * uniformization.
 * Exact limits: R >= N never starts outbound (Erlang C, or Erlang A with patience); R = 0 lets no
 * agent idle while the list lasts.
 *
 * @module
 */

/** Options of {@link blending}. */
export interface BlendingOptions extends TrafficOptions {
  /** Agents N; a whole number >= 1 (moderate sizes: the chain has about N x (R + queue cap) states). */
  readonly agents: number;
  /** Reserve R: outbound starts only while at least R other agents stay idle; a whole number >= 0. */
  readonly outboundReserveAgents: number;
  /** Mean handle time of an outbound contact, seconds (> 0). */
  readonly outboundAhtSeconds: number;
  /** Mean patience of waiting inbound callers, seconds; absent: they never abandon. */
  readonly patienceSeconds?: number;
  /**
   * Answer-time threshold T of the inbound service level, seconds.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/** Inbound and outbound figures of a blended pool. */
export interface BlendingResult {
  readonly trafficErlangs: number;
  readonly agents: number;
  readonly outboundReserveAgents: number;
  readonly targetAnswerSeconds: number;
  /** Inbound: answered within T / offered. */
  readonly serviceLevel: number;
  /** Inbound: P(an arriving call waits). */
  readonly waitProbability: number;
  /** Inbound: mean wait over all callers, seconds. */
  readonly asaSeconds: number;
  /** Inbound: share of callers who abandon. */
  readonly abandonProbability: number;
  /** Outbound contacts completed per hour. */
  readonly outboundContactsPerHour: number;
  /** Mean number of agents on outbound work. */
  readonly outboundAgents: number;
  /** (Inbound + outbound busy agents) / N. */
  readonly occupancy: number;
  /** false without patience when A >= N (the inbound queue grows without bound). */
  readonly stable: boolean;
  /** Bound on the error of the probabilities: the solver's residual plus the mass at the queue cap and the uniformization tail. */
  readonly truncationError: number;
}

interface Chain {
  readonly n: number;
  readonly reserve: number;
  readonly cap: number; // longest inbound queue kept
  readonly offset: Int32Array; // first state index of each o
  readonly low: Int32Array; // lowest i for each o
  readonly high: Int32Array; // highest i for each o
  readonly size: number;
}

function buildChain(n: number, reserve: number, cap: number): Chain {
  const offset = new Int32Array(n + 2);
  const low = new Int32Array(n + 1);
  const high = new Int32Array(n + 1);
  let size = 0;
  for (let o = 0; o <= n; o++) {
    offset[o] = size;
    low[o] = Math.max(0, n - o - reserve);
    high[o] = n - o + cap;
    size += high[o]! - low[o]! + 1;
  }
  offset[n + 1] = size;
  return { n, reserve, cap, offset, low, high, size };
}

/** State after the agents idle beyond the reserve start outbound work. */
function settle(c: Chain, i: number, o: number): number {
  const inService = Math.min(i, c.n - o);
  const idle = c.n - o - inService;
  const extra = idle > c.reserve ? idle - c.reserve : 0;
  const o2 = o + extra;
  return c.offset[o2]! + (i - c.low[o2]!);
}

interface Solved {
  readonly pi: Float64Array;
  readonly residual: number;
  readonly atCap: number;
}

/**
 * Stationary distribution, directly (no iteration), from the level structure of the chain. Outbound
 * starts only from the state of line o (fixed o) with exactly R idle agents, e_o, and takes the chain
 * to e_{o+1}; every other state of line o leaves the lines above o only through outbound
 * completions (rate o x muOut) into line o - 1 at the same i. So the lines above o are entered at
 * e_o alone, and from the top line down each line is a birth-death line in i with a killing rate
 * (o x muOut) and a return from e_o spread like the exits of the line above: one tridiagonal
 * (Thomas) solve per line, O(states) in all, exact up to rounding. Lines above N - R are never
 * reached (more than N - R agents never do outbound work) and get probability 0. The balance
 * residual is computed and reported like the iterative solver's.
 */
function solveChainDirect(c: Chain, lambda: number, mu: number, muOut: number, theta: number): Solved {
  const { n, reserve, size } = c;
  const pi = new Float64Array(size);
  const top = n - reserve; // highest reachable line (reserve <= n)
  const length = c.high[0]! - c.low[0]! + 1; // every reachable line has R + 1 + cap states
  // each reachable line's occupation relative to its entry state is written in place into pi
  const land = new Float64Array(length); // exit distribution of the line above, by landing index here
  let landing = false;
  const cc = new Float64Array(length);
  const dd = new Float64Array(length);
  const downRate = new Float64Array(length + 1);
  for (let o = top; o >= 0; o--) {
    const low = c.low[o]!;
    const at = c.offset[o]!;
    const busyAt = n - o; // i from which all non-outbound agents are busy
    const tele = low * mu; // an inbound completion at e_o (i = low, R idle) starts outbound
    const kill = o * muOut;
    for (let j = 1; j < length; j++) {
      const i = low + j;
      downRate[j] = Math.min(i, busyAt) * mu + (i > busyAt ? (i - busyAt) * theta : 0);
    }
    // rows j = 1 .. length - 1: w_j out_j - w_{j-1} lambda - w_{j+1} down_{j+1} = tele land_j (+ lambda at j = 1, w_0 = 1)
    for (let j = 1; j < length; j++) {
      const out = (j < length - 1 ? lambda : 0) + downRate[j]! + kill;
      const sub = j > 1 ? -lambda : 0;
      const sup = j < length - 1 ? -downRate[j + 1]! : 0;
      const rhs = (landing ? tele * land[j]! : 0) + (j === 1 ? lambda : 0);
      const diag = out - (j > 1 ? sub * cc[j - 1]! : 0);
      cc[j] = sup / diag;
      dd[j] = (rhs - (j > 1 ? sub * dd[j - 1]! : 0)) / diag;
    }
    pi[at] = 1;
    let x = dd[length - 1]!;
    pi[at + length - 1] = x;
    let sum = x;
    for (let j = length - 2; j >= 1; j--) {
      x = dd[j]! - cc[j]! * x;
      pi[at + j] = x;
      sum += x;
    }
    // (i, o) lands on (i, o - 1): index j - 1 there
    for (let j = 1; j < length; j++) land[j - 1] = pi[at + j]! / sum;
    land[length - 1] = 0;
    landing = true;
  }
  // line 0 up to scale; line o + 1 from the flow into it (pi(e_o) x tele_o) = the flow out of it
  for (let o = 0; o < top; o++) {
    const tele = c.low[o]! * mu;
    const above = c.offset[o + 1]!;
    let exits = 0;
    for (let j = 1; j < length; j++) exits += pi[above + j]!;
    const scale = (pi[c.offset[o]!]! * tele) / (exits * (o + 1) * muOut);
    for (let j = 0; j < length; j++) pi[above + j]! *= scale;
  }
  let total = 0;
  for (let s = 0; s < size; s++) total += pi[s]!;
  for (let s = 0; s < size; s++) pi[s]! /= total;
  // relative balance residual, as in ./ctmc-solve.ts (unreachable lines carry nothing)
  const inflow = new Float64Array(size);
  const outflow = new Float64Array(size);
  for (let o = 0; o <= top; o++) {
    const low = c.low[o]!;
    const at = c.offset[o]!;
    for (let j = 0; j < length; j++) {
      const s = at + j;
      const p = pi[s]!;
      if (p === 0) continue;
      const i = low + j;
      const inService = Math.min(i, n - o);
      const queue = i - inService;
      if (j < length - 1) {
        outflow[s]! += p * lambda;
        inflow[s + 1]! += p * lambda;
      }
      if (inService > 0) {
        const target = settle(c, i - 1, o);
        if (target !== s) {
          outflow[s]! += p * inService * mu;
          inflow[target]! += p * inService * mu;
        }
      }
      if (o > 0) {
        const target = settle(c, i, o - 1);
        if (target !== s) {
          outflow[s]! += p * o * muOut;
          inflow[target]! += p * o * muOut;
        }
      }
      if (queue > 0 && theta > 0) {
        outflow[s]! += p * queue * theta;
        inflow[s - 1]! += p * queue * theta;
      }
    }
  }
  let worst = 0;
  let flow = 0;
  for (let s = 0; s < size; s++) {
    worst += Math.abs(inflow[s]! - outflow[s]!);
    flow += outflow[s]!;
  }
  let atCap = 0;
  for (let o = 0; o <= n; o++) atCap += pi[c.offset[o]! + (c.high[o]! - c.low[o]!)]!;
  return { pi, residual: flow > 0 ? worst / flow : 0, atCap };
}

/** Every transition of the chain (source state, target state after settling, rate). */
function visitChain(c: Chain, lambda: number, mu: number, muOut: number, theta: number, add: (source: number, target: number, r: number) => void): void {
  const { n } = c;
  for (let o = 0; o <= n; o++) {
    for (let i = c.low[o]!; i <= c.high[o]!; i++) {
      const s = c.offset[o]! + (i - c.low[o]!);
      const inService = Math.min(i, n - o);
      const queue = i - inService;
      if (i < c.high[o]!) add(s, c.offset[o]! + (i + 1 - c.low[o]!), lambda);
      if (inService > 0) add(s, settle(c, i - 1, o), inService * mu);
      if (o > 0) add(s, settle(c, i, o - 1), o * muOut);
      if (queue > 0 && theta > 0) add(s, c.offset[o]! + (i - 1 - c.low[o]!), queue * theta);
    }
  }
}

/** Stationary distribution, iteratively (the reference for the direct solver): block Gauss-Seidel on the lines of fixed o, with aggregation on i and o (./ctmc-solve.ts). */
function solveChainIterative(c: Chain, lambda: number, mu: number, muOut: number, theta: number): Solved {
  const { n, size } = c;
  const outRate = new Float64Array(size);
  const count = new Int32Array(size + 1);
  const visit = (add: (source: number, target: number, r: number) => void) => visitChain(c, lambda, mu, muOut, theta, add);
  visit((source, target, r) => {
    if (r <= 0 || source === target) return;
    outRate[source]! += r;
    count[target + 1]! += 1;
  });
  for (let s = 0; s < size; s++) count[s + 1]! += count[s]!;
  const inStart = count.slice();
  const fill = count.slice(0, size);
  const inFrom = new Int32Array(inStart[size]!);
  const inRate = new Float64Array(inStart[size]!);
  visit((source, target, r) => {
    if (r <= 0 || source === target) return;
    const at = fill[target]!++;
    inFrom[at] = source;
    inRate[at] = r;
  });
  const outbound = new Int32Array(size);
  for (let o = 0; o <= n; o++) outbound.fill(o, c.offset[o]!, c.offset[o + 1]!);
  const { pi, residual } = stationaryDistribution({ transitions: { outRate, inStart, inFrom, inRate }, lineStarts: c.offset, coordinates: [outbound] });
  let atCap = 0;
  for (let o = 0; o <= n; o++) atCap += pi[c.offset[o]! + (c.high[o]! - c.low[o]!)]!;
  return { pi, residual, atCap };
}

/**
 * Inbound service level, outbound contacts per hour and the rest of a blended pool of N agents
 * with reserve R (see the module text for the model and the method).
 *
 * @throws {WfmError} `invalid-argument` naming the option (agents below 1, a negative or fractional
 *   reserve, a non-positive outbound handle time, ...).
 * @example
 * ```ts
 * const b = blending({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 2, outboundAhtSeconds: 300 });
 * b.serviceLevel; //=> 0.591755247... (Erlang C at 12 agents, no outbound: 0.9103)
 * b.outboundContactsPerHour; //=> 39.89728099...
 * ```
 * @see Bhulai & Koole, "A queueing model for call blending in call centers", IEEE Transactions on
 * Automatic Control 48 (2003) 1434-1438; Gans & Zhou, "A call-routing problem with service-level
 * constraints", Operations Research 51 (2003) 255-271.
 */
export function blending(options: BlendingOptions): BlendingResult {
  return blendingWith(options, solveChainDirect);
}

function blendingWith(options: BlendingOptions, solve: typeof solveChainDirect): BlendingResult {
  requireOptions("blending", options);
  const fn = "blending";
  const { trafficErlangs: a, ahtSeconds } = resolveTraffic(fn, options, true);
  const n = resolveAgents(fn, "agents", options.agents);
  if (n < 1) invalidArgument(fn, "agents", "a whole number of at least 1", n);
  const reserve = resolveAgents(fn, "outboundReserveAgents", options.outboundReserveAgents);
  const outAht = options.outboundAhtSeconds;
  if (!(typeof outAht === "number" && Number.isFinite(outAht) && outAht > 0)) invalidArgument(fn, "outboundAhtSeconds", "a positive finite number", outAht);
  const patience = options.patienceSeconds;
  if (patience !== undefined && !(Number.isFinite(patience) && patience > 0)) invalidArgument(fn, "patienceSeconds", "a positive finite number", patience);
  const t = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  return evaluateBlending(a, ahtSeconds, n, Math.min(reserve, n), outAht, patience ?? null, t, solve);
}

/**
 * {@link blending} with the previous iterative solver of the chain (block Gauss-Seidel with
 * aggregation to a relative residual below 1e-11, ./ctmc-solve.ts) instead of the direct one: the
 * reference the direct solver is tested against. Same options, same result fields.
 * @internal
 * @throws {WfmError} as {@link blending}.
 * @example
 * ```ts
 * blendingIterative({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundReserveAgents: 2, outboundAhtSeconds: 300 }).serviceLevel; //=> 0.59175524... (as blending, to about 1e-9)
 * ```
 * @see Stewart, Introduction to the Numerical Solution of Markov Chains (Princeton, 1994), ch. 3.
 */
export function blendingIterative(options: BlendingOptions): BlendingResult {
  return blendingWith(options, solveChainIterative);
}

function evaluateBlending(a: number, ahtSeconds: number, n: number, reserve: number, outAht: number, patience: number | null, t: number, solve = solveChainDirect): BlendingResult {
  const mu = 1 / ahtSeconds;
  const muOut = 1 / outAht;
  const lambda = a * mu;
  const theta = patience === null ? 0 : 1 / patience;
  const base = { trafficErlangs: a, agents: n, outboundReserveAgents: reserve, targetAnswerSeconds: t };
  if (patience === null && a >= n) {
    return { ...base, serviceLevel: 0, waitProbability: 1, asaSeconds: Number.POSITIVE_INFINITY, abandonProbability: 0, outboundContactsPerHour: 0, outboundAgents: 0, occupancy: 1, stable: false, truncationError: 0 };
  }
  // First cap: where the inbound queue's geometric tail (ratio A / N without patience, smaller
  // with it) falls below 1e-14; doubled below while the mass at the cap is larger.
  const ratio = a / n;
  let cap = Math.max(20, Math.ceil(patience === null ? Math.log(1e-14) / Math.log(ratio) : 4 * Math.sqrt(Math.max(a, 1)) + (a * patience) / ahtSeconds));
  let chain = buildChain(n, reserve, cap);
  let solved = solve(chain, lambda, mu, muOut, theta);
  while (solved.atCap > 1e-14 && cap < 20_000) {
    cap *= 2;
    chain = buildChain(n, reserve, cap);
    solved = solve(chain, lambda, mu, muOut, theta);
  }
  const { pi } = solved;
  let wait = 0;
  let queueMean = 0;
  let outMean = 0;
  let inServiceMean = 0;
  for (let o = 0; o <= n; o++) {
    for (let i = chain.low[o]!; i <= chain.high[o]!; i++) {
      const p = pi[chain.offset[o]! + (i - chain.low[o]!)]!;
      const inService = Math.min(i, n - o);
      if (inService === n - o) wait += p;
      queueMean += (i - inService) * p;
      outMean += o * p;
      inServiceMean += inService * p;
    }
  }
  // Inbound service level: a caller who waits, with `ahead` calls before it and o outbound in progress.
  const waiting = n + 1; // o = 0..n
  const depth = cap + 1; // ahead = 0..cap
  const q = Math.max(mu, muOut) * n + (depth + 1) * theta; // uniformization rate
  const qt = q * t;
  const logQt = Math.log(qt);
  const weight = (step: number) => Math.exp(-qt + step * logQt - logGammaPlusOne(step));
  const tailAfter = (step: number, w: number) => (step + 2 > qt ? (w * (qt / (step + 1))) / (1 - qt / (step + 2)) : Number.POSITIVE_INFINITY);
  // The uniformization below stops after `steps` steps; a caller with `steps` or more calls ahead
  // cannot be answered by then, so only the first steps + 1 positions are kept (same result).
  let steps = 0;
  if (t > 0) while (!(tailAfter(steps, weight(steps)) <= 1e-16)) steps++;
  const kept = Math.min(depth, steps + 2);
  let p = new Float64Array(waiting * kept);
  let waitingMass = 0;
  for (let o = 0; o <= n; o++) {
    for (let i = Math.max(chain.low[o]!, n - o); i < chain.high[o]!; i++) {
      const mass = pi[chain.offset[o]! + (i - chain.low[o]!)]!;
      if (i - (n - o) < kept) p[o * kept + (i - (n - o))] = mass;
      waitingMass += mass;
    }
  }
  let answeredWithin = 0;
  let tail = 0;
  if (waitingMass > 0 && t > 0) {
    for (let k = 0; k < p.length; k++) p[k]! /= waitingMass;
    let next = new Float64Array(p.length);
    let answered = 0;
    for (let step = 0; ; step++) {
      const w = weight(step);
      answeredWithin += w * answered;
      if (step + 2 > qt) {
        tail = tailAfter(step, w);
        if (tail <= 1e-16) break;
      }
      next.fill(0);
      for (let o = 0; o <= n; o++) {
        const inRelease = (n - o) * mu;
        const outRelease = o * muOut;
        for (let ahead = 0; ahead < kept; ahead++) {
          const mass = p[o * kept + ahead]!;
          if (mass === 0) continue;
          const leave = (ahead * theta + inRelease + outRelease + theta) / q;
          if (ahead === 0) answered += (mass * (inRelease + outRelease)) / q;
          else {
            next[o * kept + ahead - 1]! += (mass * (inRelease + ahead * theta)) / q;
            if (o > 0) next[(o - 1) * kept + ahead - 1]! += (mass * outRelease) / q;
          }
          next[o * kept + ahead]! += mass * (1 - leave);
        }
      }
      const swap = p;
      p = next;
      next = swap;
    }
  }
  const serviceLevel = t === 0 ? 1 - wait : 1 - wait + wait * answeredWithin;
  return {
    ...base,
    serviceLevel: Math.min(1, Math.max(0, serviceLevel)),
    waitProbability: wait,
    asaSeconds: queueMean / lambda,
    abandonProbability: (theta * queueMean) / lambda,
    outboundContactsPerHour: outMean * muOut * 3600,
    outboundAgents: outMean,
    occupancy: Math.min(1, (inServiceMean + outMean) / n),
    stable: true,
    truncationError: solved.residual + solved.atCap + tail,
  };
}

/** Options of {@link bestOutboundReserve}: {@link BlendingOptions} without the reserve, and the inbound target. */
export interface BestOutboundReserveOptions extends Omit<BlendingOptions, "outboundReserveAgents"> {
  /** Inbound service-level target, a fraction in [0, 1] (at `targetAnswerSeconds`). */
  readonly targetServiceLevel: number;
  /**
   * `"all"`: evaluate every R from 0 to N (`byReserve` is the whole curve); `"bisection"`: the
   * inbound service level rises with R, so bisect on R (about log2 N + 1 evaluations, for
   * planning many intervals); `byReserve` then holds the reserves evaluated, ascending.
   * @defaultValue "all"
   */
  readonly search?: "all" | "bisection";
  /**
   * With `search: "bisection"`: the reserve to start from (the best reserve of a neighbouring pool
   * size, say). The search widens from it in doubling steps (1, 2, 4, ...) until the target is
   * bracketed, then bisects: the answer is the same as from the full range, in about 2 + 2 log2 |R* -
   * start| evaluations instead of log2 N + 2. Clamped to [0, N].
   * @defaultValue absent: bisect on [0, N]
   */
  readonly startReserveAgents?: number;
}

/** Result of {@link bestOutboundReserve}: the best reserve and the figures at every R from 0 to N. */
export interface BestOutboundReserveResult {
  /** Smallest R whose inbound service level meets the target (the most outbound work); null if none does. */
  readonly outboundReserveAgents: number | null;
  readonly feasible: boolean;
  readonly reason?: string;
  /** The blended pool at R = 0, 1, ..., N (inbound SL and outbound per hour as functions of R); with `search: "bisection"` the reserves evaluated, ascending. */
  readonly byReserve: readonly BlendingResult[];
  /** The pool at the best reserve (at R = N, no outbound, when infeasible). */
  readonly best: BlendingResult;
}

/**
 * The best reserve R for N agents: the smallest R at which the inbound service level meets the
 * target, which gives the most outbound contacts (the inbound service level rises and the outbound
 * rate falls as R grows). R = N is Erlang C / Erlang A (no outbound), so the target is feasible
 * for some R exactly when the pool meets it without outbound.
 *
 * @throws {WfmError} as {@link blending}; `targetServiceLevel` outside [0, 1]; `startReserveAgents` not a whole number >= 0.
 * @example
 * ```ts
 * bestOutboundReserve({ trafficErlangs: 8, ahtSeconds: 180, agents: 12, outboundAhtSeconds: 300, targetServiceLevel: 0.8 }).outboundReserveAgents; //=> 5 (19.4 outbound contacts per hour)
 * ```
 * @see Bhulai & Koole (2003), IEEE TAC 48, 1434-1438.
 */
export function bestOutboundReserve(options: BestOutboundReserveOptions): BestOutboundReserveResult {
  requireOptions("bestOutboundReserve", options);
  const fn = "bestOutboundReserve";
  const target = resolveFraction(fn, "targetServiceLevel", options.targetServiceLevel);
  if (target === undefined) invalidArgument(fn, "targetServiceLevel", "a fraction from 0 to 1", options.targetServiceLevel);
  const n = resolveAgents(fn, "agents", options.agents);
  const search = options.search ?? "all";
  if (search !== "all" && search !== "bisection") invalidArgument(fn, "search", '"all" or "bisection"', search);
  const start = options.startReserveAgents;
  if (start !== undefined && !(Number.isInteger(start) && start >= 0)) invalidArgument(fn, "startReserveAgents", "a whole number of at least 0", start);
  const { search: _, targetServiceLevel: __, startReserveAgents: ___, ...rest } = options;
  const at = new Map<number, BlendingResult>();
  const evaluate = (r: number) => {
    let b = at.get(r);
    if (b === undefined) {
      b = blending({ ...rest, outboundReserveAgents: r });
      at.set(r, b);
    }
    return b;
  };
  const meets = (r: number) => evaluate(r).serviceLevel >= target;
  let best: number;
  if (search === "all") {
    for (let r = 0; r <= n; r++) evaluate(r);
    best = [...at.values()].findIndex((b) => b.serviceLevel >= target);
  } else if (start !== undefined) {
    // widen from the start until [low misses, high meets] brackets the answer, then bisect
    let low = -1;
    let high = -1;
    const from = Math.min(start, n);
    if (meets(from)) {
      high = from;
      for (let step = 1; high > 0; step *= 2) {
        const c = Math.max(0, high - step);
        if (meets(c)) high = c;
        else {
          low = c;
          break;
        }
      }
    } else {
      low = from;
      for (let step = 1; low < n; step *= 2) {
        const c = Math.min(n, low + step);
        if (meets(c)) {
          high = c;
          break;
        }
        low = c;
      }
    }
    if (high < 0) best = -1;
    else {
      while (low >= 0 && high - low > 1) {
        const mid = low + Math.floor((high - low) / 2);
        if (meets(mid)) high = mid;
        else low = mid;
      }
      best = high;
    }
  } else if (evaluate(n).serviceLevel < target) best = -1;
  else if (evaluate(0).serviceLevel >= target) best = 0;
  else {
    let low = 0; // misses
    let high = n; // meets
    while (high - low > 1) {
      const mid = low + Math.floor((high - low) / 2);
      if (evaluate(mid).serviceLevel >= target) high = mid;
      else low = mid;
    }
    best = high;
  }
  const byReserve = [...at.entries()].sort((x, y) => x[0] - y[0]).map(([, b]) => b);
  if (best < 0) {
    return { outboundReserveAgents: null, feasible: false, reason: `even with no outbound work (reserve ${n}) the inbound service level is ${(evaluate(n).serviceLevel * 100).toFixed(1)}%, below the target`, byReserve, best: evaluate(n) };
  }
  return { outboundReserveAgents: best, feasible: true, byReserve, best: evaluate(best) };
}
