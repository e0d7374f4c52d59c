import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { planStaffing } from "../../src/staffing/plan.js";

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const volumes = "timestamp,calls\n2026-12-01T09:00,100\n2026-12-01T09:30,0\n";
const classes = [
  { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
  { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
];
const vipConfig = JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, classes } } });

describe("wfm staff with priority classes and Erlang X", () => {
  it("json: per-class metrics per interval and per period, the same as planStaffing", async () => {
    const cwd = folderWith({ "v.csv": volumes, "s.json": vipConfig });
    const run = await runCli(["staff", "v.csv", "--config", "s.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    const plan = planStaffing({
      intervalMinutes: 30,
      intervals: [
        { localMs: Date.UTC(2026, 11, 1, 9), calls: 100 },
        { localMs: Date.UTC(2026, 11, 1, 9, 30), calls: 0 },
      ],
      config: { channels: { voice: { type: "voice", ahtSeconds: 180, classes } } },
    });
    expect(out.intervals.map((r: { requiredAgents: number }) => r.requiredAgents)).toEqual(plan.intervals.map((r) => r.requiredAgents));
    expect(out.intervals[0].classes.map((k: { name: string; calls: number }) => [k.name, k.calls])).toEqual([
      ["vip", 10],
      ["regular", 90],
    ]);
    expect(out.intervals[0].classes[0].serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(out.intervals[0].classes[1].serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(out.totals.classes.map((k: { name: string; targetServiceLevel: number }) => [k.name, k.targetServiceLevel])).toEqual([
      ["vip", 0.9],
      ["regular", 0.8],
    ]);
  });

  it("table: the channel line names the classes and a period table shows each class", async () => {
    const cwd = folderWith({ "v.csv": volumes, "s.json": vipConfig });
    const run = await runCli(["staff", "v.csv", "--config", "s.json", "--target", "70/30"], { cwd });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    // --target applies to channels without classes; the classes keep their own targets.
    expect(lines[1]).toBe("  voice: Erlang C, target priority classes vip 10% 90%/10 s; regular 90% 80%/20 s");
    const at = lines.indexOf("Priority classes");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]).toMatch(/^channel\s+class\s+share\s+calls\s+target\s+SL\s+worst interval SL\s+ASA s$/);
    expect(lines[at + 4]).toMatch(/^voice\s+vip\s+10\.0%\s+10\s+90\.0%\/10 s\s/);
    expect(lines[at + 5]).toMatch(/^voice\s+regular\s+90\.0%\s+90\s+80\.0%\/20 s\s/);
  });

  it("--intervals: a service-level column per class; Erlang X adds the blocking", async () => {
    const cwd = folderWith({
      "v.csv": volumes,
      "s.json": vipConfig,
      "x.json": JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 120, redialShare: 0.6, lines: 30 } } }),
    });
    const classed = await runCli(["staff", "v.csv", "--config", "s.json", "--intervals"], { cwd });
    expect(classed.stdout).toMatch(/answered\s+SL vip\s+SL regular\n|in window\s+SL vip\s+SL regular\n/);
    const x = await runCli(["staff", "v.csv", "--config", "x.json", "--intervals"], { cwd });
    expect(x.status).toBe(0);
    expect(x.stdout.split("\n")[1]).toBe("  voice: Erlang X (patience 120 s, redials 60% after 300 s, 30 lines), target 80%/20 s");
    expect(x.stdout).toMatch(/\s+blocked\n/);
  });

  it("wfm schema staffing has the voice channel's classes and Erlang X fields", async () => {
    const run = await runCli(["schema", "staffing"]);
    expect(run.status).toBe(0);
    const text = run.stdout;
    for (const field of ['"classes"', '"redialShare"', '"redialDelaySeconds"', '"lines"', '"maxBlockingProbability"']) expect(text).toContain(field);
  });

  it("bad classes in the config: one line naming the file and field, exit 2", async () => {
    const shares = JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, classes: [{ ...classes[0], share: 0.2 }, { ...classes[1], share: 0.7 }] } } });
    const percent = JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, classes: [{ ...classes[0], share: 10 }, classes[1]] } } });
    const never = JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, classes: [{ ...classes[0], targetServiceLevel: 1 }, classes[1]] } } });
    const cwd = folderWith({ "v.csv": volumes, "a.json": shares, "b.json": percent, "c.json": never });
    const a = await runCli(["staff", "v.csv", "--config", "a.json"], { cwd });
    expect([a.status, a.stdout, a.stderr]).toEqual([2, "", "a.json: channels.voice.classes: must be shares summing to 1 (100%) (vip 0.2, regular 0.7), got 0.9\n"]);
    const b = await runCli(["staff", "v.csv", "--config", "b.json"], { cwd });
    expect([b.status, b.stderr]).toEqual([2, "b.json: channels.voice.classes[0].share: 10 would read as 1000% (this field is a fraction); write 0.1 for 10%\n"]);
    const c = await runCli(["staff", "v.csv", "--config", "c.json"], { cwd });
    expect([c.status, c.stderr]).toEqual([
      2,
      'c.json: channels.voice.classes[0].targetServiceLevel: voice 2026-12-01T09:00: class "vip": a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive\n',
    ]);
  });
});
