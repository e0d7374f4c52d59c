import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseVolumeCsv } from "../../src/io/volume-csv.js";
import { sharedFile } from "../support/shared.js";

// Real exports (see ../shared/data/README.md): every interval of 1999 present, fractional counts on 1999-05-23.
describe("parseVolumeCsv on the Anonymous Bank 1999 data", () => {
  it("reads the 6-minute file: 87,600 rows, 6-minute interval, total 445,414.5 calls", () => {
    const path = sharedFile("data", "anonymous-bank-1999-6min.csv");
    const series = parseVolumeCsv(readFileSync(path, "utf8"), { file: path });
    expect(series.intervalMinutes).toBe(6);
    expect(series.rows).toHaveLength(87_600);
    expect(series.rows.reduce((sum, r) => sum + r.calls, 0)).toBe(445_414.5);
    expect(series.rows.some((r) => !Number.isInteger(r.calls))).toBe(true);
  });

  it("reads the hourly file: 8,760 rows with the same total", () => {
    const path = sharedFile("data", "anonymous-bank-1999-hourly.csv");
    const series = parseVolumeCsv(readFileSync(path, "utf8"), { file: path });
    expect(series.intervalMinutes).toBe(60);
    expect(series.rows).toHaveLength(8_760);
    expect(series.rows.reduce((sum, r) => sum + r.calls, 0)).toBe(445_414.5);
  });

  it("reads the daily booking file with its orders-like extra columns ignored", () => {
    const path = sharedFile("data", "booking-calls-reservations-daily.csv");
    const series = parseVolumeCsv(readFileSync(path, "utf8"), { file: path });
    expect(series.intervalMinutes).toBe(1440);
    expect(series.rows).toHaveLength(1_155);
  });
});
