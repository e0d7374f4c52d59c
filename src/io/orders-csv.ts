/**
 * Daily orders files for the driver-based forecast (`wfm forecast --orders FILE`).
 *
 * Format: CSV with a header `date,orders` (aliases: `timestamp`/`day`; `sales`, `bookings`,
 * `reservations`, `total_reservations`), one row per day, `YYYY-MM-DD` (a time part is
 * ignored). Rows with an empty orders cell are skipped (days before the orders series starts).
 *
 * @module
 */
import { ProblemList, parseCsv, readDateCell } from "./csv.js";
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
export function parseOrdersCsv(text: string, options: { file: string }): { dateMs: number; orders: number }[] {
  const { file } = options;
  const table = parseCsv(text, {
    file,
    columns: [
      { name: "date", aliases: ["day", "timestamp"], required: true },
      { name: "orders", aliases: ["sales", "bookings", "reservations", "totalReservations"], required: true },
    ],
  });
  const dateCol = table.columns.get("date")!;
  const ordersCol = table.columns.get("orders")!;
  const problems = new ProblemList();
  const seen = new Map<number, number>();
  const out: { dateMs: number; orders: number }[] = [];
  for (const record of table.records) {
    const dateMs = readDateCell(record, dateCol, file, problems);
    if (dateMs === null) continue;
    const cell = (record.cells[ordersCol] ?? "").trim();
    if (cell === "") continue;
    const orders = Number(cell);
    if (!Number.isFinite(orders) || orders < 0) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: ordersCol + 1, message: `orders must be a non-negative number, got ${JSON.stringify(cell)}`, value: cell });
      continue;
    }
    if (seen.has(dateMs)) {
      const dateText = record.cells[dateCol]!;
      problems.add({ code: "invalid-csv", file, line: record.line, column: dateCol + 1, message: `date ${dateText} repeats line ${seen.get(dateMs)}`, value: dateText });
      continue;
    }
    seen.set(dateMs, record.line);
    out.push({ dateMs, orders });
  }
  problems.throwIfAny();
  return out.sort((a, b) => a.dateMs - b.dateMs);
}

/** Reads a daily orders CSV from disk (see {@link parseOrdersCsv}). */
export function readOrdersCsv(path: string, options: { cwd?: string; option?: string } = {}): { dateMs: number; orders: number }[] {
  return parseOrdersCsv(readTextFile(path, options), { file: path });
}
