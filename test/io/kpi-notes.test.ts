import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiReport, type KpiInterval } from "../../src/cost/kpi.js";
import { kpiNoteText } from "../../src/io/kpi-notes.js";
import { localeFormat } from "../../src/io/locale/index.js";

const en = localeFormat("en");
const fa = localeFormat("fa");
const day = 86_400_000;

/** October 2026: one row on the 1st, one on the 2nd; handle time on one row only, no staffed time, no waits, no short abandons, no orders. */
const report = kpiReport({
  intervals: [
    { localMs: Date.UTC(2026, 9, 1, 10), channel: "voice", offered: 100, answered: 90, abandoned: 10, answeredWithinTarget: 72, handleSeconds: 21_600 },
    { localMs: Date.UTC(2026, 9, 2, 10), channel: "voice", offered: 50, answered: 45, abandoned: 5, answeredWithinTarget: 40 },
  ],
});

describe("kpiReport noteDetails", () => {
  it("gives each note as data: the field, its columns and the KPIs it leaves unmeasured, and the days the month covers", () => {
    // AHT, handled minutes and occupancy need handle time; occupancy and staffed hours need staffed time;
    // SL excluding short abandons needs short abandons; ASA needs waits; orders and contacts per order need orders.
    expect(report.noteDetails).toEqual([
      { kind: "no-column", field: "shortAbandoned", columns: ["shortAbandoned"], kpis: ["serviceLevelExcludingShortAbandons"] },
      { kind: "column-partly-missing", field: "handleSeconds", columns: ["handleSeconds", "ahtSeconds"], kpis: ["ahtSeconds", "handledMinutes", "occupancy"] },
      { kind: "no-column", field: "staffedSeconds", columns: ["staffedSeconds"], kpis: ["staffedHours", "occupancy"] },
      { kind: "no-column", field: "waitSeconds", columns: ["waitSeconds", "asaSeconds"], kpis: ["asaSeconds"] },
      { kind: "no-column", field: "orders", columns: ["orders"], kpis: ["orders", "contactsPerOrder"] },
      { kind: "partial-month", month: "2026-10", coveredDays: 2, monthDays: 31 },
    ]);
  });

  it("in English, kpiNoteText writes each note exactly as the core's notes (any columns, any days)", () => {
    const optional = ["answered", "abandoned", "answeredWithinTarget", "shortAbandoned", "handleSeconds", "staffedSeconds", "waitSeconds"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), present: fc.array(fc.boolean(), { minLength: optional.length, maxLength: optional.length }) }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (rows, withOrders) => {
          const intervals: KpiInterval[] = rows.map((r) => {
            const row: Record<string, unknown> = { localMs: Date.UTC(2026, 8, 1) + r.day * day, channel: "voice", offered: 10 };
            optional.forEach((f, i) => {
              if (r.present[i]) row[f] = 5;
            });
            return row as unknown as KpiInterval;
          });
          const orders = withOrders ? [{ localMs: intervals[0]!.localMs, orders: 3 }] : [];
          const r = kpiReport({ intervals, orders });
          expect(r.noteDetails.map((n) => kpiNoteText(n, en))).toEqual(r.notes);
        },
      ),
    );
  });

  it("in Persian: the KPIs as the Persian tables name them, Persian digits, the month with its Solar Hijri days; the CSV columns as written", () => {
    expect(report.noteDetails.map((n) => kpiNoteText(n, fa))).toEqual([
      "سطح سرویس بدون رهاشدگی‌های کوتاه: اندازه‌گیری نشد، گزارش ستون shortAbandoned ندارد",
      "AHT، دقیقه‌های رسیدگی، اشغال: اندازه‌گیری نشد، ستون handleSeconds یا ahtSeconds در برخی ردیف‌ها خالی است",
      "ساعات حضور، اشغال: اندازه‌گیری نشد، گزارش ستون staffedSeconds ندارد",
      "ASA: اندازه‌گیری نشد، گزارش ستون waitSeconds یا asaSeconds ندارد",
      "سفارش‌ها، تماس به ازای هر سفارش: اندازه‌گیری نشد، گزارش ستون orders ندارد",
      // 1 October 2026 = 9 Mehr 1405, 31 October 2026 = 9 Aban 1405.
      "اکتبر ۲۰۲۶ (۹ مهر تا ۹ آبان ۱۴۰۵): داده‌ها ۲ روز از ۳۱ روز این ماه را پوشش می‌دهند",
    ]);
  });
});
