import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiReport, type KpiInterval } from "../../src/cost/kpi.js";
import { WfmError } from "../../src/errors.js";

const at = (month: number, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour);

// A hand-made month: October 2026 (two days, voice and chat) and one September hour.
// Every expected figure below is a ratio of the column sums written next to it.
const rows: KpiInterval[] = [
  { localMs: at(9, 30, 10), channel: "voice", offered: 100, answered: 90, abandoned: 10, answeredWithinTarget: 70, shortAbandoned: 5, handleSeconds: 21600, waitSeconds: 1800, staffedSeconds: 36000 },
  { localMs: at(10, 1, 10), channel: "voice", offered: 200, answered: 180, abandoned: 20, answeredWithinTarget: 150, shortAbandoned: 8, handleSeconds: 45000, waitSeconds: 2700, staffedSeconds: 64800 },
  { localMs: at(10, 1, 10), channel: "chat", offered: 50, answered: 48, abandoned: 2, answeredWithinTarget: 45, shortAbandoned: 1, handleSeconds: 19200, waitSeconds: 1440, staffedSeconds: 10800 },
  { localMs: at(10, 1, 11), channel: "voice", offered: 100, answered: 95, abandoned: 5, answeredWithinTarget: 90, shortAbandoned: 2, handleSeconds: 19000, waitSeconds: 950, staffedSeconds: 32400 },
  { localMs: at(10, 1, 11), channel: "chat", offered: 30, answered: 30, abandoned: 0, answeredWithinTarget: 30, shortAbandoned: 0, handleSeconds: 10800, waitSeconds: 0, staffedSeconds: 7200 },
  { localMs: at(10, 2, 10), channel: "voice", offered: 60, answered: 54, abandoned: 6, answeredWithinTarget: 40, shortAbandoned: 3, handleSeconds: 16200, waitSeconds: 1350, staffedSeconds: 21600 },
];
const orders = [
  { localMs: at(9, 30, 10), orders: 500 },
  { localMs: at(10, 1, 10), orders: 1000 },
  { localMs: at(10, 1, 11), orders: 600 },
  { localMs: at(10, 2, 10), orders: 400 },
];

describe("kpiReport: a hand-made month", () => {
  const report = kpiReport({ intervals: rows, orders, targetAnswerSeconds: 20, shortAbandonSeconds: 5 });
  const month = (channel: string, period = "2026-10") => report.months.find((r) => r.channel === channel && r.period === period)!.metrics;

  it("picks the latest month and compares it with the one before", () => {
    expect(report.month).toBe("2026-10");
    expect(report.previousMonth).toBe("2026-09");
    expect(report.channels).toEqual(["voice", "chat", "all"]);
  });

  it("computes every KPI of October's voice as a ratio of sums", () => {
    // voice sums: offered 360, answered 329, abandoned 31, within 280, short 13,
    // handle 80,200 s, wait 5,000 s, staffed 118,800 s; orders 2,000
    expect(month("voice")).toEqual({
      offered: 360,
      answered: 329,
      abandoned: 31,
      abandonRate: 31 / 360,
      serviceLevel: 280 / 360,
      serviceLevelOfAnswered: 280 / 329,
      serviceLevelExcludingShortAbandons: 280 / 347,
      asaSeconds: 5000 / 329,
      ahtSeconds: 80200 / 329,
      handledMinutes: 80200 / 60,
      staffedHours: 33,
      occupancy: 80200 / 118800,
      orders: 2000,
      contactsPerOrder: 0.18,
    });
  });

  it("pools channels in 'all' and keeps chat's concurrent occupancy above 1", () => {
    expect(month("chat").serviceLevel).toBe(75 / 80);
    expect(month("chat").occupancy).toBe(30000 / 18000);
    expect(month("chat").contactsPerOrder).toBe(0.04);
    expect(month("all").offered).toBe(440);
    expect(month("all").serviceLevel).toBe(355 / 440);
    expect(month("all").asaSeconds).toBe(6440 / 407);
  });

  it("reports the change against September: relative for counts, points for rates, seconds for times", () => {
    const change = (kpi: string, channel = "voice") => report.changes.find((c) => c.channel === channel && c.kpi === kpi)!;
    expect(change("offered")).toEqual({ channel: "voice", kpi: "offered", current: 360, previous: 100, change: 2.6, kind: "relative" });
    expect(change("serviceLevel").change).toBe(280 / 360 - 0.7);
    expect(change("serviceLevel").kind).toBe("points");
    expect(change("ahtSeconds").change).toBe(80200 / 329 - 240);
    expect(change("contactsPerOrder").change).toBe((0.18 - 0.2) / 0.2);
    // September had no chat: no change, not a zero.
    expect(change("offered", "chat")).toEqual({ channel: "chat", kpi: "offered", current: 80, previous: null, change: null, kind: "relative" });
  });

  it("gives days and hours of the day", () => {
    expect(report.days.map((r) => [r.period, r.channel, r.metrics.offered, r.metrics.contactsPerOrder])).toEqual([
      ["2026-10-01", "voice", 300, 300 / 1600],
      ["2026-10-01", "chat", 80, 80 / 1600],
      ["2026-10-01", "all", 380, 380 / 1600],
      ["2026-10-02", "voice", 60, 60 / 400],
      ["2026-10-02", "all", 60, 60 / 400],
    ]);
    expect(report.hours.map((r) => [r.period, r.channel, r.metrics.offered])).toEqual([
      ["10:00", "voice", 260],
      ["10:00", "chat", 50],
      ["10:00", "all", 310],
      ["11:00", "voice", 100],
      ["11:00", "chat", 30],
      ["11:00", "all", 130],
    ]);
  });

  it("states the definitions and that the month is partial", () => {
    expect(report.definitions[0]).toBe("serviceLevel = answered within 20 s / offered (abandons count against it)");
    expect(report.definitions[2]).toBe("serviceLevelExcludingShortAbandons = answered within 20 s / (offered - abandons within 5 s)");
    expect(report.notes).toEqual(["2026-10: the data covers 2 of its 31 days"]);
  });
});

describe("kpiReport: missing columns disable KPIs with a note, never a zero", () => {
  it("reports only what the columns allow", () => {
    const bare = rows.map(({ localMs, channel, offered, answered }) => ({ localMs, channel, offered, answered }));
    const report = kpiReport({ intervals: bare, month: "2026-10" });
    const voice = report.months.find((r) => r.channel === "voice" && r.period === "2026-10")!.metrics;
    expect(voice.offered).toBe(360);
    expect(voice.answered).toBe(329);
    for (const kpi of ["abandonRate", "serviceLevel", "asaSeconds", "ahtSeconds", "occupancy", "contactsPerOrder"] as const) expect(voice[kpi]).toBeNull();
    expect(report.measurable.serviceLevel).toBe(false);
    expect(report.notes).toEqual([
      "Abandoned, abandonment rate: not measured, the report has no abandoned column",
      "Service level, service level of answered, service level excluding short abandons: not measured, the report has no answeredWithinTarget column",
      "Service level excluding short abandons: not measured, the report has no shortAbandoned column",
      "AHT, handled minutes, occupancy: not measured, the report has no handleSeconds or ahtSeconds column",
      "Staffed hours, occupancy: not measured, the report has no staffedSeconds column",
      "ASA: not measured, the report has no waitSeconds or asaSeconds column",
      "Orders, contacts per order: not measured, the report has no orders column",
      "2026-10: the data covers 2 of its 31 days",
    ]);
  });

  it("says so when a column is missing on some rows only", () => {
    const partial = rows.map((r, i) => (i === 1 ? { ...r, waitSeconds: undefined } : r));
    const report = kpiReport({ intervals: partial, orders });
    expect(report.months[0]!.metrics.asaSeconds).toBeNull();
    expect(report.notes[0]).toBe("ASA: not measured, waitSeconds or asaSeconds is missing on some rows");
  });

  it("gives null, not zero, for an hour with nothing offered", () => {
    const quiet = kpiReport({ intervals: [{ localMs: at(10, 1, 3), channel: "voice", offered: 0, answered: 0, abandoned: 0, answeredWithinTarget: 0 }] });
    expect(quiet.months[0]!.metrics.serviceLevel).toBeNull();
    expect(quiet.months[0]!.metrics.abandonRate).toBeNull();
  });

  it("rejects an empty report, negative counts and a month without data", () => {
    expect(() => kpiReport({ intervals: [] })).toThrow(WfmError);
    expect(() => kpiReport({ intervals: [{ localMs: 0, channel: "voice", offered: -1 }] })).toThrow("kpiReport: intervals[0].offered must be a non-negative finite number, got -1");
    expect(() => kpiReport({ intervals: rows, month: "2026-11" })).toThrow('kpiReport: month must be a month the data covers, got "2026-11"');
  });
});

describe("kpiReport: laws", () => {
  const row = fc
    .record({
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      channel: fc.constantFrom("voice", "chat"),
      offered: fc.integer({ min: 0, max: 500 }),
      answeredShare: fc.double({ min: 0, max: 1, noNaN: true }),
      withinShare: fc.double({ min: 0, max: 1, noNaN: true }),
      handle: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map((r): KpiInterval => {
      const answered = Math.floor(r.offered * r.answeredShare);
      const within = Math.floor(answered * r.withinShare);
      return { localMs: at(10, r.day, r.hour), channel: r.channel, offered: r.offered, answered, abandoned: r.offered - answered, answeredWithinTarget: within, shortAbandoned: 0, handleSeconds: r.handle, staffedSeconds: 3600 };
    });
  const unique = fc.uniqueArray(row, { minLength: 1, maxLength: 40, selector: (r) => `${r.localMs}${r.channel}` });

  it("every service level and the abandonment rate lie in [0, 1], and SL of answered >= SL of offered", () => {
    fc.assert(
      fc.property(unique, (intervals) => {
        for (const r of [...kpiReport({ intervals }).months, ...kpiReport({ intervals }).days]) {
          for (const k of ["serviceLevel", "serviceLevelOfAnswered", "serviceLevelExcludingShortAbandons", "abandonRate"] as const) {
            const v = r.metrics[k];
            if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
          }
          if (r.metrics.serviceLevel !== null && r.metrics.serviceLevelOfAnswered !== null) expect(r.metrics.serviceLevelOfAnswered).toBeGreaterThanOrEqual(r.metrics.serviceLevel);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the month's KPIs do not depend on row order (only the channel order, first appearance, does), and a month is the sum of its days", () => {
    fc.assert(
      fc.property(unique, (intervals) => {
        const forward = kpiReport({ intervals });
        const backward = kpiReport({ intervals: [...intervals].reverse() });
        const byChannel = (rs: typeof forward.months) => [...rs].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
        expect(byChannel(backward.months)).toEqual(byChannel(forward.months));
        for (const channel of forward.channels) {
          const days = forward.days.filter((d) => d.channel === channel);
          const month = forward.months.find((m) => m.channel === channel)!;
          expect(days.reduce((a, d) => a + d.metrics.offered, 0)).toBe(month.metrics.offered);
          expect(days.reduce((a, d) => a + d.metrics.answered!, 0)).toBe(month.metrics.answered);
        }
      }),
      { numRuns: 100 },
    );
  });
});
