import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requiredAgents } from "../../src/queueing/required-agents.js";
import { runCli, tempDir } from "../support/cli.js";

function folderWith(files: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return dir;
}

const config = {
  intervalMinutes: 30,
  contactTypes: [
    { name: "billing", volumes: [100, 60], ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    { name: "tech", volumes: [50, 80], ahtSeconds: 300, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  ],
  costPerHour: 20,
  crossTrainingPremium: 0.1,
  simulation: { replications: 10 },
};

describe("wfm teams", () => {
  it("prints the designs side by side: dedicated staffing is Erlang C per type", async () => {
    const cwd = folderWith({ "teams.json": config });
    const run = await runCli(["teams", "--config", "teams.json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("Team designs for teams.json: 2 intervals of 30 minutes");
    expect(lines[1]).toBe("  billing: 160 contacts, AHT 180 s, target 80%/20 s");
    const designRows = lines.filter((l) => /^(dedicated|pooled|cross-trained) +\d+ +\d+ /.test(l));
    expect(designRows.map((l) => l.split(/\s+/)[0])).toEqual(["dedicated", "pooled", "cross-trained"]);
    // Dedicated agent-hours = Σ Erlang C requirements × 0.5 h (an independent computation).
    const erlang = (calls: number, aht: number) => requiredAgents({ callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds: aht, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }).agents!;
    const hours = 0.5 * (erlang(100, 180) + erlang(60, 180) + erlang(50, 300) + erlang(80, 300));
    expect(designRows[0]!.split(/\s+/)[3]).toBe(hours.toFixed(1));
    expect(run.stdout).toContain("Groups of cross-trained");
    expect(run.stdout).toContain("billing+tech  billing > tech");
  });

  it("JSON: one entry per design with groups, service levels with intervals, and the staffing per interval", async () => {
    const cwd = folderWith({ "teams.json": config });
    const run = await runCli(["teams", "--config", "teams.json", "--designs", "dedicated,pooled", "--format", "json"], { cwd });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { designs: { design: string; agentHours: number; serviceLevels: { type: string; mean: number; lower: number; upper: number }[]; intervals: unknown[] }[] };
    expect(out.designs.map((d) => d.design)).toEqual(["dedicated", "pooled"]);
    expect(out.designs[1]!.agentHours).toBeLessThanOrEqual(out.designs[0]!.agentHours);
    for (const d of out.designs) {
      expect(d.intervals).toHaveLength(2);
      for (const sl of d.serviceLevels) {
        expect(sl.lower).toBeLessThanOrEqual(sl.mean);
        expect(sl.mean).toBeLessThanOrEqual(sl.upper);
      }
    }
  });

  it("Markdown, the same for the same seed (deterministic)", async () => {
    const cwd = folderWith({ "teams.json": config });
    const first = await runCli(["teams", "--config", "teams.json", "--format", "md", "--seed", "7"], { cwd });
    const second = await runCli(["teams", "--config", "teams.json", "--format", "md", "--seed", "7"], { cwd });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("### Designs");
    expect(first.stdout).toContain("| design | groups |");
    expect(second.stdout).toBe(first.stdout);
  });

  it("reports config mistakes one line each, naming the field", async () => {
    const cwd = folderWith({
      "teams.json": {
        ...config,
        contactTypes: [{ ...config.contactTypes[0], targetServiceLevel: 80 }, { ...config.contactTypes[1], escalation: { share: 0.1, to: "helpdesk" } }],
        agentGroups: [{ name: "g", skills: ["billing", "sales"] }],
      },
    });
    const run = await runCli(["teams", "--config", "teams.json"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("teams.json: contactTypes[0].targetServiceLevel: Too big: expected number to be <1\n");
    const fixed = folderWith({
      "teams.json": {
        ...config,
        contactTypes: [config.contactTypes[0], { ...config.contactTypes[1], escalation: { share: 0.1, to: "helpdesk" } }],
        agentGroups: [{ name: "g", skills: ["billing", "sales"] }],
      },
    });
    const second = await runCli(["teams", "--config", "teams.json"], { cwd: fixed });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(
      [
        "teams.json: contactTypes[1].escalation.to: names no contact type (billing, tech)",
        "teams.json: agentGroups[0].skills[1]: names no contact type (billing, tech)",
        "",
      ].join("\n"),
    );
  });

  it("reports a bad flag naming it", async () => {
    const cwd = folderWith({ "teams.json": config });
    const run = await runCli(["teams", "--config", "teams.json", "--designs", "pooled,current"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--designs: expected a comma-separated list of dedicated, pooled, cross-trained (current needs agentGroups in the config), got "pooled,current"\n');
    const missing = await runCli(["teams", "--config", "nope.json"], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^--config: .*nope\.json/);
  });

  it("wfm schema teams prints the JSON Schema of teams.json", async () => {
    const run = await runCli(["schema", "teams"]);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(["intervalMinutes", "contactTypes"]);
    expect(Object.keys(schema.properties)).toContain("agentGroups");
  });
});
