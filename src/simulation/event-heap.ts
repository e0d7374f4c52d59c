/**
 * A binary min-heap of timed events on typed arrays: no allocation per event (the arrays double
 * when full, which happens a handful of times per run). Each event is a time, an integer code and
 * an integer stamp; the engine uses the stamp to skip events made stale (an abandonment of a
 * contact already answered). Push and pop are O(log n).
 *
 * @see Cormen, Leiserson, Rivest & Stein, "Introduction to Algorithms", 3rd ed., ch. 6.
 * @module
 */

/** The event heap (internal). */
export class EventHeap {
  private times: Float64Array;
  private codes: Int32Array;
  private stamps: Int32Array;
  size = 0;
  /** The last popped event. */
  topTime = 0;
  topCode = 0;
  topStamp = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(time: number, code: number, stamp: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    const stamps = this.stamps;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= time) break;
      times[i] = pt;
      codes[i] = codes[parent]!;
      stamps[i] = stamps[parent]!;
      i = parent;
    }
    times[i] = time;
    codes[i] = code;
    stamps[i] = stamp;
  }

  /** Removes the earliest event into `topTime`, `topCode`, `topStamp`; the heap must not be empty. */
  pop(): void {
    const times = this.times;
    const codes = this.codes;
    const stamps = this.stamps;
    this.topTime = times[0]!;
    this.topCode = codes[0]!;
    this.topStamp = stamps[0]!;
    const n = --this.size;
    if (n === 0) return;
    const time = times[n]!;
    const code = codes[n]!;
    const stamp = stamps[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1]! < times[child]!) child++;
      if (times[child]! >= time) break;
      times[i] = times[child]!;
      codes[i] = codes[child]!;
      stamps[i] = stamps[child]!;
      i = child;
    }
    times[i] = time;
    codes[i] = code;
    stamps[i] = stamp;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    const c = new Int32Array(cap);
    c.set(this.codes);
    const s = new Int32Array(cap);
    s.set(this.stamps);
    this.times = t;
    this.codes = c;
    this.stamps = s;
  }
}
