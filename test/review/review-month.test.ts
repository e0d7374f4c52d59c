import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { reviewMonth, type AttributionRow } from "../../src/review/review-month.js";
import type { ReviewPlan } from "../../src/review/types.js";
import { dayMs, planPatienceSeconds, start, syntheticActuals, syntheticPlan, voiceAt, type Truth } from "./synthetic.js";

const factors = ["volume", "handleTime", "staffing", "shrinkage"] as const;

/**
 * The month's voice service level at each coalition of actual factors, computed here from the
 * plan and the actuals with Erlang A directly (independently of src/review).
 */
function coalitionValues(plan: ReviewPlan, actual: ReturnType<typeof syntheticActuals>): number[] {
  const floorOf = new Map((plan.schedule?.coverage ?? []).map((c) => [c.localMs, c.scheduled]));
  const values: number[] = [];
  for (let mask = 0; mask < 16; mask++) {
    let calls = 0;
    let within = 0;
    for (const p of plan.intervals.filter((i) => i.channel === "voice")) {
      const a = actual.find((r) => r.localMs === p.localMs && r.channel === "voice")!;
      const floor = floorOf.get(p.localMs) ?? p.scheduledAgents;
      const c = mask & 1 ? a.offered : p.calls;
      const aht = mask & 2 ? a.handleSeconds! / a.answered! : p.ahtSeconds;
      const heads = mask & 4 ? floor : p.scheduledAgents;
      const avail = mask & 8 ? a.staffedSeconds! / 3600 / floor : 1 - p.shrinkage;
      calls += c;
      within += c * voiceAt(c, aht, heads * avail, planPatienceSeconds).sl;
    }
    values.push(within / calls);
  }
  return values;
}

/** Shapley values by averaging marginal contributions over all 24 orders of the 4 factors. */
function shapleyByOrders(values: readonly number[]): number[] {
  const orders: number[][] = [];
  const permute = (rest: number[], acc: number[]) => {
    if (rest.length === 0) orders.push(acc);
    rest.forEach((x, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
  };
  permute([0, 1, 2, 3], []);
  const phi = [0, 0, 0, 0];
  for (const order of orders) {
    let mask = 0;
    for (const j of order) {
      phi[j]! += (values[mask | (1 << j)]! - values[mask]!) / orders.length;
      mask |= 1 << j;
    }
  }
  return phi;
}

const voiceMonth = (rows: readonly AttributionRow[]) => rows.find((r) => r.channel === "voice" && r.period === "2026-12")!;

describe("reviewMonth: attribution on a synthetic month with known truth", () => {
  const truth: Truth = { volumeFactor: 1.15, ahtFactor: 1.1, shrinkageDelta: 0.06, poisson: true };
  const plan = syntheticPlan({ withSchedule: true, scheduleDelta: -1 });
  const actual = syntheticActuals(plan, truth);
  const review = reviewMonth({ plan, actual: { intervals: actual } });
  const row = voiceMonth(review.attribution!.month);

  it("adds the four components up to the modelled change exactly, and the model error is zero", () => {
    const sum = row.volume + row.handleTime + row.staffing + row.shrinkage;
    expect(Math.abs(row.planned + sum - row.modelled)).toBeLessThan(1e-12);
    // The actuals were generated from the same model: nothing is left unexplained.
    expect(Math.abs(row.modelError!)).toBeLessThan(1e-9);
    expect(Math.abs(row.achieved! - row.modelled)).toBeLessThan(1e-9);
  });

  it("finds every planted cause with the right sign", () => {
    expect(row.volume).toBeLessThan(-0.01); // 15% more contacts
    expect(row.handleTime).toBeLessThan(-0.01); // 10% longer AHT
    expect(row.staffing).toBeLessThan(-0.001); // the schedule one agent short 09-17
    expect(row.shrinkage).toBeLessThan(-0.01); // 6 points more shrinkage
  });

  it("sizes each cause as the Shapley value computed independently from Erlang A", () => {
    const values = coalitionValues(plan, actual);
    expect(row.planned).toBeCloseTo(values[0]!, 10);
    expect(row.modelled).toBeCloseTo(values[15]!, 10);
    const phi = shapleyByOrders(values);
    factors.forEach((f, j) => expect(row[f], f).toBeCloseTo(phi[j]!, 10));
    // and each lies between the smallest and largest effect of adding that factor alone
    factors.forEach((f, j) => {
      const effects = [];
      for (let mask = 0; mask < 16; mask++) if (!(mask & (1 << j))) effects.push(values[mask | (1 << j)]! - values[mask]!);
      expect(row[f]).toBeGreaterThanOrEqual(Math.min(...effects) - 1e-12);
      expect(row[f]).toBeLessThanOrEqual(Math.max(...effects) + 1e-12);
    });
  });

  it.each([
    ["volume", { volumeFactor: 1.2 }],
    ["handleTime", { ahtFactor: 1.15 }],
    ["shrinkage", { shrinkageDelta: 0.08 }],
  ] as const)("gives a single planted cause (%s) its whole one-at-a-time effect and the others 0", (factor, single) => {
    const p = syntheticPlan();
    const a = syntheticActuals(p, single);
    const r = voiceMonth(reviewMonth({ plan: p, actual: { intervals: a } }).attribution!.month);
    const values = coalitionValues(p, a);
    const j = factors.indexOf(factor);
    expect(r[factor]).toBeCloseTo(values[1 << j]! - values[0]!, 12);
    for (const other of factors) if (other !== factor) expect(Math.abs(r[other])).toBeLessThan(1e-12);
  });

  it("has the calibration the truth implies: AHT, shrinkage, volume", () => {
    const voice = review.calibration.channels.find((c) => c.channel === "voice")!;
    expect(voice.ahtSeconds).toBeCloseTo(240 * 1.1, 9);
    // staffed = floor x (1 - 0.2 - 0.06): shrinkage 26% of the floor time
    expect(voice.shrinkage).toBeCloseTo(0.26, 9);
    expect(voice.plannedShrinkage).toBeCloseTo(0.2, 12);
    const offered = actual.reduce((s, r) => s + r.offered, 0);
    const forecast = plan.intervals.reduce((s, i) => s + i.forecastCalls, 0);
    expect(voice.volumeFactor).toBeCloseTo(offered / forecast, 12);
    expect(voice.serviceLevelModelError).toBeCloseTo(0, 9);
  });
});

describe("reviewMonth: patience implied by abandonment", () => {
  it.each([60, 200])("recovers a true mean patience of %d s that the plan did not know", (patience) => {
    const plan = syntheticPlan();
    const actual = syntheticActuals(plan, { volumeFactor: 1.25, patienceSeconds: patience });
    const voice = reviewMonth({ plan, actual: { intervals: actual } }).calibration.channels[0]!;
    expect(voice.patienceSeconds! / patience - 1).toBeLessThan(1e-6);
    expect(1 - voice.patienceSeconds! / patience).toBeLessThan(1e-6);
  });
});

describe("reviewMonth: forecast accuracy", () => {
  const plan = syntheticPlan({ chat: true });
  const actual = syntheticActuals(plan, { volumeFactor: 1.1, poisson: true });
  const review = reviewMonth({ plan, actual: { intervals: actual } });

  /** WAPE, bias and band coverage by plain loops over the same rows. */
  function independent(channel: string, keep: (localMs: number) => boolean) {
    let abs = 0;
    let signed = 0;
    let total = 0;
    let inside = 0;
    let n = 0;
    for (const p of plan.intervals) {
      if (p.channel !== channel || !keep(p.localMs)) continue;
      const a = actual.find((r) => r.localMs === p.localMs && r.channel === channel)!.offered;
      abs += Math.abs(p.forecastCalls - a);
      signed += p.forecastCalls - a;
      total += a;
      if (a >= p.lowerCalls && a <= p.upperCalls) inside++;
      n++;
    }
    return { wape: abs / total, bias: signed / total, bandCoverage: inside / n };
  }

  it("equals an independent computation for the month, a day and an hour of day", () => {
    for (const channel of ["voice", "chat"]) {
      const month = review.forecastAccuracy.month.find((r) => r.channel === channel)!;
      const want = independent(channel, () => true);
      expect(month.wape).toBeCloseTo(want.wape, 12);
      expect(month.bias).toBeCloseTo(want.bias, 12);
      expect(month.bandCoverage).toBeCloseTo(want.bandCoverage, 12);
      const day = review.forecastAccuracy.days.find((r) => r.channel === channel && r.period === "2026-12-03")!;
      const wantDay = independent(channel, (ms) => ms >= start + 2 * dayMs && ms < start + 3 * dayMs);
      expect(day.wape).toBeCloseTo(wantDay.wape, 12);
      const hour = review.forecastAccuracy.hours.find((r) => r.channel === channel && r.period === "14:00")!;
      const wantHour = independent(channel, (ms) => new Date(ms).getUTCHours() === 14);
      expect(hour.bias).toBeCloseTo(wantHour.bias, 12);
      expect(hour.bandCoverage).toBeCloseTo(wantHour.bandCoverage, 12);
    }
  });

  it("labels the worst days with the special-days file", () => {
    const plan2 = syntheticPlan();
    const actual2 = syntheticActuals(plan2).map((r) => (r.localMs >= start + 4 * dayMs && r.localMs < start + 5 * dayMs ? { ...r, offered: r.offered * 2 } : r));
    const r = reviewMonth({ plan: plan2, actual: { intervals: actual2 }, events: [{ dateMs: start + 4 * dayMs, label: "Flash sale", kind: "campaign" }] });
    expect(r.forecastAccuracy.worstDays[0]).toMatchObject({ date: "2026-12-05", label: "Flash sale" });
  });
});

describe("reviewMonth: missing columns and mismatched inputs", () => {
  const plan = syntheticPlan();
  const actual = syntheticActuals(plan, { volumeFactor: 1.1, shrinkageDelta: 0.05 });

  it("without staffedSeconds holds shrinkage at plan (component 0) and says so", () => {
    const rows = actual.map(({ staffedSeconds: _s, ...r }) => r);
    const review = reviewMonth({ plan, actual: { intervals: rows } });
    const row = voiceMonth(review.attribution!.month);
    expect(row.shrinkage).toBe(0);
    expect(review.calibration.channels[0]!.shrinkage).toBeNull();
    expect(review.notes.some((n) => n.includes("staffedSeconds"))).toBe(true);
  });

  it("without answeredWithinTarget has no achieved service level and no model error", () => {
    const rows = actual.map(({ answeredWithinTarget: _w, ...r }) => r);
    const review = reviewMonth({ plan, actual: { intervals: rows } });
    expect(voiceMonth(review.attribution!.month)).toMatchObject({ achieved: null, modelError: null });
    expect(review.targets[0]!.serviceLevel.achieved).toBeNull();
    expect(review.notes.some((n) => n.includes("answeredWithinTarget"))).toBe(true);
  });

  it("refuses a report of another month, naming both months", () => {
    const shifted = actual.map((r) => ({ ...r, localMs: r.localMs - 61 * dayMs }));
    expect(() => reviewMonth({ plan, actual: { intervals: shifted }, names: { plan: "the plan p/", actual: "a.csv" } })).toThrow(
      "a.csv covers 2026-10 but the plan p/ is for 2026-12 (2026-12-01 to 2026-12-15); review a month with the plan made for it",
    );
  });

  it("refuses a report with other channels", () => {
    const other = actual.map((r) => ({ ...r, channel: "sales" }));
    let error: unknown;
    try {
      reviewMonth({ plan, actual: { intervals: other } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WfmError);
    expect((error as WfmError).message).toBe("the report has channels sales but the plan has voice (not planned: sales) (no actuals: voice)");
  });
});

describe("reviewMonth: laws of the attribution", () => {
  const plan = syntheticPlan({ days: 1, withSchedule: true, scheduleDelta: 1 });
  const factor = fc.double({ min: 0.7, max: 1.4, noNaN: true });

  it("adds up exactly, keeps service levels in [0, 1], and gives more contacts, longer AHT or more shrinkage a component <= 0", () => {
    fc.assert(
      fc.property(factor, factor, fc.double({ min: -0.1, max: 0.15, noNaN: true }), (volumeFactor, ahtFactor, shrinkageDelta) => {
        const actual = syntheticActuals(plan, { volumeFactor, ahtFactor, shrinkageDelta });
        for (const row of reviewMonth({ plan, actual: { intervals: actual } }).attribution!.hours) {
          expect(Math.abs(row.planned + row.volume + row.handleTime + row.staffing + row.shrinkage - row.modelled)).toBeLessThan(1e-12);
          for (const v of [row.planned, row.modelled]) expect(v >= 0 && v <= 1).toBe(true);
          if (volumeFactor >= 1) expect(row.volume).toBeLessThanOrEqual(1e-12);
          if (ahtFactor >= 1) expect(row.handleTime).toBeLessThanOrEqual(1e-12);
          if (shrinkageDelta >= 0) expect(row.shrinkage).toBeLessThanOrEqual(1e-12);
          // one more agent on the floor in the schedule than planned never hurts
          expect(row.staffing).toBeGreaterThanOrEqual(-1e-12);
        }
      }),
      { numRuns: 25 },
    );
  });
});
