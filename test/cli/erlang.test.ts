/**
 * `wfm erlang`, run in-process. Expected numbers come from the shared reference
 * (../shared/reference/queueing-cases.json: C-CCH-REQ-80-20-shrink30, A-PYWF-REQ, B-TABLE-A100-1pct,
 * C-UNSTABLE-N-EQ-A), so the table and JSON are checked against independent values.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const classic = ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20"];

describe("wfm erlang", () => {
  it("solves the classic example (100 calls / 30 min, AHT 180 s, 80/20) as a readable table", async () => {
    const run = await runCli(classic);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "model                    Erlang C (M/M/N, callers wait)",
        "traffic                  10 Erlangs (100 calls per 30 min x 180 s AHT)",
        "targets                  80% within 20 s",
        "agents                   14 (minimum meeting every target)",
        "service level            88.8% within 20 s",
        "wait probability         17.4%",
        "average speed of answer  7.8 s",
        "occupancy                71.4%",
        "stable                   yes (agents > traffic)",
        "with 13 agents           service level 79.6%: misses a target",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON with the documented keys, ratios as fractions (reference C-CCH-REQ-80-20-shrink30)", async () => {
    const run = await runCli([...classic, "--max-occupancy", "85%", "--shrinkage", "30", "--format", "json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "model",
      "trafficErlangs",
      "agents",
      "scheduledAgents",
      "waitProbability",
      "serviceLevel",
      "asaSeconds",
      "occupancy",
      "stable",
      "feasible",
    ]);
    expect(json).toMatchObject({ model: "erlang-c", trafficErlangs: 10, agents: 14, scheduledAgents: 20, stable: true, feasible: true });
    expect(json.serviceLevel).toBeCloseTo(0.888350019179, 11);
    expect(json.waitProbability).toBeCloseTo(0.174131933595, 11);
    expect(json.asaSeconds).toBeCloseTo(7.83593701178, 10);
    expect(json.occupancy).toBeCloseTo(0.714285714286, 11);
  });

  it("--patience selects Erlang A and reports abandonment (reference A-PYWF-REQ)", async () => {
    const run = await runCli([...classic, "--patience", "300", "--max-abandon", "5%", "--max-occupancy", "85", "--format", "json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, number | string | boolean>;
    expect(json.model).toBe("erlang-a");
    expect(json.agents).toBe(13);
    expect(json.serviceLevel).toBeCloseTo(0.858177700031, 11);
    expect(json.abandonProbability).toBeCloseTo(0.0249633036336, 12);
    expect(json.occupancy).toBeCloseTo(0.750028227974, 11);
    expect("blockingProbability" in json).toBe(false);
  });

  it("prints the Erlang A table with both service-level definitions (reference A-PYWF-N13 / A-PYWF-REQ)", async () => {
    const run = await runCli([...classic, "--patience", "300", "--max-abandon", "5"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "model                    Erlang A (M/M/N+M, callers abandon)",
        "traffic                  10 Erlangs (100 calls per 30 min x 180 s AHT)",
        "mean patience            300 s",
        "targets                  80% within 20 s, abandonment <= 5%",
        "agents                   13 (minimum meeting every target)",
        "service level            85.8% within 20 s (answered within / offered)",
        "  incl. abandoned        87.0% answered or abandoned within 20 s",
        "wait probability         22.6%",
        "average speed of answer  7.5 s",
        "abandonment              2.5%",
        "occupancy                75.0%",
        "with 12 agents           service level 77.2%, abandonment 4.3%: misses a target",
        "",
      ].join("\n"),
    );
  });

  it("never rounds a share below 100% up to 100% in the table", async () => {
    const run = await runCli(["erlang", "--calls", "1000", "--interval", "30", "--aht", "180", "--target", "80/20", "--patience", "10"]);
    expect(run.stdout).toContain("  incl. abandoned        99.97% answered or abandoned within 20 s\n");
  });

  it("Erlang A can staff below the traffic when callers are impatient", async () => {
    const run = await runCli(["erlang", "--calls", "1000", "--interval", "30", "--aht", "180", "--target", "80/20", "--patience", "10", "--format", "json"]);
    const json = JSON.parse(run.stdout) as { agents: number; trafficErlangs: number };
    expect(json.trafficErlangs).toBe(100);
    expect(json.agents).toBeLessThan(100);
  });

  it("sizes trunks with Erlang B (reference B-TABLE-A100-1pct: 117 lines, not the published 118)", async () => {
    const run = await runCli(["erlang", "--traffic", "100", "--model", "erlang-b", "--max-blocking", "1%", "--format", "json"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, number>;
    expect(json.agents).toBe(117);
    expect(json.blockingProbability).toBeCloseTo(0.00979007112537, 13);
    const table = await runCli(["erlang", "--traffic", "100", "--model", "erlang-b", "--max-blocking", "1%"]);
    expect(table.stdout).toContain("blocking         0.98%\n");
    expect(table.stdout).toContain("with 116 agents  blocking 1.2%: misses a target\n");
  });

  it("--agents evaluates a given staffing level; an unstable queue has asaSeconds null (reference C-UNSTABLE-N-EQ-A)", async () => {
    const run = await runCli(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--agents", "10", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      model: "erlang-c",
      trafficErlangs: 10,
      agents: 10,
      scheduledAgents: 10,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: null,
      occupancy: 1,
      stable: false,
      feasible: true,
    });
    const table = await runCli(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--agents", "10"]);
    expect(table.stdout).toContain("average speed of answer  infinite (the queue grows without bound)\n");
  });

  it("--agents with targets says which targets are missed", async () => {
    const run = await runCli([...classic, "--agents", "13", "--max-occupancy", "70", "--format", "json"]);
    const json = JSON.parse(run.stdout) as { feasible: boolean; reason: string; agents: number };
    expect(json.agents).toBe(13);
    expect(json.feasible).toBe(false);
    expect(json.reason).toBe("13 agents miss the service level target 80% within 20 s, the occupancy cap 70%");
  });

  it("zero calls need zero agents", async () => {
    const run = await runCli(["erlang", "--calls", "0", "--interval", "30", "--aht", "180", "--target", "80/20"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("agents                   0 (minimum meeting every target)\n");
    expect(run.stdout).toContain("stable                   yes (no traffic)\n");
  });

  it("an unattainable target is reported as infeasible with its reason, not answered by float rounding", async () => {
    const run = await runCli(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "100/20", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      model: "erlang-c",
      trafficErlangs: 10,
      agents: null,
      scheduledAgents: null,
      waitProbability: null,
      serviceLevel: null,
      asaSeconds: null,
      occupancy: null,
      stable: null,
      feasible: false,
      reason: "a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive",
    });
    const table = await runCli(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "100/20"]);
    expect(table.stdout).toContain("agents   no number of agents meets the targets\n");
  });

  it("reports every bad flag on its own line and exits 2, without a stack trace", async () => {
    const run = await runCli(["erlang", "--calls", "abc", "--interval", "0", "--target", "80"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        '--calls: expected a number of at least 0, got "abc"',
        '--interval: expected a number greater than 0, got "0"',
        '--target: expected PERCENT/SECONDS such as 80/20, got "80"',
        "--aht: required: average handle time in seconds, e.g. 180",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["--traffic", "10", "--target", "80/20"], "--aht: required with --traffic for erlang-c (service level and ASA are times)"],
    [["--traffic", "10", "--calls", "5", "--aht", "180", "--target", "80/20"], "--calls: give either --traffic or --calls with --interval, not both"],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--max-blocking", "1"], "--max-blocking: only applies to --model erlang-b"],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--max-abandon", "5"], "--max-abandon: only applies to Erlang A: add --patience SECONDS"],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--model", "erlang-a"], "--patience: required with --model erlang-a: mean patience in seconds, e.g. 120"],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--model", "erlang-c", "--patience", "60"], "--patience: only applies to --model erlang-a or erlang-x (got --model erlang-c)"],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--model", "erlang-d"], '--model: expected one of erlang-b, erlang-c, erlang-a, erlang-x, got "erlang-d"'],
    [["--traffic", "10", "--aht", "180", "--agents", "2.5"], '--agents: expected a whole number of at least 0, got "2.5"'],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--shrinkage", "100"], '--shrinkage: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got "100"'],
    [["--traffic", "10", "--aht", "180", "--target", "80/20", "--format", "xml"], '--format: expected one of table, json, got "xml"'],
    [["--traffic", "10", "--aht", "180"], "--target: give a target to solve for the agents (e.g. --target 80/20, --max-asa, --max-occupancy), or --agents N to evaluate"],
  ])("rejects %j with one line naming the flag", async (args, message) => {
    const run = await runCli(["erlang", ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
  });
});
