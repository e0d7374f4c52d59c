import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLocalTimestamp, isoMinuteStyle } from "../../src/calendar/local-time.js";
import { parseVolumeCsv } from "../../src/io/volume-csv.js";
import { problemsOf } from "../support/problems.js";

const hourly = (rows: [string, string][]) => `timestamp,calls\n${rows.map((r) => r.join(",")).join("\n")}\n`;

describe("parseVolumeCsv", () => {
  it("reads hourly volumes, infers the interval and keeps fractional counts", () => {
    const series = parseVolumeCsv(hourly([["1999-05-23T08:00", "12.5"], ["1999-05-23T09:00", "0"], ["1999-05-23T10:00", "7"]]), { file: "v.csv" });
    expect(series.intervalMinutes).toBe(60);
    expect(series.rows.map((r) => r.calls)).toEqual([12.5, 0, 7]);
    expect(series.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(series.channels).toEqual(["voice"]);
    expect(series.style).toEqual(isoMinuteStyle);
    expect(series.hasAht).toBe(false);
  });

  it.each([
    ["2026-12-01 08:00", " ", null],
    ["2026-12-01T08:00+03:30", "T", "+03:30"],
    ["2026-12-01T08:00Z", "T", "Z"],
  ])("accepts the timestamp form %s", (first, separator, offset) => {
    const second = first.replace("08:00", "08:15");
    const series = parseVolumeCsv(hourly([[first, "1"], [second, "2"]]), { file: "v.csv" });
    expect(series.intervalMinutes).toBe(15);
    expect(series.style.separator).toBe(separator);
    expect(series.style.offset).toBe(offset);
    expect(series.rows[0]!.localMs).toBe(Date.UTC(2026, 11, 1, 8, 0));
  });

  it("reads daily data as 1440-minute intervals", () => {
    const series = parseVolumeCsv(hourly([["2014-01-01", "10"], ["2014-01-02", "12"], ["2014-01-03", "9"]]), { file: "d.csv" });
    expect(series.intervalMinutes).toBe(1440);
    expect(series.style.dateOnly).toBe(true);
  });

  it("accepts header aliases and optional columns, per channel", () => {
    const text = [
      "Time,Channel,Volume,AHT_Seconds,Orders",
      "2026-12-01T08:00,voice,10,240,3",
      "2026-12-01T08:00,chat,4,400,3",
      "2026-12-01T08:30,voice,11,250,2",
      "2026-12-01T08:30,chat,5,410,2",
    ].join("\n");
    const series = parseVolumeCsv(text, { file: "v.csv" });
    expect(series.intervalMinutes).toBe(30);
    expect(series.channels).toEqual(["voice", "chat"]);
    expect(series.hasAht).toBe(true);
    expect(series.hasOrders).toBe(true);
    expect(series.rows[1]).toMatchObject({ channel: "chat", calls: 4, ahtSeconds: 400, orders: 3, line: 3 });
  });

  it("reports every bad cell at once with line and column", () => {
    const text = hourly([
      ["2026-12-01T08:00", "10"],
      ["2026-12-01 9am", "10"],
      ["2026-12-01T10:00", "-3"],
      ["2026-12-01T11:00", "ten"],
    ]);
    expect(problemsOf(() => parseVolumeCsv(text, { file: "v.csv" }))).toEqual([
      'v.csv:3:1: timestamp "2026-12-01 9am" is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)',
      'v.csv:4:2: calls must be a non-negative number, got "-3"',
      'v.csv:5:2: calls must be a non-negative number, got "ten"',
    ]);
  });

  it("reports bad cells and the series problems of the other rows in one run, but no gaps beside a dropped row", () => {
    const text = hourly([
      ["2026-12-01T08:00", "1"],
      ["2026-12-01T09:00", "x"],
      ["2026-12-01T10:00", "1"],
      ["2026-12-01T11:00", "1"],
      ["2026-12-01T11:00", "1"],
      ["2026-12-01T12:00", "1"],
    ]);
    expect(problemsOf(() => parseVolumeCsv(text, { file: "v.csv" }))).toEqual([
      'v.csv:3:2: calls must be a non-negative number, got "x"',
      "v.csv:6:1: duplicate interval 2026-12-01T11:00: line 5 has it too",
    ]);
  });

  it("reports duplicates, disorder, gaps and off-grid rows", () => {
    const text = hourly([
      ["2026-12-01T08:00", "1"],
      ["2026-12-01T09:00", "1"],
      ["2026-12-01T09:00", "1"],
      ["2026-12-01T08:00", "1"],
      ["2026-12-01T12:00", "1"],
      ["2026-12-01T13:00", "1"],
      ["2026-12-01T13:30", "1"],
    ]);
    expect(problemsOf(() => parseVolumeCsv(text, { file: "v.csv" }))).toEqual([
      "v.csv:4:1: duplicate interval 2026-12-01T09:00: line 3 has it too",
      "v.csv:5:1: rows out of order: 2026-12-01T08:00 comes after 2026-12-01T09:00 on line 4",
      "v.csv:6:1: gap in the series: 3 intervals from 2026-12-01T09:00 are missing before this row; opening hours inferred from the file: Mon closed, Tue 08:00-14:00, Wed-Sun closed (if the centre was closed then, set openingHours in the staffing config)",
      "v.csv:8:1: timestamp 2026-12-01T13:30 does not start a 60-minute interval (wrong interval length?)",
    ]);
  });

  it("accepts a business-hours file when the opening hours say the rest is closed", () => {
    const rows: [string, string][] = [];
    for (const day of ["2026-11-30", "2026-12-01"]) for (let h = 7; h < 21; h++) rows.push([`${day}T${String(h).padStart(2, "0")}:00`, "5"]);
    const text = hourly(rows);
    const weekday = [{ openMinute: 7 * 60, closeMinute: 21 * 60 }];
    const series = parseVolumeCsv(text, { file: "v.csv", openingHours: { monday: weekday, tuesday: weekday } });
    expect(series.rows).toHaveLength(28);
    // Without opening hours the file's own pattern is used: 07:00-21:00 on both days (2026-11-30
    // is a Monday), the 10 night hours between them a closure, not a gap.
    const inferred = parseVolumeCsv(text, { file: "v.csv" });
    expect(inferred.rows).toHaveLength(28);
    expect(inferred.inferredOpeningHours).toEqual({ monday: weekday, tuesday: weekday });
    expect(inferred.closedDays).toEqual([]);
    // A missing hour inside the hours stays a gap, and the message names the field and the hours.
    const withGap = hourly(rows.filter(([t]) => t !== "2026-12-01T12:00"));
    expect(problemsOf(() => parseVolumeCsv(withGap, { file: "v.csv" }))).toEqual([
      "v.csv:21:1: gap in the series: interval 2026-12-01T12:00 is missing before this row; opening hours inferred from the file: Mon-Tue 07:00-21:00, Wed-Sun closed (if the centre was closed then, set openingHours in the staffing config)",
    ]);
    expect(problemsOf(() => parseVolumeCsv(withGap, { file: "v.csv", openingHours: { monday: weekday, tuesday: weekday } }))).toEqual([
      "v.csv:21:1: gap in the series: interval 2026-12-01T12:00 is missing before this row, within openingHours of the config (Mon-Tue 07:00-21:00, Wed-Sun closed)",
    ]);
  });

  it("a day without rows between others is a closed day, not a gap, when the hours are inferred", () => {
    const rows: [string, string][] = [];
    // Monday-Wednesday of one week, Monday and Wednesday of the next: Tuesday 2026-12-08 is a
    // closed day (a holiday); Thursday to Sunday never have rows, so they are closed weekdays.
    for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-07", "2026-12-09"]) for (let h = 8; h < 20; h++) rows.push([`${day}T${String(h).padStart(2, "0")}:00`, "5"]);
    const series = parseVolumeCsv(hourly(rows), { file: "v.csv" });
    expect(series.closedDays).toEqual([Date.UTC(2026, 11, 8)]);
  });

  it("reports a missing required column with the accepted headers", () => {
    expect(problemsOf(() => parseVolumeCsv("timestamp,agents\n2026-12-01T08:00,3\n", { file: "v.csv" }))).toEqual([
      'v.csv:1: missing required column calls (accepted headers: "calls", "volume", "contacts", "offered", "count", "arrivals"); header is "timestamp,agents"',
    ]);
  });

  it("caps the problem list and counts the rest", () => {
    const rows: [string, string][] = Array.from({ length: 80 }, (_, i) => [`2026-12-01T${String(i % 24).padStart(2, "0")}:00`, "x"]);
    const lines = problemsOf(() => parseVolumeCsv(hourly(rows), { file: "v.csv", maxProblems: 10 }));
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe("v.csv: ... and 70 more problems");
  });

  it("round-trips: any gap-free series written as CSV reads back unchanged (law)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 6, 10, 15, 30, 60),
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }).map((n) => n / 4), { minLength: 2, maxLength: 60 }),
        (intervalMinutes, startDay, counts) => {
          const start = Date.UTC(1990, 0, 1) + startDay * 86_400_000;
          const text = `timestamp,calls\n${counts.map((c, i) => `${formatLocalTimestamp(start + i * intervalMinutes * 60_000)},${c}`).join("\n")}\n`;
          const series = parseVolumeCsv(text, { file: "p.csv" });
          expect(series.intervalMinutes).toBe(intervalMinutes);
          expect(series.rows.map((r) => r.calls)).toEqual(counts);
          expect(series.rows.map((r) => r.localMs)).toEqual(counts.map((_, i) => start + i * intervalMinutes * 60_000));
        },
      ),
      { numRuns: 200 },
    );
  });
});
