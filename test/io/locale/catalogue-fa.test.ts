import { describe, expect, it } from "vitest";
import { kpiReport, type KpiInterval } from "../../../src/cost/kpi.js";
import { localeFormat } from "../../../src/io/locale/index.js";

const at = (day: number, hour: number) => Date.UTC(2026, 9, day, hour);
const rows: KpiInterval[] = [
  { localMs: at(1, 10), channel: "voice", offered: 100, answered: 90, abandoned: 10, answeredWithinTarget: 70, shortAbandoned: 5, handleSeconds: 21600, waitSeconds: 1800, staffedSeconds: 36000 },
  { localMs: at(2, 10), channel: "voice", offered: 60, answered: 54, abandoned: 6, answeredWithinTarget: 40, shortAbandoned: 3, handleSeconds: 16200, waitSeconds: 1350, staffedSeconds: 21600 },
];
/** Words a Persian definition keeps in Latin letters: the acronyms planners write in Latin and the letter T. */
const latin = (text: string) => (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !["ASA", "AHT", "T"].includes(w));

describe("the Persian catalogue: wording the core writes as data", () => {
  it("writes every KPI definition of the KPI code in Persian, with the thresholds in Persian digits", () => {
    const fa = localeFormat("fa").messages.kpi;
    for (const options of [{ targetAnswerSeconds: 20, shortAbandonSeconds: 5 }, {}]) {
      const report = kpiReport({ intervals: rows, ...options });
      expect(report.definitions).toHaveLength(6);
      for (const d of report.definitions) expect(latin(fa.definitionText(d)), d).toEqual([]);
    }
    const [first] = kpiReport({ intervals: rows, targetAnswerSeconds: 20, shortAbandonSeconds: 5 }).definitions;
    expect(fa.definitionText(first!)).toBe("سطح سرویس = پاسخ‌داده در ۲۰ ثانیه / تماس‌های ورودی (رهاشده‌ها به زیان آن حساب می‌شوند)");
    // English is the text itself.
    expect(localeFormat("en").messages.kpi.definitionText(first!)).toBe(first);
  });

  it("writes the forecast code's warnings and the cost model's line names in Persian", () => {
    const f = localeFormat("fa");
    expect(f.messages.forecast.warningText("no backtest errors for the prediction intervals; using a Poisson band", f.date)).toBe(
      "خطای آزمون گذشته‌نگر برای بازه‌های پیش‌بینی در دست نیست؛ باند پواسون به کار رفت",
    );
    // 2026-12-25 is 4 Dey 1405.
    expect(f.messages.forecast.warningText('no past occurrence of "Christmas" in the history: 2026-12-25 is forecast as an ordinary day', f.date)).toBe(
      "«Christmas» پیش‌تر در سابقه نیامده است: ۴ دی ۱۴۰۵ مانند یک روز عادی پیش‌بینی شد",
    );
    expect(f.messages.cost.lineName({ category: "agent-wages", name: "agents hq" })).toBe("کارشناسان hq");
    expect(f.messages.cost.lineName({ category: "seats", name: "seats hq" })).toBe("صندلی‌های hq");
    expect(f.messages.cost.lineName({ category: "employer-overhead", name: "employer overhead" })).toBe("سربار کارفرما");
    // A name from the config stays as written.
    expect(f.messages.cost.lineName({ category: "other", name: "telephony" })).toBe("telephony");
  });

  it("writes a roster grid's day as the Solar Hijri day of the month", () => {
    // 2026-12-07 is 16 Azar 1405; 2026-03-21 is 1 Farvardin 1405.
    expect(localeFormat("fa").dayOfMonth("2026-12-07")).toBe("۱۶");
    expect(localeFormat("fa").dayOfMonth("2026-03-21")).toBe("۱");
    expect(localeFormat("en").dayOfMonth("2026-12-07")).toBe("07");
  });
});
