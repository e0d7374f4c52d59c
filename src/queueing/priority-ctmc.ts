import { invalidArgument } from "../errors.js";
import { stationaryDistribution, type Transitions } from "./ctmc-solve.js";
import { logGammaPlusOne } from "./incomplete-gamma.js";

/**
 * Non-preemptive priority classes whose handle times and patience differ per class, solved as a
 * continuous-time Markov chain (numerically exact up to a reported truncation).
 *
 * State: (b_1..b_K, q_1..q_K), the agents busy on each class and the callers of each class
 * waiting; a queue is non-empty only when all N agents are busy. Class k arrives at lambda_k,
 * is served at mu_k = 1 / AHT_k per busy agent and abandons at theta_k = 1 / patience_k per
 * waiting caller (0 without patience). A freed agent takes the head of the highest non-empty class.
 *
 * Truncation: q_k <= c_k. Whenever Q_k = q_1 + ... + q_k > 0 every freed agent takes a class
 * 1..k caller, so Q_k is dominated by the birth-death chain with births Lambda_k and deaths
 * N min(mu) + q min(theta_1..k); its stationary tail P(Q_k > c_k) is an upper bound on the mass
 * the exact chain puts beyond the cap. c_k is chosen so that this tail is below 1e-10 when the
 * dominating chain is stable; otherwise (no patience and Lambda_k >= N min(mu)) the cap doubles
 * until the truncated chain's mass at the cap is below 1e-10, and that mass is reported instead
 * (an estimate, not a bound). Arrivals at the cap are blocked.
 *
 * Stationary distribution: block Gauss-Seidel (lines of the last class's queue solved exactly)
 * with aggregation-disaggregation steps on the number of calls in the system and on the agents
 * busy per class, to a relative residual of the balance equations below 1e-11. Per class: P(wait) = P(all busy) (PASTA), ASA_k = E[q_k] / lambda_k (Little; abandoners'
 * waits included), abandonment theta_k E[q_k] / lambda_k; the service level from the first
 * passage of a tagged arrival (state b, q_1..q_{k-1}, callers of its class ahead) by
 * uniformization, with the mass pushed past a cap and the Poisson tail counted as error.
 *
 * @module
 */

/** One class for the chain (resolved: rates per second). */
export interface CtmcClass {
  readonly arrivalRate: number;
  readonly serviceRate: number;
  readonly abandonRate: number;
  readonly answerSeconds: number;
}

/** Per-class figures of the chain. */
export interface CtmcClassResult {
  readonly waitProbability: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly abandonProbability: number;
  readonly averageQueueLength: number;
  readonly busyAgents: number;
  readonly truncationError: number;
}

/** Result of {@link solvePriorityCtmc}. */
export interface CtmcResult {
  readonly classes: readonly CtmcClassResult[];
  readonly states: number;
  readonly caps: readonly number[];
  /** Bound (or, see the module text, estimate) of the stationary mass beyond the caps, plus the solver residual. */
  readonly truncationError: number;
}

/** Largest number of chain states {@link solvePriorityCtmc} builds. */
export const maxPriorityCtmcStates = 600_000;

const tailTarget = 1e-10;

/** Smallest c with P(X > c) <= target for the birth-death chain (birth up, death base + q theta); null if unstable. */
function dominatingCap(up: number, base: number, theta: number): number | null {
  if (up === 0) return 0;
  if (theta === 0 && up >= base) return null;
  // terms t_q proportional to P(X = q); stop when the tail after c is below target x total
  const terms: number[] = [1];
  let total = 1;
  let term = 1;
  for (let q = 1; q < 1_000_000; q++) {
    const ratio = up / (base + q * theta);
    term *= ratio;
    total += term;
    terms.push(term);
    if (ratio < 1) {
      const nextRatio = up / (base + (q + 1) * theta);
      const tail = (term * nextRatio) / (1 - nextRatio);
      if (tail <= tailTarget * total) return q;
    }
  }
  return null;
}

/** Number of compositions of at most n into k parts (C(n + k, k)). */
function compositionsUpTo(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n + i)) / i;
  return Math.round(c);
}

class Space {
  readonly k: number;
  readonly n: number;
  readonly caps: readonly number[];
  readonly box: number;
  readonly lowCount: number;
  readonly size: number;
  /** b vectors: rank -> components (all sums <= n), and code -> rank for sum < n and sum = n separately. */
  readonly lowRank = new Map<number, number>();
  readonly fullRank = new Map<number, number>();
  readonly fullB: number[][] = [];
  readonly lowB: number[][] = [];
  readonly radix: number;
  readonly qStride: number[];
  /** q vectors of the box, k per box index. */
  readonly boxQ: Int32Array;

  constructor(n: number, k: number, caps: readonly number[]) {
    this.n = n;
    this.k = k;
    this.caps = caps;
    this.radix = n + 1;
    this.qStride = new Array<number>(k).fill(0);
    let box = 1;
    for (let i = k - 1; i >= 0; i--) {
      this.qStride[i] = box;
      box *= caps[i]! + 1;
    }
    this.box = box;
    this.boxQ = new Int32Array(box * k);
    for (let bi = 0; bi < box; bi++) {
      let x = bi;
      for (let i = k - 1; i >= 0; i--) {
        this.boxQ[bi * k + i] = x % (caps[i]! + 1);
        x = Math.floor(x / (caps[i]! + 1));
      }
    }
    const b = new Array<number>(k).fill(0);
    const visit = (i: number, left: number) => {
      if (i === k - 1) {
        for (let v = 0; v <= left; v++) {
          b[i] = v;
          const sum = n - left + v;
          const copy = b.slice();
          if (sum === n) {
            this.fullRank.set(this.code(copy), this.fullB.length);
            this.fullB.push(copy);
          } else {
            this.lowRank.set(this.code(copy), this.lowB.length);
            this.lowB.push(copy);
          }
        }
        return;
      }
      for (let v = 0; v <= left; v++) {
        b[i] = v;
        visit(i + 1, left - v);
      }
    };
    visit(0, n);
    this.lowCount = this.lowB.length;
    this.size = this.lowCount + this.fullB.length * box;
  }

  code(b: readonly number[]): number {
    let c = 0;
    for (let i = 0; i < this.k; i++) c = c * this.radix + b[i]!;
    return c;
  }

  /** Index of (b, q); b sums to n when q is non-zero. */
  index(b: readonly number[], q: readonly number[] | null): number {
    const code = this.code(b);
    const low = this.lowRank.get(code);
    if (low !== undefined) return low;
    let qi = 0;
    if (q !== null) for (let i = 0; i < this.k; i++) qi += q[i]! * this.qStride[i]!;
    return this.lowCount + this.fullRank.get(code)! * this.box + qi;
  }

  /** q vector of a full state's box index. */
  queues(boxIndex: number, into: number[] = new Array<number>(this.k)): number[] {
    for (let i = 0; i < this.k; i++) into[i] = this.boxQ[boxIndex * this.k + i]!;
    return into;
  }
}


/** Calls visit(source, target, rate) for every transition of the chain (self-loops dropped). */
function forEachTransition(space: Space, classes: readonly CtmcClass[], visit: (s: number, t: number, r: number) => void): void {
  const { k, n, caps } = space;
  const lowAndFull: { b: number[]; q: number[] | null; s: number }[] = [];
  space.lowB.forEach((b) => lowAndFull.push({ b, q: null, s: space.index(b, null) }));
  const zero = new Array<number>(k).fill(0);
  const b2 = new Array<number>(k);
  const q2 = new Array<number>(k);
  const handle = (b: number[], q: number[] | null, s: number) => {
    let busy = 0;
    for (let i = 0; i < k; i++) busy += b[i]!;
    const qq = q ?? zero;
    for (let i = 0; i < k; i++) {
      const c = classes[i]!;
      // arrival
      if (c.arrivalRate > 0) {
        for (let j = 0; j < k; j++) {
          b2[j] = b[j]!;
          q2[j] = qq[j]!;
        }
        if (busy < n) {
          b2[i]! += 1;
          visit(s, space.index(b2, busy + 1 === n ? zero : null), c.arrivalRate);
        } else if (qq[i]! < caps[i]!) {
          q2[i]! += 1;
          visit(s, space.index(b2, q2), c.arrivalRate);
        }
      }
      // completion of a class-i call
      if (b[i]! > 0) {
        for (let j = 0; j < k; j++) {
          b2[j] = b[j]!;
          q2[j] = qq[j]!;
        }
        b2[i]! -= 1;
        let head = -1;
        for (let j = 0; j < k; j++) {
          if (q2[j]! > 0) {
            head = j;
            break;
          }
        }
        if (head >= 0) {
          b2[head]! += 1;
          q2[head]! -= 1;
          visit(s, space.index(b2, q2), b[i]! * c.serviceRate);
        } else visit(s, space.index(b2, null), b[i]! * c.serviceRate);
      }
      // abandonment
      if (qq[i]! > 0 && c.abandonRate > 0) {
        for (let j = 0; j < k; j++) {
          b2[j] = b[j]!;
          q2[j] = qq[j]!;
        }
        q2[i]! -= 1;
        visit(s, space.index(b2, q2), qq[i]! * c.abandonRate);
      }
    }
  };
  for (const { b, q, s } of lowAndFull) handle(b, q, s);
  const q = new Array<number>(k);
  space.fullB.forEach((b, r) => {
    for (let bi = 0; bi < space.box; bi++) handle(b, space.queues(bi, q), space.lowCount + r * space.box + bi);
  });
}

function buildTransitions(space: Space, classes: readonly CtmcClass[]): Transitions {
  const size = space.size;
  const outRate = new Float64Array(size);
  const count = new Int32Array(size + 1);
  forEachTransition(space, classes, (s, t, r) => {
    if (s === t) return;
    outRate[s]! += r;
    count[t + 1]! += 1;
  });
  for (let i = 0; i < size; i++) count[i + 1]! += count[i]!;
  const inStart = count.slice();
  const fill = count.slice(0, size);
  const inFrom = new Int32Array(inStart[size]!);
  const inRate = new Float64Array(inStart[size]!);
  forEachTransition(space, classes, (s, t, r) => {
    if (s === t) return;
    const at = fill[t]!++;
    inFrom[at] = s;
    inRate[at] = r;
  });
  return { outRate, inStart, inFrom, inRate };
}

/**
 * P(answered within T_k) of a class-k caller who finds all agents busy (the tagged first passage),
 * and the mass lost past the caps plus the Poisson tail.
 */
function taggedWithin(space: Space, classes: readonly CtmcClass[], pi: Float64Array, k: number): { within: number; error: number } {
  const t = classes[k]!.answerSeconds;
  const K = space.k;
  const { n, caps } = space;
  // Tagged states: full b, q_1..q_{k-1}, m = q_k ahead; q_{>k} = 0. Index them compactly.
  const fulls = space.fullB.length;
  let sub = 1;
  for (let i = 0; i <= k; i++) sub *= caps[i]! + 1;
  const tagged = fulls * sub;
  const subIndex = (q: readonly number[]) => {
    let x = 0;
    let stride = 1;
    for (let i = 0; i <= k; i++) {
      x += q[i]! * stride;
      stride *= caps[i]! + 1;
    }
    return x;
  };
  let p = new Float64Array(tagged);
  let waiting = 0;
  const q = new Array<number>(K);
  space.fullB.forEach((_, r) => {
    for (let bi = 0; bi < space.box; bi++) {
      space.queues(bi, q);
      if (q[k]! >= caps[k]!) continue; // blocked arrival (truncation)
      const mass = pi[space.lowCount + r * space.box + bi]!;
      p[r * sub + subIndex(q)]! += mass;
      waiting += mass;
    }
  });
  if (waiting === 0 || t === 0) return { within: 0, error: 0 };
  for (let s = 0; s < tagged; s++) p[s]! /= waiting;
  // transitions of the tagged chain (built once): to another state, answered, or lost
  let maxOut = 0;
  const decode: { b: number[]; q: number[] }[] = [];
  space.fullB.forEach((b) => {
    for (let x = 0; x < sub; x++) {
      const q: number[] = [];
      let y = x;
      for (let i = 0; i <= k; i++) {
        q.push(y % (caps[i]! + 1));
        y = Math.floor(y / (caps[i]! + 1));
      }
      decode.push({ b, q });
    }
  });
  const edgesFrom: number[] = [];
  const edgesTo: number[] = []; // -1 answered, -2 lost or abandoned (not answered)
  const edgesRate: number[] = [];
  const edgeStart = new Int32Array(tagged + 1);
  const rankOf = (b: readonly number[]) => space.fullRank.get(space.code(b))!;
  for (let s = 0; s < tagged; s++) {
    edgeStart[s] = edgesFrom.length;
    const { b, q } = decode[s]!;
    let out = 0;
    const add = (to: number, rate: number) => {
      if (rate <= 0) return;
      edgesFrom.push(s);
      edgesTo.push(to);
      edgesRate.push(rate);
      out += rate;
    };
    for (let j = 0; j < k; j++) {
      const c = classes[j]!;
      if (c.arrivalRate > 0) {
        if (q[j]! < caps[j]!) {
          const q2 = q.slice();
          q2[j]! += 1;
          add(rankOf(b) * sub + subIndex(q2), c.arrivalRate);
        } else add(-3, c.arrivalRate); // past the cap: lost (error)
      }
      if (q[j]! > 0 && c.abandonRate > 0) {
        const q2 = q.slice();
        q2[j]! -= 1;
        add(rankOf(b) * sub + subIndex(q2), q[j]! * c.abandonRate);
      }
    }
    if (q[k]! > 0 && classes[k]!.abandonRate > 0) {
      const q2 = q.slice();
      q2[k]! -= 1;
      add(rankOf(b) * sub + subIndex(q2), q[k]! * classes[k]!.abandonRate);
    }
    add(-2, classes[k]!.abandonRate); // the tagged caller abandons
    for (let i = 0; i < K; i++) {
      if (b[i]! === 0) continue;
      const rate = b[i]! * classes[i]!.serviceRate;
      const head = q.findIndex((v) => v > 0);
      if (head < 0) add(-1, rate);
      else {
        const b2 = b.slice();
        b2[i]! -= 1;
        b2[head]! += 1;
        const q2 = q.slice();
        q2[head]! -= 1;
        add(rankOf(b2) * sub + subIndex(q2), rate);
      }
    }
    maxOut = Math.max(maxOut, out);
  }
  edgeStart[tagged] = edgesFrom.length;
  const uniform = maxOut;
  const qt = uniform * t;
  let next = new Float64Array(tagged);
  let answered = 0;
  let lost = 0;
  let within = 0;
  let tail = 0;
  const logQt = Math.log(qt);
  for (let step = 0; ; step++) {
    const w = Math.exp(-qt + step * logQt - logGammaPlusOne(step));
    within += w * answered;
    if (step + 2 > qt) {
      tail = (w * (qt / (step + 1))) / (1 - qt / (step + 2));
      if (tail <= 1e-14) break;
    }
    next.fill(0);
    for (let s = 0; s < tagged; s++) {
      const mass = p[s]!;
      if (mass === 0) continue;
      let stay = 1;
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
        const f = edgesRate[e]! / uniform;
        stay -= f;
        const to = edgesTo[e]!;
        if (to >= 0) next[to]! += mass * f;
        else if (to === -1) answered += mass * f;
        else if (to === -3) lost += mass * f;
      }
      next[s]! += mass * stay;
    }
    const swap = p;
    p = next;
    next = swap;
  }
  // `lost` may include callers later answered in time; they are counted as an error, not answered.
  return { within, error: lost + tail };
}

/**
 * Solves the priority chain for N agents and resolved classes (see the module text).
 * @throws {WfmError} `invalid-argument` on `agents` when the chain would exceed {@link maxPriorityCtmcStates} states.
 * @internal
 */
export function solvePriorityCtmc(fn: string, agents: number, classes: readonly CtmcClass[]): CtmcResult {
  const k = classes.length;
  const muMin = Math.min(...classes.map((c) => c.serviceRate));
  const caps: number[] = [];
  let estimated = false;
  let up = 0;
  let thetaMin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    up += classes[i]!.arrivalRate;
    thetaMin = Math.min(thetaMin, classes[i]!.abandonRate);
    const cap = dominatingCap(up, agents * muMin, thetaMin);
    if (cap === null) {
      estimated = true;
      caps.push(Math.max(8, Math.ceil(4 * Math.sqrt(up / muMin))));
    } else caps.push(Math.max(cap, classes[i]!.arrivalRate > 0 ? 1 : 0));
  }
  // states: b summing below N (no queue), plus b summing to N times the box of queues
  const countFor = (c: readonly number[]) => compositionsUpTo(agents - 1, k) + compositionsUpTo(agents, k - 1) * c.reduce((x, y) => x * (y + 1), 1);
  const guard = (c: readonly number[]) => {
    const states = countFor(c);
    if (states > maxPriorityCtmcStates) {
      invalidArgument(fn, "agents", `small enough for the exact priority chain with per-class handle times or patience: ${agents} agents and ${k} classes need ${states.toLocaleString("en-US")} states, above the limit of ${maxPriorityCtmcStates.toLocaleString("en-US")} (give the classes one handle time and patience for the closed form, or patience to shorten the queues)`, agents);
    }
  };
  guard(caps);
  for (;;) {
    const space = new Space(agents, k, caps);
    const tr = buildTransitions(space, classes);
    const level = new Int32Array(space.size);
    space.lowB.forEach((b, r) => {
      level[r] = b.reduce((x, y) => x + y, 0);
    });
    for (let r = 0; r < space.fullB.length; r++) {
      for (let bi = 0; bi < space.box; bi++) {
        let queued = 0;
        for (let i = 0; i < k; i++) queued += space.boxQ[bi * k + i]!;
        level[space.lowCount + r * space.box + bi] = agents + queued;
      }
    }
    const busyOn = Array.from({ length: k - 1 }, (_, i) => {
      const c = new Int32Array(space.size);
      space.lowB.forEach((b, r) => {
        c[r] = b[i]!;
      });
      space.fullB.forEach((b, r) => c.fill(b[i]!, space.lowCount + r * space.box, space.lowCount + (r + 1) * space.box));
      return c;
    });
    const line = caps[k - 1]! + 1;
    const starts: number[] = [];
    for (let s = 0; s < space.lowCount; s++) starts.push(s);
    for (let s = space.lowCount; s < space.size; s += line) starts.push(s);
    starts.push(space.size);
    const { pi, residual } = stationaryDistribution({ transitions: tr, lineStarts: Int32Array.from(starts), coordinates: [level, ...busyOn] });
    // mass at the caps (the estimate when the dominating chain is unstable)
    let atCap = 0;
    for (let r = 0; r < space.fullB.length; r++) {
      for (let bi = 0; bi < space.box; bi++) {
        let edge = false;
        for (let i = 0; i < k; i++) if (caps[i]! > 0 && space.boxQ[bi * k + i] === caps[i]) edge = true;
        if (edge) atCap += pi[space.lowCount + r * space.box + bi]!;
      }
    }
    if (estimated && atCap > tailTarget) {
      const grown = caps.map((c) => c * 2);
      guard(grown);
      caps.splice(0, k, ...grown);
      continue;
    }
    let allBusy = 0;
    const meanQueue = new Array<number>(k).fill(0);
    const meanBusy = new Array<number>(k).fill(0);
    space.lowB.forEach((b, r) => {
      for (let i = 0; i < k; i++) meanBusy[i]! += b[i]! * pi[r]!;
    });
    space.fullB.forEach((b, r) => {
      for (let bi = 0; bi < space.box; bi++) {
        const mass = pi[space.lowCount + r * space.box + bi]!;
        allBusy += mass;
        for (let i = 0; i < k; i++) {
          meanQueue[i]! += space.boxQ[bi * k + i]! * mass;
          meanBusy[i]! += b[i]! * mass;
        }
      }
    });
    const truncation = (estimated ? atCap : tailTarget * k) + residual;
    const out: CtmcClassResult[] = classes.map((c, i) => {
      if (c.arrivalRate === 0) {
        return { waitProbability: allBusy, serviceLevel: 1, asaSeconds: 0, abandonProbability: 0, averageQueueLength: 0, busyAgents: 0, truncationError: 0 };
      }
      const { within, error } = taggedWithin(space, classes, pi, i);
      const asaSeconds = meanQueue[i]! / c.arrivalRate;
      return {
        waitProbability: allBusy,
        serviceLevel: Math.min(1, Math.max(0, 1 - allBusy + allBusy * within)),
        asaSeconds,
        abandonProbability: Math.min(1, c.abandonRate * asaSeconds),
        averageQueueLength: meanQueue[i]!,
        busyAgents: meanBusy[i]!,
        truncationError: allBusy * error + truncation,
      };
    });
    return { classes: out, states: space.size, caps: caps.slice(), truncationError: truncation };
  }
}
