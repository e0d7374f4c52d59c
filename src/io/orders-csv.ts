/**
 * Daily orders files for the driver-based forecast (`wfm forecast --orders FILE`).
 *
 * Format: CSV with a header `date,orders` (aliases: `timestamp`/`day`; `sales`, `bookings`,
 * `reservations`, `total_reservations`), one row per day, `YYYY-MM-DD` (a time part is
 * ignored). Rows with an empty orders cell are skipped (days before the orders series starts).
 *
 * @module
 */
import { CsvCells, ProblemList, parseCsv, quoteCell, type CsvDateOptions } from "./csv.js";
import { readTextFile } from "./read-file.js";

/**
 * Parses a daily orders CSV.
 *
 * @throws {WfmError} `invalid-csv` with one problem per bad cell, and for repeated dates
 * @example
 * ```ts
 * parseOrdersCsv("date,orders\n2026-11-01,1200\n", { file: "o.csv" });
 * //=> [{ dateMs: 1793491200000, orders: 1200 }]
 * ```
 */
export function parseOrdersCsv(text: string, options: { file: string } & CsvDateOptions): { dateMs: number; orders: number }[] {
  const { file } = options;
  const table = parseCsv(text, {
    file,
    columns: [
      { name: "date", aliases: ["day", "timestamp"], required: true, kind: "timestamp" },
      { name: "orders", aliases: ["sales", "bookings", "reservations", "totalReservations"], required: true, kind: "number" },
    ],
  });
  const dateCol = table.columns.get("date")!;
  const ordersCol = table.columns.get("orders")!;
  const problems = new ProblemList();
  const cells = new CsvCells(table, problems, options);
  const seen = new Map<number, number>();
  const out: { dateMs: number; orders: number }[] = [];
  for (const record of table.records) {
    const dateMs = cells.date(record, dateCol, "date");
    if (dateMs === null) continue;
    if ((record.cells[ordersCol] ?? "") === "") continue;
    const orders = cells.number(record, ordersCol, "orders");
    if (orders === null) continue;
    if (seen.has(dateMs)) {
      const dateText = record.cells[dateCol]!;
      problems.add({ code: "invalid-csv", file, line: record.line, column: dateCol + 1, message: `date ${quoteCell(dateText)} repeats line ${seen.get(dateMs)}` });
      continue;
    }
    seen.set(dateMs, record.line);
    out.push({ dateMs, orders });
  }
  cells.finish();
  problems.throwIfAny();
  return out.sort((a, b) => a.dateMs - b.dateMs);
}

/** Reads a daily orders CSV from disk (see {@link parseOrdersCsv}). */
export function readOrdersCsv(path: string, options: { cwd?: string; option?: string } & CsvDateOptions = {}): { dateMs: number; orders: number }[] {
  const { cwd, option, ...dates } = options;
  return parseOrdersCsv(readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) }), { file: path, ...dates });
}
