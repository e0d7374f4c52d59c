import { invalidArgument, requireOptions } from "../errors.js";

/**
 * Shapley values of a game with n players given by its value on every coalition: player j gets
 *
 *   phi_j = sum over S not containing j of |S|! (n - |S| - 1)! / n! x (v(S u {j}) - v(S)),
 *
 * the mean of j's marginal contribution over all n! orders in which the players can join. The
 * values add up exactly to v(all) - v(none) (efficiency), a player that never changes v gets 0
 * (dummy), and two players that play the same role get the same value (symmetry): an
 * attribution that does not depend on an arbitrary order of the factors.
 *
 * Coalitions are bit masks: bit j set means player j is in. `values` has 2^n entries.
 * Cost: O(n 2^n).
 *
 * Reference: Shapley (1953), "A value for n-person games", Contributions to the Theory of Games II;
 * for variance decomposition, Shorrocks (2013), "Decomposition procedures for distributional
 * analysis: a unified framework based on the Shapley value", J. Economic Inequality 11.
 *
 * @param options.values - v(S) for every mask S = 0 .. 2^n - 1
 * @throws {WfmError} `invalid-argument` when options is not an object, values is not an array, its
 *   length is not a power of two (1 to 2^12) or a value is not finite
 *
 * @example
 * ```ts
 * // v = x0 + 2 x1 + x0 x1 (the interaction split evenly)
 * shapleyValues({ values: [0, 1, 2, 4] }); //=> [1.5, 2.5]
 * ```
 */
export function shapleyValues(options: { readonly values: readonly number[] }): number[] {
  requireOptions("shapleyValues", options, ["values"]);
  const { values } = options;
  if (!Array.isArray(values)) invalidArgument("shapleyValues", "values", "an array of numbers", values);
  const n = Math.round(Math.log2(values.length));
  if (!(values.length >= 2 && 2 ** n === values.length && n <= 12)) invalidArgument("shapleyValues", "values", "2^n values (n = 1 to 12 players)", values.length);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) invalidArgument("shapleyValues", `values[${i}]`, "a finite number", v);
  });
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  const weight = (size: number) => (factorial[size]! * factorial[n - size - 1]!) / factorial[n]!;
  const popcount = (mask: number) => {
    let c = 0;
    for (let m = mask; m > 0; m &= m - 1) c++;
    return c;
  };
  const phi = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    const bit = 1 << j;
    for (let mask = 0; mask < values.length; mask++) {
      if ((mask & bit) !== 0) continue;
      phi[j]! += weight(popcount(mask)) * (values[mask | bit]! - values[mask]!);
    }
  }
  return phi;
}
