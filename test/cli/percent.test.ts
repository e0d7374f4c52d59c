/**
 * Percent flags and fields: a fraction written where percent is expected (or the reverse) is
 * refused with both readings, never read silently (issue 10: `--target 0.8/20` gave 1,177 agents
 * for 10 Erlangs).
 */
import { describe, expect, it } from "vitest";
import { costModelFromConfig } from "../../src/io/cost-config.js";
import { scenariosFromConfig } from "../../src/io/scenario-config.js";
import { staffingConfigFromJson } from "../../src/io/staffing-config.js";
import { runCli } from "../support/cli.js";
import { problemsOf } from "../support/problems.js";

const erlang = ["erlang", "--calls", "100", "--interval", "30", "--aht", "180"];

describe("percent flags", () => {
  it.each([
    [["--target", "0.8/20"], '--target: 0.8/20 reads as 0.8%/20; write 80/20 or 80%/20 for 80%, or 0.8%/20 if you mean 0.8%'],
    [["--target", "80/20", "--max-occupancy", "0.85"], "--max-occupancy: 0.85 reads as 0.85%; write 85 or 85% for 85%, or 0.85% if you mean 0.85%"],
    [["--target", "80/20", "--shrinkage", "0.3"], "--shrinkage: 0.3 reads as 0.3%; write 30 or 30% for 30%, or 0.3% if you mean 0.3%"],
  ])("wfm erlang %j is refused with both readings", async (flags, message) => {
    const run = await runCli([...erlang, ...flags]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${message}\n`);
  });

  it("a small percentage written with its sign is accepted, and 85 equals 85%", async () => {
    const signed = await runCli([...erlang, "--target", "80/20", "--max-occupancy", "0.5%", "--format", "json"]);
    // An occupancy cap of 0.5% needs A / N <= 0.005: N >= 10 / 0.005 = 2000 agents.
    expect(signed.status).toBe(0);
    expect((JSON.parse(signed.stdout) as { agents: number }).agents).toBe(2000);
    const plain = await runCli([...erlang, "--target", "80/20", "--max-occupancy", "85", "--format", "json"]);
    const sign = await runCli([...erlang, "--target", "80%/20", "--max-occupancy", "85%", "--format", "json"]);
    expect(plain.stdout).toBe(sign.stdout);
  });
});

describe("percent and fraction fields in configs", () => {
  const cost = (extra: Record<string, unknown>) => ({ currency: "EUR", hoursPerFte: 160, sites: [{ name: "a", agentSharePercent: 100, monthlyWage: 3000 }], ...extra });

  it("a ...Percent field below 1 is refused with both readings; its sign states a small percentage", () => {
    expect(problemsOf(() => costModelFromConfig(cost({ employerOverheadPercent: 0.28 }), "cost.json"))).toEqual([
      'cost.json: employerOverheadPercent: 0.28 reads as 0.28%; write 28 for 28%, or "0.28%" if you mean 0.28%',
    ]);
    expect(costModelFromConfig(cost({ employerOverheadPercent: "0.5%" }), "cost.json").employerOverheadRate.toString()).toBe("0.005");
    expect(costModelFromConfig(cost({ employerOverheadPercent: 28 }), "cost.json").employerOverheadRate.toString()).toBe("0.28");
  });

  it("a fraction field above 1 in the staffing config is refused with both readings", () => {
    const config = { channels: { voice: { type: "voice", targetServiceLevel: 80, targetAnswerSeconds: 20, maxOccupancy: 85 } } };
    expect(problemsOf(() => staffingConfigFromJson(config, "staffing.json"))).toEqual([
      "staffing.json: channels.voice.targetServiceLevel: 80 would read as 8000% (this field is a fraction); write 0.8 for 80%",
      "staffing.json: channels.voice.maxOccupancy: 85 would read as 8500% (this field is a fraction); write 0.85 for 85%",
    ]);
  });

  it("scenario targets and changes follow the percent rule", () => {
    const scenarios = { scenarios: [{ name: "s", serviceLevel: [{ channel: "voice", target: "0.9/20" }], aht: [{ channel: "voice", changePercent: -0.1 }] }] };
    expect(problemsOf(() => scenariosFromConfig(scenarios, "s.json"))).toEqual([
      's.json: scenarios[0].aht[0].changePercent: -0.1 reads as -0.1%; write -10 for -10%, or "-0.1%" if you mean -0.1%',
      's.json: scenarios[0].serviceLevel[0].target: 0.9/20 reads as 0.9%/20; write 90/20 for 90%, or "0.9%/20" if you mean 0.9%',
    ]);
  });
});

describe("role names are the same in every config", () => {
  it("a role name that is not camelCase is refused in the cost and the staffing config, with the name to write", () => {
    const cost = { currency: "EUR", hoursPerFte: 160, sites: [{ name: "a", agentSharePercent: 100, monthlyWage: 3000 }], supportingStaff: [{ role: "team-lead", agentsPerPerson: 15, monthlyWage: 3300 }] };
    expect(problemsOf(() => costModelFromConfig(cost, "cost.json"))).toEqual(['cost.json: supportingStaff[0].role: role names are camelCase and the same in every config: write "teamLead", not "team-lead"']);
    const staffing = { supportRatios: [{ role: "Team Lead", agentsPerRole: 15 }] };
    expect(problemsOf(() => staffingConfigFromJson(staffing, "staffing.json"))).toEqual([
      'staffing.json: supportRatios[0].role: role names are camelCase and the same in every config: write "teamLead", not "Team Lead"',
    ]);
  });
});
