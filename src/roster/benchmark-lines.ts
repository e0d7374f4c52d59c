import { invalidArgument } from "../errors.js";
import { requireRosterBenchmark, type RosterBenchmark } from "./benchmark.js";

/**
 * Lines of work for one employee of a Curtois & Qu instance: the cheapest lines that keep every
 * hard rule of the employee's contract, by an exact dynamic program over the days (a shortest
 * path with resources). It is the pricing problem of the column generation in
 * `benchmark-columns.ts`: given a cost for each day and shift type (the requests minus the cover
 * rows' duals), the line of least total cost.
 *
 * State after day d: the last day's shift type (or off), the length of the current run of work or
 * rest (capped where longer no longer matters), whether that run touches day 0 (exempt from the
 * minimum), the weekends worked, the minutes worked (in units of the gcd of the shift lengths)
 * and the count of each shift type whose maximum can bind. Every state is exact (no dominance), so
 * the result is the true optimum; the state space is bounded by {@link lineStateCount}.
 *
 * References: G. Desaulniers, J. Desrosiers, M. M. Solomon (eds.), *Column Generation*, Springer
 * (2005), ch. 2 (shortest path with resource constraints); A. Legrain, J. Omer, S. Rosat, "A
 * rotation-based branch-and-price approach for the nurse scheduling problem", Mathematical
 * Programming Computation 12 (2020).
 *
 * @module
 */

/** A line of work: per day, the shift type's index in `instance.shifts`, or -1 for a day off. */
export type BenchmarkLine = Int8Array;

/** A priced line: the line and its total day cost. */
export interface PricedLine {
  readonly line: BenchmarkLine;
  /** The sum of the day costs of the shifts it works, in the units of the costs given. */
  readonly cost: number;
}

/** The radices of one employee's state, and the facts the transitions need. */
interface LineSpace {
  readonly shiftCount: number;
  /** Shift types the employee may work (maximum not 0). */
  readonly allowed: readonly number[];
  /** Per shift type, its length in minute units, or 0 when not allowed. */
  readonly units: readonly number[];
  /** Per shift type, the index of its counter among the limited types, or -1. */
  readonly counter: readonly number[];
  /** Per limited type, its maximum. */
  readonly counterMax: readonly number[];
  readonly forbidden: readonly (readonly boolean[])[];
  readonly runRadix: number;
  readonly weekendRadix: number;
  readonly minuteRadix: number;
  readonly unitMinutes: number;
  readonly minWork: number;
  readonly maxWork: number;
  readonly minOff: number;
  readonly maxWeekends: number;
  readonly minUnits: number;
  readonly dayOff: readonly boolean[];
  readonly size: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function lineSpace(fn: string, instance: RosterBenchmark, employee: number): LineSpace {
  requireRosterBenchmark(fn, instance);
  if (!(Number.isInteger(employee) && employee >= 0 && employee < instance.employees.length)) invalidArgument(fn, "employee", `an employee index in [0, ${instance.employees.length})`, employee);
  const e = instance.employees[employee]!;
  const H = instance.horizonDays;
  const S = instance.shifts.length;
  const allowed = instance.shifts.flatMap((s, i) => (e.maxShifts[s.id] === 0 ? [] : [i]));
  const unitMinutes = allowed.reduce((g, s) => gcd(g, instance.shifts[s]!.lengthMinutes), 0) || 1;
  const units = instance.shifts.map((s, i) => (allowed.includes(i) ? s.lengthMinutes / unitMinutes : 0));
  const counterMax: number[] = [];
  const counter = instance.shifts.map((s, i) => {
    const max = e.maxShifts[s.id];
    // a maximum that the horizon or the minutes already enforce needs no counter
    if (!allowed.includes(i) || max === undefined || max >= H || (max + 1) * s.lengthMinutes > e.maxTotalMinutes) return -1;
    counterMax.push(max);
    return counterMax.length - 1;
  });
  const forbidden = instance.shifts.map((s) => instance.shifts.map((t) => s.forbiddenNext.includes(t.id)));
  const minOff = Math.max(1, e.minConsecutiveDaysOff);
  const minWork = Math.max(1, e.minConsecutiveShifts);
  const maxWork = Math.min(H, Math.max(1, e.maxConsecutiveShifts));
  const runRadix = Math.max(maxWork, minOff) + 1;
  const weekendRadix = Math.min(e.maxWeekends, Math.ceil(H / 7)) + 1;
  const minuteRadix = Math.floor(e.maxTotalMinutes / unitMinutes) + 1;
  const off = new Set(instance.daysOff[e.id] ?? []);
  let size = (S + 1) * runRadix * 2 * weekendRadix * minuteRadix;
  for (const max of counterMax) size *= max + 1;
  return {
    shiftCount: S,
    allowed,
    units,
    counter,
    counterMax,
    forbidden,
    runRadix,
    weekendRadix,
    minuteRadix,
    unitMinutes,
    minWork,
    maxWork,
    minOff,
    maxWeekends: e.maxWeekends,
    minUnits: Math.ceil(e.minTotalMinutes / unitMinutes),
    dayOff: Array.from({ length: H }, (_, d) => off.has(d)),
    size,
  };
}

/**
 * The number of states of the employee's dynamic program (the product of the state's radices):
 * its time and memory grow with it, so a caller can decline an instance whose states are too many.
 *
 * @param instance - a parsed instance
 * @param employee - the employee's index in `instance.employees`
 * @returns (shift types + 1) x run lengths x 2 x weekends x minute units x limited type counts
 * @throws {WfmError} `invalid-argument` for a value that is not an instance or an employee index out of range
 * @example
 * ```ts
 * lineStateCount(instance7, 0); //=> 2736 = 4 x 6 x 2 x 3 x 19 for employee A (L forbidden)
 * ```
 */
export function lineStateCount(instance: RosterBenchmark, employee: number): number {
  return lineSpace("lineStateCount", instance, employee).size;
}

/**
 * The `count` cheapest lines of work of one employee that keep every hard rule of the benchmark
 * (days off, successions, per-type maxima, total minutes, runs of work and rest with the horizon
 * exemption, weekends), each ending in a different final state, cheapest first.
 *
 * The cost of a line is the sum of `dayCost[d * S + s]` over the days d it works shift type s
 * (S = `instance.shifts.length`); days off cost 0.
 *
 * @param instance - a parsed instance
 * @param employee - the employee's index
 * @param dayCost - cost per day and shift type, length H x S
 * @param count - how many lines at most. @defaultValue 1
 * @param offCost - cost of a day off per day, length H (Infinity forbids the day off; a day cost of
 *   Infinity forbids that shift). @defaultValue 0 every day
 * @returns the lines, cheapest first (empty when the contract admits no line)
 * @throws {WfmError} `invalid-argument` for a value that is not an instance, an employee index out
 *   of range, or cost arrays of the wrong length
 * @example
 * ```ts
 * cheapestLines(instance, 0, new Float64Array(H * S)); //=> [{ line, cost: 0 }] (any feasible line)
 * ```
 * Reference: the module's references.
 */
export function cheapestLines(instance: RosterBenchmark, employee: number, dayCost: Float64Array, count = 1, offCost?: Float64Array): PricedLine[] {
  const space = lineSpace("cheapestLines", instance, employee);
  const H = instance.horizonDays;
  const S = space.shiftCount;
  if (!(dayCost instanceof Float64Array) || dayCost.length !== H * S) invalidArgument("cheapestLines", "dayCost", `a Float64Array of ${H * S} day costs (days x shift types)`, dayCost);
  if (offCost !== undefined && !(offCost instanceof Float64Array && offCost.length === H)) invalidArgument("cheapestLines", "offCost", `a Float64Array of ${H} day-off costs`, offCost);
  const { runRadix, weekendRadix, minuteRadix, counterMax, minWork, maxWork, minOff } = space;
  const C = counterMax.length;
  // field strides of the code: last, run, exempt, weekends, minutes, counters (last slowest)
  const counterStride: number[] = new Array(C);
  let stride = 1;
  for (let c = C - 1; c >= 0; c--) {
    counterStride[c] = stride;
    stride *= counterMax[c]! + 1;
  }
  const minuteStride = stride;
  const weekendStride = minuteStride * minuteRadix;
  const exemptStride = weekendStride * weekendRadix;
  const runStride = exemptStride * 2;
  const lastStride = runStride * runRadix;

  const stamp = new Int32Array(space.size).fill(-1);
  const layers: { codes: number[]; cost: number[]; back: number[]; choice: number[] }[] = [];
  let codes = [minOff * runStride]; // before day 0: off, a satisfied rest run, nothing worked
  let cost = [0];
  for (let d = 0; d < H; d++) {
    const next = { codes: [] as number[], cost: [] as number[], back: [] as number[], choice: [] as number[] };
    const weekday = d % 7;
    const offers = (code: number, value: number, from: number, choice: number) => {
      const at = stamp[code]!;
      if (at >= 0 && at < next.codes.length && next.codes[at] === code) {
        if (value < next.cost[at]!) {
          next.cost[at] = value;
          next.back[at] = from;
          next.choice[at] = choice;
        }
        return;
      }
      stamp[code] = next.codes.length;
      next.codes.push(code);
      next.cost.push(value);
      next.back.push(from);
      next.choice.push(choice);
    };
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      const value = cost[i]!;
      const last = Math.floor(code / lastStride);
      const run = Math.floor(code / runStride) % runRadix;
      const exempt = Math.floor(code / exemptStride) % 2;
      const weekends = Math.floor(code / weekendStride) % weekendRadix;
      const rest = code % weekendStride; // minutes and counters
      // a day off
      const off = offCost ? offCost[d]! : 0;
      if (off === Infinity) {
        // no day off today
      } else if (last === 0) {
        const r = Math.min(run + 1, minOff);
        offers(r * runStride + (r >= minOff ? 0 : exempt) * exemptStride + weekends * weekendStride + rest, value + off, i, -1);
      } else if (exempt === 1 || run >= minWork) {
        offers(runStride + weekends * weekendStride + rest, value + off, i, -1); // a rest run of 1, not exempt
      }
      if (space.dayOff[d]) continue;
      // a shift
      let r: number;
      let e: number;
      if (last === 0) {
        if (!(exempt === 1 || run >= minOff)) continue;
        r = 1;
        e = d === 0 ? 1 : 0;
      } else {
        if (run + 1 > maxWork) continue;
        r = run + 1;
        e = exempt;
      }
      if (r >= minWork) e = 0;
      const w = weekends + (weekday === 5 || (weekday === 6 && last === 0) ? 1 : 0);
      if (w > space.maxWeekends || w >= weekendRadix) continue;
      const minutes = Math.floor(rest / minuteStride);
      for (const s of space.allowed) {
        if ((last > 0 && space.forbidden[last - 1]![s]) || dayCost[d * S + s] === Infinity) continue;
        const m = minutes + space.units[s]!;
        if (m >= minuteRadix) continue;
        let counters = rest % minuteStride;
        const c = space.counter[s]!;
        if (c >= 0) {
          const n = Math.floor(counters / counterStride[c]!) % (counterMax[c]! + 1);
          if (n + 1 > counterMax[c]!) continue;
          counters += counterStride[c]!;
        }
        offers((s + 1) * lastStride + r * runStride + e * exemptStride + w * weekendStride + m * minuteStride + counters, value + dayCost[d * S + s]!, i, s);
      }
    }
    layers.push(next);
    codes = next.codes;
    cost = next.cost;
  }
  // final states: enough minutes; runs touching the last day are exempt
  const ends: number[] = [];
  const final = layers[H - 1];
  if (!final) return [];
  final.codes.forEach((code, i) => {
    const minutes = Math.floor((code % weekendStride) / minuteStride);
    if (minutes >= space.minUnits) ends.push(i);
  });
  ends.sort((a, b) => final.cost[a]! - final.cost[b]! || a - b);
  return ends.slice(0, Math.max(1, count)).map((end) => {
    const line = new Int8Array(H);
    let at = end;
    for (let d = H - 1; d >= 0; d--) {
      const layer = layers[d]!;
      line[d] = layer.choice[at]!;
      at = layer.back[at]!;
    }
    return { line, cost: final.cost[end]! };
  });
}
