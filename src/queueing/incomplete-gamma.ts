/**
 * The regularized incomplete gamma function in the scaled form Erlang A needs.
 *
 * For x > 0, y >= 0 let D(x, y) = y^x e^-y / Gamma(x + 1) and P(x, y) the regularized lower
 * incomplete gamma function. The Erlang A queue needs
 *
 *   J(x, y) = P(x, y) / D(x, y) = 1 + sum_{j>=1} y^j / ((x+1)(x+2)...(x+j))   (Kummer's 1F1(1; x+1; y)),
 *
 * which is the sum over the queue states of the M/M/N+M chain relative to the state "all N agents
 * busy, nobody waiting", with x = N mu / theta and y = lambda / theta. J is computed as
 * - Gautschi's continued fraction for the lower function when y < x + 1 (modified Lentz); the
 *   probability of abandoning after waiting, (rho - 1 + 1/J) / rho with rho = y / x, cancels when the
 *   patience is long (J close to 1 / (1 - rho)), so there the first moment sum_j j t_j of the
 *   series (all terms positive) is summed instead;
 * - Legendre's continued fraction for the upper function Q(x, y) when y >= x + 1 (modified Lentz),
 *   with P = 1 - Q and D evaluated through the Stirling error and log(1 + t) - t, so that
 *   e^y y^-x Gamma(x + 1) is accurate even when x and y are 1e10 (no lgamma cancellation).
 *
 * References: DiDonato & Morris, "Computation of the incomplete gamma function ratios and their
 * inverse", ACM TOMS 12 (1986) 377-393 (scaled exponential factor); Temme, "Special functions"
 * (1996) ch. 11; Press et al., Numerical Recipes, 3rd ed., section 6.2 (series and continued fraction).
 *
 * @module
 */

const halfLogTwoPi = 0.5 * Math.log(2 * Math.PI);
const epsilon = 1e-17;
const maxTerms = 50_000_000;

/**
 * log(1 + t) - t, accurate for small |t| (series in u = t / (2 + t) for |t| < 0.5).
 * @internal
 * @example
 * ```ts
 * log1pMinusX(1e-8); //=> -4.999999966666668e-17 (log1p(1e-8) - 1e-8 gives -4.9999999188757955e-17)
 * ```
 */
export function log1pMinusX(t: number): number {
  if (Math.abs(t) >= 0.5) return Math.log1p(t) - t;
  // log(1+t) = 2 atanh(u) = 2 (u + u^3/3 + u^5/5 + ...), t = 2u / (1 - u), so
  // log(1+t) - t = 2 (u^3/3 + u^5/5 + ...) - 2 u^2 / (1 - u).
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let sum = 0;
  for (let k = 3; k < 200; k += 2) {
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= 1e-18 * Math.abs(sum)) break;
    power *= u2;
  }
  return 2 * sum - (2 * u2) / (1 - u);
}

/** Stirling series error: ln Gamma(x + 1) - ((x + 0.5) ln x - x + ln sqrt(2 pi)), for x >= 10. */
function stirlingSeries(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / x) *
    (1 / 12 +
      x2 * (-1 / 360 + x2 * (1 / 1260 + x2 * (-1 / 1680 + x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 * (1 / 156)))))))
  );
}

/**
 * ln Gamma(x + 1) for x >= 0: Stirling series from x = 10 on, shifted by the recurrence below.
 * Absolute error a few 1e-15 below 10, relative 1e-15 above.
 * @internal
 * @example
 * ```ts
 * logGammaPlusOne(5); //=> 4.7874917427820485 (ln 120 = 4.787491742782046)
 * ```
 */
export function logGammaPlusOne(x: number): number {
  if (x >= 10) return (x + 0.5) * Math.log(x) - x + halfLogTwoPi + stirlingSeries(x);
  // ln Gamma(x + 1) = ln Gamma(x + 1 + n) - ln((x+1)(x+2)...(x+n)) with x + n >= 10.
  let product = 1;
  let z = x;
  while (z < 10) {
    z += 1;
    product *= z;
  }
  return logGammaPlusOne(z) - Math.log(product);
}

/**
 * ln D(x, y) = x ln y - y - ln Gamma(x + 1) without the cancellation of its large terms:
 * for x >= 10 it is x (log(1 + t) - t) - ln sqrt(2 pi x) - stirling(x) with t = (y - x) / x.
 * @internal
 * @example
 * ```ts
 * Math.exp(logPoissonFactor(3, 2)); //=> 0.180447044315483 (2^3 e^-2 / 3! = 0.1804470443154836)
 * ```
 */
export function logPoissonFactor(x: number, y: number): number {
  if (y === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (x < 10) return x * Math.log(y) - y - logGammaPlusOne(x);
  return x * log1pMinusX((y - x) / x) - halfLogTwoPi - 0.5 * Math.log(x) - stirlingSeries(x);
}

/** The scaled incomplete gamma quantities Erlang A uses. */
export interface KummerRatio {
  /** ln J(x, y). */
  readonly logJ: number;
  /** 1 / J(x, y), in (0, 1]. */
  readonly inverseJ: number;
  /** (J - 1) / J, without cancellation. */
  readonly tailShare: number;
  /** (sum_j j t_j) / (y J): the probability that a caller who has to wait abandons, P(Ab | W). */
  readonly abandonGivenWait: number;
  /** 1 - P(Ab | W) without cancellation: (1 - 1/J) x / y, or 1 - the moment form when that is used. */
  readonly answerGivenWait: number;
  /** Q(x, y), the regularized upper incomplete gamma function, when y >= x + 1 (NaN otherwise). */
  readonly upper: number;
}

/**
 * J(x, y) = 1F1(1; x + 1; y) and the quantities derived from it (x > 0, y >= 0).
 *
 * @example
 * ```ts
 * kummerRatio(1, 0).inverseJ; //=> 1
 * ```
 */
export function kummerRatio(x: number, y: number): KummerRatio {
  if (y === 0) return { logJ: 0, inverseJ: 1, tailShare: 0, abandonGivenWait: 1 / (x + 1), answerGivenWait: x / (x + 1), upper: Number.NaN };
  if (y < x + 1) {
    const j = lowerFraction(x, y);
    const inverseJ = 1 / j;
    const rho = y / x;
    // P(Ab | W) = (rho - 1 + 1/J) / rho; when rho < 1 and J is close to 1 / (1 - rho) (long patience)
    // this cancels, so sum the first moment of the series instead (all terms positive).
    const g = rho - 1 + inverseJ;
    const direct = g >= 1e-2 * inverseJ;
    const abandonGivenWait = direct ? g / rho : seriesMoment(x, y) / (y * j);
    const answerGivenWait = direct ? (1 - inverseJ) / rho : 1 - abandonGivenWait;
    return { logJ: Math.log(j), inverseJ, tailShare: 1 - inverseJ, abandonGivenWait, answerGivenWait, upper: Number.NaN };
  }
  const logD = logPoissonFactor(x, y);
  const d0 = Math.exp(logD);
  const q = x * upperFraction(x, y) * d0; // Q(x, y)
  const p = 1 - q;
  const logJ = Math.log1p(-q) - logD;
  const inverseJ = d0 / p;
  const rho = y / x;
  const answerGivenWait = (1 - inverseJ) / rho;
  return { logJ, inverseJ, tailShare: 1 - inverseJ, abandonGivenWait: 1 - answerGivenWait, answerGivenWait, upper: q };
}

/**
 * Q(a, z), the regularized upper incomplete gamma function, for z >= a + 1 (a > 0).
 *
 * @example
 * ```ts
 * upperGamma(1, 2); //=> 0.13533528323661245 (e^-2 = 0.1353352832366127)
 * ```
 */
export function upperGamma(a: number, z: number): number {
  return a * upperFraction(a, z) * Math.exp(logPoissonFactor(a, z));
}

/**
 * Legendre's continued fraction F(a, z) = Gamma(a, z) e^z z^-a (a > 0), modified Lentz; converges
 * fast for z >= a + 1.
 * @internal
 * @example
 * ```ts
 * upperFraction(1, 2); //=> 0.5 (Gamma(1, 2) = e^-2)
 * ```
 */
export function upperFraction(a: number, z: number): number {
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxTerms; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 1e-16) break;
  }
  return h;
}

/**
 * J(x, y) for y < x + 1 by the continued fraction of the lower incomplete gamma function
 * (Gautschi; DLMF 8.9.2): J = x / (x - x y / (x+1 + y / (x+2 - (x+1) y / (x+3 + 2 y / (x+4 - ...))))),
 * evaluated by the modified Lentz method. Near y = x it needs about a third of the terms of the
 * power series (e.g. 136 instead of 354 at x = y = 1667).
 */
function lowerFraction(x: number, y: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < maxTerms; n++) {
    const k = n >> 1;
    const a = n === 1 ? -x * y : (n & 1) === 0 ? k * y : -(x + k) * y;
    const b = x + n;
    d = b + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= 1e-16) break;
  }
  return x / f;
}

/** sum_{j>=1} j t_j with t_j = prod_{k<=j} y / (x + k), for y < x + 1 (positive terms, geometric tail). */
function seriesMoment(x: number, y: number): number {
  let term = 1;
  let moment = 0;
  for (let j = 1; j < maxTerms; j++) {
    term *= y / (x + j);
    moment += j * term;
    if (term === 0) break;
    if (j * term <= epsilon * moment) {
      const q = y / (x + j + 1);
      if (q < 1 && term * q * ((j + 1) / (1 - q) + 1 / ((1 - q) * (1 - q))) <= epsilon * moment) break;
    }
  }
  return moment;
}

