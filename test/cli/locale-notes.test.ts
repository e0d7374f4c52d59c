import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Business hours 08:00-20:00 (hourly rows, 60 calls, 10 after 18:00) on the given days. */
function volumes(days: readonly string[]): string {
  const rows = ["timestamp,calls,ahtSeconds"];
  for (const day of days) for (let h = 8; h < 20; h++) rows.push(`${day}T${String(h).padStart(2, "0")}:00,${h >= 18 ? 10 : 60},200`);
  return `${rows.join("\n")}\n`;
}

const notes = (text: string) => text.split("\n").filter((l) => l.startsWith("یادداشت:") || l.startsWith("note:"));

describe("business-hours notes under --locale fa", () => {
  // Mon 23, Tue 24, Thu 26 November and Mon 30 November to Thu 3 December 2026: Wednesday 25 November has no rows.
  const days = ["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"];

  it("wfm staff: the inferred opening hours with Persian day names and digits, the day with no rows in the Solar Hijri calendar", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "v.csv"), volumes(days));
    const english = await runCli(["staff", "v.csv", "--target", "80/20"], { cwd });
    expect(english.status).toBe(0);
    expect(notes(english.stdout)).toEqual([
      "note: opening hours inferred from v.csv (no openingHours in the config): Mon-Thu 08:00-20:00, Fri-Sun closed",
      "note: no rows on 2026-11-25 (1 day): treated as closed",
    ]);
    const persian = await runCli(["staff", "v.csv", "--target", "80/20", "--locale", "fa"], { cwd });
    expect(persian.stderr).toBe("");
    expect(persian.status).toBe(0);
    // 25 November 2026 = 4 Azar 1405 (1 Azar = 22 November).
    expect(notes(persian.stdout)).toEqual([
      "یادداشت: ساعات کاری از v.csv استنباط شد (پیکربندی openingHours ندارد): دوشنبه تا پنجشنبه ۰۸:۰۰-۲۰:۰۰، جمعه تا یکشنبه تعطیل",
      "یادداشت: روزهای بدون ردیف: ۴ آذر ۱۴۰۵ (۱ روز)؛ تعطیل در نظر گرفته شدند",
    ]);
    // JSON stays English.
    const json = await runCli(["staff", "v.csv", "--target", "80/20", "--locale", "fa", "--format", "json"], { cwd });
    expect((JSON.parse(json.stdout) as { notes: string[] }).notes).toEqual(notes(english.stdout).map((l) => l.slice("note: ".length)));
  });

  it("wfm staff: calls in intervals the config closes, counted in Persian digits; the --strict error stays English", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "v.csv"), volumes(["2026-11-23"]));
    writeFileSync(join(cwd, "staffing.json"), JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } }, openingHours: { monday: ["08:00-18:00"] } }));
    const persian = await runCli(["staff", "v.csv", "--config", "staffing.json", "--locale", "fa"], { cwd });
    expect(persian.status).toBe(0);
    // 18:00 and 19:00 have 10 calls each: 2 intervals, 20 calls.
    expect(notes(persian.stdout)).toEqual([
      "یادداشت: ۲ بازه با ۲۰ تماس بیرون از ساعات کاری (openingHours) در staffing.json (دوشنبه ۰۸:۰۰-۱۸:۰۰، سه‌شنبه تا یکشنبه تعطیل) است و هیچ کارشناسی نمی‌گیرد؛ openingHours را اصلاح کنید، یا با --strict آن را خطا کنید",
    ]);
    const strict = await runCli(["staff", "v.csv", "--config", "staffing.json", "--locale", "fa", "--strict"], { cwd });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toBe("--strict: 2 intervals with 20 calls fall outside openingHours of staffing.json (Mon 08:00-18:00, Tue-Sun closed) and get 0 agents; fix openingHours or the volumes\n");
  });
});

describe("the stale-history note under --locale fa", () => {
  it("wfm forecast --force-history: the dates in the Solar Hijri calendar, the span in Persian digits; the refusal stays English", async () => {
    const cwd = tempDir();
    // 28 days of business hours, 31 October to 27 November 2026.
    writeFileSync(join(cwd, "history.csv"), volumes(Array.from({ length: 28 }, (_, i) => iso(Date.UTC(2026, 9, 31) + i * dayMs))));
    // 28 November 2026 to 1 February 2027: 3 + 31 + 31 = 65 days, 65 / 30.44 = 2.1 months.
    const english = await runCli(["forecast", "history.csv", "--month", "2027-02", "--force-history", "--out", "f.csv"], { cwd });
    expect(english.status).toBe(0);
    expect(english.stderr.split("\n")[0]).toBe("note: the history history.csv ends on 2026-11-27, 65 days (about 2.1 months) before the forecast starts on 2027-02-01; forecasting from it anyway (--force-history)");
    const persian = await runCli(["forecast", "history.csv", "--month", "2027-02", "--force-history", "--out", "g.csv", "--locale", "fa"], { cwd });
    expect(persian.status).toBe(0);
    // 27 November 2026 = 6 Azar 1405; 1 February 2027 = 12 Bahman 1405 (1 Bahman = 21 January).
    expect(persian.stderr.split("\n")[0]).toBe(
      "یادداشت: سابقه‌ی history.csv در ۶ آذر ۱۴۰۵ تمام می‌شود، ۶۵ روز (حدود ۲٫۱ ماه) پیش از شروع پیش‌بینی در ۱۲ بهمن ۱۴۰۵؛ پیش‌بینی با این حال از آن انجام می‌شود (--force-history)",
    );
    const refused = await runCli(["forecast", "history.csv", "--month", "2027-02", "--out", "h.csv", "--locale", "fa"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "--month: the history history.csv ends on 2026-11-27, 65 days (about 2.1 months) before the forecast starts on 2027-02-01 (more than 31 days): check the dates and --calendar, or pass --force-history to forecast from it anyway\n",
    );
  });
});

describe("the KPI notes of wfm kpi under --locale fa", () => {
  it("names the unmeasured KPIs in Persian and the partial month with its Solar Hijri days", async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "report.csv"),
      ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget", "2026-10-01T10:00,voice,200,180,20,150", "2026-10-02T10:00,voice,60,54,6,40", ""].join("\n"),
    );
    const english = await runCli(["kpi", "report.csv"], { cwd });
    expect(english.status).toBe(0);
    expect(notes(english.stdout)).toEqual([
      "note: Service level excluding short abandons: not measured, the report has no shortAbandoned column",
      "note: AHT, handled minutes, occupancy: not measured, the report has no handleSeconds or ahtSeconds column",
      "note: Staffed hours, occupancy: not measured, the report has no staffedSeconds column",
      "note: ASA: not measured, the report has no waitSeconds or asaSeconds column",
      "note: Orders, contacts per order: not measured, the report has no orders column",
      "note: 2026-10: the data covers 2 of its 31 days",
    ]);
    const persian = await runCli(["kpi", "report.csv", "--locale", "fa"], { cwd });
    expect(persian.stderr).toBe("");
    expect(persian.status).toBe(0);
    expect(notes(persian.stdout)).toEqual([
      "یادداشت: سطح سرویس بدون رهاشدگی‌های کوتاه: اندازه‌گیری نشد، گزارش ستون shortAbandoned ندارد",
      "یادداشت: AHT، دقیقه‌های رسیدگی، اشغال: اندازه‌گیری نشد، گزارش ستون handleSeconds یا ahtSeconds ندارد",
      "یادداشت: ساعات حضور، اشغال: اندازه‌گیری نشد، گزارش ستون staffedSeconds ندارد",
      "یادداشت: ASA: اندازه‌گیری نشد، گزارش ستون waitSeconds یا asaSeconds ندارد",
      "یادداشت: سفارش‌ها، تماس به ازای هر سفارش: اندازه‌گیری نشد، گزارش ستون orders ندارد",
      "یادداشت: اکتبر ۲۰۲۶ (۹ مهر تا ۹ آبان ۱۴۰۵): داده‌ها ۲ روز از ۳۱ روز این ماه را پوشش می‌دهند",
    ]);
    // JSON keeps the English notes and no noteDetails.
    const json = JSON.parse((await runCli(["kpi", "report.csv", "--locale", "fa", "--format", "json"], { cwd })).stdout) as Record<string, unknown>;
    expect(json.notes).toEqual(notes(english.stdout).map((l) => l.slice("note: ".length)));
    expect(json).not.toHaveProperty("noteDetails");
  });
});
