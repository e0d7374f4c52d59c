import { bisectSmallestAgents, bracketUpward, type RequiredAgentsOutcome } from "./agent-search.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { answeredWithin } from "./answered-within.js";
import { reachesTarget, withinLimit } from "./limits.js";
import { resolveAgents, resolveAnswerSeconds, resolveFraction, resolveTraffic } from "./traffic.js";
import type { TrafficOptions } from "./types.js";

/**
 * Call-back instead of waiting: callers who would wait long are offered a call-back; those who
 * take it leave the queue and are called back later, in the agents' idle time.
 *
 * Model (the simulator's rule, `src/simulation`, with `urgentBeforeDeadlineSeconds` aside; see
 * below). Poisson arrivals (rate lambda = A / AHT), N agents, exponential handle times (mean AHT,
 * the same for inbound calls and call-backs), optional exponential patience (mean 1/theta) of
 * callers waiting in the inbound queue; call-backs never abandon. A caller who finds a free agent
 * is answered at once. A caller who finds all N busy and q callers queued has the ACD's expected
 * wait (q + 1) AHT / N; when it exceeds the threshold tau, the caller is offered a call-back and
 * takes it with probability p (the take-up share), joining the FIFO call-back backlog; otherwise
 * the caller queues. So the offer is a queue-length rule: offered iff q >= K, K the smallest q with
 * (q + 1) AHT / N > tau (K = floor(tau N / AHT)). A freed agent answers the head of the inbound
 * queue; when none waits, the oldest call-back; else it idles.
 *
 * The chain. State (k, b): k = calls at the agents or in the inbound queue, b = call-backs waiting.
 * b > 0 only when all agents are busy, so the levels b >= 1 have phases q = k - N = 0..Q, and
 * the only level-down move is an agent finishing at q = 0 and taking a call-back: a quasi-birth-
 * death process whose down matrix has rank one. Hence G = 1 e_0 and R = A0 (-(A1 + A0 1 e_0))^-1
 * exactly (Latouche & Ramaswami, ch. 6-8); each level is the previous times R, one tridiagonal
 * solve plus a Sherman-Morrison correction (O(Q) per level). Level 0 is the chain censored on b = 0
 * (a call-back accepted returns the chain to (N, 0)), solved by its cut equations. The queue is cut
 * at the phase Q where the stationary phase weights fall below 1e-17 of their largest, the levels
 * where a level's mass falls below 1e-17 of the total (at most {@link maxCallbackLevelStates}
 * states); `truncatedMass` reports the mass at the queue cap plus the geometric tail beyond the
 * last level kept.
 *
 * Waits. An inbound caller who queues behind j callers is answered, abandons or waits exactly as in
 * Erlang A (call-backs never overtake it): answered within T by uniformization of the death chain.
 * A call-back accepted with j call-backs ahead in phase q is made at the (j + 1)-th moment an agent
 * frees with no inbound caller waiting: its delay is tau_q + j iid copies of tau_0 (first passages
 * to such a moment); P(delay <= D) is the Laplace transform sum_q phi_q(s) Phi_q(phi_0(s)) / s,
 * inverted at D by the Abate-Whitt Euler algorithm (A = 24, 38 + 11 terms; absolute error below 1e-8: the tests compare it with an independent uniformization to 1e-8, and its laws hold to 1e-8).
 * The mean delay is exact by Little's law (mean backlog / acceptance rate).
 *
 * Differences from the simulator: by default the simulator also makes call-backs ahead of inbound
 * callers once they are within `urgentBeforeDeadlineSeconds` of their deadline (default D / 4);
 * this model never escalates (the simulator's `urgentBeforeDeadlineSeconds: null`, the setting
 * under which the tests referee it), so D only measures the call-backs made in time. Escalation
 * raises the in-time share and takes agents from inbound: for a centre that escalates, this
 * model's in-time share is a lower bound and its inbound service level an upper bound.
 *
 * @module
 */

/** Options of {@link callbackQueue}. */
export interface CallbackQueueOptions extends TrafficOptions {
  /** Agents N; a whole number >= 0. */
  readonly agents: number;
  /** Mean patience of callers in the inbound queue, seconds (exponential); absent: they never abandon. */
  readonly patienceSeconds?: number;
  /**
   * Offer a call-back when the expected wait (q + 1) AHT / N of an arriving caller who must queue
   * exceeds this, seconds (>= 0; `Infinity` = never offer).
   */
  readonly callbackThresholdSeconds: number;
  /** Share p of offered callers who take the call-back, a fraction in [0, 1]. */
  readonly takeUpShare: number;
  /** Promised time from the call to the call-back, seconds (> 0): `callbacksInTimeShare` counts call-backs made within it. */
  readonly callbackDeadlineSeconds: number;
  /**
   * Answer-time threshold T of the inbound service level, seconds.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
}

/** Metrics of an inbound queue with call-back offers. Ratios are fractions; times are seconds. */
export interface CallbackQueueResult {
  /** Offered traffic A, Erlangs. */
  readonly trafficErlangs: number;
  readonly agents: number;
  readonly patienceSeconds: number | null;
  readonly targetAnswerSeconds: number;
  readonly callbackThresholdSeconds: number;
  readonly takeUpShare: number;
  readonly callbackDeadlineSeconds: number;
  /** K: call-backs are offered to callers finding K or more callers queued (all agents busy); null = never. */
  readonly offerQueueLength: number | null;
  /** Answered within T / callers who stayed in the inbound queue (offered minus call-backs taken): the inbound service level. */
  readonly serviceLevel: number;
  /** Answered within T / all offered callers (call-back takers count as not answered within T; the simulator's SL_o). */
  readonly serviceLevelOfOffered: number;
  /** Share of offered callers who find every agent busy. */
  readonly waitProbability: number;
  /** Mean wait of the callers who stayed inbound (answered or abandoned), seconds: Erlang C / A's ASA. */
  readonly asaSeconds: number;
  /** Mean wait of answered callers, seconds (the KPI definition). */
  readonly asaAnsweredSeconds: number;
  /** Abandoned / offered (0 without patience). */
  readonly abandonProbability: number;
  /** Call-backs taken / offered callers. */
  readonly callbackShare: number;
  /** Share of call-backs made within the deadline D (idle-time service; see the module text). */
  readonly callbacksInTimeShare: number;
  /** Mean time from taking the call-back to the call-back, seconds. */
  readonly meanCallbackDelaySeconds: number;
  /** Mean number of call-backs waiting. */
  readonly meanCallbackBacklog: number;
  /** Busy agents (inbound calls and call-backs) / N. */
  readonly occupancy: number;
  /** false when the agents cannot keep up with inbound plus call-backs: the backlog grows without end. */
  readonly stable: boolean;
  /** Probability mass cut off by the truncation (queue cap and backlog levels), an estimate of the error of every ratio. */
  readonly truncatedMass: number;
}

/** Most states (backlog levels x queue phases) kept for the backlog levels. */
export const maxCallbackLevelStates = 4_000_000;

/** Relative mass below which the queue phases and backlog levels are cut. */
const cutRelative = 1e-17;

/** Validated inputs. */
interface Inputs {
  readonly a: number;
  readonly aht: number;
  readonly n: number;
  readonly patience: number | null;
  readonly tau: number;
  readonly p: number;
  readonly deadline: number;
  readonly t: number;
}

function resolveInputs(fn: string, options: Omit<CallbackQueueOptions, "agents">, agents: number): Inputs {
  const { trafficErlangs: a, ahtSeconds: aht } = resolveTraffic(fn, options, true);
  const patience = options.patienceSeconds === undefined ? null : options.patienceSeconds;
  if (patience !== null && !(Number.isFinite(patience) && patience > 0)) invalidArgument(fn, "patienceSeconds", "a positive finite number", patience);
  const tau = options.callbackThresholdSeconds;
  if (!(typeof tau === "number" && tau >= 0)) invalidArgument(fn, "callbackThresholdSeconds", "a number of seconds >= 0 (Infinity: never offer)", tau);
  const p = resolveFraction(fn, "takeUpShare", options.takeUpShare);
  if (p === undefined) invalidArgument(fn, "takeUpShare", "a fraction from 0 to 1", p);
  const deadline = options.callbackDeadlineSeconds;
  if (!(typeof deadline === "number" && Number.isFinite(deadline) && deadline > 0)) invalidArgument(fn, "callbackDeadlineSeconds", "a positive finite number of seconds", deadline);
  const t = resolveAnswerSeconds(fn, options.targetAnswerSeconds);
  return { a, aht, n: agents, patience, tau, p, deadline, t };
}

/** K: the smallest queue length q with (q + 1) AHT / N > tau (the simulator's expression), or null. */
function offerLength(tau: number, aht: number, n: number, p: number): number | null {
  if (p === 0 || tau === Number.POSITIVE_INFINITY) return null;
  if (n === 0) return 0;
  let k = Math.max(0, Math.floor((tau * n) / aht) - 1);
  while (!(((k + 1) * aht) / n > tau)) k++;
  while (k > 0 && (k * aht) / n > tau) k--;
  return k;
}

/**
 * The metrics of N agents answering traffic A with call-back offers (see the module text for the
 * model, its exact solution and where it differs from the simulator). Exact limits: take-up 0 or
 * threshold `Infinity` give Erlang C (no patience) or Erlang A (with patience).
 *
 * With p = 1 and tau = 0 nobody ever queues: every caller finding the agents busy is called back.
 * When the agents cannot serve inbound plus call-backs (`stable: false`), the backlog grows without
 * end: the inbound figures are those of a pool never idle, `callbacksInTimeShare` is 0 and the
 * delay and backlog `Infinity`.
 *
 * @throws {WfmError} `invalid-argument` naming the option: traffic, agents, a take-up share outside
 *   [0, 1], a negative threshold, a deadline not positive, a patience not positive.
 * @example
 * ```ts
 * const r = callbackQueue({ trafficErlangs: 30, ahtSeconds: 180, agents: 32, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 });
 * r.offerQueueLength; //=> 10 (11 x 180 / 32 = 61.9 s > 60 s)
 * r.serviceLevel; //=> 0.6191278149... (Erlang C without call-backs: 0.4953570953...)
 * r.callbacksInTimeShare; //=> 0.9709469952... (mean delay 1105.7 s)
 * ```
 * @see Latouche & Ramaswami, "Introduction to Matrix Analytic Methods in Stochastic Modeling" (1999),
 * ch. 6-8 (QBDs, R and G); Abate & Whitt, "Numerical inversion of Laplace transforms of probability
 * distributions", ORSA J. Computing 7 (1995) 36-43; Koole, "Call Center Optimization" (2013), ch. 5
 * (call-backs); Armony & Maglaras, "On customer contact centers with a call-back option", Operations
 * Research 52 (2004) 271-292.
 */
export function callbackQueue(options: CallbackQueueOptions): CallbackQueueResult {
  const fn = "callbackQueue";
  requireOptions(fn, options, ["agents", "callbackThresholdSeconds", "takeUpShare", "callbackDeadlineSeconds"]);
  const agents = resolveAgents(fn, "agents", options.agents);
  return solveCallback(resolveInputs(fn, options, agents), true);
}

/** The chain on validated inputs; `withDeadline` false skips the in-time share (NaN). */
function solveCallback(x: Inputs, withDeadline: boolean): CallbackQueueResult {
  const { a, aht, n, patience, tau, p, deadline, t } = x;
  const mu = 1 / aht;
  const lambda = a * mu;
  const theta = patience === null ? 0 : 1 / patience;
  const K = offerLength(tau, aht, n, p);
  const base = {
    trafficErlangs: a,
    agents: n,
    patienceSeconds: patience,
    targetAnswerSeconds: t,
    callbackThresholdSeconds: tau,
    takeUpShare: p,
    callbackDeadlineSeconds: deadline,
    offerQueueLength: K,
  };
  if (a === 0) {
    return { ...base, serviceLevel: 1, serviceLevelOfOffered: 1, waitProbability: 0, asaSeconds: 0, asaAnsweredSeconds: 0, abandonProbability: 0, callbackShare: 0, callbacksInTimeShare: 1, meanCallbackDelaySeconds: 0, meanCallbackBacklog: 0, occupancy: 0, stable: true, truncatedMass: 0 };
  }
  const kk = K ?? Number.POSITIVE_INFINITY;
  const nu = n * mu;
  const accept = (q: number) => (q >= kk ? lambda * p : 0);
  const join = (q: number) => (q >= kk ? lambda * (1 - p) : lambda);
  const death = (q: number) => nu + q * theta; // q >= 1: queue shrinks by one

  if (n === 0) {
    // Nobody answers: every caller is offered a call-back (expected wait infinite) or waits for ever.
    const callbackShare = K === null ? 0 : p;
    return {
      ...base,
      serviceLevel: 0,
      serviceLevelOfOffered: 0,
      waitProbability: 1,
      asaSeconds: callbackShare === 1 ? 0 : patience ?? Number.POSITIVE_INFINITY,
      asaAnsweredSeconds: 0,
      abandonProbability: patience === null ? 0 : 1 - callbackShare,
      callbackShare,
      callbacksInTimeShare: callbackShare > 0 ? 0 : 1,
      meanCallbackDelaySeconds: callbackShare > 0 ? Number.POSITIVE_INFINITY : 0,
      meanCallbackBacklog: callbackShare > 0 ? Number.POSITIVE_INFINITY : 0,
      occupancy: 0,
      stable: callbackShare === 0 && patience !== null,
      truncatedMass: 0,
    };
  }
  // Inbound queue unstable on its own: no patience and the callers who queue outrun the agents.
  if (theta === 0 && (K === null ? lambda >= nu : lambda * (1 - p) >= nu)) return neverIdle(base, null, 0, 0, 0, 0, 0, 0);

  // Phase weights alpha of the pool never idle (the levels' phase process): sets the queue cap Q.
  const alpha: number[] = [1];
  let alphaMax = 1;
  const qCap = 20_000;
  for (let q = 0; q < qCap; q++) {
    const up = join(q);
    if (up === 0) break;
    const v = (alpha[q]! * up) / death(q + 1);
    alpha.push(v);
    alphaMax = Math.max(alphaMax, v);
    if (v < cutRelative * alphaMax && (kk === Number.POSITIVE_INFINITY || q + 1 > kk)) break;
  }
  const Q = alpha.length - 1;
  let alphaSum = 0;
  let alphaAccept = 0;
  for (let q = 0; q <= Q; q++) {
    alphaSum += alpha[q]!;
    alphaAccept += accept(q) * alpha[q]!;
  }
  // Positive recurrence of the levels: call-backs accepted slower than a pool never idle makes them.
  // (Without patience every call is served: also A < N, with a margin for rounding at A = N.)
  if (!(alphaAccept < (1 - 1e-9) * nu * alpha[0]!) || (theta === 0 && a >= n * (1 - 1e-12))) {
    const phase = Float64Array.from(alpha, (v) => v / alphaSum);
    return neverIdle(base, phase, Q, kk, lambda, nu, theta, t);
  }

  // Level 0 (censored on b = 0): states k = 0..N+Q, cut equations from the top down.
  const top = n + Q;
  const pi0 = new Float64Array(top + 1);
  pi0[top] = 1;
  let S = accept(Q) * pi0[top]!;
  for (let k = top - 1; k >= n; k--) {
    const q = k - n;
    let v = (pi0[k + 1]! * (n * mu + (q + 1) * theta) + S) / join(q);
    if (v > 1e250) {
      for (let j = k + 1; j <= top; j++) pi0[j]! *= 1e-250;
      S *= 1e-250;
      v *= 1e-250;
    }
    pi0[k] = v;
    S += accept(q) * v;
  }
  for (let k = n - 1; k >= 0; k--) {
    let v = (pi0[k + 1]! * (k + 1) * mu) / lambda;
    if (v > 1e250) {
      for (let j = k + 1; j <= top; j++) pi0[j]! *= 1e-250;
      v *= 1e-250;
    }
    pi0[k] = v;
  }

  // Levels b >= 1: pi_{b+1} = (pi_b o a) (M - a e0^T)^-1, M = -A1 (tridiagonal).
  const size = Q + 1;
  const diag = new Float64Array(size);
  const upRate = new Float64Array(size);
  const downRate = new Float64Array(size);
  const acc = new Float64Array(size);
  for (let q = 0; q <= Q; q++) {
    upRate[q] = q < Q ? join(q) : 0;
    downRate[q] = q >= 1 ? death(q) : 0;
    acc[q] = accept(q);
    diag[q] = upRate[q]! + downRate[q]! + acc[q]! + (q === 0 ? nu : 0);
  }
  // Solve y M = z, i.e. M^T y^T = z^T: M^T has diagonal diag, (q, q-1) = -up[q-1], (q, q+1) = -down[q+1].
  const cPrime = new Float64Array(size);
  const dPrime = new Float64Array(size);
  const solveRow = (z: Float64Array, out: Float64Array) => {
    for (let q = 0; q < size; q++) {
      const sub = q > 0 ? -upRate[q - 1]! : 0;
      const sup = q < Q ? -downRate[q + 1]! : 0;
      const m = diag[q]! - (q > 0 ? sub * cPrime[q - 1]! : 0);
      cPrime[q] = sup / m;
      dPrime[q] = (z[q]! - (q > 0 ? sub * dPrime[q - 1]! : 0)) / m;
    }
    for (let q = size - 1; q >= 0; q--) out[q] = dPrime[q]! - (q < Q ? cPrime[q]! * out[q + 1]! : 0);
  };
  const e0 = new Float64Array(size);
  e0[0] = 1;
  const g = new Float64Array(size);
  solveRow(e0, g);
  let ga = 0;
  for (let q = 0; q < size; q++) ga += g[q]! * acc[q]!;
  const nextLevel = (from: Float64Array, out: Float64Array) => {
    const z = new Float64Array(size);
    let any = 0;
    for (let q = 0; q < size; q++) {
      z[q] = from[q]! * acc[q]!;
      any += z[q]!;
    }
    if (any === 0) return 0;
    solveRow(z, out);
    let ha = 0;
    for (let q = 0; q < size; q++) ha += out[q]! * acc[q]!;
    const s = ha / (1 - ga);
    let mass = 0;
    for (let q = 0; q < size; q++) {
      out[q] = Math.max(0, out[q]! + s * g[q]!);
      mass += out[q]!;
    }
    return mass;
  };
  const levels: Float64Array[] = [];
  const levelMass: number[] = [];
  let total = 0;
  for (let k = 0; k <= top; k++) total += pi0[k]!;
  const maxLevels = Math.max(16, Math.floor(maxCallbackLevelStates / size));
  let previous = pi0.subarray(n);
  let tail = 0;
  for (let b = 1; ; b++) {
    const level = new Float64Array(size);
    const mass = nextLevel(previous, level);
    if (mass === 0) break;
    levels.push(level);
    levelMass.push(mass);
    total += mass;
    previous = level;
    if (mass < cutRelative * total && b > 1) break;
    if (b >= maxLevels) {
      const r = mass / levelMass[levelMass.length - 2]!;
      tail = r < 1 ? (mass * r) / (1 - r) : Number.POSITIVE_INFINITY;
      break;
    }
  }
  // Normalize.
  const norm = 1 / total;
  for (let k = 0; k <= top; k++) pi0[k]! *= norm;
  for (const level of levels) for (let q = 0; q < size; q++) level[q]! *= norm;
  for (let b = 0; b < levelMass.length; b++) levelMass[b]! *= norm;
  tail *= norm;

  // Phase marginals over the levels (all agents busy, q queued).
  const busyPhase = new Float64Array(size);
  for (let q = 0; q < size; q++) busyPhase[q] = pi0[n + q]!;
  let backlog = 0;
  levels.forEach((level, i) => {
    for (let q = 0; q < size; q++) busyPhase[q]! += level[q]!;
    backlog += (i + 1) * levelMass[i]!;
  });
  let idleMass = 0;
  let busyAgents = 0;
  for (let k = 0; k < n; k++) {
    idleMass += pi0[k]!;
    busyAgents += k * pi0[k]!;
  }
  // Arrivals cut at the queue cap Q (none when take-up 1 stops the queue at K = Q), plus the levels' tail.
  const truncatedMass = Math.min(1, (join(Q) > 0 ? busyPhase[Q]! : 0) + tail);
  const inbound = inboundFigures(busyPhase, Q, kk, p, lambda, nu, theta, t, idleMass);
  const allBusy = 1 - idleMass;
  busyAgents += n * allBusy;
  const acceptRate = lambda * inbound.callbackShare;
  const meanCallbackDelaySeconds = acceptRate > 0 ? backlog / acceptRate : 0;
  let callbacksInTimeShare = Number.NaN;
  if (withDeadline) {
    callbacksInTimeShare = acceptRate > 0 ? inTimeShare(levels, pi0.subarray(n), acc, upRate, downRate, nu, deadline) : 1;
  }
  return {
    ...base,
    ...inbound,
    callbacksInTimeShare,
    meanCallbackDelaySeconds,
    meanCallbackBacklog: backlog,
    occupancy: n === 0 ? 0 : Math.min(1, busyAgents / n),
    stable: true,
    truncatedMass,
  };
}

/** The limit values when the backlog grows without end: inbound figures of a pool never idle (or an unstable inbound queue). */
function neverIdle(base: Omit<CallbackQueueResult, InboundKeys | "callbacksInTimeShare" | "meanCallbackDelaySeconds" | "meanCallbackBacklog" | "occupancy" | "stable" | "truncatedMass">, phase: Float64Array | null, Q: number, kk: number, lambda: number, nu: number, theta: number, t: number): CallbackQueueResult {
  const inbound =
    phase === null
      ? { serviceLevel: 0, serviceLevelOfOffered: 0, waitProbability: 1, asaSeconds: Number.POSITIVE_INFINITY, asaAnsweredSeconds: Number.POSITIVE_INFINITY, abandonProbability: 0, callbackShare: 0 }
      : inboundFigures(phase, Q, kk, base.takeUpShare, lambda, nu, theta, t, 0);
  return {
    ...base,
    ...inbound,
    callbacksInTimeShare: 0,
    meanCallbackDelaySeconds: Number.POSITIVE_INFINITY,
    meanCallbackBacklog: Number.POSITIVE_INFINITY,
    occupancy: 1,
    stable: false,
    truncatedMass: phase === null ? 0 : phase[Q]!,
  };
}

type InboundKeys = "serviceLevel" | "serviceLevelOfOffered" | "waitProbability" | "asaSeconds" | "asaAnsweredSeconds" | "abandonProbability" | "callbackShare";

/** Inbound figures from the arrival-state distribution (PASTA): idle mass and the busy phases. */
function inboundFigures(busyPhase: Float64Array, Q: number, kk: number, p: number, lambda: number, nu: number, theta: number, t: number, idleMass: number) {
  const size = Q + 1;
  let callbackShare = 0;
  let waitProbability = 0;
  let joined = 0;
  let queueLength = 0;
  let answeredWaiting = 0;
  let waitAnswered = 0;
  const initial = new Float64Array(size);
  for (let q = 0; q < size; q++) {
    const m = busyPhase[q]!;
    waitProbability += m;
    queueLength += q * m;
    if (q >= kk) callbackShare += p * m;
    const w = q === Q && Q > 0 ? 0 : q >= kk ? (1 - p) * m : m; // arrivals at the cap are cut
    initial[q] = w;
    joined += w;
  }
  // P(answered | j ahead) and E[wait; answered | j ahead], j = 0..Q: the death chain of Erlang A.
  let served = 1;
  let meanTime = 0;
  for (let j = 0; j < size; j++) {
    const out = nu + (j + 1) * theta;
    served *= out > 0 ? (nu + j * theta) / out : 0;
    meanTime += out > 0 ? 1 / out : 0;
    answeredWaiting += initial[j]! * served;
    waitAnswered += initial[j]! * served * meanTime;
  }
  let within = 0;
  if (joined > 0 && t > 0 && nu > 0) {
    const normalized = new Float64Array(size);
    for (let q = 0; q < size; q++) normalized[q] = initial[q]! / joined;
    within = answeredWithin(0, nu, theta, normalized, 0, t).value;
  }
  const keep = 1 - callbackShare;
  const serviceLevelOfOffered = Math.min(1, idleMass + joined * within);
  const answered = idleMass + answeredWaiting;
  return {
    serviceLevel: keep > 0 ? Math.min(1, serviceLevelOfOffered / keep) : 1,
    serviceLevelOfOffered,
    waitProbability: Math.min(1, waitProbability),
    // Little's law: callers in the queue = lambda keep x mean wait; abandonments = theta Lq.
    asaSeconds: keep > 0 ? queueLength / (lambda * keep) : 0,
    asaAnsweredSeconds: answered > 0 ? waitAnswered / answered : 0,
    abandonProbability: Math.min(1, (theta * queueLength) / lambda),
    callbackShare,
  };
}

/**
 * P(call-back delay <= D): Laplace transform of the delay, inverted by the Abate-Whitt Euler
 * algorithm. Weights W(q, j) = pi_j(q) x acceptance rate(q), j = call-backs ahead.
 */
function inTimeShare(levels: readonly Float64Array[], level0: Float64Array, acc: Float64Array, upRate: Float64Array, downRate: Float64Array, nu: number, deadline: number): number {
  const size = acc.length;
  const L = levels.length;
  // weights[q * (L + 1) + j]
  const weights = new Float64Array(size * (L + 1));
  let total = 0;
  for (let q = 0; q < size; q++) {
    if (acc[q] === 0) continue;
    // The acceptance rate is the same (lambda p) in every phase q >= K: weigh by pi alone (p may be tiny).
    const w0 = level0[q]!;
    weights[q * (L + 1)] = w0;
    total += w0;
    for (let j = 1; j <= L; j++) {
      const w = levels[j - 1]![q]!;
      weights[q * (L + 1) + j] = w;
      total += w;
    }
  }
  if (total === 0) return 1;
  const out = new Float64Array(size);
  for (let q = 0; q < size; q++) out[q] = upRate[q]! + downRate[q]! + (q === 0 ? nu : 0);
  const cRe = new Float64Array(size);
  const cIm = new Float64Array(size);
  const dRe = new Float64Array(size);
  const dIm = new Float64Array(size);
  const phiRe = new Float64Array(size);
  const phiIm = new Float64Array(size);
  // Re of the transform of the CDF at s = sr + i si.
  const cdfTransform = (sr: number, si: number): number => {
    // (s + out_q) phi_q - up_q phi_{q+1} - down_q phi_{q-1} = [q = 0] nu (complex Thomas algorithm).
    for (let q = 0; q < size; q++) {
      const sub = q > 0 ? -downRate[q]! : 0;
      const sup = q < size - 1 ? -upRate[q]! : 0;
      let mr = sr + out[q]!;
      let mi = si;
      let rr = q === 0 ? nu : 0;
      let ri = 0;
      if (q > 0) {
        mr -= sub * cRe[q - 1]!;
        mi -= sub * cIm[q - 1]!;
        rr -= sub * dRe[q - 1]!;
        ri -= sub * dIm[q - 1]!;
      }
      const den = mr * mr + mi * mi;
      const ir = mr / den;
      const ii = -mi / den;
      cRe[q] = sup * ir;
      cIm[q] = sup * ii;
      dRe[q] = rr * ir - ri * ii;
      dIm[q] = rr * ii + ri * ir;
    }
    for (let q = size - 1; q >= 0; q--) {
      if (q === size - 1) {
        phiRe[q] = dRe[q]!;
        phiIm[q] = dIm[q]!;
      } else {
        phiRe[q] = dRe[q]! - (cRe[q]! * phiRe[q + 1]! - cIm[q]! * phiIm[q + 1]!);
        phiIm[q] = dIm[q]! - (cRe[q]! * phiIm[q + 1]! + cIm[q]! * phiRe[q + 1]!);
      }
    }
    const zr = phiRe[0]!;
    const zi = phiIm[0]!;
    let sumRe = 0;
    let sumIm = 0;
    for (let q = 0; q < size; q++) {
      if (acc[q] === 0) continue;
      let hr = 0;
      let hi = 0;
      const row = q * (L + 1);
      for (let j = L; j >= 0; j--) {
        const nr = hr * zr - hi * zi + weights[row + j]!;
        hi = hr * zi + hi * zr;
        hr = nr;
      }
      sumRe += phiRe[q]! * hr - phiIm[q]! * hi;
      sumIm += phiRe[q]! * hi + phiIm[q]! * hr;
    }
    // divide by s and by the total weight
    const den = sr * sr + si * si;
    return (sumRe * sr + sumIm * si) / den / total;
  };
  // Abate-Whitt EULER: A = 24, n = 38 terms, Euler averaging over m = 11.
  const A = 24;
  const nTerms = 38;
  const m = 11;
  const scale = Math.exp(A / 2) / deadline;
  const sr = A / (2 * deadline);
  const partial: number[] = [];
  let sum = 0.5 * scale * cdfTransform(sr, 0);
  for (let k = 1; k <= nTerms + m; k++) {
    sum += (k % 2 === 0 ? 1 : -1) * scale * cdfTransform(sr, (k * Math.PI) / deadline);
    if (k >= nTerms) partial.push(sum);
  }
  let binomial = 1;
  let value = 0;
  for (let k = 0; k <= m; k++) {
    value += binomial * partial[k]!;
    binomial = (binomial * (m - k)) / (k + 1);
  }
  value /= 2 ** m;
  return Math.min(1, Math.max(0, value));
}

/** Options of {@link requiredAgentsCallback}: the {@link callbackQueue} inputs without `agents`, and the targets (at least one). */
export interface RequiredAgentsCallbackOptions extends Omit<CallbackQueueOptions, "agents"> {
  /** Inbound service level target X (of the callers who stayed inbound, `serviceLevel`), a fraction in [0, 1]. */
  readonly targetServiceLevel?: number;
  /** Target share of call-backs made within the deadline, a fraction in [0, 1]. */
  readonly targetCallbacksInTimeShare?: number;
  /** Maximum abandonment (abandoned / offered), a fraction in [0, 1]. */
  readonly maxAbandonProbability?: number;
  /** Maximum mean wait of the callers who stayed inbound, seconds. */
  readonly targetAsaSeconds?: number;
  /** Maximum occupancy (busy agents / N), a fraction in [0, 1]. */
  readonly maxOccupancy?: number;
}

/** Result of {@link requiredAgentsCallback}: the minimum N meeting every target, its metrics and those at N - 1. */
export type RequiredAgentsCallbackResult = RequiredAgentsOutcome<CallbackQueueResult>;

/**
 * Required agents with call-back offers: the minimum N meeting every target given (inbound service
 * level, call-backs made in time, abandonment, ASA, occupancy), the chain solved at each candidate.
 * The search steps up from A in doubling steps and bisects for every target but the in-time share,
 * then steps up one agent at a time until the in-time share is met too (its Laplace inversion is
 * the costly part, and the inbound target usually binds); it returns the metrics at N - 1 as proof
 * that it misses a target. When no in-time target is given, `callbacksInTimeShare` of the results
 * is NaN (not computed; {@link callbackQueue} at the answer gives it). At a fixed offer length K every figure improves with N (fast-check tests the
 * laws), but one more agent can raise K (the expected wait (q + 1) AHT / N falls), keeping callers
 * in the queue who were called back before: the kept callers' service level and the in-time share
 * can then dip slightly, so a smaller N meeting the targets below a failing one is possible in
 * principle (not seen at planning sizes, where K is 5 or more and a step of K moves little).
 *
 * @throws {WfmError} `invalid-argument` naming the option (as {@link callbackQueue}); no target at all.
 * @example
 * ```ts
 * const r = requiredAgentsCallback({ trafficErlangs: 30, ahtSeconds: 180, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 });
 * r.agents; //=> 35 (34 gives 0.7996; Erlang C alone also needs 35)
 * ```
 * @see Koole, "Call Center Optimization" (2013), ch. 5; Armony & Maglaras (2004).
 */
export function requiredAgentsCallback(options: RequiredAgentsCallbackOptions): RequiredAgentsCallbackResult {
  const fn = "requiredAgentsCallback";
  requireOptions(fn, options, ["callbackThresholdSeconds", "takeUpShare", "callbackDeadlineSeconds"]);
  const targetServiceLevel = resolveFraction(fn, "targetServiceLevel", options.targetServiceLevel);
  const targetInTime = resolveFraction(fn, "targetCallbacksInTimeShare", options.targetCallbacksInTimeShare);
  const maxAbandon = resolveFraction(fn, "maxAbandonProbability", options.maxAbandonProbability);
  const maxOccupancy = resolveFraction(fn, "maxOccupancy", options.maxOccupancy);
  const asaMax = options.targetAsaSeconds;
  if (asaMax !== undefined && !(typeof asaMax === "number" && Number.isFinite(asaMax) && asaMax >= 0)) invalidArgument(fn, "targetAsaSeconds", "a non-negative finite number", asaMax);
  if (targetServiceLevel === undefined && targetInTime === undefined && maxAbandon === undefined && asaMax === undefined && maxOccupancy === undefined) {
    invalidArgument(fn, "targetServiceLevel", "given, or another target (targetCallbacksInTimeShare, maxAbandonProbability, targetAsaSeconds, maxOccupancy)", undefined);
  }
  const x = resolveInputs(fn, options, 0);
  const infeasible = (reason: string): RequiredAgentsCallbackResult => ({ feasible: false, agents: null, reason });
  if (x.a > 0) {
    if (targetServiceLevel !== undefined && targetServiceLevel >= 1) return infeasible("an inbound service level of 100% is never reached while traffic is positive");
    if (targetInTime !== undefined && targetInTime >= 1 && x.p > 0 && x.tau !== Number.POSITIVE_INFINITY) return infeasible("100% of call-backs in time is never reached while call-backs are taken");
    if (maxAbandon === 0 && x.patience !== null) return infeasible("an abandonment of 0% is never reached while callers are impatient and traffic is positive");
    if (asaMax === 0) return infeasible("an average speed of answer of 0 s is never reached while traffic is positive");
    if (maxOccupancy === 0) return infeasible("an occupancy of 0% is never reached while traffic is positive");
  }
  // Phase 1: every target but the in-time share (no Laplace inversion: cheap); phase 2: step up
  // until the in-time share is met too (usually at once: the inbound target binds).
  const evaluate = (n: number) => solveCallback({ ...x, n }, false);
  const meets = (m: CallbackQueueResult) =>
    m.stable &&
    (targetServiceLevel === undefined || reachesTarget(m.serviceLevel, targetServiceLevel)) &&
    (maxAbandon === undefined || withinLimit(m.abandonProbability, maxAbandon)) &&
    (asaMax === undefined || withinLimit(m.asaSeconds, asaMax)) &&
    (maxOccupancy === undefined || withinLimit(m.occupancy, maxOccupancy));
  const inTimeMet = (m: CallbackQueueResult) => targetInTime === undefined || reachesTarget(m.callbacksInTimeShare, targetInTime);
  const cap = 100_000;
  // each N is solved once: the bracket, the bisection and the answer share the chain's solutions
  const solved = new Map<number, CallbackQueueResult>();
  const at = (n: number) => {
    let m = solved.get(n);
    if (m === undefined) solved.set(n, (m = evaluate(n)));
    return m;
  };
  const meetsAt = (n: number) => meets(at(n));
  let high = 0;
  if (!meetsAt(0)) {
    const bracket = bracketUpward(x.a, cap, meetsAt);
    if (bracket === null) return infeasible(`even ${cap} agents miss the targets`);
    high = bisectSmallestAgents(bracket[0], bracket[1], meetsAt);
  }
  let atHigh = at(high);
  const withDeadline = targetInTime !== undefined;
  if (withDeadline) {
    atHigh = solveCallback({ ...x, n: high }, true);
    while (!inTimeMet(atHigh) || !meets(atHigh)) {
      if (high >= cap) return infeasible(`even ${cap} agents miss the targets`);
      high++;
      atHigh = solveCallback({ ...x, n: high }, true);
    }
  }
  if (high === 0) return { feasible: true, agents: 0, metrics: atHigh, atOneFewer: null };
  return { feasible: true, agents: high, metrics: atHigh, atOneFewer: solveCallback({ ...x, n: high - 1 }, withDeadline) };
}
