/**
 * The stationary distribution of a finite continuous-time Markov chain, for the exact chains of
 * the premium models (priority classes with their own handle times, blending): block Gauss-Seidel
 * on "lines" of states (each line solved exactly as a tridiagonal system given the rest) with
 * aggregation-disaggregation steps on coordinates that every transition moves by at most one
 * (each coordinate's marginal chain is then birth-death, solved exactly from the current
 * conditional distributions and used to rescale them). Iterates to a relative residual of the
 * balance equations (sum |in-flow - out-flow| / total flow) below `tolerance`. Aggregation steps
 * stop when the residual stalls (alternating aggregations can cycle); block Gauss-Seidel goes on.
 *
 * @see Stewart, Introduction to the Numerical Solution of Markov Chains (Princeton, 1994), ch. 3
 * (block Gauss-Seidel) and ch. 6 (iterative aggregation-disaggregation, Koury-McAllister-Stewart).
 * @module
 */

/** The chain: every state's total out-rate and its in-edges (CSR: in-edges of s at inStart[s] .. inStart[s + 1] - 1). */
export interface Transitions {
  readonly outRate: Float64Array;
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inRate: Float64Array;
}

/** Options of {@link stationaryDistribution}. */
export interface StationaryOptions {
  readonly transitions: Transitions;
  /** Starts of the lines (contiguous state ranges), ascending, ending with the number of states. */
  readonly lineStarts: Int32Array;
  /** Coordinates that every transition changes by at most one (whole numbers from 0). */
  readonly coordinates: readonly Int32Array[];
  /** Starting guess (copied); uniform when absent. */
  readonly initial?: Float64Array;
  /** @defaultValue 1e-11 */
  readonly tolerance?: number;
}

/**
 * Stationary distribution and the relative residual reached (see the module text).
 * @internal
 * @example
 * ```ts
 * // two states, 0 -> 1 at rate 1, 1 -> 0 at rate 3: pi = (3/4, 1/4)
 * const t = { outRate: Float64Array.of(1, 3), inStart: Int32Array.of(0, 1, 2), inFrom: Int32Array.of(1, 0), inRate: Float64Array.of(3, 1) };
 * stationaryDistribution({ transitions: t, lineStarts: Int32Array.of(0, 2), coordinates: [] }).pi; //=> Float64Array [0.75, 0.25]
 * ```
 */
export function stationaryDistribution(options: StationaryOptions): { pi: Float64Array; residual: number } {
  const { transitions, lineStarts, coordinates } = options;
  const tolerance = options.tolerance ?? 1e-11;
  const { outRate, inStart, inFrom, inRate } = transitions;
  const size = outRate.length;
  const pi = options.initial !== undefined ? Float64Array.from(options.initial) : new Float64Array(size).fill(1 / size);
  const aggregations = coordinates.map((coordinate) => {
    let count = 0;
    for (let s = 0; s < size; s++) count = Math.max(count, coordinate[s]! + 1);
    const upRate = new Float64Array(size);
    const downRate = new Float64Array(size);
    for (let t = 0; t < size; t++) {
      for (let e = inStart[t]!; e < inStart[t + 1]!; e++) {
        const f = inFrom[e]!;
        if (coordinate[t]! > coordinate[f]!) upRate[f]! += inRate[e]!;
        else if (coordinate[t]! < coordinate[f]!) downRate[f]! += inRate[e]!;
      }
    }
    return { coordinate, count, upRate, downRate, mass: new Float64Array(count), up: new Float64Array(count), down: new Float64Array(count), target: new Float64Array(count) };
  });
  const aggregate = (g: (typeof aggregations)[number]) => {
    const { coordinate, count, upRate, downRate, mass, up, down, target } = g;
    mass.fill(0);
    up.fill(0);
    down.fill(0);
    for (let s = 0; s < size; s++) {
      const l = coordinate[s]!;
      mass[l]! += pi[s]!;
      up[l]! += pi[s]! * upRate[s]!;
      down[l]! += pi[s]! * downRate[s]!;
    }
    target[0] = mass[0]! > 0 ? 1 : 0;
    let total = target[0]!;
    for (let l = 1; l < count; l++) {
      const u = mass[l - 1]! > 0 ? up[l - 1]! / mass[l - 1]! : 0;
      const d = mass[l]! > 0 ? down[l]! / mass[l]! : 0;
      if (target[l - 1]! === 0 && mass[l]! > 0) target[l] = 1;
      else target[l] = d > 0 ? (target[l - 1]! * u) / d : 0;
      total += target[l]!;
    }
    if (!(total > 0 && Number.isFinite(total))) return;
    for (let s = 0; s < size; s++) {
      const l = coordinate[s]!;
      if (mass[l]! > 0) pi[s] = (pi[s]! * target[l]!) / total / mass[l]!;
    }
  };
  // in-rates from the previous and the next state of the same line
  const lines = lineStarts.length - 1;
  let longest = 1;
  const fromPrev = new Float64Array(size);
  const fromNext = new Float64Array(size);
  for (let l = 0; l < lines; l++) {
    const start = lineStarts[l]!;
    const end = lineStarts[l + 1]!;
    longest = Math.max(longest, end - start);
    for (let s = start; s < end; s++) {
      for (let e = inStart[s]!; e < inStart[s + 1]!; e++) {
        const f = inFrom[e]!;
        if (f === s - 1 && f >= start) fromPrev[s]! += inRate[e]!;
        else if (f === s + 1 && f < end) fromNext[s]! += inRate[e]!;
      }
    }
  }
  const ext = new Float64Array(longest);
  const c = new Float64Array(longest);
  const d = new Float64Array(longest);
  let residual = 1;
  let previous = Number.POSITIVE_INFINITY;
  let stalled = 0;
  let aggregating = aggregations.length > 0;
  for (let sweep = 0; sweep < 20_000; sweep++) {
    if (aggregating) aggregate(aggregations[sweep % aggregations.length]!);
    for (let l = 0; l < lines; l++) {
      const start = lineStarts[l]!;
      const end = lineStarts[l + 1]!;
      const line = end - start;
      for (let j = 0; j < line; j++) {
        const s = start + j;
        let inflow = 0;
        for (let e = inStart[s]!; e < inStart[s + 1]!; e++) {
          const f = inFrom[e]!;
          if (f < start || f >= end) inflow += pi[f]! * inRate[e]!;
        }
        ext[j] = inflow;
      }
      // -fromPrev x[j-1] + out x[j] - fromNext x[j+1] = ext[j] (Thomas algorithm)
      for (let j = 0; j < line; j++) {
        const s = start + j;
        const a = j > 0 ? -fromPrev[s]! : 0;
        const diag = outRate[s]! - (j > 0 ? a * c[j - 1]! : 0);
        const sup = j < line - 1 ? -fromNext[s]! : 0;
        if (diag <= 0) {
          c[j] = 0;
          d[j] = pi[s]!;
          continue;
        }
        c[j] = sup / diag;
        d[j] = (ext[j]! - (j > 0 ? a * d[j - 1]! : 0)) / diag;
      }
      let x = d[line - 1]!;
      pi[end - 1] = x;
      for (let j = line - 2; j >= 0; j--) {
        x = d[j]! - c[j]! * x;
        pi[start + j] = x;
      }
    }
    let total = 0;
    for (let s = 0; s < size; s++) total += pi[s]!;
    for (let s = 0; s < size; s++) pi[s]! /= total;
    if (sweep % 5 === 4 || sweep < 5) {
      let worst = 0;
      let flow = 0;
      for (let s = 0; s < size; s++) {
        let inflow = 0;
        for (let e = inStart[s]!; e < inStart[s + 1]!; e++) inflow += pi[inFrom[e]!]! * inRate[e]!;
        worst += Math.abs(inflow - pi[s]! * outRate[s]!);
        flow += pi[s]! * outRate[s]!;
      }
      residual = flow > 0 ? worst / flow : 0;
      if (residual < tolerance) break;
      // Alternating aggregations can cycle: when they stop helping, plain block Gauss-Seidel
      // (convergent for an irreducible chain) finishes the job.
      if (sweep >= 5) {
        stalled = residual > 0.9 * previous ? stalled + 1 : 0;
        if (stalled >= 3) aggregating = false;
        previous = residual;
      }
    }
  }
  return { pi, residual };
}
