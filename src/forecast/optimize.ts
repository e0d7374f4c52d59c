/**
 * A small bounded optimizer: Nelder-Mead on a box, by clamping every trial point into the box.
 *
 * Standard coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5), Nelder & Mead
 * (1965), The Computer Journal 7(4). Deterministic: the start simplex steps 25% of each range.
 *
 * @module
 */
import { invalidArgument, requireOptions } from "../errors.js";

/** Result of {@link minimizeBounded}. */
export interface MinimizeResult {
  /** The best point found, inside the bounds. */
  readonly x: readonly number[];
  /** Objective at `x`. */
  readonly value: number;
  /** Objective evaluations used. */
  readonly evaluations: number;
}

/**
 * Minimises `f` over the box `lower <= x <= upper` with Nelder-Mead.
 *
 * @param options.f - the objective
 * @param options.start - starting point (clamped into the box)
 * @param options.lower - lower bounds
 * @param options.upper - upper bounds (each > its lower bound)
 * @param options.maxEvaluations - evaluation budget. @defaultValue 200
 * @param options.tolerance - stop when the simplex values differ by less. @defaultValue 1e-8
 * @throws {WfmError} `invalid-argument` when the bounds and start differ in length or are empty
 * @example
 * ```ts
 * minimizeBounded({ f: ([x]) => (x! - 2) ** 2, start: [0], lower: [0], upper: [1] }).x; //=> [1]
 * ```
 */
export function minimizeBounded(options: {
  f: (x: readonly number[]) => number;
  start: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  maxEvaluations?: number;
  tolerance?: number;
}): MinimizeResult {
  requireOptions("minimizeBounded", options, ["f", "start", "lower", "upper"]);
  const { f, start, lower, upper, maxEvaluations = 200, tolerance = 1e-8 } = options;
  const n = start.length;
  if (n === 0 || lower.length !== n || upper.length !== n) {
    invalidArgument("minimizeBounded", "start", "a non-empty point with matching lower and upper bounds", n);
  }
  for (let i = 0; i < n; i++) {
    if (!(upper[i]! > lower[i]!)) invalidArgument("minimizeBounded", `upper[${i}]`, `greater than lower[${i}] = ${lower[i]}`, upper[i]);
  }
  const clamp = (x: number[]) => x.map((v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v)));
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const x0 = clamp([...start]);
  const simplex: { x: number[]; v: number }[] = [{ x: x0, v: evaluate(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    const step = 0.25 * (upper[i]! - lower[i]!);
    x[i] = x[i]! + step <= upper[i]! ? x[i]! + step : x[i]! - step;
    const c = clamp(x);
    simplex.push({ x: c, v: evaluate(c) });
  }
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i]! += simplex[k]!.x[i]! / n;
    const along = (t: number) => clamp(centroid.map((c, i) => c + t * (worst.x[i]! - c)));
    const xr = along(-1);
    const vr = evaluate(xr);
    if (vr < best.v) {
      const xe = along(-2);
      const ve = evaluate(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const xc = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = evaluate(xc);
      if (vc < Math.min(vr, worst.v)) {
        simplex[n] = { x: xc, v: vc };
      } else {
        for (let k = 1; k <= n; k++) {
          const x = clamp(simplex[k]!.x.map((v, i) => best.x[i]! + 0.5 * (v - best.x[i]!)));
          simplex[k] = { x, v: evaluate(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
