/**
 * `wfm staff` with call-back offers on a voice channel: the config is validated by the zod schema
 * (`wfm schema staffing` shows it), every interval is staffed by requiredAgentsCallback (the
 * JSON equals planStaffing's), the channel line names the offer, and bad settings are pinned.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requiredAgentsCallback, requiredAgents } from "../../src/queueing/index.js";
import { runCli, tempDir } from "../support/cli.js";

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const volumes = "timestamp,calls\n2026-12-01T09:00,300\n2026-12-01T09:30,0\n";
const callback = { thresholdSeconds: 60, takeUpShare: 0.4, deadlineSeconds: 3600, targetInTimeShare: 0.95 };
const config = (extra: Record<string, unknown> = {}) => JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, callback, ...extra } } });

describe("wfm staff with call-back offers", () => {
  it("json: each interval staffed for the inbound target and the in-time share", async () => {
    const cwd = folderWith({ "v.csv": volumes, "s.json": config() });
    const run = await runCli(["staff", "v.csv", "--config", "s.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    const solved = requiredAgentsCallback({ callsPerInterval: 300, intervalSeconds: 1800, ahtSeconds: 180, callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 });
    if (!solved.feasible) throw new Error(solved.reason);
    expect(out.intervals[0]).toMatchObject({ requiredAgents: solved.agents, serviceLevel: solved.metrics.serviceLevel, callbackShare: solved.metrics.callbackShare, callbacksInTimeShare: solved.metrics.callbacksInTimeShare });
    expect(out.intervals[1]).toMatchObject({ requiredAgents: 0, callbackShare: 0 });
    // never more than without call-backs
    const plain = requiredAgents({ model: "erlang-c", callsPerInterval: 300, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 });
    expect(solved.agents).toBeLessThanOrEqual(plain.agents!);
  });

  it("table: the channel line names the call-back offer", async () => {
    const cwd = folderWith({ "v.csv": volumes, "s.json": config({ patienceSeconds: 200 }) });
    const run = await runCli(["staff", "v.csv", "--config", "s.json"], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe("  voice: Erlang A (patience 200 s), target 80%/20 s, call-back above 60 s expected wait (40% take it, called back within 3600 s, 95% in time)");
  });

  it("pins bad settings: a percent for a fraction, a negative deadline, call-backs with classes or redials", async () => {
    const cwd = folderWith({
      "v.csv": volumes,
      "pct.json": JSON.stringify({ channels: { voice: { type: "voice", ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20, callback: { thresholdSeconds: 60, takeUpShare: 40, deadlineSeconds: -5 } } } }),
      "x.json": config({ patienceSeconds: 120, redialShare: 0.5 }),
    });
    const pct = await runCli(["staff", "v.csv", "--config", "pct.json"], { cwd });
    expect(pct.status).toBe(2);
    expect(pct.stderr).toBe(
      "pct.json: channels.voice.callback.takeUpShare: 40 would read as 4000% (this field is a fraction); write 0.4 for 40%\npct.json: channels.voice.callback.deadlineSeconds: Too small: expected number to be >0\n",
    );
    const x = await runCli(["staff", "v.csv", "--config", "x.json"], { cwd });
    expect(x.status).toBe(2);
    expect(x.stderr).toBe("x.json: channels.voice.redialShare: must be absent when the channel offers call-backs (redials and lines are not modelled with call-backs), got 0.5\n");
  });

  it("wfm schema staffing shows the callback object", async () => {
    const run = await runCli(["schema", "staffing"]);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout);
    const voice = JSON.stringify(schema);
    expect(voice).toContain('"takeUpShare"');
    expect(voice).toContain("offer a call-back when the expected wait (queued + 1) x AHT / agents exceeds this, seconds");
  });
});
