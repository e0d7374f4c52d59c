import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

const examples = resolve(import.meta.dirname, "../../examples");
const base = ["forecast", "plan/history.csv", "--month", "2026-12"];

describe("wfm forecast --locale fa", () => {
  it("prints the daily table with the same figures, in Persian digits, Solar Hijri dates and Persian weekdays", async () => {
    const en = await runCli([...base, "--format", "table"], { cwd: examples });
    const fa = await runCli([...base, "--format", "table", "--locale", "fa"], { cwd: examples });
    expect(en.status).toBe(0);
    expect(fa.status).toBe(0);
    // 2026-12-01, a Tuesday, is 10 Azar 1405 (1 Azar 1405 = 2026-11-22); its week starts on Monday 2026-11-30, 9 Azar.
    expect(fa.stdout.split("\n")[0]).toMatch(/^تاریخ\s+روز\s+کانال\s+تماس\s+جمع کران پایین\s+جمع کران بالا\s+اوج بازه\s+بازه‌ها$/);
    expect(fa.stdout.split("\n")[2]).toMatch(/^۱۰ آذر ۱۴۰۵\s+سه‌شنبه\s+chat\s+[۰-۹]+/);
    expect(fa.stdout).toMatch(/\nهفته‌ی ۹ آذر ۱۴۰۵\s+همه\s+[۰-۹]+/);
    expect(/[0-9]/.test(fa.stdout)).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout)).toBeGreaterThan(300);
    // The summary on standard error: the month with its Solar Hijri dates, the method in Persian, the same figures.
    const faErr = fa.stderr.split("\n");
    expect(faErr[0]).toMatch(/^voice: دسامبر ۲۰۲۶ \(۱۰ آذر تا ۱۰ دی ۱۴۰۵\): ۷۴۴ بازه، [۰-۹]+ تماس، روش /);
    const after = (line: string) => line.slice(line.indexOf("): ") + 3);
    const enErr = en.stderr.split("\n").map((l) => l.replace(/^(\w+): gregorian month 2026-12: /, "$1): "));
    expect(sameFigures(enErr.map(after).join("\n"), faErr.map(after).join("\n"))).toBeGreaterThan(10);
  });

  it("prints the backtest table in Persian with the same figures", async () => {
    const en = await runCli([...base, "--backtest"], { cwd: examples });
    const fa = await runCli([...base, "--backtest", "--locale", "fa"], { cwd: examples });
    expect(fa.status).toBe(0);
    expect(fa.stdout).toContain("میانگین فصلی");
    expect(fa.stdout).toMatch(/مبدأ هفتگی از ۷ مهر ۱۴۰۵ تا ۱۲ آبان ۱۴۰۵/);
    expect(sameFigures(en.stdout, fa.stdout)).toBeGreaterThan(80);
  });

  it("keeps CSV and JSON locale-independent", async () => {
    for (const format of ["csv", "json"]) {
      const en = await runCli([...base, "--format", format], { cwd: examples });
      const fa = await runCli([...base, "--format", format, "--locale", "fa"], { cwd: examples });
      expect(fa.stdout, format).toBe(en.stdout);
    }
  });

  it("refuses an unknown locale with one line and status 2", async () => {
    const run = await runCli([...base, "--locale", "xx"], { cwd: examples });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
