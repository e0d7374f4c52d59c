import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyCsv, smallHistory } from "../plan/fixture.js";
import { runCli, tempDir } from "../support/cli.js";

/** Five weeks of history with two voice queues (billing, tech), staffed by two groups. */
function planFolder(agentGroups: unknown, shifts?: unknown): string {
  const dir = tempDir("wfm-plan-teams-");
  const rows = smallHistory(Date.UTC(2026, 9, 27)).map((r) => ({ ...r, channel: r.channel === "voice" ? "billing" : "tech" }));
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  const plan = {
    name: "Teams test centre",
    month: "2026-12",
    history: "history.csv",
    forecast: { method: "seasonal-average" },
    staffing: {
      channels: {
        billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
        tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
      },
      ...(agentGroups === undefined ? {} : { agentGroups, routing: { overflowAfterSeconds: 10 } }),
    },
  };
  if (shifts !== undefined) writeFileSync(join(dir, "shifts.json"), JSON.stringify(shifts));
  writeFileSync(join(dir, "plan.json"), JSON.stringify(shifts === undefined ? plan : { ...plan, shifts: "shifts.json", schedule: { timeLimitSeconds: 20, gapPercent: 5 } }, null, 2));
  return dir;
}

describe("wfm plan with several contact types", () => {
  it("the report gets a teams section: the designs and the centre's groups on the busiest day", async () => {
    const dir = planFolder([
      { name: "billing team", skills: ["billing"] },
      { name: "tech team", skills: ["tech", "billing"], costPerHour: 1.1 },
    ]);
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const md = readFileSync(join(dir, "out", "report.md"), "utf8");
    expect(md).toMatch(/## Teams and skills \(busiest day, 2026-12-\d\d\)/);
    expect(md).toContain("| design | groups | peak agents | agent hours | FTE | cost | 2+ skills | SL billing | SL tech |");
    expect(md).toMatch(/\| dedicated \| 2 \|/);
    expect(md).toContain("| tech team | tech > billing |");
    expect(readFileSync(join(dir, "out", "report.html"), "utf8")).toContain("Teams and skills (busiest day, 2026-12-");
  }, 60_000);

  it("one voice queue: no teams section", async () => {
    const dir = tempDir("wfm-plan-one-");
    const rows = smallHistory(Date.UTC(2026, 9, 27)).filter((r) => r.channel === "voice");
    writeFileSync(join(dir, "history.csv"), historyCsv(rows));
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ month: "2026-12", history: "history.csv", forecast: { method: "seasonal-average" }, staffing: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } }));
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "out", "report.md"), "utf8")).not.toContain("Teams and skills");
  }, 60_000);

  it("schedules one team per agent group and reports the simulated service level per contact type", async () => {
    const shifts = {
      templates: [
        { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 20 },
        { name: "late", earliestStart: "13:00", latestStart: "16:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 22 },
        { name: "night", earliestStart: "22:00", latestStart: "22:00", lengthMinutes: 480, costPerPaidHour: 26 },
      ],
      coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200 },
    };
    const dir = planFolder([{ name: "billing team", skills: ["billing"] }, { name: "tech team", skills: ["tech", "billing"] }], shifts);
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--replications", "4"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\n {2}simulated billing {3}\d+\.\d% ± \d+\.\d \(target 80\.0%; agent groups' schedule\)\n {2}simulated tech {6}\d+\.\d% ± \d+\.\d \(target 80\.0%; agent groups' schedule\)\n/);
    expect(run.stdout).toMatch(/\n {2}schedule billing team /);
    expect(run.stdout).toMatch(/\n {2}schedule tech team /);
    const summary = JSON.parse(readFileSync(join(dir, "out", "summary.json"), "utf8"));
    expect(summary.schedule.teams.map((t: { team: string; channels: string[] }) => [t.team, t.channels])).toEqual([["billing team", ["billing"]], ["tech team", ["tech", "billing"]]]);
    const types = summary.schedule.agentGroups.contactTypes;
    expect(types.map((t: { type: string }) => t.type)).toEqual(["billing", "tech"]);
    for (const t of types) expect(t.halfWidth).toBeGreaterThan(0);
    const md = readFileSync(join(dir, "out", "report.md"), "utf8");
    const at = md.indexOf("Shift schedule\n");
    expect(at).toBeGreaterThan(0);
    const schedule = md.slice(at, md.indexOf("\n## ", at));
    expect(schedule).toContain("| contact type | contacts | target | service level | 95% interval | abandoned | meets target |");
    expect(schedule).toContain("| tech team | tech > billing |");
  }, 180_000);
});
