import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { historyCsv, smallHistory } from "../plan/fixture.js";

/** A plan folder: five weeks of history before December 2026, embedded configs. */
function planFolder(): string {
  const dir = tempDir("wfm-plan-");
  const rows = smallHistory(Date.UTC(2026, 9, 27));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  const plan = {
    name: "CLI test centre",
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
    shifts: {
      templates: [
        { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 20 },
        { name: "late", earliestStart: "13:00", latestStart: "16:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 22 },
        { name: "night", earliestStart: "22:00", lengthMinutes: 480, costPerPaidHour: 26 },
      ],
      coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200 },
    },
    schedule: { timeLimitSeconds: 30, gapPercent: 0 },
    cost: {
      currency: "EUR",
      hoursPerFte: 160,
      employerOverheadPercent: 20,
      sites: [{ name: "hq", agentSharePercent: 100, hourlyWage: "14.10", seatCostPerMonth: "250" }],
      supportingStaff: [{ role: "teamLead", agentsPerPerson: 15, monthlyWage: "3100" }],
      otherCosts: [{ name: "facilities", perMonth: "5000" }],
    },
    scenarios: { scenarios: [{ name: "ivr", description: "10% of calls self-served", deflect: [{ channel: "voice", percent: 10 }] }] },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return dir;
}

const expectedFiles = ["costs.csv", "coverage.csv", "forecast.csv", "report.html", "report.md", "scenarios.csv", "schedule.csv", "staffing.csv", "summary.json"];

describe("wfm plan", () => {
  it("writes the whole output folder, byte-identical on a second run", async () => {
    const dir = planFolder();
    const first = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("CLI test centre: plan for 2026-12 written to out/");
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".wfm-plan", ...expectedFiles]);
    expect(JSON.parse(readFileSync(join(dir, "out", ".wfm-plan"), "utf8")).command).toBe("wfm plan");
    const summary = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8"));
    expect(summary.period).toEqual({ label: "2026-12", calendar: "gregorian", start: "2026-12-01", end: "2027-01-01", days: 31, intervalMinutes: 60 });
    expect(summary.headline.currency).toBe("EUR");
    expect(readFileSync(join(dir, "out", "forecast.csv"), "utf8").split("\n")[0]).toBe("timestamp,channel,calls,lower,upper,ahtSeconds");
    expect(readFileSync(join(dir, "out", "schedule.csv"), "utf8").split("\n")[0]).toBe("date,start,end,breaks,agents,template,team,paidHours");
    expect(readFileSync(join(dir, "out", "coverage.csv"), "utf8").split("\n")[0]).toBe("timestamp,team,required,scheduled,shortfall,excess,serviceLevel");
    expect(readFileSync(join(dir, "out", "report.html"), "utf8")).toContain('data-chart="forecast"');

    const second = await runCli(["plan", "--config", "plan.json", "--out", "again"], { cwd: dir });
    expect(second.status).toBe(0);
    for (const name of expectedFiles) {
      expect(readFileSync(join(dir, "again", name), "utf8"), name).toBe(readFileSync(join(dir, "out", name), "utf8"));
    }
  });

  it("refuses to replace an existing folder without --force, and replaces it with --force", async () => {
    const dir = planFolder();
    expect((await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir })).status).toBe(0);
    const again = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe("--out: out already exists; pass --force to replace it\n");
    const forced = await runCli(["plan", "--config", "plan.json", "--out", "out", "--force"], { cwd: dir });
    expect(forced.status).toBe(0);
  });

  it("never replaces a folder that holds its inputs", async () => {
    const dir = planFolder();
    const run = await runCli(["plan", "--config", "plan.json", "--out", ".", "--force"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--out: refusing to replace .: it is not a wfm plan output (no .wfm-plan file) and holds history.csv, plan.json; choose another folder\n");
    expect(existsSync(join(dir, "history.csv"))).toBe(true);
  });

  it("--force never deletes a folder of other files, and says what is there, before any work", async () => {
    const dir = planFolder();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "payroll-2026.xlsx"), "not a plan");
    // A config that does not exist: the refusal comes first, so nothing was read or solved.
    const run = await runCli(["plan", "--config", "missing.json", "--out", "out", "--force"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--out: refusing to replace out: it is not a wfm plan output (no .wfm-plan file) and holds payroll-2026.xlsx; choose another folder\n");
    expect(readFileSync(join(dir, "out", "payroll-2026.xlsx"), "utf8")).toBe("not a plan");
  });

  it("--force refuses a previous plan output to which the user added a file, naming it", async () => {
    const dir = planFolder();
    expect((await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir })).status).toBe(0);
    writeFileSync(join(dir, "out", "my-notes.txt"), "keep me");
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--force"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--out: refusing to replace out: besides a wfm plan output it holds my-notes.txt, which wfm plan did not write; move it or choose another folder\n");
    expect(readFileSync(join(dir, "out", "my-notes.txt"), "utf8")).toBe("keep me");
  });

  it("--force replaces an output written before the marker existed (only plan files, summary.json among them)", async () => {
    const dir = planFolder();
    mkdirSync(join(dir, "old"));
    for (const name of ["summary.json", "report.html", "staffing.csv"]) writeFileSync(join(dir, "old", name), "{}");
    const run = await runCli(["plan", "--config", "plan.json", "--out", "old", "--force"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, "old")).sort()).toEqual([".wfm-plan", ...expectedFiles]);
  });

  it("reports every config problem on its own line with exit 2", async () => {
    const dir = planFolder();
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
    plan.month = "2026-13";
    writeFileSync(join(dir, "bad-month.json"), JSON.stringify(plan));
    const badMonth = await runCli(["plan", "--config", "bad-month.json"], { cwd: dir });
    expect(badMonth.status).toBe(2);
    expect(badMonth.stderr).toBe('bad-month.json: month: month must be YYYY-MM with a month from 01 to 12, got "2026-13"\n');

    plan.month = "2026-12";
    plan.staffing.channels.voice.targetServiceLevel = 80;
    writeFileSync(join(dir, "bad-staffing.json"), JSON.stringify(plan));
    const badStaffing = await runCli(["plan", "--config", "bad-staffing.json"], { cwd: dir });
    expect(badStaffing.status).toBe(2);
    expect(badStaffing.stderr).toBe("bad-staffing.json: staffing.channels.voice.targetServiceLevel: 80 would read as 8000% (this field is a fraction); write 0.8 for 80%\n");

    plan.staffing.channels.voice.targetServiceLevel = 0.8;
    plan.history = "missing.csv";
    plan.holidays = "holidays.csv";
    writeFileSync(join(dir, "holidays.csv"), "date,label,kind\n2026-12-25,Christmas,someday\n");
    writeFileSync(join(dir, "bad.json"), JSON.stringify(plan));
    const bad = await runCli(["plan", "--config", "bad.json"], { cwd: dir });
    expect(bad.status).toBe(2);
    const lines = bad.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/file not found: .*missing\.csv$/);
    expect(lines[1]).toMatch(/^holidays\.csv:2:3: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const missing = await runCli(["plan", "--config", "nope.json"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("--config: file not found: nope.json\n");
  });

  it("takes the month, history, orders target and calendar from flags over the plan file", async () => {
    const dir = planFolder();
    mkdirSync(join(dir, "data"));
    copyFileSync(join(dir, "history.csv"), join(dir, "data", "other-history.csv"));
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
    plan.history = "missing.csv";
    delete plan.shifts;
    delete plan.scenarios;
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--history", "data/other-history.csv", "--orders-target", "45000", "--month", "2026-12"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8"));
    expect(summary.cost.orders).toBe(45000);
    expect(summary.schedule).toBeNull();
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".wfm-plan", "costs.csv", "forecast.csv", "report.html", "report.md", "staffing.csv", "summary.json"]);

    const badTarget = await runCli(["plan", "--config", "plan.json", "--orders-target", "lots"], { cwd: dir });
    expect(badTarget.status).toBe(2);
    expect(badTarget.stderr).toBe('--orders-target: expected a number greater than 0, got "lots"\n');
    const badCalendar = await runCli(["plan", "--config", "plan.json", "--calendar", "julian"], { cwd: dir });
    expect(badCalendar.status).toBe(2);
    expect(badCalendar.stderr).toBe('--calendar: expected one of gregorian, persian, got "julian"\n');
  });

  it("plans a Persian (Solar Hijri) month", async () => {
    const dir = planFolder();
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
    delete plan.shifts;
    delete plan.scenarios;
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    const run = await runCli(["plan", "--config", "plan.json", "--out", "azar", "--month", "1405-09", "--calendar", "persian"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "azar", "summary.json"), "utf8"));
    // Azar 1405 runs from 22 November to 21 December 2026 (30 days).
    expect(summary.period).toEqual({ label: "1405-09", calendar: "persian", start: "2026-11-22", end: "2026-12-22", days: 30, intervalMinutes: 60 });
    expect(summary.forecast.intervals).toHaveLength(30 * 24 * 2);
    expect(summary.forecast.intervals[0].timestamp).toBe("2026-11-22T00:00");
  });
});
