import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const examples = resolve(import.meta.dirname, "../../examples");

function folderWith(files: Record<string, string>, encoding: BufferEncoding = "utf8"): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, encoding);
  return dir;
}

/** 2 agents 08-16, 1 agent 16-24; 10 calls an hour at 180 s. */
const curve = [
  "timestamp,calls,ahtSeconds,requiredAgents",
  ...Array.from({ length: 16 }, (_, k) => `2026-12-07T${String(8 + k).padStart(2, "0")}:00,10,180,${k < 8 ? 2 : 1}`),
  "",
].join("\n");

/** Hand-computed optimum: 2 x day (8 paid h at 10) + 1 x late (8 paid h at 12) = 256, no shortfall. */
const config = JSON.stringify({
  templates: [
    { name: "day", earliestStart: "08:00", lengthMinutes: 480, costPerPaidHour: 10 },
    { name: "late", earliestStart: "16:00", lengthMinutes: 480, costPerPaidHour: 12 },
  ],
  coverage: { shortfallPenaltyPerAgentHour: 1000, excessPenaltyPerAgentHour: 1 },
});

describe("wfm schedule", () => {
  it("writes one CSV row per shift instance (hand-computed optimum)", async () => {
    const cwd = folderWith({ "r.csv": curve, "s.json": config });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--format", "csv"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(["date,start,end,breaks,agents,template", "2026-12-07,08:00,16:00,,2,day", "2026-12-07,16:00,00:00+1,,1,late", ""].join("\n"));
  });

  it("reports totals in JSON: cost 256, 24 paid hours, optimal, no shortfall", async () => {
    const cwd = folderWith({ "r.csv": curve, "s.json": config });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--format", "json"], { cwd });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { status: string; requirementColumn: string; totals: Record<string, number>; shifts: unknown[] };
    expect(out.status).toBe("optimal");
    expect(out.requirementColumn).toBe("requiredAgents");
    expect(out.totals).toMatchObject({ agentsScheduled: 3, paidHours: 24, shiftCost: 256, objective: 256, shortfallAgentHours: 0, excessAgentHours: 0, efficiency: 1 });
    expect(out.shifts[0]).toEqual({ date: "2026-12-07", start: "2026-12-07T08:00", end: "2026-12-07T16:00", template: "day", agents: 2, paidHours: 8, breaks: [] });
  });

  it("writes the coverage CSV with the predicted service level (Erlang C, hand-computed)", async () => {
    const cwd = folderWith({ "r.csv": curve, "s.json": config });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--coverage", "cov.csv", "--out", "shifts.txt"], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(readFileSync(join(cwd, "shifts.txt"), "utf8")).toContain("status                   optimal\n");
    const lines = readFileSync(join(cwd, "cov.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("timestamp,required,scheduled,shortfall,excess,calls,serviceLevel,asaSeconds");
    // A = 10 x 180 / 3600 = 0.5 erlang. N = 2: C = 0.1, SL = 1 - 0.1 e^(-1.5 x 20/180) = 0.915352, ASA = 0.1 x 180 / 1.5 = 12 s.
    expect(lines[1]).toBe("2026-12-07T08:00,2,2,0,0,10,0.915352,12");
    // N = 1: C = 0.5, SL = 1 - 0.5 e^(-0.5 x 20/180) = 0.52702, ASA = 0.5 x 180 / 0.5 = 180 s.
    expect(lines[9]).toBe("2026-12-07T16:00,1,1,0,0,10,0.52702,180");
    expect(lines).toHaveLength(17);
  });

  it("nets shrinkage out of the predicted service level, as wfm plan does (one function: deliveredService)", async () => {
    // wfm staff's CSV: 200 calls an hour at 180 s (10 Erlangs), 20 scheduled agents at 30% shrinkage.
    const staffed = [
      "timestamp,channel,calls,ahtSeconds,requiredAgents,scheduledAgents,shrinkage",
      ...Array.from({ length: 8 }, (_, k) => `2026-12-07T${String(8 + k).padStart(2, "0")}:00,voice,200,180,14,20,0.3`),
      "",
    ].join("\n");
    const cwd = folderWith({ "r.csv": staffed, "s.json": JSON.stringify({ templates: [{ name: "day", earliestStart: "08:00", lengthMinutes: 480 }] }) });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--coverage", "cov.csv", "--out", "s.txt"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // 20 on the floor less 30% = 14 on contacts at 10 Erlangs: Erlang C SL within 20 s = 0.888352
    // (the textbook 100 calls / 30 min / 180 s / 14 agents case), not 0.9985 for all 20 heads.
    const lines = readFileSync(join(cwd, "cov.csv"), "utf8").trim().split("\n");
    expect(lines[1]).toMatch(/^2026-12-07T08:00,20,20,0,0,200,0\.88835\d*,/);
    expect(readFileSync(join(cwd, "s.txt"), "utf8")).toContain("predicted service level  88.8%");
    // With the channel's patience (Erlang A) from the staffing config, the same floor reads higher (callers who abandon do not wait).
    writeFileSync(join(cwd, "staffing.json"), JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 60 } } }));
    const withModel = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--staffing", "staffing.json", "--format", "json"], { cwd });
    expect(withModel.status).toBe(0);
    expect((JSON.parse(withModel.stdout) as { totals: { serviceLevel: number } }).totals.serviceLevel).toBeGreaterThan(0.8884);
  });

  it("prints the summary and the shifts as a table by default", async () => {
    const cwd = folderWith({ "r.csv": curve, "s.json": config });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json"], { cwd });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("status                   optimal");
    expect(lines).toContain("shift cost               256.00");
    // Call-weighted: 8 hours at 0.915352 and 8 hours at 0.527021 (see the coverage test) = 72.1%.
    expect(lines).toContain("predicted service level  72.1%");
    expect(lines.slice(16)).toEqual([
      "date        start  end      breaks  agents  template",
      "----------  -----  -------  ------  ------  --------",
      "2026-12-07  08:00  16:00                 2  day",
      "2026-12-07  16:00  00:00+1               1  late",
      "",
    ]);
  });

  it("schedules the example 24x7 config (early/day/late/night with breaks) with no shortfall", async () => {
    const day = ["timestamp,agents", ...Array.from({ length: 24 }, (_, h) => `2026-12-07T${String(h).padStart(2, "0")}:00,${h >= 8 && h < 20 ? 6 : 2}`), ""].join("\n");
    // The example with a shortfall penalty above any shift's cost, so the optimum has no shortfall.
    const example = JSON.parse(readFileSync(join(examples, "shifts-24x7.json"), "utf8")) as { coverage: Record<string, unknown> };
    example.coverage.shortfallPenaltyPerAgentHour = 5000;
    const cwd = folderWith({ "r.csv": day, "s.json": JSON.stringify(example) });
    const run = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--format", "json", "--time-limit", "20", "--gap", "2"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { totals: { shortfallAgentHours: number; agentsScheduled: number }; shifts: { breaks: unknown[] }[] };
    expect(out.totals.shortfallAgentHours).toBe(0);
    expect(out.shifts.every((s) => s.breaks.length > 0)).toBe(true);
  });

  it("prints progress (elapsed, best objective, gap) on stderr only when it is a terminal", async () => {
    const day = ["timestamp,agents", ...Array.from({ length: 24 }, (_, h) => `2026-12-07T${String(h).padStart(2, "0")}:00,${h >= 8 && h < 20 ? 6 : 2}`), ""].join("\n");
    const cwd = folderWith({ "r.csv": day });
    const args = ["schedule", "r.csv", "--shifts", join(examples, "shifts-24x7.json"), "--format", "csv", "--time-limit", "20", "--gap", "2"];
    const tty = await runCli(args, { cwd, stderrIsTTY: true });
    expect(tty.status).toBe(0);
    expect(tty.stderr).toMatch(/^(\rsolving: \d+\.\d s, best \d+\.\d\d, gap (-|\d+\.\d\d%) {3})+\n$/);
    const pipe = await runCli(args, { cwd });
    expect(pipe.stderr).toBe("");
  });

  it("solves a DBAI instance (Latin-1) and prints JSON with the instance's own fitness", async () => {
    const tiny = [
      "#MinuteInterval:", "60", "", "#DaysPerCycle:", "1", "", "#FlagCyclical: yes or no", "yes", "",
      "#Requirements:", "0 0 0 0 0 0 2 2 2 2 2 2 2 2 1 1 1 1 1 1 1 1 0 0", "",
      "#Number of shift templates", "2", "", "#Shift templates",
      "F Frühschicht 6:0 60 60 480 60 60 *", "S Spätschicht 14:0 60 60 480 60 60 *", "",
      "#Duties per week: Lower limit, Upper limit", "4.8 5", "", "# Average number of hours per week", " 38", "",
      "#UnderCover:", "1", "", "#Overcover:", "1", "", "#DutiesPerWeek:", "0", "", "#Shifts:", "60", "",
    ].join("\n");
    const cwd = folderWith({ "tiny.txt": tiny }, "latin1");
    const run = await runCli(["schedule", "--dbai", "tiny.txt", "--time-limit", "10"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ status: "optimal", objective: 120, shortageMinutes: 0, excessMinutes: 0, distinctShifts: 2, reference: null });
    expect(out.shifts).toEqual([
      { start: "06:00", lengthMinutes: 480, counts: [2] },
      { start: "14:00", lengthMinutes: 480, counts: [1] },
    ]);
  });

  describe("errors (one line per problem, exit 2)", () => {
    it("names the intervals no shift can cover in hard mode", async () => {
      const hard = JSON.stringify({ templates: [{ name: "day", earliestStart: "08:00", lengthMinutes: 480 }], coverage: { mode: "hard" } });
      const cwd = folderWith({ "r.csv": curve, "s.json": hard });
      const run = await runCli(["schedule", "r.csv", "--shifts", "s.json"], { cwd });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe("r.csv: hard coverage is impossible: 2026-12-07T16:00 to 2026-12-08T00:00: up to 1 agents required and no shift template covers it\n");
    });

    it("requires --shifts", async () => {
      const cwd = folderWith({ "r.csv": curve });
      const run = await runCli(["schedule", "r.csv"], { cwd });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe("--shifts: required: the shift config JSON (templates, breaks, penalties); see wfm schema shifts\n");
    });

    it("reports config problems with their paths", async () => {
      const bad = JSON.stringify({ templates: [{ name: "day", earliestStart: "8am", lengthMinutes: 45 }, { name: "day", earliestStart: "09:00", lengthMinutes: 480 }] });
      const cwd = folderWith({ "r.csv": curve, "s.json": bad });
      const run = await runCli(["schedule", "r.csv", "--shifts", "s.json"], { cwd });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('s.json: templates[0].earliestStart: expected a time of day "HH:MM" such as "06:30"\n');
      const grid = JSON.stringify({ templates: [{ name: "day", earliestStart: "08:00", lengthMinutes: 45 }, { name: "day", earliestStart: "09:00", lengthMinutes: 480 }] });
      writeFileSync(join(cwd, "g.json"), grid);
      const second = await runCli(["schedule", "r.csv", "--shifts", "g.json"], { cwd });
      expect(second.status).toBe(2);
      expect(second.stderr).toBe(
        [
          "g.json: templates[1].name: template name \"day\" is used twice",
          "",
        ].join("\n"),
      );
    });

    it("rejects a bad CSV cell with file:line:column", async () => {
      const cwd = folderWith({ "r.csv": "timestamp,agents\n2026-12-07T08:00,2\n2026-12-07T09:00,-1\n", "s.json": config });
      const run = await runCli(["schedule", "r.csv", "--shifts", "s.json"], { cwd });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('r.csv:3:2: agents must be a non-negative number, got "-1"\n');
    });

    it("rejects bad flags and refuses to overwrite an input", async () => {
      const cwd = folderWith({ "r.csv": curve, "s.json": config });
      const format = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--format", "xml"], { cwd });
      expect(format.stderr).toBe('--format: expected one of table, csv, json, md, got "xml"\n');
      const limit = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--time-limit", "0"], { cwd });
      expect(limit.stderr).toBe('--time-limit: expected a number greater than 0, got "0"\n');
      const out = await runCli(["schedule", "r.csv", "--shifts", "s.json", "--out", "r.csv"], { cwd });
      expect(out.status).toBe(2);
      expect(out.stderr).toBe("--out: refusing to overwrite the input file " + join(cwd, "r.csv") + "; choose another output path\n");
      expect(readFileSync(join(cwd, "r.csv"), "utf8")).toBe(curve);
      const both = await runCli(["schedule", "r.csv", "--dbai", "x.txt"], { cwd });
      expect(both.stderr).toBe("--dbai: solves a benchmark file on its own; drop the requirements file and --shifts\n");
    });
  });
});
