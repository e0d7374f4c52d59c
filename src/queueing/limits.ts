/**
 * Deciding a ratio against a limit: occupancy against its cap, the unmet share (1 - service
 * level) against 1 - target, abandonment and blocking against their caps.
 *
 * A planner's limit is a decimal (70%, 80/20); the metric is computed in float64, where a value
 * equal to the limit in decimal can land a few units in the last place (ulps) above it:
 * 84 calls x 180 s / 1800 s = 8.4 Erlangs on 12 agents is 0.7000000000000001 in float64, not
 * 0.7. Comparing with a bare `<=` then needs one agent too many. {@link withinLimit} accepts a
 * value above the limit by at most {@link limitTolerance} relative (8 ulps of the limit), far
 * below any difference one agent makes (at least 1 / N relative for occupancy, and the step of a
 * metric between N - 1 and N is many orders larger for the service level, abandonment and
 * blocking), so the tolerance never changes an answer except at the exact boundary.
 *
 * @module
 */

/**
 * Relative tolerance of {@link withinLimit}: 8 ulps of 1, 8 x 2^-52 ≈ 1.78e-15.
 * @defaultValue `8 * Number.EPSILON`
 */
export const limitTolerance = 8 * Number.EPSILON;

/**
 * Whether `value` is at most `limit`, allowing `value` above the limit by `limitTolerance` x
 * |limit| (a few ulps: rounding of a boundary met exactly in decimal). A zero limit is met only by
 * zero; NaN never meets a limit.
 *
 * withinLimit(v, L) = v <= L + 8 ε |L|, ε = 2^-52.
 *
 * @example
 * ```ts
 * withinLimit(8.4 / 12, 0.7); //=> true (0.7000000000000001 is one ulp above 0.7)
 * withinLimit(0.7000001, 0.7); //=> false
 * ```
 * @see Goldberg, "What every computer scientist should know about floating-point arithmetic" (1991), on ulps.
 */
export function withinLimit(value: number, limit: number): boolean {
  return value <= limit || value - limit <= limitTolerance * Math.abs(limit);
}

/**
 * Whether a service level meets its target X, decided in the unit the user gave (a fraction of
 * all calls): `serviceLevel` >= X - 8 ε. Service levels and their targets are fractions of 1, so
 * their rounding errors are ulps of 1, whatever the size of the unmet share 1 - X.
 *
 * @example
 * ```ts
 * reachesTarget(0.7999999999999999, 0.8); //=> true
 * reachesTarget(0.79999, 0.8); //=> false
 * ```
 */
export function reachesTarget(serviceLevel: number, target: number): boolean {
  return serviceLevel >= target || target - serviceLevel <= limitTolerance;
}

/**
 * {@link reachesTarget} stated on the unmet share: `unmet` = 1 - service level against
 * `unmetMax` = 1 - X, within 8 ε (ulps of 1).
 *
 * @example
 * ```ts
 * unmetWithinLimit(0.2, 1 - 0.8); //=> true (1 - 0.8 is 0.19999999999999996)
 * ```
 */
export function unmetWithinLimit(unmet: number, unmetMax: number): boolean {
  return unmet <= unmetMax || unmet - unmetMax <= limitTolerance;
}
