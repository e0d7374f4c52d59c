/**
 * `wfm erlang` with call-back offers, in-process: the JSON carries the library's values (checked
 * against Erlang C/A limits, a brute-force chain and the simulator in test/queueing), the table
 * names both targets, percentages are read at the edge, and bad input gets one pinned line per
 * problem.
 */
import { describe, expect, it } from "vitest";
import { callbackQueue, requiredAgentsCallback } from "../../src/queueing/index.js";
import { runCli } from "../support/cli.js";

const base = ["erlang", "--calls", "300", "--interval", "30", "--aht", "180"];
const offer = ["--callback-threshold", "60", "--callback-share", "40", "--callback-deadline", "3600"];

describe("wfm erlang --callback-threshold", () => {
  it("solves N for the inbound target and the in-time share (JSON: the library's figures)", async () => {
    const run = await runCli([...base, "--target", "80/20", ...offer, "--callback-in-time", "95", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const solved = requiredAgentsCallback({ trafficErlangs: 30, ahtSeconds: 180, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 });
    if (!solved.feasible) throw new Error(solved.reason);
    expect(json).toMatchObject({
      model: "callback-erlang-c",
      agents: solved.agents,
      takeUpShare: 0.4,
      callbackThresholdSeconds: 60,
      callbackDeadlineSeconds: 3600,
      targetCallbacksInTimeShare: 0.95,
      offerQueueLength: solved.metrics.offerQueueLength,
      serviceLevel: solved.metrics.serviceLevel,
      callbacksInTimeShare: solved.metrics.callbacksInTimeShare,
      callbackShare: solved.metrics.callbackShare,
      feasible: true,
    });
  });

  it("evaluates --agents with patience; the table shows both service levels, call-backs and the missed target", async () => {
    const run = await runCli([...base, "--agents", "31", "--patience", "200", "--target", "80/20", ...offer]);
    expect(run.status).toBe(0);
    const m = callbackQueue({ trafficErlangs: 30, ahtSeconds: 180, agents: 31, patienceSeconds: 200, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 });
    const pct = (f: number) => `${(f * 100).toFixed(1)}%`;
    expect(run.stdout).toContain("model                  call-back offers (Erlang A inbound first, call-backs in idle time)\n");
    expect(run.stdout).toContain(`call-back offer        when the expected wait exceeds 60 s (${m.offerQueueLength} or more queued), 40% take it\n`);
    expect(run.stdout).toContain(`inbound service level  ${pct(m.serviceLevel)} within 20 s of callers who stayed (${pct(m.serviceLevelOfOffered)} of all offered)\n`);
    expect(run.stdout).toContain(`abandonment            ${pct(m.abandonProbability)}\n`);
    expect(run.stdout).toContain(`targets met            no: 31 agents miss the service level target 80% within 20 s\n`);
  });

  it("take-up 0% is plain Erlang C: the same agents as wfm erlang without call-backs", async () => {
    const plain = JSON.parse((await runCli([...base, "--target", "80/20", "--format", "json"])).stdout);
    const none = JSON.parse((await runCli([...base, "--target", "80/20", "--callback-threshold", "60", "--callback-share", "0", "--format", "json"])).stdout);
    expect(none.agents).toBe(plain.agents);
    expect(Math.abs(none.serviceLevel - plain.serviceLevel)).toBeLessThan(1e-11);
    expect(none.offerQueueLength).toBeNull();
  });

  it("pins the errors: share above 100, negative deadline, threshold with no share, other models and modes", async () => {
    const bad = await runCli([...base, "--target", "80/20", "--callback-threshold", "60", "--callback-share", "140", "--callback-deadline", "-5"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('--callback-share: expected a percentage from 0 to 100 such as 85 or 85%, got "140"\n--callback-deadline: expected a number greater than 0, got "-5"\n');
    const noShare = await runCli([...base, "--target", "80/20", "--callback-threshold", "60"]);
    expect(noShare.stderr).toBe("--callback-share: required with --callback-threshold: the percentage of offered callers who take the call-back, e.g. 40\n");
    const noThreshold = await runCli([...base, "--target", "80/20", "--callback-share", "40%", "--callback-threshold", "-1"]);
    expect(noThreshold.stderr).toBe('--callback-threshold: expected a number of at least 0, got "-1"\n');
    const fraction = await runCli([...base, "--target", "80/20", "--callback-threshold", "60", "--callback-share", "0.4"]);
    expect(fraction.status).toBe(2);
    expect(fraction.stderr).toMatch(/^--callback-share: /);
    const other = await runCli([...base, "--target", "80/20", "--model", "erlang-x", ...offer, "--classes", "vip:10%,regular"]);
    expect(other.stderr).toBe("--classes: applies to erlang-c or erlang-a (callers wait), not --model erlang-x\n--callback-threshold: applies to erlang-c or erlang-a (callers wait), not --model erlang-x\n--callback-threshold: cannot be combined with --classes\n");
    const noTarget = await runCli([...base, ...offer]);
    expect(noTarget.stderr).toBe("--target: give a target to solve for the agents (e.g. --target 80/20, --max-asa, --max-occupancy), or --agents N to evaluate\n");
  });
});
