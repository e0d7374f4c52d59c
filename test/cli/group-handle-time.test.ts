import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../src/queueing/required-agents.js";
import { runCli, tempDir } from "../support/cli.js";

// Handle time per agent group (`agentGroups[].ahtSecondsByType`) in `wfm teams` and `wfm staff`.

function folderWith(files: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return dir;
}

const erlangC = (calls: number, ahtSeconds: number, intervalSeconds: number) =>
  (requiredAgents({ model: "erlang-c", callsPerInterval: calls, intervalSeconds, ahtSeconds, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }) as { agents: number }).agents;

describe("wfm teams with handle times per agent group", () => {
  const config = {
    intervalMinutes: 30,
    contactTypes: [
      { name: "billing", volumes: [100, 60], ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      { name: "tech", volumes: [50, 80], ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    ],
    agentGroups: [
      { name: "billing juniors", skills: ["billing"], ahtSecondsByType: { billing: 240 } },
      { name: "tech", skills: ["tech"] },
    ],
    simulation: { replications: 6 },
  };

  it("staffs the current groups at their own handle times (Erlang C of each group's AHT) and shows them", async () => {
    const cwd = folderWith({ "teams.json": config });
    const json = await runCli(["teams", "--config", "teams.json", "--designs", "current", "--format", "json"], { cwd });
    expect(json.stderr).toBe("");
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout) as { designs: { design: string; intervals: { agents: number[] }[] }[] };
    expect(out.designs[0]!.intervals.map((r) => r.agents)).toEqual([
      [erlangC(100, 240, 1800), erlangC(50, 300, 1800)],
      [erlangC(60, 240, 1800), erlangC(80, 300, 1800)],
    ]);
    const table = await runCli(["teams", "--config", "teams.json", "--designs", "current"], { cwd });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/\nbilling juniors +billing \(AHT billing 240 s\) /);
  });

  it("reports a handle time for a type the group does not serve, naming the field", async () => {
    const cwd = folderWith({ "teams.json": { ...config, agentGroups: [{ name: "g", skills: ["billing", "tech"], ahtSecondsByType: { sales: 200 } }] } });
    const run = await runCli(["teams", "--config", "teams.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("teams.json: agentGroups[0].ahtSecondsByType.sales: names no skill of the group (billing, tech)\n");
  });

  it("wfm schema teams and wfm schema staffing describe ahtSecondsByType", async () => {
    for (const name of ["teams", "staffing"]) {
      const run = await runCli(["schema", name]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('"ahtSecondsByType"');
    }
  });
});

describe("wfm staff with handle times per agent group", () => {
  const volumes = "timestamp,channel,calls,ahtSeconds\n2026-12-01T09:00,billing,100,180\n2026-12-01T09:00,tech,40,300\n2026-12-01T09:30,billing,60,180\n2026-12-01T09:30,tech,70,300\n";
  const channels = {
    billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  };

  it("one group per channel: each group gets the Erlang C requirement at its own handle time", async () => {
    const config = { channels, agentGroups: [{ name: "B", skills: ["billing"], ahtSecondsByType: { billing: 150 } }, { name: "T", skills: ["tech"], ahtSecondsByType: { tech: 420 } }] };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": config });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { agentGroups: { intervals: { timestamp: string; agents: Record<string, number> }[] } };
    expect(out.agentGroups.intervals.map((r) => r.agents)).toEqual([
      { B: erlangC(100, 150, 1800), T: erlangC(40, 420, 1800) },
      { B: erlangC(60, 150, 1800), T: erlangC(70, 420, 1800) },
    ]);
    const table = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(table.stdout).toMatch(/\nB +billing \(AHT billing 150 s\) /);
  });

  it("a handle time for a channel the group does not serve is reported with its config path", async () => {
    const config = { channels, agentGroups: [{ name: "B", skills: ["billing"], ahtSecondsByType: { tech: 200 } }, { name: "T", skills: ["tech"] }] };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": config });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("staffing.json: agentGroups[0].ahtSecondsByType.tech: names no skill of the group (billing)\n");
  });
});
