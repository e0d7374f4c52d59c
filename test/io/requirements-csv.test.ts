import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { parseRequirementsCsv } from "../../src/io/requirements-csv.js";

describe("parseRequirementsCsv", () => {
  it("reads a timestamp,agents file", () => {
    const curve = parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,3\n2026-12-07T09:00,4.5\n", { file: "r.csv" });
    expect(curve).toMatchObject({ column: "agents", intervalMinutes: 60, startLocalMs: Date.UTC(2026, 11, 7, 8), required: [3, 4.5] });
    expect(curve.calls).toBeUndefined();
  });

  it("prefers scheduledAgents in wfm staff output and keeps calls and AHT of a single channel", () => {
    const text = [
      "timestamp,channel,calls,ahtSeconds,trafficErlangs,requiredAgents,scheduledAgents,serviceLevel",
      "2026-12-01T09:00,voice,100,180,10,14,20,0.88835",
      "2026-12-01T09:30,voice,80,200,8.9,12,17,0.9",
      "",
    ].join("\n");
    const curve = parseRequirementsCsv(text, { file: "staff.csv" });
    expect(curve).toMatchObject({ column: "scheduledAgents", intervalMinutes: 30, required: [20, 17], calls: [100, 80], ahtSeconds: [180, 200] });
  });

  it("sums channels at one timestamp and then drops the (ambiguous) workload", () => {
    const text = "timestamp,channel,calls,ahtSeconds,requiredAgents\n2026-12-01T09:00,voice,10,180,3\n2026-12-01T09:00,chat,5,300,2\n";
    const curve = parseRequirementsCsv(text, { file: "r.csv" });
    expect(curve.required).toEqual([5]);
    expect(curve.calls).toBeUndefined();
  });

  it("fills closed intervals between rows with 0 agents", () => {
    const curve = parseRequirementsCsv("timestamp,requiredAgents\n2026-12-07T08:00,2\n2026-12-07T08:30,2\n2026-12-07T10:00,1\n", { file: "r.csv" });
    expect(curve.intervalMinutes).toBe(30);
    expect(curve.required).toEqual([2, 2, 0, 0, 1]);
  });

  it("reports every bad cell with file:line:column, and a missing agents column", () => {
    const text = "timestamp,agents\n2026-12-07T08:00,x\nyesterday,2\n2026-12-07T08:00,3\n";
    try {
      parseRequirementsCsv(text, { file: "r.csv" });
      expect.unreachable();
    } catch (error) {
      expect((error as WfmError).message.split("\n")).toEqual([
        'r.csv:2:2: agents must be a non-negative number, got "x"',
        'r.csv:3:1: timestamp "yesterday" is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)',
      ]);
    }
    expect(() => parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,1\n2026-12-07T08:00,3\n", { file: "r.csv" })).toThrow(
      'r.csv:3:1: timestamp "2026-12-07T08:00" appears twice',
    );
    expect(() => parseRequirementsCsv("timestamp,calls\n2026-12-07T08:00,1\n", { file: "r.csv" })).toThrow(
      'r.csv:1: missing the agents column: expected scheduledAgents, requiredAgents or agents; header is "timestamp,calls"',
    );
  });

  it("refuses a grid that does not divide a day", () => {
    expect(() => parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,1\n2026-12-07T08:07,1\n", { file: "r.csv" })).toThrow(
      "r.csv: the timestamps are 7 minutes apart; the interval must divide a day (15, 30, 60 ...)",
    );
  });
});
