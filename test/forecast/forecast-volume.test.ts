import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastVolume } from "../../src/forecast/index.js";
import { expectedCalls, syntheticHistory } from "./synthetic.js";

const day = 86_400_000;
const hour = 3_600_000;
const start = Date.UTC(2026, 0, 4); // Sunday

describe("forecastVolume", () => {
  const history = syntheticHistory({ startMs: start, days: 20 * 7, dailyCalls: 1500, seed: 11 });
  const origin = start + 20 * 7 * day;

  it("writes one row per open interval, and auto picks by backtest", () => {
    const r = forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + 14 * day });
    expect(r.rows.length).toBe(14 * 24);
    expect(r.rows[0]!.localMs).toBe(origin);
    expect(r.backtest.origins.length).toBe(8);
    const best = [...r.backtest.methods].sort((a, b) => a.wapeOrdinaryDays - b.wapeOrdinaryDays)[0]!;
    expect(r.method).toBe(best.method);
    for (const row of r.rows) {
      expect(row.lower).toBeLessThanOrEqual(row.calls);
      expect(row.upper).toBeGreaterThanOrEqual(row.calls);
      expect(row.lower).toBeGreaterThanOrEqual(0);
    }
  });

  it("Poisson data: WAPE near the Poisson floor and interval coverage near nominal", () => {
    const r = forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + 28 * day, quantile: 0.8 });
    const chosen = r.backtest.methods.find((m) => m.method === r.method)!;
    // Poisson floor at ~70 calls an hour in the day: E|X - m| / m ~ sqrt(2 / (pi m)) ~ 10%
    expect(chosen.wape).toBeLessThan(0.14);
    expect(Math.abs(chosen.bias)).toBeLessThan(0.03);
    expect(Math.abs(r.backtest.coverageUpper - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(r.backtest.coverageBand - 0.6)).toBeLessThan(0.07);
    // and against fresh Poisson actuals from the same model
    const future = syntheticHistory({ startMs: origin, days: 28, dailyCalls: 1500, seed: 99 });
    const byMs = new Map(future.map((p) => [p.localMs, p.calls]));
    const below = r.rows.filter((row) => byMs.get(row.localMs)! <= row.upper).length / r.rows.length;
    expect(Math.abs(below - 0.8)).toBeLessThan(0.06);
  });

  it("uses nothing at or after the start (law: changing the future does not change the forecast)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 5000, noNaN: true }), (offsetHours, value) => {
        const future = { localMs: origin + offsetHours * hour, calls: value };
        const a = forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + 7 * day, method: "combined" });
        const b = forecastVolume({ points: [...history, future], intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + 7 * day, method: "combined" });
        expect(b.rows).toEqual(a.rows);
      }),
      { numRuns: 5 },
    );
  });

  it("closed hours are closed, not zero: rows only for the inferred opening hours", () => {
    const open = syntheticHistory({ startMs: start, days: 12 * 7, dailyCalls: 1500, seed: 3, openHours: [7, 21] });
    const o = start + 12 * 7 * day;
    const r = forecastVolume({ points: open, intervalMinutes: 60, startLocalMs: o, endLocalMs: o + 7 * day });
    expect(r.rows.length).toBe(5 * 14);
    for (const row of r.rows) {
      const d = new Date(row.localMs);
      expect(d.getUTCDay()).not.toBe(0);
      expect(d.getUTCDay()).not.toBe(6);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(7);
      expect(d.getUTCHours()).toBeLessThan(21);
    }
    // the open-hour forecasts carry the whole day's volume (closed hours take no share)
    const monday = r.rows.filter((row) => new Date(row.localMs).getUTCDay() === 1).reduce((s, row) => s + row.calls, 0);
    const expected = Array.from({ length: 14 }, (_, i) => expectedCalls(o + day + (7 + i) * hour, 1500)).reduce((a, b) => a + b, 0);
    expect(monday / expected).toBeGreaterThan(0.92);
    expect(monday / expected).toBeLessThan(1.08);
  });

  it("a missing day inside the opening pattern is unobserved, not zero", () => {
    const exact = syntheticHistory({ startMs: start, days: 12 * 7, dailyCalls: 1000 });
    const o = start + 12 * 7 * day;
    const lastMonday = o - 6 * day;
    const gappy = exact.filter((p) => p.localMs < lastMonday || p.localMs >= lastMonday + day);
    for (const method of ["seasonal-average", "top-down", "combined"] as const) {
      const r = forecastVolume({ points: gappy, intervalMinutes: 60, startLocalMs: o, endLocalMs: o + 7 * day, method });
      const monday = r.rows.filter((row) => new Date(row.localMs).getUTCDay() === 1);
      for (const row of monday) expect(row.calls).toBeCloseTo(expectedCalls(row.localMs, 1000), 6);
    }
  });

  it("AHT per interval-of-week from the history", () => {
    const withAht = syntheticHistory({ startMs: start, days: 6 * 7, dailyCalls: 1000, aht: true });
    const o = start + 6 * 7 * day;
    const r = forecastVolume({ points: withAht, intervalMinutes: 60, startLocalMs: o, endLocalMs: o + day });
    expect(r.rows[9]!.ahtSeconds).toBeCloseTo(300, 9);
    expect(r.rows[15]!.ahtSeconds).toBeCloseTo(360, 9);
  });

  it("special days: left out of the fit, recurring labels get their factor, closed days get no rows", () => {
    const exact = syntheticHistory({ startMs: start, days: 15 * 7, dailyCalls: 1000 });
    const holiday1 = start + 30 * day + 1 * day; // a Monday
    const holiday2 = start + 70 * day + 1 * day;
    const points = exact.map((p) => ((p.localMs >= holiday1 && p.localMs < holiday1 + day) || (p.localMs >= holiday2 && p.localMs < holiday2 + day) ? { ...p, calls: p.calls * 0.2 } : p));
    const o = start + 15 * 7 * day;
    const events = [
      { dateMs: holiday1, label: "Founders Day", kind: "holiday" as const },
      { dateMs: holiday2, label: "Founders Day", kind: "holiday" as const },
      { dateMs: o + day, label: "Founders Day", kind: "holiday" as const },
      { dateMs: o + 2 * day, label: "Inventory", kind: "closed" as const },
      { dateMs: o + 3 * day, label: "New Campaign", kind: "campaign" as const },
    ];
    const r = forecastVolume({ points, intervalMinutes: 60, startLocalMs: o, endLocalMs: o + 7 * day, method: "top-down", events });
    expect(r.specialDayFactors).toEqual([{ label: "Founders Day", factor: expect.closeTo(0.2, 9), occurrences: 2 }]);
    const mondayTotal = r.rows.filter((row) => row.localMs >= o + day && row.localMs < o + 2 * day).reduce((s, row) => s + row.calls, 0);
    expect(mondayTotal).toBeCloseTo(0.2 * 1000 * 1.2, 6);
    expect(r.rows.some((row) => row.localMs >= o + 2 * day && row.localMs < o + 3 * day)).toBe(false);
    expect(r.warnings).toEqual(['no past occurrence of "New Campaign" in the history: 2026-04-22 is forecast as an ordinary day']);
    // the other days are not pulled down by the holidays in the history
    const sunday = r.rows.filter((row) => row.localMs < o + day);
    for (const row of sunday) expect(row.calls).toBeCloseTo(expectedCalls(row.localMs, 1000), 6);
  });

  it("rejects bad options with the field named", () => {
    expect(() => forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin + hour, endLocalMs: origin + day })).toThrow(
      "forecastVolume: startLocalMs must be a local midnight",
    );
    expect(() => forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + day, quantile: 0.4 })).toThrow(
      "forecastVolume: quantile must be a probability between 0.5 and 1 (exclusive), got 0.4",
    );
    expect(() => forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: start, endLocalMs: start + day })).toThrow(
      "forecastVolume: points must be history before startLocalMs, got 0",
    );
    expect(() => forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin, endLocalMs: origin + day, method: "driver" })).toThrow(
      "forecastVolume: driver must be orders history and a target for the driver method, got undefined",
    );
  });

  it("a gap between the history and the start is bridged", () => {
    const r = forecastVolume({ points: history, intervalMinutes: 60, startLocalMs: origin + 10 * day, endLocalMs: origin + 17 * day, method: "seasonal-average" });
    expect(r.rows[0]!.localMs).toBe(origin + 10 * day);
    expect(r.rows.length).toBe(7 * 24);
  });
});
