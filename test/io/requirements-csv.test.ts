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

  it("reads closed intervals written as rows with 0 agents", () => {
    const curve = parseRequirementsCsv("timestamp,requiredAgents\n2026-12-07T08:00,2\n2026-12-07T08:30,2\n2026-12-07T09:00,0\n2026-12-07T09:30,0\n2026-12-07T10:00,1\n", { file: "r.csv" });
    expect(curve.intervalMinutes).toBe(30);
    expect(curve.required).toEqual([2, 2, 0, 0, 1]);
  });

  it("refuses a missing interval naming the row after it, instead of requiring 0 agents then", () => {
    expect(() => parseRequirementsCsv("timestamp,requiredAgents\n2026-12-07T08:00,2\n2026-12-07T08:30,2\n2026-12-07T10:00,1\n2026-12-07T10:30,1\n", { file: "r.csv" })).toThrow(
      "r.csv:4:1: gap in the series: 2 intervals from 2026-12-07T09:00 are missing before this row (closed intervals are rows with 0 agents)",
    );
  });

  it("refuses a stray off-grid row in an hourly file instead of turning it into 1-minute data", () => {
    const hours = Array.from({ length: 12 }, (_, h) => `2026-12-07T${String(h + 8).padStart(2, "0")}:00,20`);
    const text = ["timestamp,agents", hours[0], "2026-12-07T08:01,3", ...hours.slice(1), ""].join("\n");
    expect(() => parseRequirementsCsv(text, { file: "r.csv" })).toThrow(
      "r.csv:3:1: timestamp 2026-12-07T08:01 does not start a 60-minute interval (wrong interval length?)",
    );
  });

  it("refuses a row ten years after the rest as a gap, without allocating the decade", () => {
    // 2026-12-07 to 2036-12-07 is 3653 days (leap days 2028, 2032, 2036) = 87672 h; less 10:00-08:00 and the row itself.
    const text = "timestamp,agents\n2026-12-07T08:00,2\n2026-12-07T09:00,2\n2026-12-07T10:00,2\n2036-12-07T08:00,1\n";
    expect(() => parseRequirementsCsv(text, { file: "r.csv" })).toThrow(/^r\.csv:5:1: gap in the series: 87669 intervals from 2026-12-07T11:00 are missing before this row/);
  });

  it("names duplicates and rows out of order per channel", () => {
    const text = "timestamp,channel,agents\n2026-12-07T08:00,voice,1\n2026-12-07T09:00,voice,1\n2026-12-07T08:00,chat,1\n2026-12-07T09:00,voice,2\n2026-12-07T10:00,voice,2\n2026-12-07T09:00,chat,1\n2026-12-07T08:00,chat,1\n";
    try {
      parseRequirementsCsv(text, { file: "r.csv" });
      expect.unreachable();
    } catch (error) {
      expect((error as WfmError).message.split("\n")).toEqual([
        "r.csv:5:1: duplicate interval 2026-12-07T09:00 (channel voice): line 3 has it too",
        "r.csv:8:1: rows out of order (channel chat): 2026-12-07T08:00 comes after 2026-12-07T09:00 on line 7",
      ]);
    }
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
      "r.csv:3:1: duplicate interval 2026-12-07T08:00: line 2 has it too",
    );
    expect(() => parseRequirementsCsv("timestamp,calls\n2026-12-07T08:00,1\n", { file: "r.csv" })).toThrow(
      'r.csv:1: missing the agents column: expected scheduledAgents, requiredAgents or agents; header is "timestamp,calls"',
    );
  });

  it("refuses a grid that does not divide a day", () => {
    expect(() => parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,1\n2026-12-07T08:07,1\n", { file: "r.csv" })).toThrow(
      "r.csv: rows are mostly 7 minutes apart, which is not an interval length (5, 6, 10, 15, 30, 60 minutes or a day); write one row per interval of 5, 6, 10, 15, 30 or 60 minutes",
    );
  });
});
