import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { historyCsv, smallHistory } from "../plan/fixture.js";

const rosterConfig = {
  timeZone: "Europe/Berlin",
  templates: [
    { name: "early", start: "07:00", lengthMinutes: 480, unpaidBreakMinutes: 30, breaks: "lunch 11:00-11:30" },
    { name: "late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
    { name: "night", start: "22:00", lengthMinutes: 480 },
  ],
  timeLimitSeconds: 20,
  gapPercent: 5,
};

/** A small plan (five weeks of history before December 2026, one voice channel) with a roster of six agents. */
function planFolder(roster: unknown): string {
  const dir = tempDir("wfm-plan-roster-");
  const rows = smallHistory(Date.UTC(2026, 9, 27)).filter((r) => r.channel === "voice");
  writeFileSync(join(dir, "history.csv"), historyCsv(rows));
  writeFileSync(join(dir, "agents.csv"), ["id,name,team,maxHoursPerWeek,maxNights", ...Array.from({ length: 6 }, (_, i) => `a${i + 1},Agent ${i + 1},voice,40,6`), ""].join("\n"));
  writeFileSync(join(dir, "requests.csv"), "agent,date,kind,template,weight\na1,2026-12-24,leave,,\na2,2026-12-05,off,,2\n");
  writeFileSync(join(dir, "roster.json"), JSON.stringify(rosterConfig));
  const plan = {
    name: "Roster test centre",
    month: "2026-12",
    history: "history.csv",
    forecast: { method: "seasonal-average" },
    staffing: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, minimumAgents: 1 } } },
    shifts: {
      templates: [
        { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480 },
        { name: "late", earliestStart: "13:00", latestStart: "16:00", startStepMinutes: 60, lengthMinutes: 480 },
        { name: "night", earliestStart: "22:00", lengthMinutes: 480 },
      ],
      coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200 },
    },
    schedule: { timeLimitSeconds: 20, gapPercent: 1 },
    roster,
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
  return dir;
}

describe("wfm plan with a roster", () => {
  it("adds roster.csv, roster.html, calendar/ and a report section; the demand is the plan's schedule", async () => {
    const dir = planFolder({ agents: "agents.csv", requests: "requests.csv", config: "roster.json" });
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--replications", "0"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const files = readdirSync(join(dir, "out"));
    for (const name of ["roster.csv", "roster.html", "calendar", "report.html", "schedule.csv"]) expect(files).toContain(name);
    expect(readdirSync(join(dir, "out", "calendar")).sort()).toEqual(["a1.ics", "a2.ics", "a3.ics", "a4.ics", "a5.ics", "a6.ics"]);
    expect(run.stdout).toContain("calendar/");
    expect(run.stdout).toMatch(/\n  roster              6 agents, \d+ shifts, \d+ of \d+ scheduled shifts unfilled, \d of 1 requests granted/);
    // Every rostered shift is one the plan's schedule asked for: per date and template, never more than scheduled.
    const scheduled = new Map<string, number>();
    for (const line of readFileSync(join(dir, "out", "schedule.csv"), "utf8").trim().split("\n").slice(1)) {
      const [date, , , , agents, template] = line.split(",");
      scheduled.set(`${date} ${template}`, (scheduled.get(`${date} ${template}`) ?? 0) + Number(agents));
    }
    const rostered = new Map<string, number>();
    const rosterLines = readFileSync(join(dir, "out", "roster.csv"), "utf8").trim().split("\n").slice(1);
    expect(rosterLines.length).toBeGreaterThan(0);
    for (const line of rosterLines) {
      const [agent, , , date, template] = line.split(",");
      expect(`${agent} ${date}`).not.toBe("a1 2026-12-24"); // leave
      rostered.set(`${date} ${template}`, (rostered.get(`${date} ${template}`) ?? 0) + 1);
    }
    for (const [key, n] of rostered) expect(n).toBeLessThanOrEqual(scheduled.get(key) ?? 0);
    const report = readFileSync(join(dir, "out", "report.html"), "utf8");
    expect(report).toContain('<section id="roster">');
    expect(report).toContain("<caption>Team calendar (agents x days)</caption>");
    const grid = readFileSync(join(dir, "out", "roster.html"), "utf8").split("<caption>Team calendar (agents x days)</caption>")[1]!.split("</table>")[0]!;
    const rows = grid.split("<tbody>")[1]!.split("<tr>").slice(1);
    expect(rows.length).toBe(6);
    for (const row of rows) expect(row.match(/<td/g)!.length).toBe(1 + 31);
  });

  it("shares the plan's public holidays (special days of kind holiday) fairly when the roster config names none", async () => {
    const dir = planFolder({ agents: "agents.csv", requests: "requests.csv", config: "roster.json" });
    writeFileSync(join(dir, "holidays.csv"), "date,label,kind\n2026-12-25,Christmas Day,holiday\n2026-12-26,Boxing Day,holiday\n2026-12-31,Year end sale,campaign\n");
    const plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ ...plan, holidays: "holidays.csv" }, null, 2));
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out", "--replications", "0"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const html = readFileSync(join(dir, "out", "roster.html"), "utf8");
    // the two holidays are marked in the calendar, the campaign day is not
    expect(html.match(/\(holiday\)/g)!.length).toBe(2);
    expect(html).toContain("25 Fr (holiday)");
    expect(html).toContain("26 Sa (holiday)");
    expect(html).toContain('<th class="num">holidays</th>');
  });

  it("names a roster problem in plan.json, before any work", async () => {
    const dir = planFolder({ agents: "agents.csv", config: { ...rosterConfig, startDate: "2026-12-01" } });
    const run = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("plan.json: roster.config");
    expect(run.stderr).toContain("startDate");
    const missing = planFolder({ agents: "agents.csv", config: { ...rosterConfig, templates: rosterConfig.templates.slice(0, 2) } });
    const second = await runCli(["plan", "--config", "plan.json", "--out", "out"], { cwd: missing });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe("plan.json: roster.config: templates: the shifts config's templates night are not in the roster config: define each with its start and length\n");
  });
});
