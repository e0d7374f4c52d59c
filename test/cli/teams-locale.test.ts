import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

const config = {
  intervalMinutes: 30,
  contactTypes: [
    { name: "billing", volumes: [100, 60], ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    { name: "tech", volumes: [50, 80], ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  ],
  agentGroups: [
    { name: "billing team", skills: ["billing"] },
    { name: "tech team", skills: ["tech", "billing"] },
  ],
  costPerHour: 20,
  crossTrainingPremium: 0.1,
  simulation: { replications: 6 },
};

describe("wfm teams --locale fa", () => {
  it("prints the designs and groups in Persian with the same figures; Markdown right to left; JSON unchanged", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "teams.json"), JSON.stringify(config));
    const en = await runCli(["teams", "--config", "teams.json"], { cwd });
    const fa = await runCli(["teams", "--config", "teams.json", "--locale", "fa"], { cwd });
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    const lines = fa.stdout.split("\n");
    expect(lines[0]).toBe("طرح‌های تیم برای teams.json: ۲ بازه‌ی ۳۰ دقیقه‌ای");
    expect(lines[1]).toMatch(/^ {2}billing: ۱۶۰ تماس، AHT ۱۸۰ ثانیه، هدف ۸۰٪ در ۲۰ ثانیه$/);
    expect(fa.stdout).toMatch(/\nطرح\s+گروه‌ها\s+نیروی اوج\s+نفر-ساعت\s+FTE\s+هزینه\s+۲\+ مهارت\s+سطح سرویس billing\s+سطح سرویس tech\n/);
    expect(fa.stdout).toMatch(/\nتیم‌های اختصاصی\s+۲\s+[۰-۹]+\s+/);
    expect(fa.stdout).toContain("\nگروه‌های طرح گروه‌بندی فعلی\n");
    expect(/[0-9]/.test(fa.stdout.replace(/teams\.json/g, ""))).toBe(false);
    expect(sameFigures(en.stdout, fa.stdout)).toBeGreaterThan(60);
    const md = await runCli(["teams", "--config", "teams.json", "--locale", "fa", "--format", "md"], { cwd });
    expect(md.stdout.startsWith('<div dir="rtl" lang="fa">\n\n')).toBe(true);
    expect(md.stdout).toContain("### طرح‌ها\n\n| طرح | گروه‌ها |");
    const a = await runCli(["teams", "--config", "teams.json", "--format", "json"], { cwd });
    const b = await runCli(["teams", "--config", "teams.json", "--format", "json", "--locale", "fa"], { cwd });
    expect(b.stdout).toBe(a.stdout);
  }, 120_000);
});
