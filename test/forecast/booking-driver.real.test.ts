/**
 * Driver-based arithmetic on the daily calls + reservations file in ../shared/data (provenance
 * unverified; see its README: calls/reservation 0.150-0.196, median 0.172). Forecast February
 * 2016 from history up to 2016-01-31 with the sales target set to February's actual reservations.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { forecastAccuracy, forecastVolume } from "../../src/forecast/index.js";
import { parseOrdersCsv } from "../../src/io/orders-csv.js";
import { parseVolumeCsv } from "../../src/io/volume-csv.js";
import { sharedFile } from "../support/shared.js";

const path = sharedFile("data", "booking-calls-reservations-daily.csv");
const text = readFileSync(path, "utf8");
const calls = parseVolumeCsv(text, { file: path }).rows.map((r) => ({ localMs: r.localMs, calls: r.calls }));
const orders = parseOrdersCsv(text, { file: path });
const day = 86_400_000;
const feb = Date.UTC(2016, 1, 1);
const mar = Date.UTC(2016, 2, 1);

describe("driver-based forecast on booking calls and reservations", () => {
  const callsByDay = new Map(calls.map((c) => [c.localMs, c.calls]));
  const target = orders.filter((o) => o.dateMs >= feb && o.dateMs < mar).reduce((s, o) => s + o.orders, 0);

  it("the contact ratio lies in the README's range and the month total is target x ratio", () => {
    const r = forecastVolume({ points: calls, intervalMinutes: 1440, startLocalMs: feb, endLocalMs: mar, method: "driver", driver: { orders, targetOrders: target } });
    // Independent arithmetic: the trailing 28 days before February, anomalous days left out
    const anomalous = new Set(r.anomalies.map((a) => a.dateMs));
    const window = orders.filter((o) => o.dateMs >= feb - 28 * day && o.dateMs < feb && !anomalous.has(o.dateMs));
    const ratio = window.reduce((s, o) => s + callsByDay.get(o.dateMs)!, 0) / window.reduce((s, o) => s + o.orders, 0);
    expect(ratio).toBeGreaterThan(0.15);
    expect(ratio).toBeLessThan(0.196);
    expect(r.rows.length).toBe(29);
    expect(r.rows.reduce((s, row) => s + row.calls, 0)).toBeCloseTo(target * ratio, 6);
  });

  it("per-weekday ratios and the daily split are close to the actual calls", () => {
    const r = forecastVolume({ points: calls, intervalMinutes: 1440, startLocalMs: feb, endLocalMs: mar, method: "driver", driver: { orders, targetOrders: target, perWeekday: true } });
    const acc = forecastAccuracy({ forecast: r.rows.map((row) => row.calls), actual: r.rows.map((row) => callsByDay.get(row.localMs)!) });
    const seasonal = forecastVolume({ points: calls, intervalMinutes: 1440, startLocalMs: feb, endLocalMs: mar, method: "seasonal-average" });
    const base = forecastAccuracy({ forecast: seasonal.rows.map((row) => row.calls), actual: seasonal.rows.map((row) => callsByDay.get(row.localMs)!) });
    console.log(`February 2016 daily WAPE: driver (exact sales target) ${(100 * acc.wape).toFixed(1)}%, 4-week seasonal average ${(100 * base.wape).toFixed(1)}%`);
    expect(Math.abs(acc.bias)).toBeLessThan(0.05);
    expect(acc.wape).toBeLessThan(base.wape);
  });
});
