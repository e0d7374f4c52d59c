import { describe, expect, it } from "vitest";
import { contactRatio, contactsFromOrders, forecastVolume, spreadOrderTarget } from "../../src/forecast/index.js";

const day = 86_400_000;
const monday = Date.UTC(2026, 10, 2);

describe("driver-based forecast (hand-made data)", () => {
  // Four weeks: weekdays 100 orders and 17 calls, Saturday 50 orders and 10 calls, Sunday none.
  const history = Array.from({ length: 28 }, (_, i) => {
    const dateMs = monday + i * day;
    const w = new Date(dateMs).getUTCDay();
    return w === 0 ? { dateMs, calls: 0, orders: 0 } : w === 6 ? { dateMs, calls: 10, orders: 50 } : { dateMs, calls: 17, orders: 100 };
  });

  it("contact ratio is a ratio of sums, overall and per weekday", () => {
    const r = contactRatio({ history });
    // 4 weeks x (5 x 17 + 10) calls / 4 x (5 x 100 + 50) orders = 95 / 550
    expect(r.overall).toBeCloseTo(95 / 550, 15);
    expect(r.byWeekday[1]).toBeCloseTo(0.17, 15);
    expect(r.byWeekday[6]).toBeCloseTo(0.2, 15);
    expect(r.byWeekday[0]).toBeCloseTo(95 / 550, 15); // no orders on Sunday: the overall ratio
    expect(r.days).toBe(28);
    expect(contactRatio({ history, windowDays: 7 }).days).toBe(7);
  });

  it("spreads the target by the weekday profile of past orders", () => {
    const week = Array.from({ length: 7 }, (_, i) => monday + (28 + i) * day);
    const spread = spreadOrderTarget({ targetOrders: 1100, days: week, history });
    // weights 100 x 5, 50, 0 -> a 550 week; 1100 doubles it
    expect(spread.map((d) => d.orders)).toEqual([200, 200, 200, 200, 200, 100, 0]);
  });

  it("contacts = orders x ratio", () => {
    const r = contactRatio({ history });
    const calls = contactsFromOrders({ orders: [{ dateMs: monday, orders: 1000 }, { dateMs: monday + 5 * day, orders: 500 }], ratio: r, perWeekday: true });
    expect(calls[0]!.calls).toBeCloseTo(170, 12);
    expect(calls[1]!.calls).toBeCloseTo(100, 12);
  });

  it("forecastVolume --method driver on daily data: month total = target x ratio", () => {
    const points = history.filter((h) => new Date(h.dateMs).getUTCDay() !== 0).map((h) => ({ localMs: h.dateMs, calls: h.calls }));
    const start = monday + 28 * day;
    const r = forecastVolume({
      points,
      intervalMinutes: 1440,
      startLocalMs: start,
      endLocalMs: start + 14 * day,
      method: "driver",
      driver: { orders: history.map((h) => ({ dateMs: h.dateMs, orders: h.orders })), targetOrders: 2200, perWeekday: true },
    });
    expect(r.method).toBe("driver");
    expect(r.rows.length).toBe(12); // Sundays closed
    expect(r.rows.reduce((s, row) => s + row.calls, 0)).toBeCloseTo(10 * 200 * 0.17 + 2 * 100 * 0.2, 9);
  });

  it("rejects a negative target and a window without orders", () => {
    expect(() => spreadOrderTarget({ targetOrders: -1, days: [monday], history })).toThrow("spreadOrderTarget: targetOrders must be a non-negative finite number, got -1");
    expect(() => contactRatio({ history: [{ dateMs: 0, calls: 5, orders: 0 }] })).toThrow("contactRatio: history must be orders above zero in the window, got 0");
  });
});
