/**
 * Call-back offers (callbackQueue): the exact limits (take-up 0 or threshold Infinity = Erlang C /
 * Erlang A), an independent brute-force solution of the same chain (the full generator on a
 * truncated (calls, backlog) grid, solved by uniformized power iteration, and the tagged caller's
 * and call-back's waits by uniformization, written here without the module's QBD or Laplace
 * inversion), laws as fast-check properties, the requirement search, and bad input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callbackQueue, erlangA, erlangC, requiredAgentsCallback, type CallbackQueueOptions } from "../../src/queueing/index.js";
import { WfmError } from "../../src/errors.js";

const close = (got: number, want: number, tol: number, label: string) =>
  expect(Math.abs(got - want), `${label}: got ${got}, want ${want}`).toBeLessThanOrEqual(tol);

describe("callbackQueue: exact limits", () => {
  const cases = [
    { a: 30, aht: 180, n: 32 },
    { a: 8, aht: 300, n: 10, t: 30 },
    { a: 45, aht: 240, n: 44, patience: 120 },
    { a: 30, aht: 180, n: 32, patience: 90, t: 15 },
  ];
  it.each(cases)("take-up 0 and threshold Infinity are Erlang C / A ($a E on $n, patience $patience)", ({ a, aht, n, patience, t }) => {
    const common = { trafficErlangs: a, ahtSeconds: aht, agents: n, callbackDeadlineSeconds: 3600, ...(t !== undefined ? { targetAnswerSeconds: t } : {}) };
    const reference =
      patience === undefined ? erlangC({ trafficErlangs: a, ahtSeconds: aht, agents: n, targetAnswerSeconds: t ?? 20 }) : erlangA({ trafficErlangs: a, ahtSeconds: aht, agents: n, patienceSeconds: patience, targetAnswerSeconds: t ?? 20 });
    for (const limit of [{ callbackThresholdSeconds: 60, takeUpShare: 0 }, { callbackThresholdSeconds: Number.POSITIVE_INFINITY, takeUpShare: 0.7 }]) {
      const m = callbackQueue({ ...common, ...limit, ...(patience !== undefined ? { patienceSeconds: patience } : {}) });
      expect(m.offerQueueLength).toBeNull();
      close(m.serviceLevel, reference.serviceLevel, 1e-11, "service level");
      close(m.serviceLevelOfOffered, reference.serviceLevel, 1e-11, "service level of offered");
      close(m.waitProbability, reference.waitProbability, 1e-11, "wait probability");
      close(m.asaSeconds, reference.asaSeconds, 1e-9 * reference.asaSeconds + 1e-12, "ASA");
      close(m.occupancy, reference.occupancy, 1e-11, "occupancy");
      if (patience !== undefined) close(m.abandonProbability, (reference as unknown as { abandonProbability: number }).abandonProbability, 1e-11, "abandonment");
      expect(m.callbackShare).toBe(0);
      expect(m.callbacksInTimeShare).toBe(1);
      expect(m.truncatedMass).toBeLessThan(1e-15);
    }
  });

  it("threshold 0 with take-up 1: nobody queues; everyone finding the agents busy is called back", () => {
    const m = callbackQueue({ trafficErlangs: 8, ahtSeconds: 180, agents: 10, callbackThresholdSeconds: 0, takeUpShare: 1, callbackDeadlineSeconds: 1800 });
    expect(m.offerQueueLength).toBe(0);
    expect(m.asaSeconds).toBe(0);
    close(m.serviceLevel, 1, 1e-12, "kept callers are all answered at once");
    close(m.callbackShare, m.waitProbability, 1e-12, "call-back share");
    // The pool serves every call (inbound or called back): occupancy A / N.
    close(m.occupancy, 0.8, 1e-10, "occupancy");
  });

  it("K is the simulator's rule: the first queue length with (q + 1) AHT / N above the threshold", () => {
    const k = (tau: number, n: number) => callbackQueue({ trafficErlangs: 5, ahtSeconds: 180, agents: n, callbackThresholdSeconds: tau, takeUpShare: 0.5, callbackDeadlineSeconds: 600 }).offerQueueLength;
    expect(k(60, 32)).toBe(10); // 11 x 180 / 32 = 61.875 > 60; 10 x 180 / 32 = 56.25
    expect(k(45, 12)).toBe(3); // 4 x 180 / 12 = 60 > 45; 3 x 180 / 12 = 45 is not above
    expect(k(0, 7)).toBe(0);
  });

  it("traffic 0: everything answered at once", () => {
    const m = callbackQueue({ trafficErlangs: 0, ahtSeconds: 180, agents: 3, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 600 });
    expect([m.serviceLevel, m.callbackShare, m.callbacksInTimeShare, m.occupancy]).toEqual([1, 0, 1, 0]);
  });

  it("no agents: nothing answered; call-backs pile up (stable: false)", () => {
    const m = callbackQueue({ trafficErlangs: 2, ahtSeconds: 180, agents: 0, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 600, patienceSeconds: 60 });
    expect(m.serviceLevel).toBe(0);
    expect(m.callbackShare).toBe(0.4);
    close(m.abandonProbability, 0.6, 1e-15, "abandonment");
    expect(m.stable).toBe(false);
    expect(m.callbacksInTimeShare).toBe(0);
  });

  it("overload: inbound plus call-backs above N is stable: false with the limit values, never a hang or NaN", () => {
    const m = callbackQueue({ trafficErlangs: 30, ahtSeconds: 180, agents: 29, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 });
    expect(m.stable).toBe(false);
    expect(m.callbacksInTimeShare).toBe(0);
    expect(m.meanCallbackDelaySeconds).toBe(Number.POSITIVE_INFINITY);
    expect(m.serviceLevel).toBeGreaterThan(0);
    expect(m.serviceLevel).toBeLessThan(1);
    const atCapacity = callbackQueue({ trafficErlangs: 30, ahtSeconds: 180, agents: 30, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 });
    expect(atCapacity.stable).toBe(false);
  });
});

/** The same chain, solved by brute force on a truncated grid (independent of the module's method). */
function bruteForce(o: { a: number; aht: number; n: number; tau: number; p: number; deadline: number; patience?: number; t: number; Q: number; B: number }) {
  const { a, aht, n, tau, p, deadline, t, Q, B } = o;
  const mu = 1 / aht;
  const lam = a * mu;
  const theta = o.patience === undefined ? 0 : 1 / o.patience;
  let K = 0;
  while (!(((K + 1) * aht) / n > tau)) K++;
  const width = B + 1;
  const id = (k: number, b: number) => k * width + b;
  const S = (n + Q + 1) * width;
  const from: number[] = [];
  const to: number[] = [];
  const rate: number[] = [];
  const out = new Float64Array(S);
  for (let k = 0; k <= n + Q; k++) {
    for (let b = 0; b <= B; b++) {
      if (b > 0 && k < n) continue;
      const s = id(k, b);
      const add = (target: number, r: number) => {
        from.push(s);
        to.push(target);
        rate.push(r);
        out[s]! += r;
      };
      const q = k - n;
      if (k < n) add(id(k + 1, b), lam);
      else if (q >= K) {
        if (b < B) add(id(k, b + 1), lam * p);
        if (k < n + Q) add(id(k + 1, b), lam * (1 - p));
      } else if (k < n + Q) add(id(k + 1, b), lam);
      if (k > n) add(id(k - 1, b), n * mu + q * theta);
      else if (k === n && b > 0) add(id(k, b - 1), n * mu);
      else if (k > 0) add(id(k - 1, b), k * mu);
    }
  }
  let uni = 0;
  for (let s = 0; s < S; s++) uni = Math.max(uni, out[s]!);
  uni *= 1.05;
  let pi = new Float64Array(S);
  pi[0] = 1;
  for (let it = 0; it < 400_000; it++) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) next[s] = pi[s]! * (1 - out[s]! / uni);
    for (let e = 0; e < from.length; e++) next[to[e]!]! += (pi[from[e]!]! * rate[e]!) / uni;
    let diff = 0;
    for (let s = 0; s < S; s++) diff += Math.abs(next[s]! - pi[s]!);
    pi = next;
    if (diff < 1e-15) break;
  }
  let backlog = 0;
  let acceptRate = 0;
  let queue = 0;
  for (let k = 0; k <= n + Q; k++) {
    for (let b = 0; b <= B; b++) {
      const m = pi[id(k, b)]!;
      backlog += b * m;
      if (k > n) queue += (k - n) * m;
      if (k - n >= K && b < B) acceptRate += lam * p * m;
    }
  }
  // Poisson-weighted uniformization of a transient chain; `step` moves the mass one step.
  const poissonSum = (qt: number, absorbedAfter: (n: number) => number) => {
    let logW = -qt;
    let sum = 0;
    for (let i = 0; i < qt + 14 * Math.sqrt(qt) + 60; i++) {
      sum += Math.exp(logW) * absorbedAfter(i);
      logW += Math.log(qt) - Math.log(i + 1);
    }
    return sum;
  };
  // Call-back delay: state (q, j ahead), made at the (j + 1)-th agent freed at q = 0.
  const J = B + 1;
  let v = new Float64Array((Q + 1) * J);
  let tot = 0;
  for (let q = K; q <= Q; q++) {
    for (let b = 0; b < B; b++) {
      const w = lam * p * pi[id(n + q, b)]!;
      v[q * J + b] = w;
      tot += w;
    }
  }
  for (let i = 0; i < v.length; i++) v[i]! /= tot;
  const u2 = lam + n * mu + Q * theta;
  let made = 0;
  const inTime = poissonSum(u2 * deadline, () => {
    const current = made;
    const next = new Float64Array(v.length);
    for (let q = 0; q <= Q; q++) {
      for (let j = 0; j < J; j++) {
        const m = v[q * J + j]!;
        if (m === 0) continue;
        const up = q < Q ? (q >= K ? lam * (1 - p) : lam) : 0;
        const down = q >= 1 ? n * mu + q * theta : 0;
        const free = q === 0 ? n * mu : 0;
        if (up > 0) next[(q + 1) * J + j]! += (m * up) / u2;
        if (down > 0) next[(q - 1) * J + j]! += (m * down) / u2;
        if (free > 0) {
          if (j === 0) made += (m * free) / u2;
          else next[q * J + j - 1]! += (m * free) / u2;
        }
        next[q * J + j]! += m * (1 - (up + down + free) / u2);
      }
    }
    v = next;
    return current;
  });
  // Inbound caller: joins with q ahead; answered within t.
  let w = new Float64Array(Q + 1);
  let idle = 0;
  for (let k = 0; k < n; k++) idle += pi[id(k, 0)]!;
  for (let k = n; k < n + Q; k++) {
    let m = 0;
    for (let b = 0; b <= B; b++) m += pi[id(k, b)]!;
    w[k - n] = k - n >= K ? (1 - p) * m : m;
  }
  const u3 = n * mu + (Q + 2) * theta;
  let answered = 0;
  const within = poissonSum(u3 * t, () => {
    const current = answered;
    const next = new Float64Array(Q + 1);
    for (let i = 0; i <= Q; i++) {
      const m = w[i]!;
      if (m === 0) continue;
      const go = n * mu + i * theta;
      if (i === 0) answered += (m * go) / u3;
      else next[i - 1]! += (m * go) / u3;
      next[i]! += m * (1 - (go + theta) / u3);
    }
    w = next;
    return current;
  });
  return {
    callbackShare: acceptRate / lam,
    meanCallbackDelaySeconds: backlog / acceptRate,
    callbacksInTimeShare: inTime,
    serviceLevelOfOffered: idle + within,
    abandonProbability: (theta * queue) / lam,
  };
}

describe("callbackQueue against a brute-force solution of the same chain", () => {
  const cases = [
    { a: 3, aht: 100, n: 5, tau: 20, p: 0.5, deadline: 400, t: 20, Q: 24, B: 40 },
    { a: 3.5, aht: 120, n: 5, tau: 30, p: 0.7, deadline: 600, t: 10, patience: 150, Q: 24, B: 40 },
  ];
  it.each(cases)("$a E on $n agents, threshold $tau s, take-up $p, patience $patience", (c) => {
    const m = callbackQueue({
      trafficErlangs: c.a,
      ahtSeconds: c.aht,
      agents: c.n,
      callbackThresholdSeconds: c.tau,
      takeUpShare: c.p,
      callbackDeadlineSeconds: c.deadline,
      targetAnswerSeconds: c.t,
      ...(c.patience !== undefined ? { patienceSeconds: c.patience } : {}),
    });
    const b = bruteForce(c);
    close(m.callbackShare, b.callbackShare, 1e-9, "call-back share");
    close(m.meanCallbackDelaySeconds, b.meanCallbackDelaySeconds, 1e-7 * b.meanCallbackDelaySeconds, "mean call-back delay");
    close(m.callbacksInTimeShare, b.callbacksInTimeShare, 1e-8, "in-time share");
    close(m.serviceLevelOfOffered, b.serviceLevelOfOffered, 1e-9, "service level of offered");
    close(m.abandonProbability, b.abandonProbability, 1e-9, "abandonment");
  }, 30_000);
});

describe("callbackQueue: laws", () => {
  const arbitrary = fc.record({
    a: fc.double({ min: 0.5, max: 25, noNaN: true }),
    extra: fc.integer({ min: 1, max: 6 }),
    aht: fc.integer({ min: 60, max: 600 }),
    tau: fc.integer({ min: 0, max: 240 }),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
    deadline: fc.integer({ min: 300, max: 7200 }),
    patience: fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }),
  });
  const options = (x: { a: number; aht: number; tau: number; p: number; deadline: number; patience?: number | undefined }, agents: number): CallbackQueueOptions => ({
    trafficErlangs: x.a,
    ahtSeconds: x.aht,
    agents,
    callbackThresholdSeconds: x.tau,
    takeUpShare: x.p,
    callbackDeadlineSeconds: x.deadline,
    ...(x.patience !== undefined ? { patienceSeconds: x.patience } : {}),
  });

  it("every share is in [0, 1], times are non-negative, and the truncation is negligible", () => {
    fc.assert(
      fc.property(arbitrary, (x) => {
        const m = callbackQueue(options(x, Math.ceil(x.a) + x.extra));
        for (const v of [m.serviceLevel, m.serviceLevelOfOffered, m.waitProbability, m.abandonProbability, m.callbackShare, m.callbacksInTimeShare, m.occupancy]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(m.asaSeconds).toBeGreaterThanOrEqual(0);
        expect(m.meanCallbackDelaySeconds).toBeGreaterThanOrEqual(0);
        expect(m.serviceLevelOfOffered).toBeLessThanOrEqual(m.serviceLevel + 1e-15);
        expect(m.callbackShare).toBeLessThanOrEqual(x.p * m.waitProbability + 1e-12);
        if (m.stable) expect(m.truncatedMass).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("without patience every call is served: occupancy A / N", () => {
    fc.assert(
      fc.property(arbitrary, (x) => {
        const n = Math.ceil(x.a) + x.extra;
        const m = callbackQueue(options({ ...x, patience: undefined }, n));
        if (m.stable) close(m.occupancy, x.a / n, 1e-9, "occupancy");
      }),
      { numRuns: 40 },
    );
  });

  it("one more agent never lowers the service level of offered calls; with the same K it improves every figure", () => {
    // One more agent can raise K (the expected wait (q + 1) AHT / N falls), keeping in the queue
    // callers who were called back before: the kept callers' service level and the in-time share
    // (call-backs now taken only at busier moments) can then dip a little. With K unchanged they cannot.
    fc.assert(
      fc.property(arbitrary, (x) => {
        const n = Math.ceil(x.a) + x.extra;
        const m = callbackQueue(options(x, n));
        const more = callbackQueue(options(x, n + 1));
        expect(more.serviceLevelOfOffered).toBeGreaterThanOrEqual(m.serviceLevelOfOffered - 1e-9);
        if (more.offerQueueLength === m.offerQueueLength) {
          expect(more.serviceLevel).toBeGreaterThanOrEqual(m.serviceLevel - 1e-9);
          expect(more.callbacksInTimeShare).toBeGreaterThanOrEqual(m.callbacksInTimeShare - 1e-8); // the inversion's error bound
          expect(more.callbackShare).toBeLessThanOrEqual(m.callbackShare + 1e-12);
          expect(more.abandonProbability).toBeLessThanOrEqual(m.abandonProbability + 1e-12);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("a longer deadline never lowers the in-time share; a higher take-up never raises the wait of those who stay", () => {
    fc.assert(
      fc.property(arbitrary, (x) => {
        const n = Math.ceil(x.a) + x.extra;
        const m = callbackQueue(options(x, n));
        const later = callbackQueue(options({ ...x, deadline: x.deadline * 2 }, n));
        expect(later.callbacksInTimeShare).toBeGreaterThanOrEqual(m.callbacksInTimeShare - 1e-8);
        const keener = callbackQueue(options({ ...x, p: Math.min(1, x.p + 0.2) }, n));
        expect(keener.asaSeconds).toBeLessThanOrEqual(m.asaSeconds + 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe("requiredAgentsCallback", () => {
  it("the minimum N meeting the inbound service level and the in-time share; N - 1 misses one", () => {
    const r = requiredAgentsCallback({ trafficErlangs: 30, ahtSeconds: 180, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 });
    if (!r.feasible) throw new Error(r.reason);
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.metrics.callbacksInTimeShare).toBeGreaterThanOrEqual(0.95);
    const fewer = r.atOneFewer!;
    expect(fewer.serviceLevel < 0.8 || fewer.callbacksInTimeShare < 0.95 || !fewer.stable).toBe(true);
    // Call-backs take the longest waits out of the queue: never more agents than Erlang C.
    const c = erlangC({ trafficErlangs: 30, ahtSeconds: 180, agents: r.agents - 1 });
    expect(c.serviceLevel).toBeLessThan(0.8);
  });

  it("with only an in-time target the pool just has to keep up with the call-backs in time", () => {
    const r = requiredAgentsCallback({ trafficErlangs: 12, ahtSeconds: 240, patienceSeconds: 120, callbackThresholdSeconds: 30, takeUpShare: 0.6, callbackDeadlineSeconds: 1800, targetCallbacksInTimeShare: 0.9 });
    if (!r.feasible) throw new Error(r.reason);
    expect(r.metrics.callbacksInTimeShare).toBeGreaterThanOrEqual(0.9);
    expect(r.atOneFewer!.callbacksInTimeShare < 0.9 || !r.atOneFewer!.stable).toBe(true);
  });

  it("unreachable targets are feasible: false with the reason", () => {
    const base = { trafficErlangs: 10, ahtSeconds: 180, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 };
    expect(requiredAgentsCallback({ ...base, targetServiceLevel: 1 })).toEqual({ feasible: false, agents: null, reason: "an inbound service level of 100% is never reached while traffic is positive" });
    expect(requiredAgentsCallback({ ...base, targetCallbacksInTimeShare: 1 })).toEqual({ feasible: false, agents: null, reason: "100% of call-backs in time is never reached while call-backs are taken" });
  });
});

describe("callbackQueue: bad input", () => {
  const base = { trafficErlangs: 10, ahtSeconds: 180, agents: 12, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 };
  it.each([
    [{ takeUpShare: 1.2 }, "callbackQueue: takeUpShare must be a fraction from 0 to 1, got 1.2"],
    [{ callbackDeadlineSeconds: -5 }, "callbackQueue: callbackDeadlineSeconds must be a positive finite number of seconds, got -5"],
    [{ callbackThresholdSeconds: -1 }, "callbackQueue: callbackThresholdSeconds must be a number of seconds >= 0 (Infinity: never offer), got -1"],
    [{ patienceSeconds: 0 }, "callbackQueue: patienceSeconds must be a positive finite number, got 0"],
    [{ agents: 2.5 }, "callbackQueue: agents must be a whole number of at least 0, got 2.5"],
  ])("%j", (patch, message) => {
    expect(() => callbackQueue({ ...base, ...patch })).toThrow(message);
    expect(() => callbackQueue({ ...base, ...patch })).toThrow(WfmError);
  });
  it("requiredAgentsCallback needs a target", () => {
    const { agents: _agents, ...rest } = base;
    expect(() => requiredAgentsCallback(rest)).toThrow("requiredAgentsCallback: targetServiceLevel must be given, or another target (targetCallbacksInTimeShare, maxAbandonProbability, targetAsaSeconds, maxOccupancy), got undefined");
  });
});
