/**
 * The inverse Erlang B recursion, the numerical core of Erlang B and Erlang C.
 *
 * r(0) = 1, r(k) = 1 + r(k - 1) k / A, and B(N, A) = 1 / r(N): no factorials, no powers, no overflow
 * until B is below 1e-308. Starting the recursion at s = max(0, floor(min(N, A) - 10 sqrt(A)))
 * with r(s) = 1 instead of its true value changes r(N) by a relative amount below e^-50: the error
 * of the seed is multiplied by the product of k / A for k = s+1..N, which is below
 * exp(-(10 sqrt A)^2 / (2 A)) = e^-50 relative to r(N). So r(N) costs O(sqrt A + |N - A|) steps.
 *
 * Reference: Jagerman, "Some properties of the Erlang loss function", Bell System Technical
 * Journal 53 (1974) 525-551.
 *
 * @module
 */

/**
 * Index s where the recursion may start with r(s) = 1 without changing r(N) in float64:
 * s = max(0, floor(min(N, A) - 10 sqrt(A))).
 * @internal
 * @example
 * ```ts
 * recursionSeed(1011, 1000); //=> 683
 * recursionSeed(12, 10); //=> 0
 * ```
 */
export function recursionSeed(agents: number, trafficErlangs: number): number {
  return Math.max(0, Math.floor(Math.min(agents, trafficErlangs) - 10 * Math.sqrt(trafficErlangs)));
}

/**
 * Advances the recursion from r(from) to r(to) (to >= from). Four steps at a time:
 * r(k+4) = 1 + f4 + f3 f4 + f2 f3 f4 + f1 f2 f3 f4 r(k) with f_i = (k + i) / A, which leaves one
 * multiply-add per four steps on the dependency chain (all terms positive, so no cancellation).
 */
export function advanceInverseErlangB(r: number, from: number, to: number, inverseA: number): number {
  let k = from;
  let value = r;
  while (k + 4 <= to && value !== Number.POSITIVE_INFINITY) {
    const f1 = (k + 1) * inverseA;
    const f2 = (k + 2) * inverseA;
    const f3 = (k + 3) * inverseA;
    const f4 = (k + 4) * inverseA;
    const p34 = f3 * f4;
    const p234 = f2 * p34;
    value = 1 + f4 + p34 + p234 + f1 * p234 * value;
    k += 4;
  }
  while (k < to && value !== Number.POSITIVE_INFINITY) {
    k++;
    value = 1 + value * k * inverseA;
  }
  return value;
}

/**
 * r(N) = 1 / B(N, A) for A > 0, together with r(N - 1) (r(-1) is reported as 0).
 * Infinity once B underflows.
 * @internal
 * @example
 * ```ts
 * 1 / inverseErlangB(17, 10).r; //=> 0.012948875224726... (B(17, 10))
 * ```
 */
export function inverseErlangB(agents: number, trafficErlangs: number): { readonly r: number; readonly rPrevious: number } {
  if (agents === 0) return { r: 1, rPrevious: 0 };
  const inverseA = 1 / trafficErlangs;
  const seed = recursionSeed(agents, trafficErlangs);
  const rPrevious = advanceInverseErlangB(1, seed, agents - 1, inverseA);
  return { r: rPrevious === Number.POSITIVE_INFINITY ? rPrevious : 1 + rPrevious * agents * inverseA, rPrevious };
}
