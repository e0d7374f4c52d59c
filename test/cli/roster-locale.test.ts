import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

/** Three agents, a week from Monday 2026-12-07 (16 Azar 1405), one Early and one Late wanted each day. */
function folder(): string {
  const dir = tempDir();
  const files: Record<string, string> = {
    "agents.csv": [
      "id,name,team,templates,maxHoursPerWeek,minHoursPerMonth,maxConsecutiveDays,minConsecutiveDaysOff,maxWeekends,maxNights",
      "a1,Ana,calls,,40,15,5,1,1,0",
      "a2,Ben,calls,Early|Late,40,15,5,1,1,0",
      "a3,Cleo,calls,Early,40,,5,1,1,0",
      "",
    ].join("\n"),
    "requests.csv": ["agent,date,kind,template,weight", "a1,2026-12-07,leave,,", "a2,2026-12-08,on,Early,3", "a3,2026-12-12,off,,2", ""].join("\n"),
    "roster.json": JSON.stringify({
      startDate: "2026-12-07",
      days: 7,
      templates: [
        { name: "Early", start: "07:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
        { name: "Late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
      ],
      rules: { minRestHours: 11 },
      demand: [
        { template: "Early", agents: 1 },
        { template: "Late", agents: 1 },
      ],
    }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const args = ["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--gap", "0"];
const solveTime = (output: string) => output.split("\n").findIndex((l) => /^(solve time|زمان حل)/.test(l));

describe("wfm roster --locale fa", () => {
  it("prints the totals and the per-agent table in Persian with the same figures; roster.html right to left in Solar Hijri days", async () => {
    const cwd = folder();
    const en = await runCli([...args, "--out", "en"], { cwd });
    const fa = await runCli([...args, "--out", "fa", "--locale", "fa"], { cwd });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    expect(fa.stdout).toMatch(/^وضعیت\s+بهینه\n/);
    expect(fa.stdout).toMatch(/\nکارشناسان × روزها\s+۳ × ۷\n/);
    expect(fa.stdout).toMatch(/\nقاعده‌های الزامی\s+همه برقرارند \(وارسی مستقل\)\n/);
    expect(fa.stdout).toMatch(/\nکارشناس\s+نام\s+تیم\s+شیفت‌ها\s+ساعات پرداختی\s+/);
    expect(/[0-9]/.test(fa.stdout.replace(/\ba[1-3]\b/g, ""))).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout, (i) => i === solveTime(en.stdout))).toBeGreaterThan(30);
    const html = readFileSync(join(cwd, "fa", "roster.html"), "utf8");
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("از ۱۶ آذر ۱۴۰۵ تا ۲۲ آذر ۱۴۰۵، ۷ روز");
    // The grid's first day: 16 (Azar), a Monday (دوشنبه: د); a1's leave that day.
    expect(html).toMatch(/<th[^>]*>۱۶ د<\/th>/);
    expect(html).toContain(">مرخصی<");
    // The machine files are the same bytes in both locales.
    for (const name of ["roster.csv", "summary.csv", "calendar/a1.ics"]) {
      expect(readFileSync(join(cwd, "fa", name), "utf8"), name).toBe(readFileSync(join(cwd, "en", name), "utf8"));
    }
  }, 120_000);

  it("words the holiday spread, the holidays column and the interval lines in Persian with the same figures", async () => {
    const cwd = folder();
    const config = JSON.parse(readFileSync(join(cwd, "roster.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(cwd, "roster.json"), JSON.stringify({ ...config, demand: undefined, holidays: ["2026-12-08"] }));
    const rows = ["timestamp,agents"];
    for (let d = 7; d <= 13; d++) for (let h = 0; h < 24; h++) rows.push(`2026-12-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:00,${h >= 7 && h < 23 ? 1 : 0}`);
    writeFileSync(join(cwd, "req.csv"), `${rows.join("\n")}\n`);
    const en = await runCli([...args, "--requirements", "req.csv", "--out", "en"], { cwd });
    const fa = await runCli([...args, "--requirements", "req.csv", "--out", "fa", "--locale", "fa"], { cwd });
    expect(en.stderr).toBe("");
    expect(fa.stderr).toBe("");
    expect(en.stdout).toMatch(/\nholiday spread +\d+\n/);
    expect(fa.stdout).toMatch(/\nپراکندگی تعطیلات رسمی\s+[۰-۹]+\n/);
    expect(fa.stdout).toMatch(/\nکمبود بازه‌ها \(نفر-ساعت\)\s+[۰-۹]+٫[۰-۹]{2}\n/);
    expect(fa.stdout).toMatch(/\nمازاد بازه‌ها \(نفر-ساعت\)\s+[۰-۹]+٫[۰-۹]{2}\n/);
    expect(fa.stdout).toMatch(/آخر هفته‌ها\s+تعطیلات رسمی\s+روزهای مرخصی/);
    expect(/[0-9]/.test(fa.stdout.replace(/\ba[1-3]\b/g, ""))).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout, (i) => i === solveTime(en.stdout))).toBeGreaterThan(30);
    expect(readFileSync(join(cwd, "fa", "roster.html"), "utf8")).toContain("(تعطیل رسمی)");
    expect(readFileSync(join(cwd, "fa", "summary.csv"), "utf8")).toBe(readFileSync(join(cwd, "en", "summary.csv"), "utf8"));
  }, 120_000);
});
