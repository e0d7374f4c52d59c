import { seededRandom } from "../staffing/random.js";
import { gammaUnitScale, sampleDuration } from "./distributions.js";
import { EventHeap } from "./event-heap.js";
import type { CompiledModel } from "./model.js";

/**
 * The discrete-event engine: one replication of the contact centre (internal; see `simulate.ts`).
 *
 * State lives in typed arrays sized once per run (they double on growth), events in a binary
 * heap, waiting contacts in intrusive doubly-linked FIFO lists (one per contact type, O(1)
 * abandonment), agents in per-group lists by the number of contacts they hold (the head of the
 * lowest list is the least-loaded, longest-idle agent). Statistics are counters per arrival
 * interval: memory grows with the horizon and the concurrency of the centre, not with the
 * number of contacts.
 *
 * @module
 */

// Event kinds (low 3 bits of the code); the index (type, contact, slot, interval) is code >> 3.
const EV_ARRIVAL = 0;
const EV_ABANDON = 1;
const EV_DEPART = 2;
const EV_BOUNDARY = 3;
const EV_REDIAL = 4;
const EV_OVERFLOW = 5;

// Contact states.
const S_FREE = 0;
const S_QUEUED = 1;
const S_CALLBACK = 2;
const S_SERVING = 3;
const S_REDIAL = 4;

// Agent states.
const A_OFF = 0;
const A_ON = 1;
const A_LEAVING = 2;

/** Counters per (interval, contact type). */
export const C_OFFERED = 0;
export const C_ANSWERED = 1;
export const C_ABANDONED = 2;
export const C_WITHIN = 3;
export const C_SHORT = 4;
export const C_QUEUED_END = 5;
export const C_REDIALS = 6;
export const C_CB_ACCEPTED = 7;
export const C_CB_MADE = 8;
export const C_CB_IN_TIME = 9;
export const C_WAITED = 10;
export const C_WAIT_ANSWERED = 11;
export const C_WAIT_ALL = 12;
export const C_HANDLE = 13;
export const C_COMPLETED = 14;
export const TYPE_COUNTERS = 15;
/** Counters per (interval, agent group). */
export const G_STAFFED = 0;
export const G_BUSY = 1;
export const G_SLOTS = 2;
export const G_SLOTS_STAFFED = 3;
export const G_OUTBOUND = 4;
export const GROUP_COUNTERS = 5;

/** A 32-bit hash step (murmur3 finaliser) for deriving stream seeds. */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of one random stream: replication r, contact type t, purpose p (0 arrivals, 1 handle
 * times, 2 patience, 3 redials and call-back choices, 4 daily volume factors). Separate streams per
 * purpose keep common random numbers aligned when two runs differ only in staffing (internal).
 */
export function streamSeed(seed: number, replication: number, type: number, purpose: number): number {
  return mix(mix(mix(mix(0x5eed, seed | 0), replication), type), purpose);
}

/** One engine, reused across the replications of a batch (internal). */
export class Engine {
  private readonly m: CompiledModel;
  private readonly T: number;
  private readonly G: number;
  private readonly I: number;
  private readonly heap = new EventHeap(4096);
  now = 0;
  private curInterval = -1;
  private horizonEnd = 0;
  /** Contacts created this replication (arrivals and redials, warm-up included). */
  contacts = 0;

  // Random streams per type.
  private rArrival: (() => number)[] = [];
  private rHandle: (() => number)[] = [];
  private rPatience: (() => number)[] = [];
  private rMisc: (() => number)[] = [];
  private readonly dayFactor: Float64Array;
  private readonly typeSegment: Int32Array;

  // Contact pool.
  private cap = 0;
  private cType = new Int32Array(0);
  private cInterval = new Int32Array(0);
  private cState = new Uint8Array(0);
  private cStamp = new Int32Array(0);
  private cPrev = new Int32Array(0);
  private cNext = new Int32Array(0);
  private cArrive = new Float64Array(0);
  private cWork = new Float64Array(0);
  private cPatience = new Float64Array(0);
  private cDeadline = new Float64Array(0);
  private freeList = new Int32Array(0);
  private freeTop = 0;
  private used = 0;

  // Queues per type: inbound / outbound backlog, and call-backs.
  private readonly qHead: Int32Array;
  private readonly qTail: Int32Array;
  private readonly qLen: Int32Array;
  private readonly cbHead: Int32Array;
  private readonly cbTail: Int32Array;

  // Agents.
  private readonly agentBase: Int32Array;
  private readonly aGroup: Int32Array;
  private readonly aState: Uint8Array;
  private readonly aLoad: Int32Array;
  private readonly aPrev: Int32Array;
  private readonly aNext: Int32Array;
  private readonly aLevel: Int32Array;
  private readonly aSlotBase: Int32Array;
  private readonly aLast: Float64Array;
  private readonly bucketBase: Int32Array;
  private readonly bHead: Int32Array;
  private readonly bTail: Int32Array;
  private readonly offStack: Int32Array;
  private readonly offTop: Int32Array;
  private readonly present: Int32Array;
  private readonly leaving: Int32Array;
  private readonly idle: Int32Array;
  private readonly busy: Int32Array;
  private readonly slotsInUse: Int32Array;
  private readonly lastFlush: Float64Array;
  // Slots.
  private readonly sAgent: Int32Array;
  private readonly sContact: Int32Array;
  private readonly sStamp: Int32Array;
  private readonly sRemaining: Float64Array;
  private readonly sStart: Float64Array;

  /** Counters of the current replication: [interval][type][counter], [interval][group][counter]. */
  readonly typeCounts: Float64Array;
  readonly groupCounts: Float64Array;

  constructor(model: CompiledModel) {
    this.m = model;
    const T = (this.T = model.typeNames.length);
    const G = (this.G = model.groupNames.length);
    const I = (this.I = model.intervals);
    this.dayFactor = new Float64Array(T * model.days);
    this.typeSegment = new Int32Array(T);
    this.qHead = new Int32Array(T);
    this.qTail = new Int32Array(T);
    this.qLen = new Int32Array(T);
    this.cbHead = new Int32Array(T);
    this.cbTail = new Int32Array(T);
    this.agentBase = new Int32Array(G + 1);
    this.bucketBase = new Int32Array(G + 1);
    let slots = 0;
    for (let g = 0; g < G; g++) {
      this.agentBase[g + 1] = this.agentBase[g]! + model.maxHeadcount[g]!;
      this.bucketBase[g + 1] = this.bucketBase[g]! + model.concurrency[g]! + 1;
      slots += model.maxHeadcount[g]! * model.concurrency[g]!;
    }
    const A = this.agentBase[G]!;
    this.aGroup = new Int32Array(A);
    this.aState = new Uint8Array(A);
    this.aLoad = new Int32Array(A);
    this.aPrev = new Int32Array(A);
    this.aNext = new Int32Array(A);
    this.aLevel = new Int32Array(A);
    this.aSlotBase = new Int32Array(A);
    this.aLast = new Float64Array(A);
    this.offStack = new Int32Array(A);
    this.sAgent = new Int32Array(slots);
    this.sContact = new Int32Array(slots);
    this.sStamp = new Int32Array(slots);
    this.sRemaining = new Float64Array(slots);
    this.sStart = new Float64Array(slots);
    let slot = 0;
    for (let g = 0; g < G; g++) {
      for (let a = this.agentBase[g]!; a < this.agentBase[g + 1]!; a++) {
        this.aGroup[a] = g;
        this.aSlotBase[a] = slot;
        for (let s = 0; s < model.concurrency[g]!; s++) this.sAgent[slot++] = a;
      }
    }
    const B = this.bucketBase[G]!;
    this.bHead = new Int32Array(B);
    this.bTail = new Int32Array(B);
    this.offTop = new Int32Array(G);
    this.present = new Int32Array(G);
    this.leaving = new Int32Array(G);
    this.idle = new Int32Array(G);
    this.busy = new Int32Array(G);
    this.slotsInUse = new Int32Array(G);
    this.lastFlush = new Float64Array(G);
    this.typeCounts = new Float64Array(I * T * TYPE_COUNTERS);
    this.groupCounts = new Float64Array(I * G * GROUP_COUNTERS);
    this.growContacts(1024);
  }

  private growContacts(capacity: number): void {
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.cType = grow32(this.cType);
    this.cInterval = grow32(this.cInterval);
    const st = new Uint8Array(capacity);
    st.set(this.cState);
    this.cState = st;
    this.cStamp = grow32(this.cStamp);
    this.cPrev = grow32(this.cPrev);
    this.cNext = grow32(this.cNext);
    this.cArrive = grow64(this.cArrive);
    this.cWork = grow64(this.cWork);
    this.cPatience = grow64(this.cPatience);
    this.cDeadline = grow64(this.cDeadline);
    this.freeList = grow32(this.freeList);
    this.cap = capacity;
  }

  /** Contact records ever allocated this replication: the most contacts present at once (queued, in service, awaiting a call-back or a redial). */
  get contactRecords(): number {
    return this.used;
  }

  private alloc(): number {
    if (this.freeTop > 0) return this.freeList[--this.freeTop]!;
    if (this.used === this.cap) this.growContacts(this.cap * 2);
    return this.used++;
  }

  private release(c: number): void {
    this.cState[c] = S_FREE;
    this.cStamp[c] = (this.cStamp[c]! + 1) | 0;
    this.freeList[this.freeTop++] = c;
  }

  /** Runs replication `replication`, leaving its counters in `typeCounts` and `groupCounts`. */
  run(replication: number): void {
    const m = this.m;
    const T = this.T;
    const G = this.G;
    const I = this.I;
    this.typeCounts.fill(0);
    this.groupCounts.fill(0);
    this.heap.clear();
    this.freeTop = 0;
    this.used = 0;
    this.contacts = 0;
    this.now = 0;
    this.qHead.fill(-1);
    this.qTail.fill(-1);
    this.qLen.fill(0);
    this.cbHead.fill(-1);
    this.cbTail.fill(-1);
    this.bHead.fill(-1);
    this.bTail.fill(-1);
    this.aState.fill(A_OFF);
    this.aLoad.fill(0);
    this.aLevel.fill(-1);
    this.sContact.fill(-1);
    this.present.fill(0);
    this.leaving.fill(0);
    this.idle.fill(0);
    this.busy.fill(0);
    this.slotsInUse.fill(0);
    this.lastFlush.fill(0);
    for (let g = 0; g < G; g++) {
      let top = 0;
      for (let a = this.agentBase[g + 1]! - 1; a >= this.agentBase[g]!; a--) this.offStack[this.agentBase[g]! + top++] = a;
      this.offTop[g] = top;
    }
    const seed = m.seed;
    this.rArrival = [];
    this.rHandle = [];
    this.rPatience = [];
    this.rMisc = [];
    for (let t = 0; t < T; t++) {
      this.rArrival.push(seededRandom(streamSeed(seed, replication, t, 0)));
      this.rHandle.push(seededRandom(streamSeed(seed, replication, t, 1)));
      this.rPatience.push(seededRandom(streamSeed(seed, replication, t, 2)));
      this.rMisc.push(seededRandom(streamSeed(seed, replication, t, 3)));
      const cv = m.dailyCv[t]!;
      const rDay = seededRandom(streamSeed(seed, replication, t, 4));
      for (let d = 0; d < m.days; d++) {
        this.dayFactor[t * m.days + d] = cv > 0 ? gammaUnitScale(1 / (cv * cv), rDay) * cv * cv : 1;
      }
    }
    const W = m.warmupSeconds;
    this.horizonEnd = W + I * m.intervalSeconds;
    this.curInterval = W > 0 ? -1 : 0;
    // Staffing at the start (the first interval's, also during the warm-up).
    for (let g = 0; g < G; g++) this.setHeadcount(g, m.headcount[g * I]!);
    for (let i = W > 0 ? 0 : 1; i <= I; i++) this.heap.push(W + i * m.intervalSeconds, (i << 3) | EV_BOUNDARY, 0);
    for (let t = 0; t < T; t++) {
      this.typeSegment[t] = W > 0 ? -1 : 0;
      this.scheduleArrival(t, 0);
    }
    const heap = this.heap;
    for (;;) {
      heap.pop();
      this.now = heap.topTime;
      const code = heap.topCode;
      const kind = code & 7;
      const index = code >> 3;
      if (kind === EV_ARRIVAL) this.onArrival(index);
      else if (kind === EV_DEPART) {
        if (this.sStamp[index] === heap.topStamp && this.sContact[index]! >= 0) this.onDeparture(index);
      } else if (kind === EV_ABANDON) {
        if (this.cStamp[index] === heap.topStamp && this.cState[index] === S_QUEUED) this.onAbandon(index);
      } else if (kind === EV_BOUNDARY) {
        if (this.onBoundary(index)) break;
      } else if (kind === EV_OVERFLOW) {
        if (this.cStamp[index] === heap.topStamp && this.cState[index] === S_QUEUED) this.onOverflow(index);
      } else if (kind === EV_REDIAL) {
        if (this.cStamp[index] === heap.topStamp && this.cState[index] === S_REDIAL) this.startAttempt(index, true);
      }
    }
    // Contacts still waiting at the end.
    for (let t = 0; t < T; t++) {
      for (let c = this.qHead[t]!; c >= 0; c = this.cNext[c]!) {
        const i = this.cInterval[c]!;
        if (i >= 0) this.typeCounts[(i * T + t) * TYPE_COUNTERS + C_QUEUED_END]! += 1;
      }
    }
  }

  // ---- arrivals -------------------------------------------------------------------------

  /** Schedules the next arrival of type t after `time` (piecewise-constant rate, by inversion). */
  private scheduleArrival(t: number, time: number): void {
    const m = this.m;
    const I = this.I;
    const W = m.warmupSeconds;
    const L = m.intervalSeconds;
    let e = -Math.log(this.rArrival[t]!());
    let seg = this.typeSegment[t]!;
    for (;;) {
      const end = seg < 0 ? W : W + (seg + 1) * L;
      const i = seg < 0 ? 0 : seg;
      const rate = m.rates[t * I + i]! * this.dayFactor[t * m.days + Math.floor(i / m.intervalsPerDay)]!;
      if (rate > 0) {
        const at = time + e / rate;
        if (at < end) {
          this.typeSegment[t] = seg;
          this.heap.push(at, (t << 3) | EV_ARRIVAL, 0);
          return;
        }
        e -= (end - time) * rate;
      }
      time = end;
      seg++;
      if (seg >= I) {
        this.typeSegment[t] = seg;
        return;
      }
    }
  }

  private onArrival(t: number): void {
    this.scheduleArrival(t, this.now);
    const c = this.alloc();
    this.cType[c] = t;
    this.startAttempt(c, false);
  }

  /** A new attempt of contact c (a fresh arrival or a redial) arrives now. */
  private startAttempt(c: number, redial: boolean): void {
    const m = this.m;
    const t = this.cType[c]!;
    const now = this.now;
    this.contacts++;
    this.cState[c] = S_FREE; // arriving (a recycled record may hold an old state)
    const interval = this.curInterval;
    this.cInterval[c] = interval;
    this.cArrive[c] = now;
    this.cWork[c] = sampleDuration(m.handle[t]!, this.rHandle[t]!) * m.handleScale[t * this.I + (interval < 0 ? 0 : interval)]!;
    this.cPatience[c] = m.hasPatience[t] === 1 ? sampleDuration(m.patience[t]!, this.rPatience[t]!) : Infinity;
    if (interval >= 0) {
      const base = (interval * this.T + t) * TYPE_COUNTERS;
      this.typeCounts[base + C_OFFERED]! += 1;
      if (redial) this.typeCounts[base + C_REDIALS]! += 1;
    }
    if (m.outbound[t] === 1) {
      this.enqueue(c, t);
      this.dispatchOutbound(t);
      return;
    }
    if (this.routeNow(c, t, false)) return;
    // Every eligible agent is busy: offer a call-back, or queue.
    if (m.callback[t] === 1 && this.offerCallback(c, t)) return;
    this.enqueue(c, t);
    const stamp = this.cStamp[c]!;
    const patience = this.cPatience[c]!;
    if (patience < Infinity) this.heap.push(now + patience, (c << 3) | EV_ABANDON, stamp);
    const delays = m.overflowDelays[t]!;
    for (let k = 0; k < delays.length; k++) {
      if (delays[k]! < patience) this.heap.push(now + delays[k]!, (c << 3) | EV_OVERFLOW, stamp);
    }
  }

  /** Sends contact c to the best free eligible agent; `overflow` also allows groups whose delay has passed. */
  private routeNow(c: number, t: number, overflow: boolean): boolean {
    const m = this.m;
    const groups = m.routeGroups[t]!;
    const delays = m.routeDelays[t]!;
    for (let r = 0; r < groups.length; r++) {
      const d = delays[r]!;
      if (d > 0 && !(overflow && this.cArrive[c]! + d <= this.now)) continue;
      const a = this.freeAgent(groups[r]!);
      if (a >= 0) {
        this.assign(c, a);
        return true;
      }
    }
    return false;
  }

  /** The least-loaded, longest-idle agent of group g with a free slot, or -1. */
  private freeAgent(g: number): number {
    const k = this.m.concurrency[g]!;
    const base = this.bucketBase[g]!;
    for (let level = 0; level < k; level++) {
      const a = this.bHead[base + level]!;
      if (a >= 0) return a;
    }
    return -1;
  }

  private offerCallback(c: number, t: number): boolean {
    const m = this.m;
    let serving = 0;
    const groups = m.routeGroups[t]!;
    for (let r = 0; r < groups.length; r++) {
      const g = groups[r]!;
      serving += (this.present[g]! - this.leaving[g]!) * m.concurrency[g]!;
    }
    const expectedWait = serving > 0 ? ((this.qLen[t]! + 1) * m.handle[t]!.meanSeconds) / serving : Infinity;
    if (!(expectedWait > m.callbackThresholdSeconds[t]!)) return false;
    if (!(this.rMisc[t]!() < m.callbackAccept[t]!)) return false;
    const interval = this.cInterval[c]!;
    if (interval >= 0) {
      const base = (interval * this.T + t) * TYPE_COUNTERS;
      this.typeCounts[base + C_CB_ACCEPTED]! += 1;
      this.typeCounts[base + C_WAITED]! += 1;
    }
    this.cDeadline[c] = this.now + m.callbackDeadlineSeconds[t]!;
    this.cState[c] = S_CALLBACK;
    this.cNext[c] = -1;
    this.cPrev[c] = this.cbTail[t]!;
    if (this.cbTail[t]! >= 0) this.cNext[this.cbTail[t]!] = c;
    else this.cbHead[t] = c;
    this.cbTail[t] = c;
    // An idle agent of an overflow group may make the call-back at once.
    for (let r = 0; r < groups.length; r++) {
      const a = this.freeAgent(groups[r]!);
      if (a >= 0) {
        this.unlinkCallback(c, t);
        this.assign(c, a);
        break;
      }
    }
    return true;
  }

  // ---- queues ---------------------------------------------------------------------------

  private enqueue(c: number, t: number): void {
    this.cState[c] = S_QUEUED;
    this.cNext[c] = -1;
    const tail = this.qTail[t]!;
    this.cPrev[c] = tail;
    if (tail >= 0) this.cNext[tail] = c;
    else this.qHead[t] = c;
    this.qTail[t] = c;
    this.qLen[t]!++;
  }

  private unlinkQueued(c: number, t: number): void {
    const prev = this.cPrev[c]!;
    const next = this.cNext[c]!;
    if (prev >= 0) this.cNext[prev] = next;
    else this.qHead[t] = next;
    if (next >= 0) this.cPrev[next] = prev;
    else this.qTail[t] = prev;
    this.qLen[t]!--;
    this.cStamp[c] = (this.cStamp[c]! + 1) | 0;
  }

  private unlinkCallback(c: number, t: number): void {
    const prev = this.cPrev[c]!;
    const next = this.cNext[c]!;
    if (prev >= 0) this.cNext[prev] = next;
    else this.cbHead[t] = next;
    if (next >= 0) this.cPrev[next] = prev;
    else this.cbTail[t] = prev;
  }

  private onAbandon(c: number): void {
    const m = this.m;
    const t = this.cType[c]!;
    this.unlinkQueued(c, t);
    const wait = this.now - this.cArrive[c]!;
    const interval = this.cInterval[c]!;
    if (interval >= 0) {
      const base = (interval * this.T + t) * TYPE_COUNTERS;
      const counts = this.typeCounts;
      counts[base + C_ABANDONED]! += 1;
      counts[base + C_WAITED]! += 1;
      counts[base + C_WAIT_ALL]! += wait;
      if (wait <= m.shortAbandonSeconds[t]!) counts[base + C_SHORT]! += 1;
    }
    const p = m.redialProbability[t]!;
    if (p > 0 && this.rMisc[t]!() < p) {
      this.cState[c] = S_REDIAL;
      const delay = sampleDuration(m.redialDelay[t]!, this.rMisc[t]!);
      this.heap.push(this.now + delay, (c << 3) | EV_REDIAL, this.cStamp[c]!);
      return;
    }
    this.release(c);
  }

  private onOverflow(c: number): void {
    const t = this.cType[c]!;
    // Only groups with a positive delay can have become eligible.
    const groups = this.m.routeGroups[t]!;
    const delays = this.m.routeDelays[t]!;
    for (let r = 0; r < groups.length; r++) {
      const d = delays[r]!;
      if (d > 0 && this.cArrive[c]! + d <= this.now) {
        const a = this.freeAgent(groups[r]!);
        if (a >= 0) {
          this.unlinkQueued(c, t);
          this.assign(c, a);
          return;
        }
      }
    }
  }

  // ---- agents ---------------------------------------------------------------------------

  private bucketRemove(a: number): void {
    const level = this.aLevel[a]!;
    if (level < 0) return;
    const b = this.bucketBase[this.aGroup[a]!]! + level;
    const prev = this.aPrev[a]!;
    const next = this.aNext[a]!;
    if (prev >= 0) this.aNext[prev] = next;
    else this.bHead[b] = next;
    if (next >= 0) this.aPrev[next] = prev;
    else this.bTail[b] = prev;
    this.aLevel[a] = -1;
  }

  private bucketAppend(a: number, level: number): void {
    const b = this.bucketBase[this.aGroup[a]!]! + level;
    const tail = this.bTail[b]!;
    this.aPrev[a] = tail;
    this.aNext[a] = -1;
    if (tail >= 0) this.aNext[tail] = a;
    else this.bHead[b] = a;
    this.bTail[b] = a;
    this.aLevel[a] = level;
  }

  /** Adds the elapsed time of group g to the current interval's counters. */
  private flush(g: number): void {
    const now = this.now;
    const dt = now - this.lastFlush[g]!;
    this.lastFlush[g] = now;
    const i = this.curInterval;
    if (i < 0 || dt <= 0) return;
    const base = (i * this.G + g) * GROUP_COUNTERS;
    const counts = this.groupCounts;
    const present = this.present[g]!;
    counts[base + G_STAFFED]! += present * dt;
    counts[base + G_BUSY]! += this.busy[g]! * dt;
    counts[base + G_SLOTS]! += this.slotsInUse[g]! * dt;
    counts[base + G_SLOTS_STAFFED]! += present * this.m.concurrency[g]! * dt;
  }

  /** Work done since the last update by every contact of agent a, at its current speed (concurrency with a factor). */
  private progress(a: number): void {
    const g = this.aGroup[a]!;
    const load = this.aLoad[a]!;
    const elapsed = this.now - this.aLast[a]!;
    this.aLast[a] = this.now;
    if (load === 0 || elapsed <= 0) return;
    const speed = 1 / (1 + this.m.factor[g]! * (load - 1));
    const k = this.m.concurrency[g]!;
    const base = this.aSlotBase[a]!;
    for (let s = base; s < base + k; s++) if (this.sContact[s]! >= 0) this.sRemaining[s]! -= elapsed * speed;
  }

  /** Reschedules the departures of agent a's contacts at its current speed. */
  private reschedule(a: number): void {
    const g = this.aGroup[a]!;
    const load = this.aLoad[a]!;
    const stretch = 1 + this.m.factor[g]! * (load - 1);
    const k = this.m.concurrency[g]!;
    const base = this.aSlotBase[a]!;
    for (let s = base; s < base + k; s++) {
      if (this.sContact[s]! < 0) continue;
      const stamp = (this.sStamp[s]! + 1) | 0;
      this.sStamp[s] = stamp;
      this.heap.push(this.now + Math.max(0, this.sRemaining[s]!) * stretch, (s << 3) | EV_DEPART, stamp);
    }
  }

  /** Starts contact c (queued, a call-back, or just arrived) on agent a, which has a free slot. */
  private assign(c: number, a: number): void {
    const m = this.m;
    const g = this.aGroup[a]!;
    const t = this.cType[c]!;
    const now = this.now;
    this.flush(g);
    const stretchy = m.factor[g]! > 0 && m.concurrency[g]! > 1;
    if (stretchy) this.progress(a);
    let s = this.aSlotBase[a]!;
    while (this.sContact[s]! >= 0) s++;
    const wasCallback = this.cState[c] === S_CALLBACK;
    this.cState[c] = S_SERVING;
    this.sContact[s] = c;
    this.sStart[s] = now;
    // The group's own handle time for the type (the same draw, scaled: common random numbers).
    const scale = m.groupHandleScale;
    const work = scale === null ? this.cWork[c]! : this.cWork[c]! * scale[g * this.T + t]!;
    this.sRemaining[s] = work;
    const load = this.aLoad[a]! + 1;
    this.aLoad[a] = load;
    if (load === 1) {
      this.busy[g]!++;
      this.idle[g]!--;
    }
    this.slotsInUse[g]!++;
    if (this.aState[a] === A_ON) {
      this.bucketRemove(a);
      this.bucketAppend(a, load);
    }
    if (stretchy) this.reschedule(a);
    else {
      const stamp = (this.sStamp[s]! + 1) | 0;
      this.sStamp[s] = stamp;
      this.heap.push(now + work, (s << 3) | EV_DEPART, stamp);
    }
    const interval = this.cInterval[c]!;
    if (interval < 0) return;
    const base = (interval * this.T + t) * TYPE_COUNTERS;
    const counts = this.typeCounts;
    if (wasCallback) {
      counts[base + C_CB_MADE]! += 1;
      if (now <= this.cDeadline[c]!) counts[base + C_CB_IN_TIME]! += 1;
      return;
    }
    if (m.outbound[t] === 1 && this.curInterval >= 0) this.groupCounts[(this.curInterval * this.G + g) * GROUP_COUNTERS + G_OUTBOUND]! += 1;
    const wait = now - this.cArrive[c]!;
    counts[base + C_ANSWERED]! += 1;
    if (wait <= m.targetSeconds[t]!) counts[base + C_WITHIN]! += 1;
    if (wait > 0) {
      counts[base + C_WAITED]! += 1;
      counts[base + C_WAIT_ANSWERED]! += wait;
      counts[base + C_WAIT_ALL]! += wait;
    }
  }

  private onDeparture(s: number): void {
    const m = this.m;
    const a = this.sAgent[s]!;
    const g = this.aGroup[a]!;
    const c = this.sContact[s]!;
    const now = this.now;
    this.flush(g);
    const stretchy = m.factor[g]! > 0 && m.concurrency[g]! > 1;
    if (stretchy) this.progress(a);
    const interval = this.cInterval[c]!;
    if (interval >= 0) {
      const base = (interval * this.T + this.cType[c]!) * TYPE_COUNTERS;
      this.typeCounts[base + C_HANDLE]! += now - this.sStart[s]!;
      this.typeCounts[base + C_COMPLETED]! += 1;
    }
    this.release(c);
    this.sContact[s] = -1;
    this.sStamp[s] = (this.sStamp[s]! + 1) | 0;
    const load = this.aLoad[a]! - 1;
    this.aLoad[a] = load;
    this.slotsInUse[g]!--;
    if (load === 0) {
      this.busy[g]!--;
      this.idle[g]!++;
    }
    if (this.aState[a] === A_LEAVING) {
      if (load === 0) {
        this.aState[a] = A_OFF;
        this.idle[g]!--;
        this.present[g]!--;
        this.leaving[g]!--;
        this.offStack[this.agentBase[g]! + this.offTop[g]!++] = a;
      } else if (stretchy) this.reschedule(a);
      return;
    }
    this.bucketRemove(a);
    this.bucketAppend(a, load);
    if (stretchy) this.reschedule(a);
    this.pull(a);
    if (m.balanced[g] === 1 && this.aLoad[a]! === load) this.rebalance(a);
  }

  /** Fills agent a's free slots from the queues of its skills. */
  private pull(a: number): void {
    const k = this.m.concurrency[this.aGroup[a]!]!;
    while (this.aLoad[a]! < k && this.aState[a] === A_ON) {
      const c = this.pick(a);
      if (c < 0) return;
      this.assign(c, a);
    }
  }

  /**
   * The next contact for agent a, removed from its queue: an urgent call-back (earliest deadline),
   * else the waiting contact of the highest priority class (by skill order, then FIFO), else a
   * call-back, else outbound work if enough other agents stay idle; -1 when there is none.
   */
  private pick(a: number): number {
    const m = this.m;
    const g = this.aGroup[a]!;
    const skills = m.skillTypes[g]!;
    const delays = m.skillDelays[g]!;
    const now = this.now;
    let best = -1;
    let bestType = -1;
    let bestPriority = -Infinity;
    let urgent = -1;
    let urgentType = -1;
    let urgentDeadline = Infinity;
    let anyCallback = -1;
    let anyCallbackType = -1;
    let outboundType = -1;
    for (let i = 0; i < skills.length; i++) {
      const t = skills[i]!;
      if (m.outbound[t] === 1) {
        if (outboundType < 0 && this.qHead[t]! >= 0) outboundType = t;
        continue;
      }
      const cb = this.cbHead[t]!;
      if (cb >= 0) {
        const deadline = this.cDeadline[cb]!;
        if (now >= deadline - m.callbackUrgentSeconds[t]! && deadline < urgentDeadline) {
          urgent = cb;
          urgentType = t;
          urgentDeadline = deadline;
        }
        if (anyCallback < 0) {
          anyCallback = cb;
          anyCallbackType = t;
        }
      }
      const h = this.qHead[t]!;
      if (h >= 0 && m.priority[t]! > bestPriority) {
        const d = delays[i]!;
        if (d === 0 || this.cArrive[h]! + d <= now) {
          best = h;
          bestType = t;
          bestPriority = m.priority[t]!;
        }
      }
    }
    if (urgent >= 0) {
      this.unlinkCallback(urgent, urgentType);
      return urgent;
    }
    if (best >= 0) {
      this.unlinkQueued(best, bestType);
      return best;
    }
    if (anyCallback >= 0) {
      this.unlinkCallback(anyCallback, anyCallbackType);
      return anyCallback;
    }
    if (outboundType >= 0 && this.aLoad[a] === 0 && this.idle[g]! - 1 >= m.reserve[g]!) {
      const c = this.qHead[outboundType]!;
      this.unlinkQueued(c, outboundType);
      return c;
    }
    return -1;
  }

  /** Outbound work arrived: idle agents above the reserve take it. */
  private dispatchOutbound(t: number): void {
    const m = this.m;
    const groups = m.routeGroups[t]!;
    for (let r = 0; r < groups.length && this.qHead[t]! >= 0; r++) {
      const g = groups[r]!;
      while (this.qHead[t]! >= 0 && this.idle[g]! - 1 >= m.reserve[g]!) {
        const a = this.bHead[this.bucketBase[g]!]!;
        if (a < 0) break;
        const before = this.qLen[t]!;
        this.pull(a);
        if (this.qLen[t]! === before && this.aLoad[a] === 0) break;
      }
    }
  }

  /** Balanced chat routing: move a contact from the busiest agent to agent a if loads differ by two or more. */
  private rebalance(a: number): void {
    const m = this.m;
    const g = this.aGroup[a]!;
    const k = m.concurrency[g]!;
    const load = this.aLoad[a]!;
    const base = this.bucketBase[g]!;
    let b = -1;
    for (let level = k; level >= load + 2; level--) {
      if (this.bHead[base + level]! >= 0) {
        b = this.bHead[base + level]!;
        break;
      }
    }
    if (b < 0) return;
    const stretchy = m.factor[g]! > 0;
    if (stretchy) {
      this.progress(a);
      this.progress(b);
    }
    let sb = this.aSlotBase[b]!;
    while (this.sContact[sb]! < 0) sb++;
    let sa = this.aSlotBase[a]!;
    while (this.sContact[sa]! >= 0) sa++;
    const c = this.sContact[sb]!;
    this.sContact[sa] = c;
    this.sStart[sa] = this.sStart[sb]!;
    this.sRemaining[sa] = this.sRemaining[sb]!;
    this.sContact[sb] = -1;
    this.sStamp[sb] = (this.sStamp[sb]! + 1) | 0;
    this.aLoad[b]!--;
    this.aLoad[a]!++;
    if (load === 0) {
      this.busy[g]!++;
      this.idle[g]!--;
    }
    this.bucketRemove(a);
    this.bucketAppend(a, load + 1);
    this.bucketRemove(b);
    this.bucketAppend(b, this.aLoad[b]!);
    if (stretchy) {
      this.reschedule(a);
      this.reschedule(b);
    } else {
      const stamp = (this.sStamp[sa]! + 1) | 0;
      this.sStamp[sa] = stamp;
      this.heap.push(this.now + Math.max(0, this.sRemaining[sa]! - (this.now - this.sStart[sa]!)), (sa << 3) | EV_DEPART, stamp);
    }
  }

  /** Sets group g's headcount: idle agents leave first, then busy agents finish and leave. */
  private setHeadcount(g: number, target: number): void {
    this.flush(g);
    let effective = this.present[g]! - this.leaving[g]!;
    const first = this.agentBase[g]!;
    const last = this.agentBase[g + 1]!;
    if (target > effective) {
      for (let a = first; a < last && target > effective && this.leaving[g]! > 0; a++) {
        if (this.aState[a] !== A_LEAVING) continue;
        this.aState[a] = A_ON;
        this.leaving[g]!--;
        this.bucketAppend(a, this.aLoad[a]!);
        effective++;
      }
      const joined: number[] = [];
      while (target > effective) {
        const a = this.offStack[first + --this.offTop[g]!]!;
        this.aState[a] = A_ON;
        this.aLoad[a] = 0;
        this.aLast[a] = this.now;
        this.present[g]!++;
        this.idle[g]!++;
        this.bucketAppend(a, 0);
        joined.push(a);
        effective++;
      }
      for (const a of joined) this.pull(a);
      for (let a = first; a < last; a++) if (this.aState[a] === A_ON && this.aLoad[a]! > 0) this.pull(a);
    } else if (target < effective) {
      const idleBucket = this.bucketBase[g]!;
      while (target < effective && this.bTail[idleBucket]! >= 0) {
        const a = this.bTail[idleBucket]!;
        this.bucketRemove(a);
        this.aState[a] = A_OFF;
        this.present[g]!--;
        this.idle[g]!--;
        this.offStack[first + this.offTop[g]!++] = a;
        effective--;
      }
      for (let a = first; a < last && target < effective; a++) {
        if (this.aState[a] !== A_ON) continue;
        this.bucketRemove(a);
        this.aState[a] = A_LEAVING;
        this.leaving[g]!++;
        effective--;
      }
    }
  }

  /** Interval boundary i (the start of interval i, or the end when i = I); true at the end. */
  private onBoundary(i: number): boolean {
    for (let g = 0; g < this.G; g++) this.flush(g);
    if (i >= this.I) {
      this.curInterval = this.I;
      return true;
    }
    this.curInterval = i;
    for (let g = 0; g < this.G; g++) this.setHeadcount(g, this.m.headcount[g * this.I + i]!);
    return false;
  }
}

