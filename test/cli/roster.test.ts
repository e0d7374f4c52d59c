import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import ICAL from "ical.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAgentsCsv, parseRequestsCsv, readRosterInputs } from "../../src/io/roster-input.js";
import { checkRoster } from "../../src/roster/check.js";
import { parseRosterBenchmark } from "../../src/io/roster-benchmark.js";
import { evaluateRosterBenchmark } from "../../src/roster/benchmark-evaluate.js";
import { runCli, tempDir } from "../support/cli.js";
import { tinyText } from "../roster/benchmark-fixtures.js";

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Three agents, a week from Monday 2026-12-07, one Early and one Late wanted each day. */
const agentsCsv = [
  "id,name,team,templates,maxHoursPerWeek,minHoursPerMonth,maxConsecutiveDays,minConsecutiveDaysOff,maxWeekends,maxNights",
  "a1,Ana,calls,,40,15,5,1,1,0",
  "a2,Ben,calls,Early|Late,40,15,5,1,1,0",
  "a3,Cleo,calls,Early,40,,5,1,1,0",
  "",
].join("\n");
const requestsCsv = ["agent,date,kind,template,weight", "a1,2026-12-07,leave,,", "a2,2026-12-08,on,Early,3", "a3,2026-12-12,off,,2", ""].join("\n");
const config = JSON.stringify({
  startDate: "2026-12-07",
  days: 7,
  templates: [
    { name: "Early", start: "07:00", lengthMinutes: 480, unpaidBreakMinutes: 30, breaks: "lunch 11:00-11:30" },
    { name: "Late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
  ],
  rules: { minRestHours: 11 },
  demand: [
    { template: "Early", agents: 1 },
    { template: "Late", agents: 1 },
  ],
});

describe("wfm roster", () => {
  it("writes roster.csv, summary.csv and result.json, every hard rule held", async () => {
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": config });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--out", "out", "--gap", "0"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("hard rules");
    const result = JSON.parse(readFileSync(join(cwd, "out", "result.json"), "utf8")) as { status: string; shortfall: number; roster: Record<string, string[]>; summary: { agent: string; shifts: number }[] };
    expect(result.status).toBe("optimal");
    expect(result.shortfall).toBe(0);
    // leave on Monday, and Late then Early (8 h rest) never happens
    expect(result.roster.a1![0]).toBe("");
    for (const days of Object.values(result.roster)) for (let d = 0; d + 1 < 7; d++) expect(days[d] === "Late" && days[d + 1] === "Early").toBe(false);
    expect(result.roster.a3!.every((t) => t !== "Late")).toBe(true);
    const csv = readFileSync(join(cwd, "out", "roster.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("agent,name,team,date,template,start,end,breaks");
    expect(csv.length - 1).toBe(14); // 7 Early + 7 Late
    expect(csv.filter((line) => line.includes(",Early,07:00,15:00,lunch 11:00-11:30")).length).toBe(7);
    expect(readFileSync(join(cwd, "out", "summary.csv"), "utf8").split("\n")[0]).toBe("agent,name,team,shifts,paidHours,nights,weekends,leaveDays,requestsGranted,requests");
  });

  it("writes calendar/AGENT.ics files that round-trip roster.csv, and roster.html", async () => {
    const zoned = JSON.stringify({ ...JSON.parse(config), timeZone: "Asia/Tehran" });
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": zoned });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--out", "out", "--gap", "0"], { cwd });
    expect(run.status).toBe(0);
    expect(readdirSync(join(cwd, "out")).sort()).toEqual(["calendar", "result.json", "roster.csv", "roster.html", "summary.csv"]);
    expect(readdirSync(join(cwd, "out", "calendar")).sort()).toEqual(["a1.ics", "a2.ics", "a3.ics"]);
    const fromIcs: string[] = [];
    for (const agent of ["a1", "a2", "a3"]) {
      const comp = new ICAL.Component(ICAL.parse(readFileSync(join(cwd, "out", "calendar", `${agent}.ics`), "utf8")));
      for (const v of comp.getAllSubcomponents("vevent")) {
        const e = new ICAL.Event(v);
        expect(v.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Tehran");
        const start = e.startDate.toString();
        const end = e.endDate.toString();
        const nextDay = end.slice(0, 10) !== start.slice(0, 10) ? "+1" : "";
        fromIcs.push(`${agent},${start.slice(0, 10)},${start.slice(11, 16)},${end.slice(11, 16)}${nextDay}`);
      }
    }
    const fromCsv = readFileSync(join(cwd, "out", "roster.csv"), "utf8").trim().split("\n").slice(1).map((line) => {
      const [agent, , , date, , start, end] = line.split(",");
      return `${agent},${date},${start},${end}`;
    });
    expect(fromIcs.sort()).toEqual(fromCsv.sort());
    expect(new Set(fromIcs).size).toBe(fromIcs.length);
    const html = readFileSync(join(cwd, "out", "roster.html"), "utf8");
    expect(html).toContain("<caption>Team calendar (agents x days)</caption>");
  });

  it("names a time zone the runtime does not know", async () => {
    const cwd = folderWith({ "agents.csv": agentsCsv, "roster.json": JSON.stringify({ ...JSON.parse(config), timeZone: "Mars/Olympus" }) });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('roster.json: timeZone: expected an IANA time zone such as "Europe/London" or "Asia/Tehran"\n');
  });

  it("shares public holidays fairly: holiday spread line, holidays column, a date outside the period ignored", async () => {
    // Tuesday 8 and Thursday 10 December; New Year's Day lies outside the week
    const withHolidays = JSON.stringify({ ...JSON.parse(config), holidays: ["2026-12-08", "2026-12-10", "2027-01-01"], rules: { minRestHours: 11, holidayFairness: 50 } });
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": withHolidays });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--out", "out", "--gap", "0"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(join(cwd, "out", "result.json"), "utf8")) as { status: string; shortfall: number; holidaySpread: number; roster: Record<string, string[]>; summary: { agent: string; holidays: number }[] };
    expect(result.status).toBe("optimal");
    expect(result.shortfall).toBe(0);
    // two shifts on each holiday: 4 holiday shifts among 3 agents, so the fewest spread is 1 (2, 1, 1)
    const worked = Object.entries(result.roster).map(([, days]) => [1, 3].filter((d) => days[d] !== "").length);
    expect(Math.max(...worked) - Math.min(...worked)).toBe(1);
    expect(result.holidaySpread).toBe(1);
    expect(result.summary.map((s) => s.holidays)).toEqual(worked);
    expect(run.stdout).toMatch(/\nholiday spread +1\n/);
    expect(readFileSync(join(cwd, "out", "summary.csv"), "utf8").split("\n")[0]).toBe("agent,name,team,shifts,paidHours,nights,weekends,holidays,leaveDays,requestsGranted,requests");
    expect(readFileSync(join(cwd, "out", "roster.html"), "utf8")).toContain(">08 Tu (holiday)<");
  });

  it("names a holiday that is not a calendar date", async () => {
    const cwd = folderWith({ "agents.csv": agentsCsv, "roster.json": JSON.stringify({ ...JSON.parse(config), holidays: ["2026-12-25", "2026-02-30"] }) });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('roster.json: holidays[1]: "2026-02-30" is not a calendar date\n');
  });

  it("rosters against an interval requirement (--requirements): shifts and names chosen together, breaks not counted", async () => {
    // one agent wanted every hour 07:00-23:00 for the week; nobody at night
    const rows = ["timestamp,agents"];
    for (let d = 7; d <= 13; d++) for (let h = 0; h < 24; h++) rows.push(`2026-12-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:00,${h >= 7 && h < 23 ? 1 : 0}`);
    const noDemand = JSON.stringify({ ...JSON.parse(config), demand: undefined });
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": noDemand, "req.csv": `${rows.join("\n")}\n` });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--requirements", "req.csv", "--out", "out", "--gap", "0"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(join(cwd, "out", "result.json"), "utf8")) as { status: string; intervalShortfallHours: number; intervalExcessHours: number; roster: Record<string, string[]> };
    expect(result.status).toBe("optimal");
    // An Early and a Late every day fill every hour but the Early's lunch (11:00-11:30: half of the
    // 11:00 hour), 7 x 0.5 h short. The contracts allow 15 shifts (5 each at 40 h a week, Ana's leave
    // on Monday), one more than the 14: it doubles an Early, whose two half hours fill that day's
    // 11:00 hour (0.5 h less short, 100 per hour) for 7 h of excess (1 per hour).
    for (let d = 0; d < 7; d++) expect(Object.values(result.roster).map((days) => days[d])).toEqual(expect.arrayContaining(["Early", "Late"]));
    expect(Object.values(result.roster).flat().filter((t) => t !== "").length).toBe(15);
    expect(result.intervalShortfallHours).toBe(3);
    expect(result.intervalExcessHours).toBe(7);
    expect(run.stdout).toMatch(/\ninterval shortfall \(agent-hours\) +3\.00\n/);
  });

  it("names a requirement team no agent is in, and a requirement file of another period", async () => {
    const cwd = folderWith({ "agents.csv": agentsCsv, "roster.json": config, "req.csv": "timestamp,agents\n2027-03-01T08:00,2\n2027-03-01T09:00,2\n" });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json", "--requirements", "vip=req.csv", "--requirements", "req.csv"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      '--requirements: vip=req.csv: no agent is in team "vip" (teams: calls)\nreq.csv: no interval falls in the period 2026-12-07 (+7 days): the file covers another period\n',
    );
  });

  it("explains an infeasible roster per day and rule (exit 2)", async () => {
    const hard = JSON.stringify({ ...JSON.parse(config), demand: [{ template: "Early", agents: 3, minimum: 3, date: "2026-12-07" }] });
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": hard });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--gap", "0"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("roster.json: the hard minimum on Early on 2026-12-07 cannot be met: 1 agent short (leave and contracts leave too few agents)\n");
  });

  it("reports bad agent and request cells with file, line and column", async () => {
    const cwd = folderWith({ "agents.csv": "id,team,maxNights\na1,calls,-2\n,calls,1\n", "roster.json": config });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      ["agents.csv:2:3: maxNights: Too small: expected number to be >=0", "agents.csv:3:1: id: id must not be empty", ""].join("\n"),
    );
    expect(() => parseRequestsCsv("agent,date,kind\na1,2026-12-07,holiday\n", { file: "r.csv" })).toThrow("r.csv:2:3: kind: kind must be leave, on or off");
    expect(parseAgentsCsv("id,team,maxHoursPerWeek\na1,calls,40\n", { file: "a.csv" })[0]!.maxMinutesPerWeek).toBe(2400);
  });

  it("names a template the config does not define", async () => {
    const cwd = folderWith({ "agents.csv": "id,team,templates\na1,calls,Early|Mid\n", "roster.json": config });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('agent a1: unknown template "Mid" (the config defines Early, Late)\n');
  });

  it("requires --agents and --config", async () => {
    const run = await runCli(["roster", "--config", "x.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("--agents: required: the agents CSV (or pass --benchmark FILE)\n");
  });

  it("rosters a start window at any allowed start, with stable starts within the week (checked)", async () => {
    const windowed = JSON.stringify({
      ...JSON.parse(config),
      templates: [
        { name: "Early", start: "07:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, unpaidBreakMinutes: 30 },
        { name: "Late", start: "15:00", lengthMinutes: 480, unpaidBreakMinutes: 30 },
      ],
      rules: { minRestHours: 11, stableStartsWithinWeek: { maxStartDifferenceMinutes: 60 }, forbiddenSuccessions: [["Late", "Early"]], forbiddenSuccessionsScope: "working-days" },
    });
    const cwd = folderWith({ "agents.csv": agentsCsv, "requests.csv": requestsCsv, "roster.json": windowed });
    const run = await runCli(["roster", "--agents", "agents.csv", "--requests", "requests.csv", "--config", "roster.json", "--out", "out", "--gap", "0"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/start changes within weeks +0\n/);
    const { problem } = readRosterInputs({ agents: join(cwd, "agents.csv"), requests: join(cwd, "requests.csv"), config: join(cwd, "roster.json") });
    expect(problem.templates.map((t) => t.name)).toEqual(["Early@07:00", "Early@08:00", "Early@09:00", "Late"]);
    const result = JSON.parse(readFileSync(join(cwd, "out", "result.json"), "utf8")) as { roster: Record<string, string[]>; startChanges: number };
    expect(checkRoster(problem, result.roster).violations).toEqual([]);
    expect(result.startChanges).toBe(0);
    const csv = readFileSync(join(cwd, "out", "roster.csv"), "utf8").trim().split("\n").slice(1);
    for (const line of csv) {
      const [, , , , template, start] = line.split(",");
      expect(template === "Early" ? ["07:00", "08:00", "09:00"] : ["15:00"]).toContain(start);
    }
    // stable starts: nobody works both an Early and the Late in one week (15:00 is 6 h past any Early)
    for (const days of Object.values(result.roster)) expect(days.some((t) => t.startsWith("Early")) && days.includes("Late")).toBe(false);
  });

  it("refuses a start window that ends before it starts", async () => {
    const bad = JSON.stringify({ ...JSON.parse(config), templates: [{ name: "Early", start: "07:00", latestStart: "06:00", lengthMinutes: 480 }, { name: "Late", start: "15:00", lengthMinutes: 480 }] });
    const cwd = folderWith({ "agents.csv": agentsCsv, "roster.json": bad });
    const run = await runCli(["roster", "--agents", "agents.csv", "--config", "roster.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("roster.json: templates[0].latestStart: latestStart 06:00 is before start 07:00\n");
  });

  it("prints the roster schema", async () => {
    const run = await runCli(["schema", "roster"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).properties.templates.type).toBe("array");
  });
});

describe("wfm roster --benchmark", () => {
  it("prints status, objective, bound, gap, seconds and the roster, which re-evaluates to the objective", async () => {
    const cwd = folderWith({ "tiny.txt": tinyText });
    const run = await runCli(["roster", "--benchmark", "tiny.txt", "--format", "json", "--time-limit", "20"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { status: string; objective: number; bound: number; gap: number; solveSeconds: number; roster: Record<string, string[]> };
    expect(Object.keys(out)).toEqual(["status", "objective", "bound", "gap", "solveSeconds", "roster"]);
    expect(out.status).toBe("optimal");
    const evaluation = evaluateRosterBenchmark(parseRosterBenchmark(tinyText, { file: "tiny.txt" }), out.roster);
    expect(evaluation.feasible).toBe(true);
    expect(evaluation.objective).toBe(out.objective);
    expect(out.bound).toBe(out.objective);
  });

  it("reports a bad record with its line", async () => {
    const cwd = folderWith({ "bad.txt": tinyText.replace("A,D=7|N=2,2400,960,3,2,2,1", "A,D=7|N=2,2400,x,3,2,2,1") });
    const run = await runCli(["roster", "--benchmark", "bad.txt"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('bad.txt:11:4: employee A: minTotalMinutes must be a whole number of at least 0, got "x"\n');
  });
});
