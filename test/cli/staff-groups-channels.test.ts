import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLocalTimestamp } from "../../src/calendar/local-time.js";
import { staffingConfigFromJson } from "../../src/io/staffing-config.js";
import { skillModelFromChannels } from "../../src/skills/from-channels.js";
import { staffSkills } from "../../src/skills/staff-skills.js";
import { runCli, tempDir } from "../support/cli.js";
import { sameFigures } from "../support/locale-figures.js";

// wfm staff --config with agent groups serving chat and deferred (email) channels: staffed by group
// like voice, with the simulated service level per contact type.

function folderWith(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Eight half-hours 09:00-13:00: calls, emails (the last two half-hours none) and chats.
const slots = Array.from({ length: 8 }, (_, t) => `2026-12-01T${String(9 + Math.floor(t / 2)).padStart(2, "0")}:${t % 2 === 0 ? "00" : "30"}`);
const callCounts = [60, 75, 90, 95, 90, 80, 70, 60];
const emailCounts = [10, 14, 12, 16, 12, 10, 0, 0];
const chatCounts = [20, 26, 30, 34, 30, 28, 24, 20];
const volumes =
  "timestamp,channel,calls,ahtSeconds\n" +
  slots.map((ts, t) => `${ts},calls,${callCounts[t]},240\n${ts},email,${emailCounts[t]},480\n${ts},chat,${chatCounts[t]},420\n`).join("");
const channels = {
  calls: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  email: { type: "deferred", responseSeconds: 14_400, targetServiceLevel: 0.9 },
  chat: { type: "chat", concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetServiceLevel: 0.8, targetAnswerSeconds: 60 },
};

interface StaffJson {
  intervals: { timestamp: string; channel: string; requiredAgents: number }[];
  agentGroups: {
    method: string;
    groups: { group: string; peakAgents: number; agentHours: number; cost: number }[];
    serviceLevels: { type: string; mean: number; targetServiceLevel: number; missesTarget: boolean }[];
    intervals: { timestamp: string; agents: Record<string, number> }[];
  };
}

describe("wfm staff: agent groups serving chat and deferred channels", () => {
  it("a group serving the chat channel alone gets the chat channel's required agents exactly", async () => {
    const config = { channels, agentGroups: [{ name: "voice", skills: ["calls"] }, { name: "back office", skills: ["email"] }, { name: "chat desk", skills: ["chat"] }] };
    const cwd = folderWith({ "v.csv": volumes, "staffing.json": JSON.stringify(config) });
    const run = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as StaffJson;
    expect(out.agentGroups.intervals).toHaveLength(8);
    for (const row of out.agentGroups.intervals) {
      const required = (channel: string) => out.intervals.find((i) => i.timestamp === row.timestamp && i.channel === channel)!.requiredAgents;
      expect(row.agents).toEqual({ voice: required("calls"), "back office": required("email"), "chat desk": required("chat") });
    }
    expect(out.agentGroups.serviceLevels.map((s) => s.type)).toEqual(["calls", "email", "chat"]);
  });

  it("a blended voice + email group: the table's agent-group section, and totals equal to staffSkills on the same model", async () => {
    const config = { channels: { calls: channels.calls, email: channels.email }, agentGroups: [{ name: "blended", skills: ["calls", "email"] }] };
    const twoChannels = volumes.split("\n").filter((line) => !line.includes(",chat,")).join("\n");
    const cwd = folderWith({ "v.csv": twoChannels, "staffing.json": JSON.stringify(config) });
    const table = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    expect(table.stderr).toBe("");
    expect(table.status).toBe(0);
    const section = table.stdout.slice(table.stdout.indexOf("Agent groups\n"));
    const lines = section.split("\n");
    expect(lines[0]).toBe("Agent groups");
    expect(lines[2]).toMatch(/^Staffed by group \(skill-transfer program \+ simulation check\): \d+\.\d agent-hours, cost \d+\.\d$/);
    expect(lines[4]).toMatch(/^group +skills +cost\/h +peak agents +agent h +cost$/);
    expect(lines[6]).toMatch(/^blended +calls > email +1\.00 +\d+ +\d+\.\d +\d+\.\d$/);
    expect(lines[8]).toMatch(/^ {2}calls: simulated SL \d+\.\d% \(95% interval \d+\.\d%-\d+\.\d%\), target 80%$/);
    expect(lines[9]).toMatch(/^ {2}email: simulated SL \d+\.\d% \(95% interval \d+\.\d%-\d+\.\d%\), target 90%$/);

    const json = await runCli(["staff", "v.csv", "--config", "staffing.json", "--format", "json"], { cwd });
    const out = JSON.parse(json.stdout) as StaffJson;
    // The library on the same rows and config: the same staffing, group by group and interval by interval.
    const rows = twoChannels.trim().split("\n").slice(1).map((line) => {
      const [ts, channel, calls, aht] = line.split(",");
      return { localMs: parseLocalTimestamp(ts!)!.localMs, channel: channel!, calls: Number(calls), ahtSeconds: Number(aht) };
    });
    const { model } = skillModelFromChannels({ intervals: rows, intervalMinutes: 30, config: staffingConfigFromJson(config, "staffing.json") });
    const library = await staffSkills(model);
    expect(out.agentGroups.method).toBe(library.method);
    expect(out.agentGroups.groups).toEqual(library.groups);
    expect(out.agentGroups.intervals.map((r) => r.agents.blended)).toEqual(library.intervals.map((r) => r.agents[0]));
    expect(out.agentGroups.serviceLevels).toEqual(library.serviceLevels);
    expect(lines[2]).toBe(`Staffed by group (skill-transfer program + simulation check): ${library.agentHours.toFixed(1)} agent-hours, cost ${library.cost.toFixed(1)}`);
    // The simulation check keeps the calls' target on the shared agents (the emails wait for idle time).
    expect(out.agentGroups.serviceLevels.map((s) => s.missesTarget)).toEqual([false, false]);
    // Every email answered within its 4-hour window, on a target of 90%.
    expect(out.agentGroups.serviceLevels[1]!.mean).toBeGreaterThanOrEqual(0.9);
  });

  it("--locale fa words the agent-group section in Persian with the English figures", async () => {
    const config = { channels: { calls: channels.calls, email: channels.email }, agentGroups: [{ name: "blended", skills: ["calls", "email"] }] };
    const twoChannels = volumes.split("\n").filter((line) => !line.includes(",chat,")).join("\n");
    const cwd = folderWith({ "v.csv": twoChannels, "staffing.json": JSON.stringify(config) });
    const en = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
    const fa = await runCli(["staff", "v.csv", "--config", "staffing.json", "--locale", "fa"], { cwd });
    expect(fa.status).toBe(0);
    const enSection = en.stdout.slice(en.stdout.indexOf("Agent groups\n"));
    const faSection = fa.stdout.slice(fa.stdout.indexOf("گروه‌های کارشناسان\n"));
    const lines = faSection.split("\n");
    expect(lines[0]).toBe("گروه‌های کارشناسان");
    expect(lines[2]).toMatch(/^نیرو به تفکیک گروه \(.+\): [۰-۹]+٫[۰-۹] نفر-ساعت، هزینه [۰-۹]+٫[۰-۹]$/);
    expect(lines[8]).toMatch(/^ {2}calls: سطح سرویس شبیه‌سازی‌شده [۰-۹]+٫[۰-۹]٪ \(بازه‌ی ۹۵٪ [۰-۹]+٫[۰-۹]٪ تا [۰-۹]+٫[۰-۹]٪\)، هدف ۸۰٪$/);
    expect(faSection).not.toMatch(/[0-9]/);
    // "95% interval" is a figure in English and words in Persian: compare the table and the totals line.
    expect(sameFigures(enSection.split("\n").slice(0, 8).join("\n"), lines.slice(0, 8).join("\n"))).toBeGreaterThan(5);
  });

  it("bad configs keep their one-line errors (exit 2)", async () => {
    const cases: [object, string][] = [
      [
        { channels, agentGroups: [{ name: "all", skills: ["calls", "tickets"] }] },
        'staff by agent group: config.agentGroups[0].skills[1] must be a channel of the volume file (calls, email, chat), got "tickets"\n',
      ],
      [
        { channels: { ...channels, email: { type: "deferred" } }, agentGroups: [{ name: "all", skills: ["calls", "email"] }, { name: "chat", skills: ["chat"] }] },
        'staff by agent group: config.agentGroups[0].skills[1] must be a deferred channel with targetServiceLevel (the share answered within responseSeconds) in config.channels, got "email"\n',
      ],
      [
        { channels, agentGroups: [{ name: "all", skills: ["calls", "email", "chat"] }] },
        'staff by agent group: config.agentGroups[0].skills[2] must be a voice or deferred channel, as calls (a group\'s agents hold one kind of contact), got "chat"\n',
      ],
    ];
    for (const [config, stderr] of cases) {
      const cwd = folderWith({ "v.csv": volumes, "staffing.json": JSON.stringify(config) });
      const run = await runCli(["staff", "v.csv", "--config", "staffing.json"], { cwd });
      expect(run.stderr).toBe(stderr);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
    }
  });
});
