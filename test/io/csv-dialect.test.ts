import { closeSync, openSync, ftruncateSync } from "node:fs";
import { join } from "node:path";
import { parse as parseWithCsvParse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvCells, ProblemList, asciiDigits, dateFormatProblem, detectDelimiter, openCsv, parseCsv, quoteCell } from "../../src/io/csv.js";
import { clipQuoted } from "../../src/errors.js";
import { parseHolidaysCsv } from "../../src/io/holidays.js";
import { parseKpiCsv } from "../../src/io/kpi-csv.js";
import { parseOrdersCsv } from "../../src/io/orders-csv.js";
import { decodeText, maxInputBytes, readTextFile } from "../../src/io/read-file.js";
import { parseRequirementsCsv } from "../../src/io/requirements-csv.js";
import { parseTicketCsv } from "../../src/io/tickets-csv.js";
import { parseVolumeCsv, readVolumeCsv, type VolumeCsvOptions } from "../../src/io/volume-csv.js";
import { tempDir } from "../support/cli.js";
import { problemsOf } from "../support/problems.js";

const fixtures = join(import.meta.dirname, "../fixtures/exports");
const read = (file: string, options: Omit<VolumeCsvOptions, "file"> = {}) => readVolumeCsv(file, { cwd: fixtures, ...options });
/** Rows as [ISO minute, calls, ahtSeconds, channel]. */
const rowsOf = (file: string, options: Omit<VolumeCsvOptions, "file"> = {}) =>
  read(file, options).rows.map((r) => [new Date(r.localMs).toISOString().slice(0, 16), r.calls, r.ahtSeconds, r.channel]);
const dec1 = "2026-12-01T08:00";
const dec1b = "2026-12-01T08:30";

describe("exports as contact-centre systems write them (fixtures in test/fixtures/exports)", () => {
  it("comma-separated, the baseline", () => {
    expect(rowsOf("comma.csv")).toEqual([
      [dec1, 12, 185, "voice"],
      [dec1b, 15, 190, "voice"],
    ]);
  });

  it("';' with a date and an hour column, hh:mm:ss AHT and a decimal comma", () => {
    // 00:03:05 = 185 s; 15,5 = 15.5 (a comma in a ';' file followed by one digit is decimal).
    expect(rowsOf("semicolon-date-hour-hms.csv")).toEqual([
      [dec1, 12, 185, "voice"],
      [dec1b, 15.5, 190, "voice"],
    ]);
  });

  it("tab-separated", () => {
    expect(rowsOf("tab.tsv")).toEqual([
      [dec1, 12, 185, "voice"],
      [dec1b, 15, 190, "voice"],
    ]);
  });

  it("Excel: UTF-8 BOM, CRLF, an empty trailing column and trailing lines of delimiters", () => {
    expect(rowsOf("excel-bom-crlf.csv")).toEqual([
      [dec1, 12, 185, "voice"],
      [dec1b, 15, 190, "voice"],
    ]);
  });

  it.each(["utf16le.csv", "utf16be.csv"])("UTF-16 with a byte-order mark: %s", (file) => {
    expect(rowsOf(file)).toEqual([
      [dec1, 12, undefined, "téléphone"],
      [dec1b, 15, undefined, "téléphone"],
    ]);
  });

  it("a date column plus an interval column written as a range, and mm:ss AHT", () => {
    // 03:05 = 3 min 5 s = 185 s.
    expect(rowsOf("interval-range-mmss.csv")).toEqual([
      [dec1, 12, 185, "voice"],
      [dec1b, 15, 190, "voice"],
    ]);
  });

  it("day-first dates with an explicit --date-format", () => {
    const series = read("day-first.csv", { dateFormat: "dd/MM/yyyy HH:mm" });
    expect(series.intervalMinutes).toBe(30);
    expect(series.rows.map((r) => r.localMs)).toEqual([Date.UTC(2026, 11, 1, 8, 0), Date.UTC(2026, 11, 1, 8, 30)]);
    // The same file read month-first is 12 January.
    expect(read("day-first.csv", { dateFormat: "MM/dd/yyyy HH:mm" }).rows[0]!.localMs).toBe(Date.UTC(2026, 0, 12, 8, 0));
  });

  it("thousands separators: a space, and '1,350' in a ';' file whose other numbers use a decimal point", () => {
    expect(rowsOf("thousands.csv").map((r) => r[1])).toEqual([1200, 1350, 2000]);
  });

  it("decimal commas: '12,5' shows the file's decimal comma, so '1.350' is 1350", () => {
    expect(rowsOf("decimal-comma.csv").map((r) => [r[1], r[2]])).toEqual([
      [12.5, 185.5],
      [1350, 190],
    ]);
  });

  it("Persian and Arabic-Indic digits in dates and numbers (٫ is the decimal point)", () => {
    expect(rowsOf("persian-digits.csv")).toEqual([
      [dec1, 12, 185.5, "voice"],
      [dec1b, 15, 190, "voice"],
    ]);
  });

  it("Solar Hijri dates with the Persian calendar: 1 Azar 1404 is 22 November 2025", () => {
    // planning-month.ts documents Azar 1404 as starting on 2025-11-22 (and its test pins it).
    expect(rowsOf("solar-hijri.csv", { calendar: "persian" }).map((r) => r[0])).toEqual(["2025-11-22T08:00", "2025-11-22T08:30"]);
  });

  it("a daylight-saving day exported in UTC reads as a continuous series", () => {
    expect(read("dst-utc.csv").rows.map((r) => r.calls)).toEqual([3, 2, 2, 4]);
  });
});

describe("refused exports: each message pinned", () => {
  it("hexadecimal numbers", () => {
    expect(problemsOf(() => read("hex.csv"))).toEqual(['hex.csv:2:2: calls must be a decimal number, got "0x64" (hexadecimal, octal and binary numbers are refused)']);
  });

  it("a file that is not UTF-8 (Latin-1 é), naming the line and column", () => {
    expect(problemsOf(() => read("latin1.csv"))).toEqual([
      'latin1.csv:2:19: the file is not UTF-8 text (byte 0xE9); save it as UTF-8 (Excel: "CSV UTF-8") or UTF-16 with a byte-order mark',
    ]);
  });

  it("'1,200' when no other number shows the decimal separator", () => {
    expect(problemsOf(() => read("ambiguous-thousands.csv"))).toEqual([
      'ambiguous-thousands.csv:2:2: calls "1,200" is ambiguous: 1200 with a thousands separator or 1.2 with a decimal comma, and no other number in the file shows which; write 1200 or 1.2',
    ]);
  });

  it("day-first or month-first dates without --date-format, once for the file", () => {
    expect(problemsOf(() => read("day-first.csv"))).toEqual([
      'day-first.csv:2:1: timestamp "01/12/2026 08:00" has the day and month in an order wfm does not guess; give it with --date-format (dateFormat in the plan config): --date-format "dd/MM/yyyy HH:mm" if 01 is the day, --date-format "MM/dd/yyyy HH:mm" if it is the month (2 rows like it, up to line 3)',
    ]);
  });

  it("Solar Hijri dates without the Persian calendar are never read as Gregorian", () => {
    expect(problemsOf(() => read("solar-hijri.csv"))).toEqual([
      'solar-hijri.csv:2:1: timestamp "1404-09-01 08:00" has the year 1404, a Solar Hijri date; it is read only with --calendar persian (calendar "persian" in the plan config), never as a Gregorian year (2 rows like it, up to line 3)',
    ]);
  });

  it("rows with different UTC offsets (Z and +03:30)", () => {
    expect(problemsOf(() => read("mixed-offsets.csv"))).toEqual([
      'mixed-offsets.csv:3:1: timestamp "2026-12-01T08:30+03:30" has the UTC offset +03:30, but line 2 has Z ("2026-12-01T08:00Z"); one file takes one offset: export every row in the same zone (such as UTC) or without offsets',
    ]);
  });

  it("offsets that change at a daylight-saving switch, naming the first row and the count (not a false gap)", () => {
    expect(problemsOf(() => read("dst-offsets.csv"))).toEqual([
      'dst-offsets.csv:4:1: timestamp "2026-03-29T03:00+02:00" has the UTC offset +02:00, but line 2 has +01:00 ("2026-03-29T00:00+01:00"); the offset changes at a daylight-saving switch, which 24-hour planning days cannot hold: export the file in one fixed offset (such as UTC) or in local time without offsets (2 rows like it, up to line 5)',
    ]);
  });

  it("a date-only row among timed rows", () => {
    expect(problemsOf(() => read("date-among-times.csv"))).toEqual([
      'date-among-times.csv:3:1: timestamp "2026-12-01" has no time of day, but line 2 has one ("2026-12-01T08:00"); write every row the same way',
    ]);
  });

  it("a timed row among date-only rows", () => {
    const text = "date,calls\n2026-12-01,12\n2026-12-02T08:00,15\n";
    expect(problemsOf(() => parseVolumeCsv(text, { file: "d.csv" }))).toEqual([
      'd.csv:3:1: timestamp "2026-12-02T08:00" has a time of day, but line 2 is a date only ("2026-12-01"); write every row the same way',
    ]);
  });

  it("an error message quotes only a short prefix of a huge cell", () => {
    const huge = "9".repeat(20) + "x".repeat(300_000);
    const [message] = problemsOf(() => parseVolumeCsv(`timestamp,calls\n2026-12-01T08:00,${huge}\n2026-12-01T08:30,1\n`, { file: "v.csv" }));
    expect(message).toBe(`v.csv:2:2: calls must be a non-negative number, got "${"9".repeat(20)}${"x".repeat(40)}..." (300020 characters)`);
  });

  it("a header with as many ';' as ','", () => {
    expect(problemsOf(() => parseVolumeCsv("timestamp;calls,aht\n", { file: "v.csv" }))).toEqual([
      "v.csv:1: cannot tell the delimiter: the header has as many ',' as ';'; use one of them between columns",
    ]);
  });

  it("a file that still cannot be read names the delimiter it saw", () => {
    expect(problemsOf(() => parseVolumeCsv("timestamp;volumes\n2026-12-01T08:00;1\n", { file: "v.csv" }))).toEqual([
      'v.csv:1: missing required column calls (accepted headers: "calls", "volume", "contacts", "offered", "count", "arrivals"); header is "timestamp;volumes" (read with the delimiter \';\')',
    ]);
    expect(problemsOf(() => parseVolumeCsv("timestamp;calls\n2026-12-01T08:00;1;2\n", { file: "v.csv" }))).toEqual([
      "v.csv:2:3: expected 2 fields as in the header, found 3 (read with the delimiter ';')",
    ]);
  });

  it("a time-of-day cell that is not an hour, and a handle time that is not a duration", () => {
    const text = "date;hour;calls;aht\n2026-12-01;8am;12;00:03:05\n2026-12-01;09:00;12;3 min\n";
    expect(problemsOf(() => parseVolumeCsv(text, { file: "v.csv" }))).toEqual([
      'v.csv:2:2: timestamp time of day "8am" is not an hour such as 9, 09:00, 09:00:00 or 09:00-09:30',
      'v.csv:3:4: ahtSeconds must be seconds or a duration hh:mm:ss or mm:ss, got "3 min"',
    ]);
  });

  it("a date column that already holds a time, beside a time column", () => {
    expect(problemsOf(() => parseVolumeCsv("date,hour,calls\n2026-12-01T08:00,09:00,1\n", { file: "v.csv" }))).toEqual([
      'v.csv:2:1: timestamp "2026-12-01T08:00 09:00": the date column already has a time of day; give the time in one column only',
    ]);
  });

  it("a Solar Hijri date that does not exist, and Gregorian rows among Solar Hijri ones", () => {
    // Mehr (month 7) has 30 days.
    expect(problemsOf(() => parseVolumeCsv("timestamp,calls\n1404-07-31 08:00,1\n", { file: "v.csv", calendar: "persian" }))).toEqual([
      'v.csv:2:1: timestamp "1404-07-31 08:00" is not a Solar Hijri date-time; expected e.g. 1404-09-01T08:00 or 1404-09-01 08:00',
    ]);
    expect(problemsOf(() => parseVolumeCsv("timestamp,calls\n1404-09-01 08:00,1\n2025-11-22 08:30,1\n", { file: "v.csv", calendar: "persian" }))).toEqual([
      'v.csv:3:1: timestamp "2025-11-22 08:30" is a Gregorian date, but line 2 is Solar Hijri ("1404-09-01 08:00"); write every row in one calendar',
    ]);
  });

  it("a timestamp that matches no --date-format", () => {
    expect(problemsOf(() => parseVolumeCsv("timestamp,calls\n2026-12-01T08:00,1\n", { file: "v.csv", dateFormat: "dd/MM/yyyy HH:mm" }))).toEqual([
      'v.csv:2:1: timestamp "2026-12-01T08:00" does not match --date-format "dd/MM/yyyy HH:mm"',
    ]);
  });

  it("an input above the documented size is refused before it is read", () => {
    const dir = tempDir();
    const fd = openSync(join(dir, "big.csv"), "w");
    ftruncateSync(fd, maxInputBytes + 1);
    closeSync(fd);
    expect(problemsOf(() => readTextFile("big.csv", { cwd: dir, option: "--history" }))).toEqual([
      "--history: big.csv is 256 MiB; inputs above 256 MiB are refused (split it by queue or by month)",
    ]);
  });
});

describe("the other readers share the dialect", () => {
  it("KPI report: ';', a date and an interval column, hh:mm:ss totals and averages", () => {
    const text = "Date;Interval;Offered;Answered;AHT;Staffed Time\n2026-10-01;08:00;10;8;00:03:20;01:00:00\n";
    const report = parseKpiCsv(text, { file: "r.csv" });
    // AHT 200 s x 8 answered = 1600 s of handle time; staffed 1 h = 3600 s.
    expect(report.intervals[0]).toEqual({ localMs: Date.UTC(2026, 9, 1, 8), channel: "voice", offered: 10, answered: 8, handleSeconds: 1600, staffedSeconds: 3600 });
  });

  it("orders: day-first dates with dateFormat and a thousands separator", () => {
    expect(parseOrdersCsv("date;orders\n01/11/2026;1 200\n02/11/2026;980\n", { file: "o.csv", dateFormat: "dd/MM/yyyy" })).toEqual([
      { dateMs: Date.UTC(2026, 10, 1), orders: 1200 },
      { dateMs: Date.UTC(2026, 10, 2), orders: 980 },
    ]);
  });

  it("tickets: month-first timestamps with a 12-hour clock", () => {
    const file = parseTicketCsv("id\tcreatedAt\tresolvedAt\nT1\t10/01/2026 8:00 AM\t10/01/2026 2:30 PM\n", { file: "t.csv", dateFormat: "MM/dd/yyyy h:mm a" });
    expect(file.tickets[0]).toEqual({ id: "T1", createdMs: Date.UTC(2026, 9, 1, 8), resolvedMs: Date.UTC(2026, 9, 1, 14, 30) });
  });

  it("requirements: ';' with a decimal comma", () => {
    expect(parseRequirementsCsv("timestamp;agents\n2026-12-07T08:00;3,5\n2026-12-07T09:00;4\n", { file: "r.csv" }).required).toEqual([3.5, 4]);
  });

  it("special days: Persian digits in the date, Solar Hijri calendar", () => {
    // 1 Farvardin 1405 (Nowruz) is 21 March 2026.
    expect(parseHolidaysCsv("date,label\n۱۴۰۵-۰۱-۰۱,Nowruz\n", { file: "h.csv", calendar: "persian" })).toEqual([{ dateMs: Date.UTC(2026, 2, 21), label: "Nowruz", kind: "holiday" }]);
  });

  it("requirements: hexadecimal agents are refused as in every reader", () => {
    expect(problemsOf(() => parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,0x10\n", { file: "r.csv" }))).toEqual([
      'r.csv:2:2: agents must be a decimal number, got "0x10" (hexadecimal, octal and binary numbers are refused)',
    ]);
  });
});

describe("dialect pieces", () => {
  it("detects the delimiter from the header, ignoring quoted ones", () => {
    expect(detectDelimiter('"a;b",c,d\n1;2;3\n', "x.csv")).toBe(",");
    expect(detectDelimiter("\n\na;b\n", "x.csv")).toBe(";");
    expect(detectDelimiter("timestamp\n", "x.csv")).toBe(",");
  });

  it("decodes UTF-16 and strips a UTF-8 BOM", () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x06, 0xf1]), "a")).toBe("a۱");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "a")).toBe("a");
  });

  it("asciiDigits maps both digit sets", () => {
    expect(asciiDigits("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩")).toBe("0123456789 0123456789");
  });

  it("quoteCell keeps short cells whole and cuts long ones as WfmError cuts any quote", () => {
    expect(quoteCell("a".repeat(60))).toBe(JSON.stringify("a".repeat(60)));
    expect(quoteCell("a".repeat(61))).toBe(`"${"a".repeat(60)}..." (61 characters)`);
    expect(quoteCell("a".repeat(61))).toBe(clipQuoted(JSON.stringify("a".repeat(61))));
  });

  it("dateFormatProblem refuses tokens that would misread dates", () => {
    expect(dateFormatProblem("dd/MM/yyyy HH:mm")).toBeNull();
    expect(dateFormatProblem("DD/MM/YYYY")).toBe('use date-fns tokens: "dd" for the day of the month and "yyyy" for the year (not "DD" and "YYYY")');
    expect(dateFormatProblem("HH:mm")).toBe('a date format needs a year (yyyy), a month (MM) and a day (dd), got "HH:mm"');
    expect(dateFormatProblem("yyyy-MM-dd'T'HH:mmXXX")).toBe("time-zone tokens (X, x, O, z) are not read: timestamps are local wall-clock times");
  });

  const numberIn = (cell: string, others: string[] = []) => {
    // A ';' file, so that commas are part of the cells.
    const table = parseCsv(`n;label\n${[cell, ...others].map((c) => `${c};x`).join("\n")}\n`, { file: "n.csv", columns: [{ name: "n", kind: "number", required: true }] });
    const problems = new ProblemList();
    return new CsvCells(table, problems).number(table.records[0]!, 0, "n");
  };

  it.each([
    ["12", 12],
    ["12.5", 12.5],
    ["1e3", 1000],
    ["1 200", 1200],
    ["1\u00A0200,5", 1200.5],
    ["1'200", 1200],
    ["1,200.5", 1200.5],
    ["1.200,5", 1200.5],
    ["1,200,000", 1_200_000],
    ["1.200.000", 1_200_000],
    ["12,5", 12.5],
    ["0,125", 0.125],
    ["1234,5", 1234.5],
  ])("reads %s as %d", (cell, value) => {
    expect(numberIn(cell)).toBe(value);
  });

  it("reads 1,200 and 1.200 by the separator other cells show", () => {
    expect(numberIn("1,200", ["3.5"])).toBe(1200);
    expect(numberIn("1,200", ["3,5"])).toBe(1.2);
    expect(numberIn("1.200", ["3,5"])).toBe(1200);
    expect(numberIn("1.200", ["3.5"])).toBe(1.2);
    expect(numberIn("1,200", ["3.5", "3,5"])).toBeNull();
    // No evidence in a ';' file: refused, never guessed.
    expect(numberIn("1.200")).toBeNull();
  });

  it("'1.200' in a ';' file whose numbers show no decimal separator: both readings", () => {
    const text = "timestamp;calls\n2026-12-01T08:00;1.200\n2026-12-01T08:30;850\n";
    expect(problemsOf(() => parseVolumeCsv(text, { file: "v.csv" }))).toEqual([
      'v.csv:2:2: calls "1.200" is ambiguous: 1200 with a thousands separator or 1.2 with a decimal point, and no other number in the file shows which; write 1200 or 1.2',
    ]);
    // In a ',' file the dot can only be a decimal point.
    expect(parseVolumeCsv("timestamp,calls\n2026-12-01T08:00,1.200\n2026-12-01T08:30,850\n", { file: "v.csv" }).rows[0]!.calls).toBe(1.2);
  });

  it.each(["0x64", "0b101", "0o17", "Infinity", "NaN", "1_000", "12 5", "1,20,0", ""])("refuses %j", (cell) => {
    expect(numberIn(cell)).toBeNull();
  });

  it("law: an integer grouped by spaces, or by commas with a decimal point elsewhere, reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const spaced = n.toLocaleString("en-US").replace(/,/g, " ");
        const commas = n.toLocaleString("en-US");
        expect(numberIn(spaced)).toBe(n);
        expect(numberIn(commas, ["0.5"])).toBe(n);
      }),
    );
  });

  it("law: hh:mm:ss and mm:ss durations equal their seconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (h, m, s) => {
        const two = (n: number) => String(n).padStart(2, "0");
        const table = parseCsv(`d,e\n${two(h)}:${two(m)}:${two(s)},${two(m)}:${two(s)}\n`, {
          file: "d.csv",
          columns: [
            { name: "d", kind: "duration" },
            { name: "e", kind: "duration" },
          ],
        });
        const cells = new CsvCells(table, new ProblemList());
        expect(cells.duration(table.records[0]!, 0, "d")).toBe(h * 3600 + m * 60 + s);
        expect(cells.duration(table.records[0]!, 1, "e")).toBe(m * 60 + s);
      }),
    );
  });
});

describe("reading a chunk of lines at a time (openCsv)", () => {
  const columns = [
    { name: "timestamp", required: true, kind: "timestamp" as const },
    { name: "calls", required: true, kind: "number" as const },
  ];
  const lineArb = fc.oneof(
    fc.constant(""),
    fc.constant(";;"),
    fc.constant("2026-12-01T08:00;12"),
    fc.constant("2026-12-01T08:15;7;"),
    fc.constant("2026-12-01T08:30;1;2;3"),
    fc.constant("2026-12-01T08:45"),
  );
  const outcome = (read: () => { line: number; cells: readonly string[] }[]) => {
    try {
      return { records: read() };
    } catch (error) {
      return { error: String(error), problems: (error as { problems?: unknown }).problems };
    }
  };

  it("gives the records, line numbers and problems of the whole-file parse, whatever the chunk size", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (lines, linesPerChunk, crlf) => {
        const text = ["timestamp;calls", ...lines].join(crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n");
        // The reference: csv-parse over the whole text in one go, with its own line numbers.
        const whole = outcome(() => {
          const reader = openCsv(text, { file: "v.csv", columns, linesPerChunk: 1e9 });
          const out: { line: number; cells: readonly string[] }[] = [];
          reader.forEach((r) => out.push(r));
          return out;
        });
        const chunked = outcome(() => {
          const reader = openCsv(text, { file: "v.csv", columns, linesPerChunk });
          const out: { line: number; cells: readonly string[] }[] = [];
          reader.forEach((r) => out.push(r));
          return out;
        });
        expect(chunked).toEqual(whole);
        if ("records" in whole) {
          // Each record sits on the line it names.
          const fileLines = text.split(/\r?\n/);
          for (const r of whole.records!) expect(fileLines[r.line - 1]!.startsWith(r.cells[0]!)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reads a text without quotes as csv-parse does: cells, trims, blank lines, line numbers, BOM, CRLF", () => {
    // The reference is csv-parse itself with the readers' options and its own line numbers
    // (`on_record`); openCsv splits quote-free chunks without it.
    const cellArb = fc.oneof(
      fc.constant(""),
      fc.constant("12"),
      fc.constant(" 7 "),
      fc.constant("\f3"),
      fc.constant("4\u00a0"),
      fc.constant("\u00a05"),
      fc.constant("a b"),
      fc.constant("\t"),
      fc.constant("۱۲"),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<"," | ";" | "\t">(",", ";", "\t"),
        fc.array(fc.oneof(fc.constant(null), fc.tuple(cellArb, cellArb, cellArb)), { maxLength: 25 }),
        fc.constantFrom("\n", "\r\n", "mixed"),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        (delimiter, rows, ending, bom, linesPerChunk) => {
          const eol = (i: number) => (ending === "mixed" ? (i % 3 === 1 ? "\r\n" : "\n") : ending);
          const lines = ["x1 x2 x3".split(" ").join(delimiter), ...rows.map((r) => (r === null ? "" : r.map((c) => (c.includes(delimiter) ? "" : c)).join(delimiter)))];
          const text = (bom ? "\uFEFF" : "") + lines.map((l, i) => l + eol(i)).join("");
          const reference = (
            parseWithCsvParse(text, {
              bom: true,
              delimiter,
              skip_empty_lines: true,
              relax_column_count: true,
              trim: delimiter !== "\t",
              on_record: (record: string[]) => ({ cells: delimiter === "\t" ? record.map((c) => c.trim()) : record }) as unknown as string[],
            }) as unknown as { cells: string[] }[]
          ).filter((r) => r.cells.some((c) => c !== ""));
          const reader = openCsv(text, { file: "v.csv", columns: [{ name: "x1" }], linesPerChunk });
          const records: { line: number; cells: readonly string[] }[] = [];
          reader.forEach((r) => records.push(r));
          expect([reader.table.header, ...records.map((r) => r.cells)]).toEqual(reference.map((r) => r.cells));
          // Line numbers: increasing, each naming the line that holds the record's cells.
          const fileLines = text.split("\n").map((l) => l.replace(/\r$/, ""));
          records.forEach((r, i) => {
            if (i > 0) expect(r.line).toBeGreaterThan(records[i - 1]!.line);
            const cells = fileLines[r.line - 1]!.split(delimiter);
            expect(cells.length).toBe(r.cells.length);
            r.cells.forEach((cell, k) => expect(cells[k]!.includes(cell)).toBe(true));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("settles an ambiguous number by the whole file when asked for the records", () => {
    const text = "timestamp;calls\n2026-12-01T08:00;1.200\n2026-12-01T08:15;3,5\n";
    const reader = openCsv(text, { file: "v.csv", columns, linesPerChunk: 1 });
    expect(reader.table.records.map((r) => r.line)).toEqual([2, 3]);
  });
});
