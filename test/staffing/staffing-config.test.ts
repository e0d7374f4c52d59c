import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "../support/cli.js";
import { describe, expect, it } from "vitest";
import { readStaffingConfig, staffingConfigFromJson } from "../../src/io/staffing-config.js";
import { WfmError } from "../../src/errors.js";

const examples = resolve(import.meta.dirname, "../../examples");

describe("staffing.json", () => {
  it("the example config validates and keeps its values", () => {
    const config = readStaffingConfig("staffing.json", { cwd: examples });
    expect(config.channels?.chat).toMatchObject({ type: "chat", concurrency: 3, handleTimeFactorPerExtraChat: 0.25 });
    expect(config.channels?.voice).toMatchObject({ type: "voice", patienceSeconds: 180 });
    expect(config.shrinkage?.components).toHaveLength(6);
    expect(JSON.parse(readFileSync(resolve(examples, "staffing.json"), "utf8"))).toMatchObject({ hoursPerFtePerMonth: 160 });
  });
  it("turns opening hours into minutes; a range ending at or before its start runs past midnight", () => {
    const config = staffingConfigFromJson({ openingHours: { monday: ["07:00-21:00"], friday: ["22:00-06:00"], saturday: ["09:00-24:00"] } }, "s.json");
    expect(config.openingHours).toEqual({
      monday: [{ openMinute: 420, closeMinute: 1260 }],
      friday: [{ openMinute: 1320, closeMinute: 360 }],
      saturday: [{ openMinute: 540, closeMinute: 0 }],
    });
  });
  it("names every bad field with its path", () => {
    try {
      staffingConfigFromJson({ channels: { chat: { type: "chat", concurrency: 0 }, fax: { type: "telex" } }, openingHours: { monday: ["7-21"] } }, "s.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WfmError);
      const problems = (error as WfmError).problems.map((p) => `${p.path?.join(".")}: ${p.message}`);
      expect(problems).toContain("channels.chat.concurrency: Too small: expected number to be >=1");
      expect(problems).toContain('openingHours.monday.0: expected "HH:MM-HH:MM" such as "07:00-21:00"');
      expect(problems).toContain("channels.fax.type: Invalid discriminator value. Expected 'voice' | 'chat' | 'deferred'");
    }
  });
  it("reports broken JSON and unknown keys as invalid-config naming the file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "broken.json"), '{ "channels": { "voice": nope } }');
    writeFileSync(join(dir, "extra.json"), '{ "chanels": {} }');
    expect(() => readStaffingConfig("broken.json", { cwd: dir })).toThrow(/^broken\.json: not valid JSON: /);
    expect(() => readStaffingConfig("extra.json", { cwd: dir })).toThrow('extra.json: Unrecognized key: "chanels"');
  });
});
