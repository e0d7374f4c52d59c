import { describe, expect, it } from "vitest";
import { parseKpiCsv } from "../../src/io/kpi-csv.js";
import { problemsOf } from "../support/problems.js";


describe("parseKpiCsv", () => {
  it("reads totals, converts AHT and ASA columns to totals, and counts orders once per timestamp", () => {
    const text = [
      "Timestamp,Channel,Calls Offered,Handled,Abandons,Within SL,AHT,ASA,Staffed Time,Orders",
      "2026-10-01 08:00,Voice,10,8,2,6,200,15,7200,40",
      "2026-10-01 08:00,Chat,4,4,0,4,300,5,3600,40",
      "2026-10-01 09:00,Voice,12,12,0,11,210,12,7200,50",
    ].join("\n");
    const file = parseKpiCsv(text, { file: "r.csv" });
    expect(file.channels).toEqual(["voice", "chat"]);
    expect(file.intervalMinutes).toBe(60);
    expect(file.intervals[0]).toEqual({
      localMs: Date.UTC(2026, 9, 1, 8),
      channel: "voice",
      offered: 10,
      answered: 8,
      abandoned: 2,
      answeredWithinTarget: 6,
      handleSeconds: 1600,
      staffedSeconds: 7200,
      waitSeconds: 120,
    });
    expect(file.orders).toEqual([
      { localMs: Date.UTC(2026, 9, 1, 8), orders: 40 },
      { localMs: Date.UTC(2026, 9, 1, 9), orders: 50 },
    ]);
  });

  it("prefers total columns to averages and leaves out what the file does not have", () => {
    const file = parseKpiCsv("timestamp,offered,answered,handleSeconds,ahtSeconds\n2026-10-01T08:00,10,8,1000,999\n", { file: "r.csv" });
    expect(file.intervals[0]).toEqual({ localMs: Date.UTC(2026, 9, 1, 8), channel: "voice", offered: 10, answered: 8, handleSeconds: 1000 });
    expect(file.intervalMinutes).toBeNull();
  });

  it("reports every bad cell with its line and column", () => {
    const text = [
      "timestamp,offered,answered,abandoned,answeredWithinTarget,shortAbandoned,orders,channel",
      "2026-10-01T08:00,10,8,2,9,0,5,voice", // within target above answered
      "2026-13-01T08:00,10,8,2,6,0,5,voice", // bad timestamp
      "2026-10-01T09:00,ten,8,2,6,0,5,voice", // not a number
      "2026-10-01T10:00,10,,2,6,0,5,voice", // empty
      "2026-10-01T11:00,10,9,2,6,3,5,voice", // answered + abandoned > offered; short > abandoned
      "2026-10-01T08:00,10,8,2,6,0,5,voice", // repeated
      "2026-10-01T12:00,10,8,2,6,0,5,chat",
      "2026-10-01T12:00,10,8,2,6,0,6,voice", // orders differ on the same timestamp
    ].join("\n");
    expect(problemsOf(() => parseKpiCsv(text, { file: "r.csv" }))).toEqual([
      "r.csv:2:5: answeredWithinTarget 9 is more than answered 8",
      'r.csv:3:1: timestamp "2026-13-01T08:00" is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)',
      'r.csv:4:2: offered must be a non-negative number, got "ten"',
      'r.csv:5:3: answered must be a non-negative number, got "" (write 0 for none)',
      "r.csv:6:4: answered 9 + abandoned 2 is more than offered 10",
      "r.csv:6:6: shortAbandoned 3 is more than abandoned 2",
      "r.csv:7:1: 2026-10-01T08:00 voice repeats line 2",
      "r.csv:9:7: orders 6 differs from 5 on line 8 for the same timestamp (orders are counted once per interval)",
    ]);
  });

  it("needs answered to turn averages into totals, and timestamp and offered columns", () => {
    expect(problemsOf(() => parseKpiCsv("timestamp,offered,ahtSeconds\n2026-10-01T08:00,1,100\n", { file: "r.csv" }))).toEqual([
      "r.csv:1:3: ahtSeconds needs an answered column to give total handle time (or give handleSeconds)",
    ]);
    expect(problemsOf(() => parseKpiCsv("timestamp,answered\n2026-10-01T08:00,1\n", { file: "r.csv" }))[0]).toMatch(/^r\.csv:1: missing required column offered/);
    expect(problemsOf(() => parseKpiCsv("timestamp,offered\n", { file: "r.csv" }))).toEqual(["r.csv:2: no data rows after the header"]);
  });
});
