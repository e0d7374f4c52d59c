import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildIntervalGrid,
  combineForecasts,
  dailyLevelForecast,
  detectAnomalousDays,
  holtWinters,
  holtWintersDaily,
  intradayProfiles,
  seasonalAverage,
  seasonalNaive,
  topDown,
  type FitContext,
} from "../../src/forecast/index.js";
import { expectedCalls, syntheticHistory } from "./synthetic.js";

const day = 86_400_000;
const start = Date.UTC(2026, 0, 4); // a Sunday

function contextOf(points: ReturnType<typeof syntheticHistory>): FitContext {
  const grid = buildIntervalGrid({ points, intervalMinutes: 60 });
  return { grid, excluded: new Uint8Array(grid.days) };
}

describe("seasonal naive and seasonal average", () => {
  const exact = syntheticHistory({ startMs: start, days: 8 * 7, dailyCalls: 1000 });
  const context = contextOf(exact);

  it("reproduce an exactly weekly-periodic series (law: F = the pattern)", () => {
    for (const f of [
      seasonalNaive({ context, horizonDays: 14 }),
      seasonalAverage({ context, horizonDays: 14, weeks: 4 }),
      seasonalAverage({ context, horizonDays: 14, weeks: 6, aggregation: "median" }),
      seasonalAverage({ context, horizonDays: 14, weeks: 5, aggregation: "trimmed" }),
      seasonalAverage({ context, horizonDays: 14, weeks: 3, aggregation: "weighted", decay: 0.5 }),
    ]) {
      expect(f.length).toBe(14 * 24);
      for (let i = 0; i < f.length; i++) {
        expect(f[i]).toBeCloseTo(expectedCalls(start + 56 * day + i * 3_600_000, 1000), 9);
      }
    }
  });

  it("the 4-week mean is the mean of the four same hours (hand-computed)", () => {
    // Hour 10 on the four Sundays before the origin: 1, 2, 3, 10 calls -> mean 4, median 2.5.
    const points = [] as { localMs: number; calls: number }[];
    const values = [1, 2, 3, 10];
    for (let k = 0; k < 4; k++) for (let d = 0; d < 7; d++) points.push({ localMs: start + (7 * k + d) * day + 10 * 3_600_000, calls: d === 0 ? values[k]! : 5 });
    const ctx = contextOf(points);
    expect(seasonalAverage({ context: ctx, horizonDays: 1, weeks: 4 })[10]).toBe(4);
    expect(seasonalAverage({ context: ctx, horizonDays: 1, weeks: 4, aggregation: "median" })[10]).toBe(2.5);
    // weighted, decay 0.5, newest first: (10 + 0.5*3 + 0.25*2 + 0.125*1) / 1.875
    expect(seasonalAverage({ context: ctx, horizonDays: 1, weeks: 4, aggregation: "weighted", decay: 0.5 })[10]).toBeCloseTo(12.125 / 1.875, 12);
    expect(seasonalNaive({ context: ctx, horizonDays: 1 })[10]).toBe(10);
  });

  it("rejects a bad horizon and bad weeks with the option named", () => {
    expect(() => seasonalAverage({ context, horizonDays: 0 })).toThrow("seasonalAverage: horizonDays must be a whole number of at least 1, got 0");
    expect(() => seasonalAverage({ context, horizonDays: 1, weeks: 0 })).toThrow("seasonalAverage: weeks must be a whole number of at least 1, got 0");
  });
});

describe("top-down", () => {
  it("reproduces level x weekday x intraday shape exactly", () => {
    const context = contextOf(syntheticHistory({ startMs: start, days: 10 * 7, dailyCalls: 2000 }));
    for (const f of [topDown({ context, horizonDays: 10, levelWeeks: 2 }), topDown({ context, horizonDays: 10, levelWeeks: 4, weekdayWeeks: 12 })]) {
      for (let i = 0; i < f.length; i++) expect(f[i]).toBeCloseTo(expectedCalls(start + 70 * day + i * 3_600_000, 2000), 6);
    }
  });

  it("profiles sum to 1 per weekday (law)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 12 }), (seed, weeks) => {
        const context = contextOf(syntheticHistory({ startMs: start, days: 28, dailyCalls: 500, seed }));
        for (const row of intradayProfiles({ context, weeks })) {
          const total = row.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("a day-of-month factor is learnt from a payday peak and applied on the same day of month", () => {
    // 300 days, calls 1000 a day, except the 1st of each month with 1500.
    const points = [] as { localMs: number; calls: number }[];
    for (let d = 0; d < 300; d++) {
      const ms = Date.UTC(2025, 0, 1) + d * day;
      points.push({ localMs: ms, calls: new Date(ms).getUTCDate() === 1 ? 1500 : 1000 });
    }
    const grid = buildIntervalGrid({ points, intervalMinutes: 1440 });
    const context = { grid, excluded: new Uint8Array(grid.days) };
    const without = dailyLevelForecast({ context, horizonDays: 40 });
    const withDom = dailyLevelForecast({ context, horizonDays: 40, dayOfMonthWeight: 1 });
    const firstIndex = Array.from({ length: 40 }, (_, h) => new Date(Date.UTC(2025, 0, 1) + (300 + h) * day).getUTCDate()).indexOf(1);
    // smoothed over days 31..2 of the month, so less than the raw 1.5, but clearly above 1
    expect(withDom[firstIndex]! / without[firstIndex]!).toBeGreaterThan(1.1);
    const ordinary = (firstIndex + 10) % 40;
    expect(withDom[ordinary]).toBeLessThan(without[firstIndex]! * 1.05);
  });
});

describe("holt-winters", () => {
  it("forecasts an exactly periodic daily series with its pattern (additive and multiplicative)", () => {
    const totals = Array.from({ length: 84 }, (_, t) => 1000 * [0.5, 1.2, 1.1, 1.0, 1.0, 0.9, 0.3][t % 7]!);
    for (const seasonality of ["additive", "multiplicative"] as const) {
      const r = holtWintersDaily({ totals, excluded: new Uint8Array(84), weekdayOfDay0: 0, horizonDays: 14, seasonality });
      for (let h = 0; h < 14; h++) expect(r.forecast[h]).toBeCloseTo(totals[(84 + h) % 7]!, 0);
      for (const [i, p] of r.parameters.entries()) {
        expect(p).toBeGreaterThanOrEqual([0.01, 0, 0.01, 0.8][i]!);
        expect(p).toBeLessThanOrEqual([0.6, 0.2, 0.6, 1][i]!);
      }
    }
  });

  it("follows a level shift (multi-step loss) and splits into intervals", () => {
    const points = syntheticHistory({ startMs: start, days: 70, dailyCalls: 1000 }).map((p) => (p.localMs >= start + 42 * day ? { ...p, calls: p.calls * 1.5 } : p));
    const context = contextOf(points);
    const f = holtWinters({ context, horizonDays: 7 });
    const total = f.reduce((a, b) => a + b, 0);
    // a week of the new level: 1000 x (sum of the weekday factors = 6.0) x 1.5
    expect(total / (1000 * 6 * 1.5)).toBeGreaterThan(0.95);
    expect(total / (1000 * 6 * 1.5)).toBeLessThan(1.05);
  });

  it("needs two weeks of history", () => {
    expect(() => holtWintersDaily({ totals: [1, 2, 3], excluded: [0, 0, 0], weekdayOfDay0: 0, horizonDays: 1 })).toThrow(
      "holtWintersDaily: totals must be at least 14 days of history, got 3",
    );
  });
});

describe("combinations", () => {
  it("the combination is the mean and lies between its members (law)", () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.array(fc.float({ min: 0, max: 1e4, noNaN: true }), { minLength: 20, maxLength: 20 }), (a, b0) => {
        const b = b0.slice(0, a.length);
        const c = combineForecasts([Float64Array.from(a), Float64Array.from(b)]);
        for (let i = 0; i < a.length; i++) {
          expect(c[i]).toBeGreaterThanOrEqual(Math.min(a[i]!, b[i]!) - 1e-9);
          expect(c[i]).toBeLessThanOrEqual(Math.max(a[i]!, b[i]!) + 1e-9);
        }
      }),
    );
    expect(Array.from(combineForecasts([Float64Array.from([10, 20]), Float64Array.from([20, 40])]))).toEqual([15, 30]);
  });
});

describe("anomalous days", () => {
  it("flags an injected outage and a spike, and nothing in a clean Poisson series", () => {
    const clean = syntheticHistory({ startMs: start, days: 16 * 7, dailyCalls: 1500, seed: 7 });
    expect(detectAnomalousDays({ grid: buildIntervalGrid({ points: clean, intervalMinutes: 60 }) })).toEqual([]);
    const outage = start + 50 * day;
    const spike = start + 80 * day;
    const points = clean.map((p) =>
      p.localMs >= outage && p.localMs < outage + day ? { ...p, calls: Math.round(p.calls * 0.1) } : p.localMs >= spike && p.localMs < spike + day ? { ...p, calls: p.calls * 2 } : p,
    );
    const found = detectAnomalousDays({ grid: buildIntervalGrid({ points, intervalMinutes: 60 }) });
    expect(found.map((d) => d.dateMs)).toEqual([outage, spike]);
    expect(found[0]!.zScore).toBeLessThan(-3.5);
    expect(found[1]!.zScore).toBeGreaterThan(3.5);
  });
});
