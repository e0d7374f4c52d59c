import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

// `wfm schedule` with agent groups (`--staffing` with `agentGroups`): one schedule per group on
// its skill-transfer requirement, the scheduled headcount simulated for the service level per
// contact type.

/** A day 07:00-21:00 of two voice queues, hourly. */
function volumes(): string {
  const rows = ["timestamp,channel,calls,ahtSeconds"];
  for (let h = 7; h < 21; h++) {
    const billing = Math.round(20 + 60 * Math.exp(-((h - 11) ** 2) / 6) + 40 * Math.exp(-((h - 16) ** 2) / 5));
    const tech = Math.round(10 + 30 * Math.exp(-((h - 12) ** 2) / 8) + 20 * Math.exp(-((h - 17) ** 2) / 5));
    rows.push(`2026-12-07T${String(h).padStart(2, "0")}:00,billing,${billing},240`, `2026-12-07T${String(h).padStart(2, "0")}:00,tech,${tech},420`);
  }
  return `${rows.join("\n")}\n`;
}

const shifts = {
  templates: [
    { name: "early", earliestStart: "07:00", latestStart: "09:00", lengthMinutes: 480, costPerPaidHour: 20, breaks: [{ name: "lunch", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 }] },
    { name: "late", earliestStart: "12:00", latestStart: "13:00", lengthMinutes: 480, costPerPaidHour: 22, breaks: [{ name: "dinner", durationMinutes: 30, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 }] },
  ],
  coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200, excessPenaltyPerAgentHour: 1 },
};

function staffingConfig(agentGroups: unknown): unknown {
  return {
    channels: {
      billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
    },
    shrinkage: { method: "additive", components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
    agentGroups,
    routing: { overflowAfterSeconds: 10 },
  };
}

/** A folder with v.csv, shifts.json, staffing.json and the CSV `wfm staff` writes from them (staffing.csv). */
async function folder(agentGroups: unknown): Promise<string> {
  const dir = tempDir("wfm-schedule-groups-");
  writeFileSync(join(dir, "v.csv"), volumes());
  writeFileSync(join(dir, "shifts.json"), JSON.stringify(shifts));
  writeFileSync(join(dir, "staffing.json"), JSON.stringify(staffingConfig(agentGroups)));
  const staff = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "csv", "--out", "staffing.csv"], { cwd: dir });
  expect(staff.status).toBe(0);
  return dir;
}

const dedicated = [
  { name: "billing team", skills: ["billing"], costPerHour: 20 },
  { name: "tech team", skills: ["tech"], costPerHour: 22 },
];
const shared = [
  { name: "billing team", skills: ["billing"], costPerHour: 20 },
  { name: "tech team", skills: ["tech", "billing"], costPerHour: 22, ahtSecondsByType: { billing: 300 } },
];

interface GroupsJson {
  status: string;
  requirementColumn: string;
  totals: Record<string, number>;
  simulation: { replications: number; seed: number };
  agentGroups: { group: string; skills: string[]; status: string; totals: Record<string, number> }[];
  contactTypes: { type: string; targetServiceLevel: number; offered: number; serviceLevel: number; lower: number; upper: number; missesTarget: boolean }[];
  shifts: { group: string; agents: number; paidHours: number }[];
}

describe("wfm schedule with agent groups", () => {
  it("with one skill per group, each group's schedule is the schedule of its channel alone", async () => {
    const dir = await folder(dedicated);
    const run = await runCli(["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "staffing.json", "--format", "csv", "--replications", "4"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("date,start,end,breaks,agents,template,group");
    // The same shifts as scheduling each channel's rows of the staffing CSV on their own.
    const csv = readFileSync(join(dir, "staffing.csv"), "utf8").trim().split("\n");
    for (const [group, channel] of [["billing team", "billing"], ["tech team", "tech"]] as const) {
      writeFileSync(join(dir, `${channel}.csv`), `${[csv[0], ...csv.slice(1).filter((l) => l.split(",")[1] === channel)].join("\n")}\n`);
      const alone = await runCli(["schedule", `${channel}.csv`, "--shifts", "shifts.json", "--format", "csv"], { cwd: dir });
      expect(alone.status).toBe(0);
      const expected = alone.stdout.trim().split("\n").slice(1).map((l) => `${l},${group}`);
      expect(lines.filter((l) => l.endsWith(`,${group}`))).toEqual(expected);
    }
  }, 120_000);

  it("prints JSON: the groups' totals sum to the whole, a simulated service level per contact type", async () => {
    const dir = await folder(shared);
    const run = await runCli(["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "staffing.json", "--format", "json", "--replications", "6", "--coverage", "cov.csv"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as GroupsJson;
    expect(out.requirementColumn).toBe("agentGroups");
    expect(out.simulation).toMatchObject({ replications: 6, seed: 1 });
    expect(out.agentGroups.map((g) => [g.group, g.skills])).toEqual([["billing team", ["billing"]], ["tech team", ["tech", "billing"]]]);
    expect(out.totals.agentsScheduled).toBe(out.agentGroups.reduce((s, g) => s + g.totals.agentsScheduled!, 0));
    expect(out.totals.paidHours).toBeCloseTo(out.agentGroups.reduce((s, g) => s + g.totals.paidHours!, 0), 9);
    expect(out.totals.agentsScheduled).toBe(out.shifts.reduce((s, x) => s + x.agents, 0));
    // Offered contacts: the file's calls per channel.
    const calls = (channel: string) => volumes().trim().split("\n").slice(1).filter((l) => l.split(",")[1] === channel).reduce((s, l) => s + Number(l.split(",")[2]), 0);
    expect(out.contactTypes.map((t) => [t.type, t.offered])).toEqual([["billing", calls("billing")], ["tech", calls("tech")]]);
    for (const t of out.contactTypes) {
      expect(t.serviceLevel).toBeGreaterThanOrEqual(t.lower);
      expect(t.serviceLevel).toBeLessThanOrEqual(t.upper);
      expect(t.lower).toBeGreaterThanOrEqual(0);
      expect(t.upper).toBeLessThanOrEqual(1);
      expect(t.missesTarget).toBe(t.upper < t.targetServiceLevel);
    }
    const coverage = readFileSync(join(dir, "cov.csv"), "utf8").trim().split("\n");
    expect(coverage[0]).toBe("timestamp,group,required,scheduled,shortfall,excess");
    // 14 hours in 30-minute slots (the breaks' grid), per group.
    expect(coverage.length - 1).toBe(2 * 28);
  }, 120_000);

  it("prints the table and Markdown with the groups, the simulated service levels and the shifts; the same bytes twice", async () => {
    const dir = await folder(shared);
    const args = ["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "staffing.json", "--replications", "4"];
    const table = await runCli(args, { cwd: dir });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^status {17}optimal\n/);
    expect(table.stdout).toContain("\nAgent groups\n\n");
    expect(table.stdout).toContain("tech team     tech > billing (AHT billing 300 s)");
    expect(table.stdout).toContain("\nService level by contact type (simulated on the scheduled headcount)\n\n");
    expect(table.stdout).toMatch(/\nbilling {5}80% {6}697 +\d+\.\d% +\d+\.\d%-\d+\.\d% +- +(yes|no)\n/);
    expect(table.stdout).toContain("date        start  end    breaks");
    const again = await runCli(args, { cwd: dir });
    expect(again.stdout).toBe(table.stdout);
    const md = await runCli([...args, "--format", "md"], { cwd: dir });
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^## Schedule by agent group\n\n/);
    expect(md.stdout).toContain("## Service level by contact type (simulated on the scheduled headcount)\n\n| type | target | offered | simulated SL | 95% interval | abandoned | misses target |");
    expect(md.stdout).toContain("## Shifts\n\n| date | start | end | breaks | agents | template | group |");
  }, 120_000);

  it("names the problem in one line: a file without the workload, a channel no group serves, a bad --replications", async () => {
    const dir = await folder(shared);
    writeFileSync(join(dir, "agents.csv"), "timestamp,agents\n2026-12-07T08:00,3\n2026-12-07T09:00,4\n");
    const bare = await runCli(["schedule", "agents.csv", "--shifts", "shifts.json", "--staffing", "staffing.json"], { cwd: dir });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe("agents.csv: scheduling agent groups needs the workload per channel: calls and ahtSeconds on every row (write the file with wfm staff --format csv)\n");
    writeFileSync(join(dir, "billing-only.json"), JSON.stringify(staffingConfig([{ name: "billing team", skills: ["billing"] }])));
    const unserved = await runCli(["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "billing-only.json"], { cwd: dir });
    expect(unserved.status).toBe(2);
    expect(unserved.stderr).toBe("--staffing: no agent group serves channel tech of staffing.csv: add it to some group's skills, or schedule it separately\n");
    const replications = await runCli(["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "staffing.json", "--replications", "1"], { cwd: dir });
    expect(replications.status).toBe(2);
    expect(replications.stderr).toBe('--replications: expected a whole number from 2 to 1000, got "1"\n');
    writeFileSync(join(dir, "bad-aht.json"), JSON.stringify(staffingConfig([{ name: "all", skills: ["billing", "tech"], ahtSecondsByType: { billing: -1 } }])));
    const badAht = await runCli(["schedule", "staffing.csv", "--shifts", "shifts.json", "--staffing", "bad-aht.json"], { cwd: dir });
    expect(badAht.status).toBe(2);
    expect(badAht.stderr).toBe("bad-aht.json: agentGroups[0].ahtSecondsByType.billing: Too small: expected number to be >0\n");
  }, 120_000);
});
