import { invalidArgument } from "../errors.js";
/**
 * Seeded randomness for simulations and generated example data: the same seed gives the same
 * numbers on every machine, so simulated figures and generated files are reproducible.
 *
 * @module
 */

/**
 * A small, fast, seeded 32-bit generator (mulberry32) returning numbers in (0, 1).
 *
 * @example
 * ```ts
 * const next = seededRandom(1);
 * next(); //=> 0.6270739407045767
 * ```
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/**
 * A Poisson draw with mean `mean`: Knuth's product of uniforms for means up to 50, a rounded
 * normal approximation N(mean, mean) (Box-Muller) above, where the product method slows down and
 * the approximation is within a fraction of a percent in the bulk.
 *
 * @param mean - the Poisson mean, >= 0
 * @param random - uniform numbers in (0, 1), e.g. {@link seededRandom}
 *
 * @throws {WfmError} `invalid-argument` when `random` is not valid (the message says what it must be).
 * @example
 * ```ts
 * poissonSample(0, seededRandom(1)); //=> 0
 * poissonSample(12, seededRandom(7)); //=> a whole number near 12
 * ```
 */
export function poissonSample(mean: number, random: () => number): number {
  if (typeof random !== "function") invalidArgument("poissonSample", "random", "a generator such as seededRandom(seed)", random);
  if (mean <= 0) return 0;
  if (mean > 50) {
    const u = random();
    const v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
