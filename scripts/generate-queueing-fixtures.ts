/**
 * Independent high-precision reference values for the queueing engine.
 *
 * Written independently of src/queueing (it imports nothing from it): 60-significant-digit
 * decimal arithmetic (decimal.js) and direct sums, no recursion tricks, no float64.
 * - Erlang B: B(N, A) = t_N / sum_{k<=N} t_k with t_k = A^k / k! summed term by term.
 * - Erlang C: C = N B / (N - A (1 - B)), SL = 1 - C e^(-(N-A) T / AHT), ASA = C AHT / (N - A).
 * - Erlang A (M/M/N+M): the birth-death chain summed directly: p_n = A^n / n! (n <= N),
 *   p_{N+j} = p_N prod_{k=1..j} lambda / (N mu + k theta), truncated when the terms are below 1e-55
 *   of the sum; P(W > 0), P(Ab) = theta E[queue] / lambda, ASA = E[queue] / lambda, occupancy.
 *   The service levels use Riordan's offered-wait law P(V > t) = P(W>0) P(x, y e^-theta t) / P(x, y)
 *   with the regularized incomplete gamma P evaluated here by its power series in 60 digits.
 * - Required agents: exact scan over N in 60 digits (Erlang C from floor(A) + 1, Erlang B from 0 for
 *   small A and from A (1 - b) - 1 otherwise, Erlang A from floor(A x SL) - 1).
 *
 * Run: npx tsx scripts/generate-queueing-fixtures.ts > test/fixtures/queueing-high-precision.json
 * (traffic up to 10,000 Erlangs; takes under a minute). Erlang A cases whose service level is below
 * 1e-30 (deep overload) are recomputed with 500 digits, as 1 - P(Ab) - P(answered late) cancels.
 */
import { Decimal } from "decimal.js";

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpPos: 1000, toExpNeg: -1000 });
type Dec = InstanceType<typeof D>;
const ONE = new D(1);

function num(d: Dec): number {
  return Number(d.toPrecision(20));
}

/** Terms t_k = A^k / k! for k = 0..nMax and their prefix sums. */
function poissonTerms(a: Dec, nMax: number): { terms: Dec[]; sums: Dec[] } {
  const one = new (a.constructor as typeof Decimal)(1);
  const terms: Dec[] = [one];
  const sums: Dec[] = [one];
  for (let k = 1; k <= nMax; k++) {
    const t = terms[k - 1]!.times(a).div(k);
    terms.push(t);
    sums.push(sums[k - 1]!.plus(t));
  }
  return { terms, sums };
}

interface Case {
  id: string;
  model: "erlangB" | "erlangC" | "erlangA";
  inputs: Record<string, number>;
  expected: Record<string, number | boolean | null>;
}

const cases: Case[] = [];
const aht = 180;
const answer = 20;

function erlangBCD(terms: Dec[], sums: Dec[], n: number): Dec {
  return terms[n]!.div(sums[n]!);
}

function erlangCD(a: Dec, b: Dec, n: number): Dec {
  return b.times(n).div(new D(n).minus(a.times(ONE.minus(b))));
}

// ---------- Erlang B and C at fixed N, and required agents ----------
const trafficValues = [0.5, 1, 2.5, 10, 37.3, 100, 512.7, 1000, 2500, 5000, 10000];
for (const aNum of trafficValues) {
  const a = new D(aNum);
  const root = Math.sqrt(aNum);
  const nMax = Math.ceil(aNum + 12 * root + 30);
  const { terms, sums } = poissonTerms(a, nMax);
  const bLines = new Set([Math.max(0, Math.floor(aNum - 3 * root)), Math.floor(aNum), Math.ceil(aNum + root), Math.ceil(aNum + 4 * root)]);
  for (const n of bLines) {
    const b = erlangBCD(terms, sums, n);
    cases.push({
      id: `HP-B-A${aNum}-N${n}`,
      model: "erlangB",
      inputs: { trafficErlangs: aNum, lines: n },
      expected: {
        blockingProbability: num(b),
        carriedOccupancy: n === 0 ? 0 : num(a.times(ONE.minus(b)).div(n)),
      },
    });
  }
  const cAgents = new Set([Math.floor(aNum) + 1, Math.ceil(aNum + root), Math.ceil(aNum + 3 * root)]);
  for (const n of cAgents) {
    const b = erlangBCD(terms, sums, n);
    const c = erlangCD(a, b, n);
    const excess = new D(n).minus(a);
    cases.push({
      id: `HP-C-A${aNum}-N${n}`,
      model: "erlangC",
      inputs: { trafficErlangs: aNum, ahtSeconds: aht, agents: n, targetAnswerSeconds: answer },
      expected: {
        waitProbability: num(c),
        serviceLevel: num(ONE.minus(c.times(excess.neg().times(answer).div(aht).exp()))),
        asaSeconds: num(c.times(aht).div(excess)),
        averageQueueLength: num(c.times(a).div(excess)),
        occupancy: num(a.div(n)),
      },
    });
  }
  // Required agents, Erlang C 80/20 and 90/10: exact scan from floor(A) + 1.
  for (const [sl, t] of [[0.8, 20], [0.9, 10]] as const) {
    const target = new D(sl);
    let n = Math.floor(aNum) + 1;
    const slAt = (m: number): Dec => {
      const c = erlangCD(a, erlangBCD(terms, sums, m), m);
      return ONE.minus(c.times(new D(m).minus(a).neg().times(t).div(aht).exp()));
    };
    while (slAt(n).lessThan(target)) n++;
    cases.push({
      id: `HP-C-REQ-A${aNum}-${sl * 100}-${t}`,
      model: "erlangC",
      inputs: { trafficErlangs: aNum, ahtSeconds: aht, targetServiceLevel: sl, targetAnswerSeconds: t },
      expected: {
        requiredAgents: n,
        serviceLevel: num(slAt(n)),
        serviceLevelAtRequiredMinus1: n - 1 > aNum ? num(slAt(n - 1)) : 0,
      },
    });
  }
  // Required lines, Erlang B 1% and 0.1%: exact scan.
  for (const blocking of [0.01, 0.001]) {
    const limit = new D(blocking);
    let n = 0;
    while (erlangBCD(terms, sums, n).greaterThan(limit)) n++;
    cases.push({
      id: `HP-B-REQ-A${aNum}-${blocking}`,
      model: "erlangB",
      inputs: { trafficErlangs: aNum, maxBlocking: blocking },
      expected: {
        requiredLines: n,
        blockingProbability: num(erlangBCD(terms, sums, n)),
        blockingProbabilityAtRequiredMinus1: n === 0 ? 1 : num(erlangBCD(terms, sums, n - 1)),
      },
    });
  }
}

// ---------- Erlang A ----------
/** Chain tail sums for the queue states: J = sum_j u_j, K = sum_j j u_j, u_j = prod_{k<=j} y / (x + k). */
function chainTail(x: Dec, y: Dec): { j: Dec; k: Dec } {
  const D = x.constructor as typeof Decimal;
  const ONE = new D(1);
  let u = ONE;
  let j = ONE;
  let k = new D(0);
  const tiny = new D(10).pow(5 - D.precision);
  for (let i = 1; i < 5_000_000; i++) {
    u = u.times(y).div(x.plus(i));
    j = j.plus(u);
    k = k.plus(u.times(i));
    if (x.plus(i).greaterThan(y) && u.times(i + 1).lessThan(k.times(tiny)) && u.lessThan(j.times(tiny))) {
      // remaining terms decrease geometrically with ratio y / (x + i + 1): bound the tail
      const q = y.div(x.plus(i + 1));
      if (q.lessThan(0.999999)) {
        const rest = u.times(q).div(ONE.minus(q)).times(i + 1).div(ONE.minus(q));
        if (rest.lessThan(k.times(tiny))) break;
      }
    }
  }
  return { j, k };
}

interface ErlangAValues {
  waitProbability: Dec;
  abandonProbability: Dec;
  serviceLevel: Dec;
  serviceLevelAnsweredOrAbandonedWithin: Dec;
  asaSeconds: Dec;
  averageQueueLength: Dec;
  occupancy: Dec;
}

function erlangAD(aNum: number, n: number, patience: number, t: number): ErlangAValues {
  const first = erlangAAtPrecision(D, aNum, n, patience, t);
  // 1 - P(Ab) - P(answered late) cancels when the service level is tiny (deep overload): redo with
  // enough digits to resolve it (the value is then still correct to 20 digits).
  if (first.serviceLevel.abs().lessThan("1e-30") || first.serviceLevelAnsweredOrAbandonedWithin.lessThan("1e-30")) {
    return erlangAAtPrecision(Decimal.clone({ precision: 500, toExpPos: 1000, toExpNeg: -1000 }), aNum, n, patience, t);
  }
  return first;
}

function erlangAAtPrecision(D: typeof Decimal, aNum: number, n: number, patience: number, t: number): ErlangAValues {
  const ONE = new D(1);
  const ZERO = new D(0);
  const a = new D(aNum);
  const { terms, sums } = poissonTerms(a, n);
  const mu = ONE.div(aht);
  const theta = ONE.div(patience);
  const lambda = a.times(mu);
  const x = mu.times(n).div(theta);
  const y = lambda.div(theta);
  const below = n === 0 ? ZERO : sums[n - 1]!; // sum_{k<N} A^k / k!
  const top = terms[n]!;
  const tail = chainTail(x, y);
  const total = below.plus(top.times(tail.j));
  const waitProbability = top.times(tail.j).div(total);
  const queue = top.times(tail.k).div(total); // E[number waiting]
  const abandonProbability = theta.times(queue).div(lambda);
  // Riordan: P(V > t) = P(W > 0) P(x, y') / P(x, y) with y' = y e^(-theta t); P(x, z) = D(x, z) J(x, z).
  const y2 = y.times(theta.times(t).neg().exp());
  const tail2 = chainTail(x, y2);
  // D(x, y') / D(x, y) = (y'/y)^x e^(y - y') = e^(-x theta t + y - y').
  const dRatio = x.times(theta).times(t).neg().plus(y).minus(y2).exp();
  const ratio = dRatio.times(tail2.j).div(tail.j);
  const offeredBeyond = waitProbability.times(ratio);
  const answeredLate = waitProbability.times(new D(n).div(a)).times(tail2.j.minus(1).div(tail2.j)).times(ratio);
  return {
    waitProbability,
    abandonProbability,
    serviceLevel: ONE.minus(abandonProbability).minus(answeredLate),
    serviceLevelAnsweredOrAbandonedWithin: ONE.minus(offeredBeyond.times(theta.times(t).neg().exp())),
    asaSeconds: queue.div(lambda),
    averageQueueLength: queue,
    occupancy: a.times(ONE.minus(abandonProbability)).div(n),
  };
}

const patienceValues = [0.001, 1, 30, 300, 3600, 1e6, 1e9];
for (const aNum of [0.5, 10, 66.7, 250, 1000]) {
  const root = Math.sqrt(aNum);
  for (const patience of patienceValues) {
    const agents = new Set([Math.max(1, Math.floor(0.8 * aNum)), Math.floor(aNum) + 1, Math.ceil(aNum + 2 * root)]);
    for (const n of agents) {
      // Skip N < A with huge patience: the chain then has (A - N) patience / AHT growing terms.
      if (n < aNum && ((aNum - n) * patience) / aht > 20_000) continue;
      if (((n + aNum) * patience) / aht > 1e13) continue;
      const v = erlangAD(aNum, n, patience, answer);
      cases.push({
        id: `HP-A-A${aNum}-N${n}-P${patience}`,
        model: "erlangA",
        inputs: { trafficErlangs: aNum, ahtSeconds: aht, agents: n, patienceSeconds: patience, targetAnswerSeconds: answer },
        expected: {
          waitProbability: num(v.waitProbability),
          abandonProbability: num(v.abandonProbability),
          serviceLevelAnsweredWithinOverOffered: num(v.serviceLevel),
          serviceLevelAnsweredOrAbandonedWithin: num(v.serviceLevelAnsweredOrAbandonedWithin),
          asaSeconds: num(v.asaSeconds),
          averageQueueLength: num(v.averageQueueLength),
          occupancy: num(v.occupancy),
        },
      });
    }
  }
}

// Required agents, Erlang A 80/20: exact scan upward from floor(0.8 A) - 1 (SL <= N / A below it).
for (const aNum of [10, 100, 1000]) {
  for (const patience of [10, 300]) {
    const target = new D(0.8);
    let n = Math.max(1, Math.floor(0.8 * aNum) - 1);
    while (erlangAD(aNum, n, patience, answer).serviceLevel.lessThan(target)) n++;
    cases.push({
      id: `HP-A-REQ-A${aNum}-P${patience}-80-20`,
      model: "erlangA",
      inputs: { trafficErlangs: aNum, ahtSeconds: aht, patienceSeconds: patience, targetServiceLevel: 0.8, targetAnswerSeconds: answer },
      expected: {
        requiredAgents: n,
        serviceLevelAnsweredWithinOverOffered: num(erlangAD(aNum, n, patience, answer).serviceLevel),
        serviceLevelAtRequiredMinus1: num(erlangAD(aNum, n - 1, patience, answer).serviceLevel),
      },
    });
  }
}

const output = {
  provenance:
    "Generated by scripts/generate-queueing-fixtures.ts (decimal.js, 60 significant digits, direct sums; independent of src/queueing). Values are rounded to 20 significant digits. Regenerate with: npx tsx scripts/generate-queueing-fixtures.ts > test/fixtures/queueing-high-precision.json",
  precisionDigits: 60,
  cases,
};
process.stdout.write(`${JSON.stringify(output, null, 1)}\n`);
