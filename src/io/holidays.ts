/**
 * Calendar files of special days for `wfm forecast --holidays FILE`.
 *
 * Format: CSV with a header `date,label,kind`:
 *
 * ```csv
 * date,label,kind
 * 1999-09-20,Yom Kippur,holiday
 * 2026-11-27,Black Friday,campaign
 * 2026-03-02,Telephony outage,outage
 * 2026-12-25,Christmas,closed
 * ```
 *
 * - `date`: `YYYY-MM-DD` (a time part is ignored);
 * - `label`: identifies recurrences: a label seen in the history gets its measured factor on
 *   its future dates;
 * - `kind` (optional, default `holiday`): `holiday`, `campaign`, `outage` (left out of the
 *   history's profiles and fits), or `closed` (no forecast rows that day).
 *
 * @module
 */
import type { SpecialDay, SpecialDayKind } from "../forecast/types.js";
import { CsvCells, ProblemList, parseCsv, quoteCell, type CsvDateOptions } from "./csv.js";
import { readTextFile } from "./read-file.js";

const kinds: readonly SpecialDayKind[] = ["holiday", "campaign", "outage", "closed"];

/**
 * Parses a special-days CSV (see the module comment).
 *
 * @throws {WfmError} `invalid-csv` with one problem per bad cell (file, line, column)
 * @example
 * ```ts
 * parseHolidaysCsv("date,label\n1999-09-20,Yom Kippur\n", { file: "h.csv" });
 * //=> [{ dateMs: 937785600000, label: "Yom Kippur", kind: "holiday" }]
 * ```
 */
export function parseHolidaysCsv(text: string, options: { file: string } & CsvDateOptions): SpecialDay[] {
  const { file } = options;
  const table = parseCsv(text, {
    file,
    columns: [
      { name: "date", aliases: ["day", "timestamp"], required: true, kind: "timestamp" },
      { name: "label", aliases: ["name", "event", "description"], required: true },
      { name: "kind", aliases: ["type", "category"] },
    ],
  });
  const dateCol = table.columns.get("date")!;
  const labelCol = table.columns.get("label")!;
  const kindCol = table.columns.get("kind");
  const problems = new ProblemList();
  const cells = new CsvCells(table, problems, options);
  const out: SpecialDay[] = [];
  for (const record of table.records) {
    const dateMs = cells.date(record, dateCol, "date");
    if (dateMs === null) continue;
    const label = (record.cells[labelCol] ?? "").trim();
    if (label === "") {
      problems.add({ code: "invalid-csv", file, line: record.line, column: labelCol + 1, message: "label must not be empty" });
      continue;
    }
    const kindText = kindCol === undefined ? "" : (record.cells[kindCol] ?? "").trim().toLowerCase();
    const kind = (kindText === "" ? "holiday" : kindText) as SpecialDayKind;
    if (!kinds.includes(kind)) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: kindCol! + 1, message: `kind must be one of ${kinds.join(", ")}, got ${quoteCell(kindText)}` });
      continue;
    }
    out.push({ dateMs, label, kind });
  }
  cells.finish();
  problems.throwIfAny();
  return out;
}

/** Reads a special-days CSV from disk (see {@link parseHolidaysCsv}). */
export function readHolidaysCsv(path: string, options: { cwd?: string; option?: string } & CsvDateOptions = {}): SpecialDay[] {
  const { cwd, option, ...dates } = options;
  return parseHolidaysCsv(readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) }), { file: path, ...dates });
}
