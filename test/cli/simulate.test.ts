import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { erlangA } from "../../src/queueing/index.js";
import { runCli, tempDir } from "../support/cli.js";

const steady = ["simulate", "--calls", "100", "--interval", "30", "--aht", "180", "--agents", "13", "--hours", "4", "--replications", "20", "--seed", "3"];

describe("wfm simulate: steady interval", () => {
  it("prints the keys of wfm erlang with 95% half-widths, and agrees with Erlang A", async () => {
    // 20 hours per replication: per-replication service levels of short runs are skewed (a busy
    // hour drags one replication down), and the half-width assumes a roughly normal mean.
    const run = await runCli([...steady, "--hours", "20", "--patience", "120", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, number>;
    for (const key of ["serviceLevel", "asaSeconds", "abandonProbability", "waitProbability", "occupancy"]) {
      expect(typeof out[key]).toBe("number");
      expect(out[`${key}HalfWidth`]).toBeGreaterThan(0);
    }
    expect(out.contacts).toBeGreaterThan(20 * 20 * 190);
    // The half-width is t(0.975, 19) = 2.093 standard errors: agreement within 3 standard errors.
    const model = erlangA({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13, patienceSeconds: 120, targetAnswerSeconds: 20 });
    const se = (key: string) => out[`${key}HalfWidth`]! / 2.093;
    expect(Math.abs(out.serviceLevel! - model.serviceLevel)).toBeLessThanOrEqual(3 * se("serviceLevel"));
    expect(Math.abs(out.abandonProbability! - model.abandonProbability)).toBeLessThanOrEqual(3 * se("abandonProbability"));
    expect(Math.abs(out.asaSeconds! - model.asaSeconds)).toBeLessThanOrEqual(3 * se("asaSeconds"));
  });

  it("is the same for a seed, and reads as a table", async () => {
    const a = await runCli(steady);
    const b = await runCli(steady);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^simulated +20 replications x 4 h after a 60-minute warm-up, seed 3: \d+ contacts\n/);
    expect(a.stdout).toMatch(/\nservice level +\d+\.\d% ± \d+\.\d within 20 s/);
  });

  it("rejects impossible parameters, one line per problem, exit 2", async () => {
    const run = await runCli(["simulate", "--calls", "100", "--interval", "30", "--aht", "-5", "--aht-cv", "-1", "--patience-cv", "0.5", "--replications", "1"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        '--agents: required: agents on the floor (or give --plan, --staffing or --schedule)',
        '--aht: expected a number greater than 0, got "-5"',
        '--aht-cv: expected a number of at least 0, got "-1"',
        "--patience-cv: only applies with --patience SECONDS",
        '--replications: expected a whole number from 2 to 10000, got "1"',
        "",
      ].join("\n"),
    );
  });
});

describe("wfm simulate: plan mode", () => {
  const volumes = ["timestamp,channel,calls,ahtSeconds", "2026-11-02T08:00,voice,40,240", "2026-11-02T09:00,voice,60,240", "2026-11-02T10:00,voice,50,240", ""].join("\n");
  it("simulates a staffing CSV against volumes, per interval, with the model's SL beside it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "volumes.csv"), volumes);
    writeFileSync(join(dir, "staffing.csv"), ["timestamp,channel,requiredAgents", "2026-11-02T08:00,voice,4", "2026-11-02T09:00,voice,6", "2026-11-02T10:00,voice,5", ""].join("\n"));
    const run = await runCli(["simulate", "--staffing", "staffing.csv", "--volumes", "volumes.csv", "--replications", "10", "--format", "csv"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("timestamp,channel,calls,agents,modelServiceLevel,serviceLevel,serviceLevelHalfWidth,abandonRate,abandonRateHalfWidth,asaSeconds,asaSecondsHalfWidth,occupancy,occupancyHalfWidth,disagrees");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-11-02T08:00,voice,40,4,0\.\d+,/);
  });

  it("a staffing that does not cover the volumes, a schedule that does not, a plan without simulation: one line each, exit 2", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "volumes.csv"), volumes);
    writeFileSync(join(dir, "staffing.csv"), ["timestamp,channel,requiredAgents", "2026-11-02T08:00,voice,4", ""].join("\n"));
    const staffing = await runCli(["simulate", "--staffing", "staffing.csv", "--volumes", "volumes.csv"], { cwd: dir });
    expect(staffing.status).toBe(2);
    expect(staffing.stderr).toBe(
      [
        "--staffing: staffing.csv has no row for 2026-11-02T09:00 voice: the staffing does not cover the volumes' horizon",
        "--staffing: staffing.csv has no row for 2026-11-02T10:00 voice: the staffing does not cover the volumes' horizon",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "schedule.json"),
      JSON.stringify({ status: "optimal", totals: { paidHours: 16 }, shifts: [{ date: "2026-11-02", start: "2026-11-02T08:00", end: "2026-11-02T10:00", template: "early", agents: 6, paidHours: 2, breaks: [] }] }),
    );
    const schedule = await runCli(["simulate", "--schedule", "schedule.json", "--volumes", "volumes.csv"], { cwd: dir });
    expect(schedule.status).toBe(2);
    expect(schedule.stderr).toBe(
      "--schedule: schedule.json covers 2026-11-02T08:00 to 2026-11-02T10:00, the volumes run from 2026-11-02T08:00 to 2026-11-02T11:00: schedule the whole horizon\n",
    );
    writeFileSync(join(dir, "summary.json"), JSON.stringify({ period: { intervalMinutes: 60 }, simulation: null }));
    const plan = await runCli(["simulate", "--plan", "."], { cwd: dir });
    expect(plan.status).toBe(2);
    expect(plan.stderr).toMatch(/^summary\.json: simulation: .*\(expected the summary\.json of wfm plan, planned with simulation\)\n$/);
  });
});
