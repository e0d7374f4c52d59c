import { logGammaPlusOne } from "./incomplete-gamma.js";

/** Probability mass beyond which the initial distribution and the Poisson weights are cut. */
const cutMass = 1e-16;

/**
 * P(answered within T) for a caller who waits, on a birth-death chain of the callers ahead of it
 * (priority classes' result 4; Erlang X with `up` = 0)
 * (births `up`, deaths nu + a theta for a >= 1, answered at nu from a = 0, abandons at theta),
 * from the initial distribution `initial` (sums to 1 - its dropped tail). Uniformization at rate
 * q >= every state's exit rate; returns the probability and a bound on its truncation error.
 * @internal
 * @example
 * ```ts
 * // one caller ahead, nobody overtakes, nu = 1/s, no patience: P(Erlang(2, 1) <= 1) = 1 - 2/e
 * answeredWithin(0, 1, 0, new Float64Array([0, 1]), 0, 1).value; //=> 0.26424111765711...
 * ```
 */
export function answeredWithin(
  up: number,
  nu: number,
  theta: number,
  initial: Float64Array,
  droppedInitial: number,
  tSeconds: number,
  maxSteps = Number.POSITIVE_INFINITY,
): { value: number; error: number } {
  if (tSeconds === 0) return { value: 0, error: droppedInitial };
  // At most `births` arrivals of higher classes in T, except with probability below cutMass.
  const meanBirths = up * tSeconds;
  const births = up === 0 ? 0 : Math.ceil(meanBirths + 12 * Math.sqrt(meanBirths) + 40);
  const top = initial.length - 1 + births; // highest state kept
  const q = up + nu + theta * (top + 1);
  const qt = q * tSeconds;
  let p = new Float64Array(top + 1);
  p.set(initial);
  let next = new Float64Array(top + 1);
  let answered = 0;
  let lost = 0; // mass pushed past `top` (counted as an error, never as answered)
  let highest = initial.length - 1;
  // Poisson(qT) weights in log space (qT may exceed 745).
  const logQt = Math.log(qt);
  let value = 0;
  let poissonTail = 1;
  let errorFromLost = 0;
  const inverseQ = 1 / q;
  for (let n = 0; ; n++) {
    const w = Math.exp(-qt + n * logQt - logGammaPlusOne(n));
    value += w * answered;
    errorFromLost += w * lost;
    // Past the mode the Poisson tail beyond n is below w (qt / (n + 1)) / (1 - qt / (n + 2)).
    if (n + 2 > qt) {
      poissonTail = (w * (qt / (n + 1))) / (1 - qt / (n + 2));
      if (poissonTail <= cutMass) break;
    }
    if (n >= maxSteps) break;
    // one step of the uniformized chain
    next.fill(0, 0, Math.min(top, highest + 1) + 1);
    for (let a = 0; a <= highest; a++) {
      const mass = p[a]!;
      if (mass === 0) continue;
      const down = a === 0 ? 0 : nu + a * theta;
      if (a === 0) answered += mass * nu * inverseQ;
      else next[a - 1]! += mass * down * inverseQ;
      if (up > 0) {
        if (a < top) next[a + 1]! += mass * up * inverseQ;
        else lost += mass * up * inverseQ;
      }
      next[a]! += mass * (1 - (up + (a === 0 ? nu : down) + theta) * inverseQ);
    }
    if (up > 0 && highest < top) highest++;
    const swap = p;
    p = next;
    next = swap;
  }
  return { value, error: droppedInitial + errorFromLost + poissonTail };
}

