/**
 * Erlang A against two direct float64 computations at random inputs (fast-check, seeded), neither
 * of which uses the incomplete gamma function:
 * - the M/M/N+M birth-death chain summed term by term (P(wait), P(abandon) = theta E[queue] /
 *   lambda, ASA, occupancy): p_n / p_N = prod_{k=n+1..N} k / A below N, and
 *   p_{N+j} / p_N = prod_{k=1..j} lambda / (N mu + k theta) above;
 * - the service level by numerical integration (composite Simpson, step below 1% of the decay time) of the
 *   offered-wait density f_V(s) = p_N N mu exp(-N mu s + (lambda/theta)(1 - e^(-theta s)))
 *   (Riordan): SL = P(W = 0) + integral_0^T f_V(s) e^(-theta s) ds, and the second definition
 *   1 - e^(-theta T) integral_T^inf f_V(s) ds.
 * Inputs: A from 0.5 to 150 Erlangs, N from 1 to A + 4 sqrt(A) + 3, patience 1 s to 3,600 s,
 * AHT 30 to 600 s, T 0 to 120 s. Tolerance relative 1e-9 (absolute 1e-12).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangA } from "../../src/queueing/index.js";

const seed = Number(process.env.WFM_FC_SEED ?? 20261123);

function close(got: number, expected: number): boolean {
  return Math.abs(got - expected) <= Math.max(1e-9 * Math.abs(expected), 1e-12);
}

function simpson(f: (s: number) => number, from: number, to: number, panels: number): number {
  const h = (to - from) / panels;
  let sum = f(from) + f(to);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(from + i * h);
  return (sum * h) / 3;
}

function direct(a: number, n: number, ahtSeconds: number, patienceSeconds: number, t: number) {
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const lambda = a * mu;
  // below N, relative to p_N
  let below = 0;
  let u = 1;
  for (let k = n; k >= 1; k--) {
    u *= k / a;
    below += u;
  }
  // at and above N, relative to p_N
  // (rescaled by 1e-250 whenever the sums grow past 1e250: heavy overload with long patience)
  let pNScaled = 1;
  let queueStates = 1;
  let queueMoment = 0;
  let v = 1;
  for (let j = 1; j < 10_000_000; j++) {
    v *= lambda / (n * mu + j * theta);
    queueStates += v;
    queueMoment += j * v;
    if (queueMoment > 1e250) {
      v *= 1e-250;
      queueStates *= 1e-250;
      queueMoment *= 1e-250;
      below *= 1e-250;
      pNScaled *= 1e-250;
    }
    if (v < 1e-18 * queueStates && lambda < n * mu + j * theta) break;
  }
  const total = below + queueStates;
  const pN = pNScaled / total;
  const waitProbability = queueStates / total;
  const queue = queueMoment / total;
  const abandonProbability = (theta * queue) / lambda;
  const y = lambda / theta;
  const density = (s: number) => pN * n * mu * Math.exp(-n * mu * s + y * -Math.expm1(-theta * s));
  // Simpson's error is about (h r)^4 / 180 relative for an integrand decaying at rate r: take
  // h r <= 0.01 (under 1e-10), and stop where the integrand is below e^-50 of its start.
  const integrate = (f: (s: number) => number, rate: number) => {
    const end = Math.min(t, (y + 50) / rate);
    if (end === 0) return 0;
    const panels = 2 * Math.ceil(Math.max(2000, (rate * end) / 0.01) / 2);
    return simpson(f, 0, end, panels);
  };
  const answeredWithin = integrate((s) => density(s) * Math.exp(-theta * s), n * mu + theta);
  const offeredWaitWithin = integrate(density, n * mu);
  return {
    waitProbability,
    abandonProbability,
    asaSeconds: queue / lambda,
    occupancy: (a * (1 - abandonProbability)) / n,
    serviceLevel: 1 - waitProbability + answeredWithin,
    serviceLevelAnsweredOrAbandonedWithin: 1 - Math.exp(-theta * t) * (waitProbability - offeredWaitWithin),
  };
}

describe("Erlang A against the birth-death chain and the offered-wait density", () => {
  it("agrees at random inputs to a relative 1e-9", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 150, noNaN: true }).chain((a) =>
          fc.tuple(
            fc.constant(a),
            fc.integer({ min: 1, max: Math.ceil(a + 4 * Math.sqrt(a) + 3) }),
            fc.double({ min: 30, max: 600, noNaN: true }),
            fc.double({ min: 0, max: 3.556, noNaN: true }).map((e) => 10 ** e),
            fc.double({ min: 0, max: 120, noNaN: true }),
          ),
        ),
        ([a, n, h, p, t]) => {
          const got = erlangA({ trafficErlangs: a, ahtSeconds: h, agents: n, patienceSeconds: p, targetAnswerSeconds: t });
          const want = direct(a, n, h, p, t);
          for (const key of Object.keys(want) as (keyof typeof want)[]) {
            expect(close(got[key], want[key]), `${key}: got ${got[key]}, direct ${want[key]} (A=${a} N=${n} AHT=${h} patience=${p} T=${t})`).toBe(true);
          }
        },
      ),
      { numRuns: 200, seed },
    );
  });
});
