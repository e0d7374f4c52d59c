import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli, tempDir } from "../support/cli.js";
import { historyCsv, smallHistory } from "../plan/fixture.js";

/** A plan folder without shifts (no solver: fast), with cost and a scenario. */
function planFolder(extra: Record<string, unknown> = {}): string {
  const dir = tempDir("wfm-plan-locale-");
  const rows = smallHistory(Date.UTC(2026, 9, 27));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  const plan = {
    name: "Locale centre",
    month: "2026-12",
    history: "history.csv",
    ordersTarget: 30000,
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, minimumAgents: 1 },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, minimumAgents: 1 },
      },
      shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
    },
    cost: { currency: "EUR", hoursPerFte: 160, employerOverheadPercent: 20, sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "14.10", seatCostPerMonth: "250" }] },
    scenarios: { scenarios: [{ name: "ivr", description: "10% of calls self-served", deflect: [{ channel: "voice", percent: 10 }] }] },
    ...extra,
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return dir;
}

describe("wfm plan --locale", () => {
  it("writes the report and the summary in Persian; JSON and CSV files are the same bytes as in English", async () => {
    const dir = planFolder();
    const en = await runCli(["plan", "--config", "plan.json", "--out", "en"], { cwd: dir });
    const fa = await runCli(["plan", "--config", "plan.json", "--out", "fa", "--locale", "fa"], { cwd: dir });
    expect(en.stderr).toBe("");
    expect(en.status).toBe(0);
    expect(fa.stderr).toBe("");
    expect(fa.status).toBe(0);
    const files = readdirSync(join(dir, "en")).sort();
    expect(readdirSync(join(dir, "fa")).sort()).toEqual(files);
    for (const name of files.filter((n) => n.endsWith(".csv") || n.endsWith(".json"))) {
      expect(readFileSync(join(dir, "fa", name), "utf8"), name).toBe(readFileSync(join(dir, "en", name), "utf8"));
    }
    expect(readFileSync(join(dir, "fa", "report.html"), "utf8")).toContain('<html lang="fa" dir="rtl">');
    expect(readFileSync(join(dir, "fa", "report.md"), "utf8")).toContain("دسامبر ۲۰۲۶ (۱۰ آذر تا ۱۰ دی ۱۴۰۵)");
    // The summary: the same figures line by line, in Persian digits.
    const enLines = en.stdout.trim().split("\n").slice(1, -1);
    const faLines = fa.stdout.trim().split("\n").slice(1, -1);
    expect(faLines.length).toBe(enLines.length);
    const figures = (line: string) => (line.match(/[-]?[0-9۰-۹][0-9۰-۹.٫]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t));
    for (let i = 0; i < enLines.length; i++) expect(figures(faLines[i]!), faLines[i]).toEqual(figures(enLines[i]!));
    expect(fa.stdout).toContain("تماس‌های پیش‌بینی‌شده");
    expect(fa.stdout).toContain("سطح سرویس");
  });

  it("takes the locale from plan.json, and the flag wins over it", async () => {
    const dir = planFolder({ locale: "fa" });
    const fa = await runCli(["plan", "--config", "plan.json", "--out", "fa"], { cwd: dir });
    expect(fa.status).toBe(0);
    expect(readFileSync(join(dir, "fa", "report.html"), "utf8")).toContain('<html lang="fa" dir="rtl">');
    const en = await runCli(["plan", "--config", "plan.json", "--out", "en", "--locale", "en"], { cwd: dir });
    expect(en.status).toBe(0);
    expect(readFileSync(join(dir, "en", "report.html"), "utf8")).toContain('<html lang="en" dir="ltr">');
  });

  it("refuses an unknown locale with one line and status 2, on the flag and in plan.json", async () => {
    const flag = await runCli(["plan", "--config", "plan.json", "--locale", "xx"], { cwd: planFolder() });
    expect(flag.status).toBe(2);
    expect(flag.stdout).toBe("");
    expect(flag.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
    const config = await runCli(["plan", "--config", "plan.json"], { cwd: planFolder({ locale: "de" }) });
    expect(config.status).toBe(2);
    expect(config.stderr.trim().split("\n")).toHaveLength(1);
    expect(config.stderr).toMatch(/^plan\.json: locale: .*"en".*"fa"/);
  });
});
