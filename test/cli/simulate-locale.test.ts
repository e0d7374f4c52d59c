import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

const steady = ["simulate", "--calls", "100", "--interval", "30", "--aht", "180", "--agents", "13", "--patience", "120", "--hours", "4", "--replications", "10", "--seed", "3"];

describe("wfm simulate --locale fa", () => {
  it("steady mode: the same figures in Persian words and digits", async () => {
    const en = await runCli(steady);
    const fa = await runCli([...steady, "--locale", "fa"]);
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    expect(fa.stdout).toMatch(/^شبیه‌سازی\s+۱۰ تکرار × ۴ ساعت پس از /);
    expect(fa.stdout).toMatch(/\nترافیک\s+۱۰ ارلنگ \(۱۰۰ تماس در هر ۳۰ دقیقه × AHT ۱۸۰ ثانیه، نمایی\)\n/);
    expect(fa.stdout).toMatch(/\nسطح سرویس\s+[۰-۹]+٫[۰-۹]٪ ± [۰-۹]+٫[۰-۹] در ۲۰ ثانیه/);
    expect(/[0-9]/.test(fa.stdout)).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout)).toBeGreaterThan(20);
    const md = await runCli([...steady, "--locale", "fa", "--format", "md"]);
    expect(md.stdout.startsWith('<div dir="rtl" lang="fa">\n\n| | |\n')).toBe(true);
  }, 60_000);

  it("plan mode: the intervals with Solar Hijri timestamps and the same figures; CSV and JSON unchanged", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "volumes.csv"), ["timestamp,channel,calls,ahtSeconds", "2026-11-02T08:00,voice,40,240", "2026-11-02T09:00,voice,60,240", "2026-11-02T10:00,voice,50,240", ""].join("\n"));
    writeFileSync(join(dir, "staffing.csv"), ["timestamp,channel,requiredAgents", "2026-11-02T08:00,voice,4", "2026-11-02T09:00,voice,6", "2026-11-02T10:00,voice,5", ""].join("\n"));
    const args = ["simulate", "--staffing", "staffing.csv", "--volumes", "volumes.csv", "--replications", "10"];
    const en = await runCli(args, { cwd: dir });
    const fa = await runCli([...args, "--locale", "fa"], { cwd: dir });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    const lines = fa.stdout.split("\n");
    expect(lines[0]).toMatch(/^شبیه‌سازی volumes\.csv با کارشناسان staffing\.csv: ۱۰ تکرار، بذر ۱، [۰-۹]+ تماس$/);
    expect(lines[1]).toMatch(/^voice: سطح سرویس شبیه‌سازی [۰-۹]+٫[۰-۹]٪ ± [۰-۹]+٫[۰-۹] \(مدل [۰-۹]+٫[۰-۹]٪\)، [۰-۹]+ از ۳ بازه /);
    // 2026-11-02 is 11 Aban 1405.
    expect(fa.stdout).toMatch(/\n۱۴۰۵\/۰۸\/۱۱ ۰۸:۰۰\s+voice\s+۴۰\s+۴\s+/);
    expect(/[0-9]/.test(fa.stdout.replace(/volumes\.csv|staffing\.csv/g, ""))).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout)).toBeGreaterThan(40);
    for (const format of ["csv", "json"]) {
      const a = await runCli([...args, "--format", format], { cwd: dir });
      const b = await runCli([...args, "--format", format, "--locale", "fa"], { cwd: dir });
      expect(b.stdout, format).toBe(a.stdout);
    }
  }, 60_000);
});
