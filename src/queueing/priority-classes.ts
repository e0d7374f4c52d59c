import { bisectSmallestAgents, bracketAroundGuess } from "./agent-search.js";
import { invalidArgument, requireOptions } from "../errors.js";
import { reachesTarget, withinLimit } from "./limits.js";
import { erlangAFromRecursion } from "./erlang-a.js";
import { answeredWithin } from "./answered-within.js";
import { kummerRatio } from "./incomplete-gamma.js";
import { inverseErlangB } from "./inverse-erlang-b.js";
import { solvePriorityCtmc } from "./priority-ctmc.js";
import { resolveAgents, resolveAnswerSeconds, resolveFraction, resolveTraffic } from "./traffic.js";
import type { TrafficOptions } from "./types.js";

/**
 * Non-preemptive priority classes on one shared pool of N agents (M/M/N with K classes, and
 * optionally exponential patience: M/M/N+M), exactly.
 *
 * Model: class k (k = 1 highest) arrives as a Poisson stream of rate lambda_k = share_k lambda;
 * every call's handle time is exponential with the same mean AHT (mu = 1 / AHT); a free agent
 * takes the longest-waiting call of the highest non-empty class; nobody is pre-empted. With
 * `patienceSeconds`, every waiting caller abandons at rate theta = 1 / patience (the same mean
 * patience for every class). Write nu = N mu, Lambda_k = lambda_1 + ... + lambda_k.
 *
 * Exact results used (they need equal handle times and equal patience; see the README for what
 * is not covered):
 * 1. The total number of calls does not depend on the order of service, so P(wait) is the same
 *    for every class and equals Erlang C (theta = 0) or Erlang A (theta > 0) at the total traffic.
 * 2. Given that all agents are busy, the number M_k of waiting calls of classes 1..k has
 *    P(M_k = m) proportional to prod_{i=1..m} Lambda_k / (nu + i theta) (a cut between the levels
 *    of M_k + 1{all busy}: up at Lambda_k, down at nu + m theta), i.e. geometric with ratio
 *    sigma_k = Lambda_k / nu when theta = 0.
 * 3. Mean queue of classes 1..k: E[Q_k] = P(wait) E[M_k | busy]; by Little's law
 *    E[W_k] = (E[Q_k] - E[Q_{k-1}]) / lambda_k and P(abandon)_k = theta E[W_k]. With theta = 0 this is
 *    Cobham's formula E[W_k] = P(wait) / (nu (1 - sigma_{k-1}) (1 - sigma_k)).
 * 4. A class-k caller who waits, finding m calls of classes 1..k ahead, is answered after the
 *    number ahead (raised by later class 1..k-1 arrivals at Lambda_{k-1}, lowered at nu + a theta)
 *    reaches 0 and one more agent frees (rate nu), unless it abandons first (rate theta). With
 *    theta = 0 its wait is the sum of m + 1 busy periods of an M/M/1 queue (Lambda_{k-1}, nu).
 *    P(answered within T) is computed on this birth-death chain by uniformization, with every
 *    truncation counted: the initial distribution's tail, the mass that would rise past the top
 *    state, and the Poisson tail; their sum is `truncationError` (a bound on the service level's error).
 *
 * @module
 */

/** One priority class: its share of the calls and its own targets. Classes are listed highest priority first. */
export interface PriorityClass {
  /** Name shown in results and errors, e.g. `"vip"`. */
  readonly name: string;
  /** Share of the offered calls in this class, a fraction in (0, 1]; the shares sum to 1. */
  readonly share: number;
  /** Service-level target: share of this class's calls answered within `targetAnswerSeconds`, a fraction in [0, 1]. */
  readonly targetServiceLevel?: number;
  /**
   * Answer-time threshold T of this class's service level, seconds.
   * @defaultValue 20
   */
  readonly targetAnswerSeconds?: number;
  /** Maximum average speed of answer of this class, seconds. */
  readonly targetAsaSeconds?: number;
  /** Maximum abandonment of this class (needs `patienceSeconds`), a fraction in [0, 1]. */
  readonly maxAbandonProbability?: number;
  /**
   * This class's own mean handle time, seconds (exponential). The pool's traffic and `ahtSeconds`
   * fix the call rate (calls = traffic / AHT); a class's handle time only changes its own work.
   * Classes with different handle times or patience are solved by the exact chain of
   * ./priority-ctmc.ts (moderate sizes) instead of the closed form.
   * @defaultValue the pool's `ahtSeconds`
   */
  readonly ahtSeconds?: number;
  /**
   * This class's own mean patience, seconds (exponential).
   * @defaultValue the pool's `patienceSeconds` (none: this class never abandons)
   */
  readonly patienceSeconds?: number;
}

/** Options of {@link priorityQueue}. */
export interface PriorityQueueOptions extends TrafficOptions {
  /** Number of agents N in the shared pool; a whole number >= 0. */
  readonly agents: number;
  /** The classes, highest priority first (1 to 5). */
  readonly classes: readonly PriorityClass[];
  /** Mean patience of every caller, seconds (exponential); absent: callers never abandon. */
  readonly patienceSeconds?: number;
}

/** Metrics of one class. Ratios are fractions; times are seconds. */
export interface PriorityClassMetrics {
  readonly name: string;
  readonly share: number;
  /** This class's offered traffic, Erlangs. */
  readonly trafficErlangs: number;
  readonly targetAnswerSeconds: number;
  /** P(wait > 0): the same for every class (all agents busy at arrival). */
  readonly waitProbability: number;
  /** Answered within T / offered (abandoners count as failures). */
  readonly serviceLevel: number;
  /** Mean wait over all of this class's callers (abandoners' waits included), seconds. */
  readonly asaSeconds: number;
  /** Share of this class's callers who abandon (0 without patience). */
  readonly abandonProbability: number;
  /** Mean number of this class's callers waiting. */
  readonly averageQueueLength: number;
  /** false when this class's queue grows without bound (no patience and Lambda_k >= N mu). */
  readonly stable: boolean;
  /** Upper bound on the absolute error of `serviceLevel` from truncating the chain. */
  readonly truncationError: number;
}

/** Result of {@link priorityQueue}: the pool's totals and one entry per class (in priority order). */
export interface PriorityQueueResult {
  readonly trafficErlangs: number;
  readonly agents: number;
  readonly patienceSeconds: number | null;
  /** P(wait > 0) of every call. */
  readonly waitProbability: number;
  /** Share-weighted service level of the classes (each at its own T). */
  readonly serviceLevel: number;
  /** Mean wait over all calls, seconds. */
  readonly asaSeconds: number;
  readonly abandonProbability: number;
  /** Carried traffic / N, at most 1. */
  readonly occupancy: number;
  /** Every class is stable. */
  readonly stable: boolean;
  readonly classes: readonly PriorityClassMetrics[];
  /** Largest class `truncationError`. */
  readonly truncationError: number;
  /** Present when the classes differ in handle time or patience: the size of the exact chain solved and its queue caps per class. */
  readonly chain?: { readonly states: number; readonly queueCaps: readonly number[] };
}

/** Largest number of classes accepted. */
export const maxPriorityClasses = 5;

interface ResolvedClasses {
  readonly names: readonly string[];
  readonly shares: readonly number[];
  readonly answerSeconds: readonly number[];
  /** Per class: its own handle time and patience, null where it takes the pool's. */
  readonly ahtSeconds: readonly (number | null)[];
  readonly patienceSeconds: readonly (number | null)[];
}

/**
 * Validates the classes (1..5, unique names, shares in (0, 1] summing to 1 within 1e-9).
 *
 * @throws {WfmError} `invalid-argument` when `classes` is not valid (the message says what it must be).
 */
export function resolveClasses(fn: string, classes: unknown): ResolvedClasses {
  if (!Array.isArray(classes) || classes.length < 1 || classes.length > maxPriorityClasses) {
    invalidArgument(fn, "classes", `an array of 1 to ${maxPriorityClasses} classes`, classes);
  }
  const names: string[] = [];
  const shares: number[] = [];
  const answerSeconds: number[] = [];
  const ahts: (number | null)[] = [];
  const patiences: (number | null)[] = [];
  let total = 0;
  classes.forEach((c: PriorityClass, i: number) => {
    const field = `classes[${i}]`;
    if (typeof c !== "object" || c === null) invalidArgument(fn, field, "an object with name and share", c);
    if (typeof c.name !== "string" || c.name === "") invalidArgument(fn, `${field}.name`, "a non-empty string", c.name);
    if (names.includes(c.name)) invalidArgument(fn, `${field}.name`, "unique among the classes", c.name);
    if (!(typeof c.share === "number" && Number.isFinite(c.share) && c.share > 0 && c.share <= 1)) {
      invalidArgument(fn, `${field}.share`, "a fraction above 0 and at most 1", c.share);
    }
    names.push(c.name);
    shares.push(c.share);
    total += c.share;
    answerSeconds.push(resolveAnswerSeconds(`${fn}: ${field}`, c.targetAnswerSeconds));
    for (const [key, list] of [["ahtSeconds", ahts], ["patienceSeconds", patiences]] as const) {
      const v = c[key];
      if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v > 0)) invalidArgument(fn, `${field}.${key}`, "a positive finite number of seconds", v);
      list.push(v ?? null);
    }
  });
  if (Math.abs(total - 1) > 1e-9) {
    invalidArgument(fn, "classes", `shares summing to 100% (got ${Number((total * 100).toPrecision(10))}%: ${shares.map((s, i) => `${names[i]} ${Number((s * 100).toPrecision(10))}%`).join(", ")})`, shares);
  }
  return { names, shares, answerSeconds, ahtSeconds: ahts, patienceSeconds: patiences };
}

/** Probability mass beyond which the initial distribution is cut. */
const cutMass = 1e-16;

/**
 * Distribution of M_k given all agents busy (result 2), cut where the rest is below 1e-16:
 * the probabilities and the dropped mass.
 */
function waitingAhead(cumulativeRate: number, nu: number, theta: number, cap: number): { probabilities: Float64Array; dropped: number } {
  if (theta === 0) {
    const sigma = cumulativeRate / nu;
    const natural = sigma === 0 ? 1 : Math.max(1, Math.ceil(Math.log(cutMass) / Math.log(sigma)));
    // Callers with cap or more ahead need more than cap jumps of the uniformized chain to be
    // answered; the caller's Poisson tail bound covers them, so they are not an extra error.
    if (natural > cap) {
      const probabilities = new Float64Array(cap);
      let term = 1 - sigma;
      for (let m = 0; m < cap; m++) {
        probabilities[m] = term;
        term *= sigma;
      }
      return { probabilities, dropped: 0 };
    }
    const count = natural;
    const probabilities = new Float64Array(count);
    let term = 1 - sigma;
    for (let m = 0; m < count; m++) {
      probabilities[m] = term;
      term *= sigma;
    }
    return { probabilities, dropped: sigma ** count };
  }
  const terms: number[] = [1];
  let term = 1;
  let sum = 1;
  for (let m = 1; ; m++) {
    const ratio = cumulativeRate / (nu + m * theta);
    term *= ratio;
    sum += term;
    terms.push(term);
    // past the mode the tail is below term * ratio / (1 - ratio)
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= cutMass * sum) break;
  }
  const probabilities = new Float64Array(terms.length);
  for (let m = 0; m < terms.length; m++) probabilities[m] = terms[m]! / sum;
  const last = terms[terms.length - 1]!;
  const ratio = cumulativeRate / (nu + terms.length * theta);
  return { probabilities, dropped: (last * ratio) / (1 - ratio) / sum };
}

/** E[M_k | all busy] (result 2). */
function meanAhead(cumulativeRate: number, nu: number, theta: number): number {
  if (cumulativeRate === 0) return 0;
  if (theta === 0) {
    const sigma = cumulativeRate / nu;
    return sigma >= 1 ? Number.POSITIVE_INFINITY : sigma / (1 - sigma);
  }
  const x = nu / theta;
  const y = cumulativeRate / theta;
  return y * kummerRatio(x, y).abandonGivenWait;
}

/** Core evaluation on resolved inputs (also used by the requirement search). */
export function evaluatePriority(
  a: number,
  ahtSeconds: number,
  agents: number,
  patienceSeconds: number | null,
  classes: ResolvedClasses,
): PriorityQueueResult {
  const { names, shares, answerSeconds } = classes;
  const k = shares.length;
  const general = classes.ahtSeconds.some((v) => v !== null && v !== ahtSeconds) || classes.patienceSeconds.some((v) => v !== null && v !== patienceSeconds);
  if (general && a > 0 && agents > 0) return evaluateGeneral(a, ahtSeconds, agents, patienceSeconds, classes);
  const theta = patienceSeconds === null ? 0 : 1 / patienceSeconds;
  const lambda = a / ahtSeconds;
  const nu = agents / ahtSeconds;
  const perClass: PriorityClassMetrics[] = [];
  if (a === 0 || agents === 0) {
    for (let i = 0; i < k; i++) {
      const zero = a === 0;
      perClass.push({
        name: names[i]!,
        share: shares[i]!,
        trafficErlangs: a * shares[i]!,
        targetAnswerSeconds: answerSeconds[i]!,
        waitProbability: zero ? (agents === 0 ? 1 : 0) : 1,
        serviceLevel: zero ? (agents === 0 ? 0 : 1) : 0,
        asaSeconds: zero ? 0 : (patienceSeconds ?? Number.POSITIVE_INFINITY),
        abandonProbability: zero || patienceSeconds === null ? 0 : 1,
        averageQueueLength: zero ? 0 : patienceSeconds === null ? Number.POSITIVE_INFINITY : (lambda * shares[i]!) / theta,
        stable: zero || patienceSeconds !== null,
        truncationError: 0,
      });
    }
    return summarize(a, agents, patienceSeconds, agents === 0 && a > 0 ? 1 : 0, perClass);
  }
  // Result 1: P(wait) of the pool.
  let waitProbability: number;
  if (patienceSeconds === null) {
    waitProbability = agents <= a ? 1 : 1 / (1 + (inverseErlangB(agents - 1, a).r * (agents - a)) / a);
  } else {
    waitProbability = erlangAFromRecursion(a, agents, inverseErlangB(agents - 1, a).r, ahtSeconds, patienceSeconds, 0).waitProbability;
  }
  let cumulative = 0;
  let cumulativeErlangs = 0; // Lambda_k AHT, exactly A for the last class
  let previousQueue = 0; // E[Q_{k-1}]
  for (let i = 0; i < k; i++) {
    const classRate = lambda * shares[i]!;
    const higher = cumulative;
    const higherErlangs = cumulativeErlangs;
    cumulative = i === k - 1 ? lambda : cumulative + classRate;
    cumulativeErlangs = i === k - 1 ? a : cumulativeErlangs + a * shares[i]!;
    const stable = theta > 0 || cumulativeErlangs < agents;
    if (!stable) {
      perClass.push({
        name: names[i]!,
        share: shares[i]!,
        trafficErlangs: a * shares[i]!,
        targetAnswerSeconds: answerSeconds[i]!,
        waitProbability,
        serviceLevel: 0,
        asaSeconds: Number.POSITIVE_INFINITY,
        abandonProbability: 0,
        averageQueueLength: Number.POSITIVE_INFINITY,
        stable: false,
        truncationError: 0,
      });
      continue;
    }
    // Result 3: mean wait (Cobham's closed form without patience; Little's law with it).
    const queue = waitProbability * meanAhead(cumulative, nu, theta);
    const asaSeconds =
      theta === 0
        ? (waitProbability * ahtSeconds * agents) / ((agents - higherErlangs) * (agents - cumulativeErlangs))
        : Math.max(0, queue - previousQueue) / classRate;
    previousQueue = queue;
    const abandonProbability = Math.min(1, theta * asaSeconds);
    // Result 4: the service level.
    // Without patience the chain jumps at rate q = Lambda_{k-1} + nu; more than `cap` jumps in T has
    // probability below 1e-16, and the uniformization stops there.
    const qt = (higher + nu) * answerSeconds[i]!;
    const cap = Math.ceil(qt + 14 * Math.sqrt(qt) + 60);
    const { probabilities, dropped } = waitingAhead(cumulative, nu, theta, cap);
    const within = answeredWithin(higher, nu, theta, probabilities, dropped, answerSeconds[i]!, theta === 0 ? cap : Number.POSITIVE_INFINITY);
    perClass.push({
      name: names[i]!,
      share: shares[i]!,
      trafficErlangs: a * shares[i]!,
      targetAnswerSeconds: answerSeconds[i]!,
      waitProbability,
      serviceLevel: Math.min(1, Math.max(0, 1 - waitProbability + waitProbability * within.value)),
      asaSeconds,
      abandonProbability,
      averageQueueLength: classRate * asaSeconds,
      stable: true,
      truncationError: waitProbability * within.error,
    });
  }
  return summarize(a, agents, patienceSeconds, waitProbability, perClass);
}

/** Classes with their own handle times or patience: the exact chain of ./priority-ctmc.ts. */
function evaluateGeneral(a: number, ahtSeconds: number, agents: number, patienceSeconds: number | null, classes: ResolvedClasses): PriorityQueueResult {
  const lambda = a / ahtSeconds;
  const aht = classes.ahtSeconds.map((v) => v ?? ahtSeconds);
  const patience = classes.patienceSeconds.map((v) => v ?? patienceSeconds);
  const traffic = classes.shares.map((s, i) => lambda * s * aht[i]!);
  const total = traffic.reduce((x, y) => x + y, 0);
  const anyPatience = patience.some((p) => p !== null);
  const base = (i: number) => ({ name: classes.names[i]!, share: classes.shares[i]!, trafficErlangs: traffic[i]!, targetAnswerSeconds: classes.answerSeconds[i]! });
  const summary = { trafficErlangs: total, agents, patienceSeconds };
  // Without any patience the chain needs the offered work below N (work-conserving pool).
  if (!anyPatience && total >= agents) {
    const perClass = classes.names.map((_, i) => ({ ...base(i), waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, abandonProbability: 0, averageQueueLength: Number.POSITIVE_INFINITY, stable: false, truncationError: 0 }));
    return { ...summary, waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, abandonProbability: 0, occupancy: 1, stable: false, classes: perClass, truncationError: 0 };
  }
  if (patience.some((p) => p === null) && anyPatience) {
    // Classes without patience must fit in what the pool can give them.
    let patientless = 0;
    patience.forEach((p, i) => {
      if (p === null) patientless += traffic[i]!;
    });
    if (patientless >= agents) {
      const perClass = classes.names.map((_, i) => ({ ...base(i), waitProbability: 1, serviceLevel: 0, asaSeconds: patience[i] ?? Number.POSITIVE_INFINITY, abandonProbability: patience[i] === null ? 0 : 1, averageQueueLength: Number.POSITIVE_INFINITY, stable: false, truncationError: 0 }));
      return { ...summary, waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, abandonProbability: 0, occupancy: 1, stable: false, classes: perClass, truncationError: 0 };
    }
  }
  const solved = solvePriorityCtmc(
    "priorityQueue",
    agents,
    classes.shares.map((s, i) => ({ arrivalRate: lambda * s, serviceRate: 1 / aht[i]!, abandonRate: patience[i] === null ? 0 : 1 / patience[i]!, answerSeconds: classes.answerSeconds[i]! })),
  );
  const perClass: PriorityClassMetrics[] = solved.classes.map((c, i) => ({
    ...base(i),
    waitProbability: c.waitProbability,
    serviceLevel: c.serviceLevel,
    asaSeconds: c.asaSeconds,
    abandonProbability: c.abandonProbability,
    averageQueueLength: c.averageQueueLength,
    stable: true,
    truncationError: c.truncationError,
  }));
  const busy = solved.classes.reduce((x, c) => x + c.busyAgents, 0);
  const r = summarize(total, agents, patienceSeconds, solved.classes[0]!.waitProbability, perClass);
  return { ...r, occupancy: Math.min(1, busy / agents), chain: { states: solved.states, queueCaps: solved.caps } };
}

function summarize(a: number, agents: number, patienceSeconds: number | null, waitProbability: number, perClass: PriorityClassMetrics[]): PriorityQueueResult {
  let serviceLevel = 0;
  let asaSeconds = 0;
  let abandonProbability = 0;
  let truncationError = 0;
  let stable = true;
  for (const c of perClass) {
    serviceLevel += c.share * c.serviceLevel;
    asaSeconds += c.share * c.asaSeconds;
    abandonProbability += c.share * c.abandonProbability;
    truncationError = Math.max(truncationError, c.truncationError);
    stable &&= c.stable;
  }
  return {
    trafficErlangs: a,
    agents,
    patienceSeconds,
    waitProbability,
    serviceLevel,
    asaSeconds,
    abandonProbability,
    occupancy: agents === 0 ? 0 : Math.min(1, (a * (1 - abandonProbability)) / agents),
    stable,
    classes: perClass,
    truncationError,
  };
}

/**
 * Non-preemptive priority classes on a shared pool of N agents (VIP, time-critical and regular
 * callers): per-class P(wait), service level, ASA and abandonment, exactly (see the module text
 * for the model and the results used). One class gives Erlang C (no patience) or Erlang A.
 *
 * Without patience: P(wait) = C(N, A) for every class; ASA_k = C AHT / (N (1 - sigma_{k-1})(1 - sigma_k))
 * (Cobham) with sigma_k = (A_1 + ... + A_k) / N; a class with sigma_k >= 1 is unstable (service
 * level 0, ASA Infinity) even when the classes above it are fine. The service level is exact up to
 * `truncationError` (below 1e-12 in practice). Cost: O(K (J + qT)^2) at worst with J the queue
 * length reached with probability 1e-16; well under a millisecond at 100 Erlangs.
 *
 * @param options - traffic (calls, interval and AHT, or `trafficErlangs` + `ahtSeconds`), `agents`,
 *   `classes` (highest priority first; shares summing to 1) and `patienceSeconds` (optional).
 * @throws {WfmError} `invalid-argument` naming the option (e.g. `classes` when the shares do not sum to 100%).
 * @example
 * ```ts
 * const r = priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 105,
 *   classes: [{ name: "vip", share: 0.1 }, { name: "regular", share: 0.9 }] });
 * r.classes[0].serviceLevel; //=> 0.99998656666...
 * r.classes[1].serviceLevel; //=> 0.68894420959... (one class of 100 Erlangs: Erlang C's 0.7041...)
 * ```
 * @see Cobham, "Priority assignment in waiting line problems", Operations Research 2 (1954) 70-76;
 * Davis, "Waiting-time distribution of a multi-server, priority queuing system", Operations
 * Research 14 (1966) 133-136; Kleinrock, Queueing Systems vol. 2 (1976) ch. 3.
 */
export function priorityQueue(options: PriorityQueueOptions): PriorityQueueResult {
  requireOptions("priorityQueue", options, ["classes"]);
  const fn = "priorityQueue";
  const { trafficErlangs, ahtSeconds } = resolveTraffic(fn, options, true);
  const agents = resolveAgents(fn, "agents", options.agents);
  const classes = resolveClasses(fn, options.classes);
  const patienceSeconds = resolveOptionalPatience(fn, options.patienceSeconds);
  return evaluatePriority(trafficErlangs, ahtSeconds, agents, patienceSeconds, classes);
}

/**
 * Validates an optional mean patience (null when absent).
 *
 * @throws {WfmError} `invalid-argument` when `patienceSeconds` is not valid (the message says what it must be).
 */
export function resolveOptionalPatience(fn: string, value: unknown): number | null {
  if (value === undefined) return null;
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    invalidArgument(fn, "patienceSeconds", "a positive finite number (a patience of 0 would mean every waiting caller hangs up at once)", value);
  }
  return value;
}

/**
 * Validates the per-class targets; returns them (fractions) per class.
 *
 * @throws {WfmError} `invalid-argument` when an option is not valid (the message names it and says what it must be).
 */
export function resolveClassTargets(fn: string, classes: readonly PriorityClass[], withPatience: boolean): void {
  classes.forEach((c, i) => {
    const field = `classes[${i}]`;
    resolveFraction(fn, `${field}.targetServiceLevel`, c.targetServiceLevel);
    resolveFraction(fn, `${field}.maxAbandonProbability`, c.maxAbandonProbability);
    if (c.targetAsaSeconds !== undefined && !(typeof c.targetAsaSeconds === "number" && Number.isFinite(c.targetAsaSeconds) && c.targetAsaSeconds >= 0)) {
      invalidArgument(fn, `${field}.targetAsaSeconds`, "a non-negative finite number", c.targetAsaSeconds);
    }
    if (c.maxAbandonProbability !== undefined && !withPatience && c.patienceSeconds === undefined) {
      invalidArgument(fn, `${field}.maxAbandonProbability`, "absent without patienceSeconds (callers who never abandon)", c.maxAbandonProbability);
    }
  });
}

/** Options of {@link requiredAgentsPriority}: the traffic, the classes with their targets, and pool-wide limits. */
export interface RequiredAgentsPriorityOptions extends TrafficOptions {
  /** The classes, highest priority first, each with its own targets (at least one target in all). */
  readonly classes: readonly PriorityClass[];
  /** Mean patience of every caller, seconds; absent: callers never abandon. */
  readonly patienceSeconds?: number;
  /** Maximum occupancy of the pool, a fraction in [0, 1]. */
  readonly maxOccupancy?: number;
  /**
   * Shrinkage for `scheduledAgents`, a fraction in [0, 1).
   * @defaultValue 0
   */
  readonly shrinkage?: number;
}

/** The minimum shared pool meeting every class's targets. */
export interface RequiredAgentsPriorityFeasible {
  readonly feasible: true;
  readonly agents: number;
  /** ceil(agents / (1 - shrinkage)). */
  readonly scheduledAgents: number;
  readonly shrinkage: number;
  /** Metrics at `agents`. */
  readonly metrics: PriorityQueueResult;
  /** Metrics at agents - 1 (some class misses a target); null when agents is 0. */
  readonly atOneFewer: PriorityQueueResult | null;
  /** The classes whose targets fail at agents - 1 (the binding classes); `"pool"` for the occupancy cap. */
  readonly bindingClasses: readonly string[];
}

/** No pool size meets the targets. */
export interface RequiredAgentsPriorityInfeasible {
  readonly feasible: false;
  readonly agents: null;
  readonly scheduledAgents: null;
  /** Why, naming the class, e.g. `class "vip": a service level of 100% is never reached while traffic is positive`. */
  readonly reason: string;
}

/** Result of {@link requiredAgentsPriority}. */
export type RequiredAgentsPriorityResult = RequiredAgentsPriorityFeasible | RequiredAgentsPriorityInfeasible;

/** The classes and pool limits that `m` misses (empty when every target holds). */
function missedTargets(m: PriorityQueueResult, classes: readonly PriorityClass[], maxOccupancy: number | undefined): string[] {
  const missed: string[] = [];
  classes.forEach((c, i) => {
    const got = m.classes[i]!;
    const ok =
      (c.targetServiceLevel === undefined || reachesTarget(got.serviceLevel, c.targetServiceLevel)) &&
      (c.targetAsaSeconds === undefined || withinLimit(got.asaSeconds, c.targetAsaSeconds)) &&
      (c.maxAbandonProbability === undefined || withinLimit(got.abandonProbability, c.maxAbandonProbability));
    if (!ok) missed.push(c.name);
  });
  // Limits decided as in `requiredAgents` (a few ulps of a decimal boundary count as met, see ./limits.ts).
  if (maxOccupancy !== undefined && !withinLimit(m.occupancy, maxOccupancy)) missed.push("pool");
  return missed;
}

/**
 * Required agents with a target per priority class: the minimum shared pool N at which every
 * class meets its own targets (e.g. VIP 90/10, time-critical 95/15, regular 80/20) and the pool
 * its occupancy cap, with the metrics at N and at N - 1 (proof of minimality) and the binding
 * classes. Every class's service level rises and its ASA and abandonment fall as N grows, so
 * the search brackets N by doubling steps from the Erlang C point of the classes with targets
 * and bisects: about 2 log2(sqrt A) evaluations of {@link priorityQueue}.
 *
 * Targets no N meets (a service level of 100%, an ASA of 0 s, abandonment or occupancy of 0%, with
 * positive traffic) return `feasible: false` with the class named.
 *
 * @throws {WfmError} `invalid-argument` naming the option (no target at all, shares not summing to
 *   100%, `maxAbandonProbability` without `patienceSeconds`, ...).
 * @example
 * ```ts
 * const r = requiredAgentsPriority({ trafficErlangs: 100, ahtSeconds: 180, classes: [
 *   { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
 *   { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }] });
 * r.feasible && r.agents; //=> 107
 * r.feasible && r.bindingClasses; //=> ["regular"]
 * ```
 * @see Cobham (1954); Davis (1966), Operations Research 14, 133-136.
 */
export function requiredAgentsPriority(options: RequiredAgentsPriorityOptions): RequiredAgentsPriorityResult {
  requireOptions("requiredAgentsPriority", options, ["classes"]);
  const fn = "requiredAgentsPriority";
  const { trafficErlangs: a, ahtSeconds } = resolveTraffic(fn, options, true);
  const resolved = resolveClasses(fn, options.classes);
  const patienceSeconds = resolveOptionalPatience(fn, options.patienceSeconds);
  resolveClassTargets(fn, options.classes, patienceSeconds !== null);
  const maxOccupancy = resolveFraction(fn, "maxOccupancy", options.maxOccupancy);
  const shrinkage = resolveFraction(fn, "shrinkage", options.shrinkage, { maxExclusive: true }) ?? 0;
  const classes = options.classes;
  const hasTarget = (c: PriorityClass) =>
    c.targetServiceLevel !== undefined || c.targetAsaSeconds !== undefined || c.maxAbandonProbability !== undefined;
  if (!classes.some(hasTarget) && maxOccupancy === undefined) {
    invalidArgument(fn, "classes", "given with at least one target (targetServiceLevel, targetAsaSeconds or maxAbandonProbability), or give maxOccupancy", classes);
  }
  const evaluate = (n: number) => evaluatePriority(a, ahtSeconds, n, patienceSeconds, resolved);
  const scheduledFor = (n: number) => {
    const raw = n / (1 - shrinkage);
    const up = Math.ceil(raw);
    return up > 0 && (up - 1) * (1 - shrinkage) >= n ? up - 1 : up;
  };
  if (a === 0) {
    return { feasible: true, agents: 0, scheduledAgents: 0, shrinkage, metrics: evaluate(0), atOneFewer: null, bindingClasses: [] };
  }
  // Limits as N grows: SL -> 1, ASA -> 0, abandonment -> 0, occupancy -> 0; never reached.
  for (const c of classes) {
    const never =
      c.targetServiceLevel !== undefined && c.targetServiceLevel >= 1
        ? "a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive"
        : c.targetAsaSeconds === 0
          ? "an average speed of answer of 0 s is never reached: some calls always wait while traffic is positive"
          : c.maxAbandonProbability === 0
            ? "an abandonment of 0% is never reached: some callers always wait and abandon while traffic is positive"
            : undefined;
    if (never !== undefined) return { feasible: false, agents: null, scheduledAgents: null, reason: `class "${c.name}": ${never}` };
  }
  if (maxOccupancy === 0) return { feasible: false, agents: null, scheduledAgents: null, reason: "an occupancy of 0% is never reached while traffic is positive" };
  const meets = (n: number) => missedTargets(evaluate(n), classes, maxOccupancy).length === 0;
  // Lower bound: without patience the lowest class with a target must be stable (N > its cumulative traffic).
  let lastWithTarget = -1;
  classes.forEach((c, i) => {
    if (hasTarget(c)) lastWithTarget = i;
  });
  let cumulativeShare = 0;
  for (let i = 0; i <= lastWithTarget; i++) cumulativeShare += resolved.shares[i]!;
  const general = resolved.ahtSeconds.some((v) => v !== null) || resolved.patienceSeconds.some((v) => v !== null);
  const lower = !general && patienceSeconds === null && lastWithTarget >= 0 ? Math.floor(a * Math.min(1, cumulativeShare)) + 1 : 0;
  const guess = Math.max(lower, Math.round(a * (lastWithTarget >= 0 ? Math.min(1, cumulativeShare) : 1) + Math.sqrt(a)));
  const [low, above] = bracketAroundGuess(guess, lower, meets);
  const high = bisectSmallestAgents(low, above, meets);
  const metrics = evaluate(high);
  const atOneFewer = high === 0 ? null : evaluate(high - 1);
  return {
    feasible: true,
    agents: high,
    scheduledAgents: scheduledFor(high),
    shrinkage,
    metrics,
    atOneFewer,
    bindingClasses: atOneFewer === null ? [] : missedTargets(atOneFewer, classes, maxOccupancy),
  };
}
