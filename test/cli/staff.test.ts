import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const examples = resolve(import.meta.dirname, "../../examples");

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// 100 calls / 30 min at 180 s, 80/20, 30% shrinkage: 14 required, 20 scheduled
// (../shared/reference/queueing-cases.json, C-CCH-REQ-80-20-shrink30).
const twoIntervals = "timestamp,calls\n2026-12-01T09:00,100\n2026-12-01T09:30,100\n";

describe("wfm staff", () => {
  it("staffs a file from flags alone (reference case: 14 required, 20 scheduled)", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const run = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--shrinkage", "30", "--format", "csv"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "timestamp,channel,calls,ahtSeconds,trafficErlangs,requiredAgents,scheduledAgents,serviceLevel,asaSeconds,occupancy,waitProbability,abandonProbability,shrinkage,backlog,answeredWithinTarget",
        "2026-12-01T09:00,voice,100,180,10,14,20,0.88835,7.836,0.714286,0.174132,,0.3,,",
        "2026-12-01T09:30,voice,100,180,10,14,20,0.88835,7.836,0.714286,0.174132,,0.3,,",
        "",
      ].join("\n"),
    );
  });

  it("prints a per-day table with totals and supporting staff by default", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const run = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--shrinkage", "30"], { cwd });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Staffing plan for v.csv: 2026-12-01 to 2026-12-01 (1 day, 30-minute intervals)");
    expect(lines[1]).toBe("  voice: Erlang C, target 80%/20 s");
    expect(run.stdout).toContain("2026-12-01  voice      200  88.8%    7.8  71.4%           10.0        14.0         20.0  3.9        14          20");
    // FTE: 20 scheduled hours / (160 h / 31 days of December) = 3.875
    expect(run.stdout).toContain("Total FTE: 3.9 agents + 0.6 supporting = 4.5");
  });

  it("runs the example month with its config; JSON has intervals, days and totals", async () => {
    const run = await runCli(["staff", "volumes-month.csv", "--config", "staffing.json", "--format", "json"], { cwd: examples });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as { intervals: Record<string, unknown>[]; days: { channel: string }[]; totals: { channels: { channel: string }[]; agentFte: number } };
    expect(Object.keys(plan)).toEqual(["intervals", "days", "totals", "notes"]);
    expect(plan.intervals).toHaveLength(1440);
    expect(Object.keys(plan.intervals[0]!).slice(0, 3)).toEqual(["timestamp", "channel", "channelType"]);
    expect(plan.intervals[0]).toMatchObject({ timestamp: "2026-11-01T00:00", channel: "voice", channelType: "voice" });
    expect(plan.days).toHaveLength(90);
    expect(plan.totals.channels.map((c) => c.channel)).toEqual(["voice", "chat"]);
    expect(plan.totals.agentFte).toBeGreaterThan(50);
    // Erlang A for voice (the config has a patience), so every voice interval reports abandonment.
    expect(plan.intervals.filter((i) => i.channel === "voice").every((i) => typeof i.abandonProbability === "number")).toBe(true);
  });

  it("--intervals prints one row per interval; md renders Markdown tables", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const run = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--intervals", "--format", "md"], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("### Intervals");
    expect(run.stdout).toContain("| 2026-12-01T09:30 | voice | 100 | 180 | 10.00 | 14 | 14 |");
  });

  it("writes --out atomically and never over the input", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const ok = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--format", "csv", "--out", "plan.csv"], { cwd });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("");
    expect(readFileSync(join(cwd, "plan.csv"), "utf8")).toMatch(/^timestamp,channel,calls,/);
    const refused = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--out", "v.csv"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`--out: refusing to overwrite the input file ${join(cwd, "v.csv")}; choose another output path\n`);
    expect(readFileSync(join(cwd, "v.csv"), "utf8")).toBe(twoIntervals);
  });

  it("explains a missing target or handle time in one line, exit 2", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const noTarget = await runCli(["staff", "v.csv", "--aht", "180"], { cwd });
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toBe(
      '--target: channel "voice" has no service-level target: pass --target 80/20 or set channels.voice.targetServiceLevel and targetAnswerSeconds in a --config file\n',
    );
    const noAht = await runCli(["staff", "v.csv", "--target", "80/20"], { cwd });
    expect(noAht.status).toBe(2);
    expect(noAht.stderr).toBe(
      '--aht: channel "voice" has no handle time: the file has no ahtSeconds column on every row; pass --aht SECONDS or set channels.voice.ahtSeconds in a --config file\n',
    );
  });

  it("rejects bad flags naming the option", async () => {
    const cwd = folderWith({ "v.csv": twoIntervals });
    const cases: [string[], string][] = [
      [["--aht", "-3", "--target", "80/20"], '--aht: expected a number greater than 0, got "-3"\n'],
      [["--aht", "180", "--target", "80"], '--target: expected PERCENT/SECONDS such as 80/20, got "80"\n'],
      [["--aht", "180", "--target", "80/20", "--shrinkage", "100"], '--shrinkage: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got "100"\n'],
      [["--aht", "180", "--target", "80/20", "--format", "xml"], '--format: expected one of table, csv, json, md, got "xml"\n'],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(["staff", "v.csv", ...flags], { cwd });
      expect(run.status, flags.join(" ")).toBe(2);
      expect(run.stderr).toBe(message);
    }
  });

  it("reports every bad cell of the volume file with line and column, and writes nothing", async () => {
    const cwd = folderWith({ "v.csv": "timestamp,calls\n2026-12-01T09:00,abc\n2026-12-01T09:30,-1\n" });
    const run = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--out", "plan.csv"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('v.csv:2:2: calls must be a non-negative number, got "abc"\nv.csv:3:2: calls must be a non-negative number, got "-1"\n');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(join(cwd, "plan.csv"))).toBe(false);
  });

  it("reports config problems with the file and the field path", async () => {
    const cwd = folderWith({
      "v.csv": twoIntervals,
      "bad.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 80, targetAnswerSeconds: 20, colour: "red" } } }),
      "shrink.json": JSON.stringify({ shrinkage: { components: [{ name: "a", fraction: 0.6 }, { name: "b", fraction: 0.5 }] } }),
    });
    const bad = await runCli(["staff", "v.csv", "--aht", "180", "--config", "bad.json"], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bad.json: channels.voice.targetServiceLevel: 80 would read as 8000% (this field is a fraction); write 0.8 for 80%\nbad.json: channels.voice: Unrecognized key: "colour"\n');
    const shrink = await runCli(["staff", "v.csv", "--aht", "180", "--target", "80/20", "--config", "shrink.json"], { cwd });
    expect(shrink.status).toBe(2);
    expect(shrink.stderr).toBe("shrink.json: shrinkage: components must be below 100% in total at every hour (sunday 00:00 totals 110.0%), got 1.1\n");
    const missing = await runCli(["staff", "v.csv", "--config", "nope.json"], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("--config: file not found: nope.json\n");
  });

  it("accepts a business-hours file when the config gives the opening hours", async () => {
    const rows = ["timestamp,calls,ahtSeconds"];
    for (const day of ["2026-11-23", "2026-11-24"]) for (let h = 8; h < 20; h++) rows.push(`${day}T${String(h).padStart(2, "0")}:00,60,200`);
    const config = { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } }, openingHours: { monday: ["08:00-20:00"], tuesday: ["08:00-20:00"] } };
    const cwd = folderWith({ "v.csv": `${rows.join("\n")}\n`, "staffing.json": JSON.stringify(config) });
    const withHours = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    expect(withHours.stderr).toBe("");
    expect(withHours.status).toBe(0);
    expect((JSON.parse(withHours.stdout) as { intervals: unknown[] }).intervals).toHaveLength(24);
    // Without openingHours the hours inferred from the file are used and reported.
    const without = await runCli(["staff", "v.csv", "--target", "80/20", "--format", "json"], { cwd });
    expect(without.stderr).toBe("");
    expect(without.status).toBe(0);
    const plan = JSON.parse(without.stdout) as { intervals: unknown[]; notes: string[] };
    expect(plan.intervals).toHaveLength(24);
    expect(plan.notes).toEqual(["opening hours inferred from v.csv (no openingHours in the config): Mon-Tue 08:00-20:00, Wed-Sun closed"]);
  });

  it("calls in intervals the config closes: a note with their count, or exit 2 with --strict", async () => {
    const rows = ["timestamp,calls,ahtSeconds"];
    for (let h = 8; h < 20; h++) rows.push(`2026-11-23T${String(h).padStart(2, "0")}:00,${h >= 18 ? 10 : 60},200`);
    const config = { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } }, openingHours: { monday: ["08:00-18:00"] } };
    const cwd = folderWith({ "v.csv": `${rows.join("\n")}\n`, "staffing.json": JSON.stringify(config) });
    const table = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(table.status).toBe(0);
    // 18:00 and 19:00 have 10 calls each: 2 intervals, 20 calls.
    expect(table.stdout).toContain("note: 2 intervals with 20 calls fall outside openingHours of staffing.json (Mon 08:00-18:00, Tue-Sun closed) and get 0 agents; fix openingHours, or pass --strict to make this an error\n");
    const json = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    expect((JSON.parse(json.stdout) as { notes: string[] }).notes).toHaveLength(1);
    const strict = await runCli(["staff", "v.csv", "--config", "staffing.json", "--strict"], { cwd });
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toBe("--strict: 2 intervals with 20 calls fall outside openingHours of staffing.json (Mon 08:00-18:00, Tue-Sun closed) and get 0 agents; fix openingHours or the volumes\n");
  });

  it("wfm schema staffing prints the JSON Schema of staffing.json", async () => {
    const run = await runCli(["schema", "staffing"]);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["channels", "shrinkage", "supportRatios", "fixedRoles", "hoursPerFtePerMonth", "openingHours"]));
  });
});

describe("wfm staff with agent groups", () => {
  const volumes = "timestamp,channel,calls,ahtSeconds\n2026-12-01T09:00,billing,100,180\n2026-12-01T09:00,tech,40,300\n2026-12-01T09:30,billing,60,210\n2026-12-01T09:30,tech,70,330\n";
  const channels = {
    billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  };

  it("one group per channel: the groups get each channel's required agents exactly", async () => {
    const config = { channels, agentGroups: [{ name: "B", skills: ["billing"] }, { name: "T", skills: ["tech"] }] };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": JSON.stringify(config) });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      intervals: { timestamp: string; channel: string; requiredAgents: number }[];
      agentGroups: { intervals: { timestamp: string; agents: Record<string, number> }[]; serviceLevels: { type: string }[] };
    };
    for (const row of out.agentGroups.intervals) {
      const required = (channel: string) => out.intervals.find((i) => i.timestamp === row.timestamp && i.channel === channel)!.requiredAgents;
      expect(row.agents).toEqual({ B: required("billing"), T: required("tech") });
    }
    expect(out.agentGroups.serviceLevels.map((s) => s.type)).toEqual(["billing", "tech"]);
  });

  it("a shared group: the table gets an agent-group section with the simulated service level", async () => {
    const config = { channels, agentGroups: [{ name: "all", skills: ["billing", "tech"] }], routing: { overflowAfterSeconds: 0 } };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": JSON.stringify(config) });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Agent groups\n\nStaffed by group (skill-transfer program + simulation check):");
    expect(run.stdout).toMatch(/\nall +billing > tech +1\.00 /);
    expect(run.stdout).toMatch(/ {2}billing: simulated SL \d+\.\d% \(95% interval/);
  });

  it("a skill naming no voice channel of the file is reported with its config path", async () => {
    const config = { channels, agentGroups: [{ name: "all", skills: ["billing", "sales"] }] };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": JSON.stringify(config) });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('staff by agent group: config.agentGroups[0].skills[1] must be a channel of the volume file (billing, tech), got "sales"\n');
  });
});
