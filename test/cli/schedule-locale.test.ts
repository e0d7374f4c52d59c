import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

/** 2 agents 08-16, 1 agent 16-24 on Monday 2026-12-07; a 30-minute lunch in the day shift. */
function folder(): string {
  const dir = tempDir();
  const curve = ["timestamp,calls,ahtSeconds,requiredAgents", ...Array.from({ length: 16 }, (_, k) => `2026-12-07T${String(8 + k).padStart(2, "0")}:00,10,180,${k < 8 ? 2 : 1}`), ""].join("\n");
  writeFileSync(join(dir, "r.csv"), curve);
  writeFileSync(
    join(dir, "s.json"),
    JSON.stringify({
      templates: [
        { name: "day", earliestStart: "08:00", lengthMinutes: 480, costPerPaidHour: 10, breaks: [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 240 }] },
        { name: "late", earliestStart: "16:00", lengthMinutes: 480, costPerPaidHour: 12 },
      ],
      coverage: { shortfallPenaltyPerAgentHour: 1000, excessPenaltyPerAgentHour: 1 },
    }),
  );
  return dir;
}
const base = ["schedule", "r.csv", "--shifts", "s.json"];
/** The solve time differs from run to run. */
const solveTime = (output: string) => output.split("\n").findIndex((l) => /^(solve time|زمان حل)/.test(l));

describe("wfm schedule --locale fa", () => {
  it("prints the totals and shifts in Persian with the same figures, Solar Hijri dates and Persian clock digits", async () => {
    const cwd = folder();
    const en = await runCli(base, { cwd });
    const fa = await runCli([...base, "--locale", "fa"], { cwd });
    expect(en.stderr).toBe("");
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    const lines = fa.stdout.split("\n");
    expect(lines[0]).toMatch(/^وضعیت\s+بهینه$/);
    expect(fa.stdout).toMatch(/\nبهره‌وری\s+[۰-۹]+٫[۰-۹]٪\n/);
    // 2026-12-07 is 16 Azar 1405; the late shift ends at midnight, the next day.
    expect(fa.stdout).toMatch(/\n۱۶ آذر ۱۴۰۵\s+۱۶:۰۰\s+۰۰:۰۰\+۱\s+۱\s+late\n/);
    expect(fa.stdout).toMatch(/\n۱۶ آذر ۱۴۰۵\s+۰۸:۰۰\s+۱۶:۰۰\s+lunch ۱[۱-۲]:[۰-۹]{2} تا ۱[۱-۲]:[۰-۹]{2} ×[۰-۹]/);
    expect(/[0-9]/.test(fa.stdout)).toBe(false);
    expect(solveTime(fa.stdout)).toBe(solveTime(en.stdout));
    expect(sameFigures(en.stdout, fa.stdout, (i) => i === solveTime(en.stdout))).toBeGreaterThan(15);
  }, 60_000);

  it("wraps Markdown in a right-to-left block; CSV and JSON do not change", async () => {
    const cwd = folder();
    const md = await runCli([...base, "--format", "md", "--locale", "fa"], { cwd });
    expect(md.stdout.startsWith('<div dir="rtl" lang="fa">\n\n## برنامه‌ی شیفت\n\n')).toBe(true);
    expect(md.stdout).toContain("\n## شیفت‌ها\n\n| تاریخ | شروع | پایان | استراحت‌ها | کارشناسان | الگوی شیفت |\n");
    const en = await runCli([...base, "--format", "csv"], { cwd });
    const fa = await runCli([...base, "--format", "csv", "--locale", "fa"], { cwd });
    expect(fa.stdout).toBe(en.stdout);
    const enJson = await runCli([...base, "--format", "json"], { cwd });
    const faJson = await runCli([...base, "--format", "json", "--locale", "fa"], { cwd });
    const noTimes = (text: string) => text.replace(/"(solveSeconds|buildSeconds)": [0-9.e-]+/g, "");
    expect(noTimes(faJson.stdout)).toBe(noTimes(enJson.stdout));
  }, 60_000);
});
