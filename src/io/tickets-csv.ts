import type { Ticket } from "../cost/tickets.js";
import { CsvCells, ProblemList, parseCsv, quoteCell, type CsvColumnSpec, type CsvDateOptions } from "./csv.js";
import { readTextFile } from "./read-file.js";

/**
 * Columns of a ticket export and the headers accepted for them (matching ignores case, spaces,
 * `_` and `-`). `id` and `createdAt` are required; `resolvedAt` is empty for open tickets; FCR
 * needs `resolvedAtFirstContact` (true/false, yes/no, 1/0) or `contacts` (1 = resolved at the
 * first contact); MTTR needs `resolvedAt`.
 *
 * | column | aliases |
 * |---|---|
 * | `id` | ticketId, caseId, number, ticket |
 * | `createdAt` | created, createdTime, openedAt, opened |
 * | `resolvedAt` | resolved, resolvedTime, closedAt, closed, solvedAt |
 * | `contacts` | contactCount, interactions, touches |
 * | `resolvedAtFirstContact` | fcr, firstContactResolution, resolvedFirstContact |
 */
export const ticketCsvColumns: readonly CsvColumnSpec[] = [
  { name: "id", aliases: ["ticketId", "caseId", "number", "ticket"], required: true },
  { name: "createdAt", aliases: ["created", "createdTime", "openedAt", "opened"], required: true, kind: "timestamp" },
  { name: "resolvedAt", aliases: ["resolved", "resolvedTime", "closedAt", "closed", "solvedAt"], kind: "timestamp" },
  { name: "contacts", aliases: ["contactCount", "interactions", "touches"], kind: "number" },
  { name: "resolvedAtFirstContact", aliases: ["fcr", "firstContactResolution", "resolvedFirstContact"] },
];

/** A validated ticket export. */
export interface TicketFile {
  readonly file: string;
  readonly tickets: readonly Ticket[];
  /** Whether the export can give FCR (a contacts or resolvedAtFirstContact column). */
  readonly hasFcr: boolean;
  /** Whether the export can give MTTR (a resolvedAt column). */
  readonly hasResolution: boolean;
}

const truthy = new Set(["true", "yes", "y", "1"]);
const falsy = new Set(["false", "no", "n", "0"]);

/**
 * Parses and validates a ticket export (columns: {@link ticketCsvColumns}). Every problem is
 * reported at once with its line and column: an empty or repeated id, an unparsable date-time, a
 * resolution before the creation, a contact count that is not a whole number of at least 1, a
 * first-contact flag that is not true/false.
 *
 * @throws {WfmError} `invalid-csv`
 *
 * @example
 * ```ts
 * parseTicketCsv("id,createdAt,resolvedAt,contacts\nT1,2026-10-01T08:00,2026-10-01T09:30,1\n", { file: "t.csv" }).tickets[0];
 * //=> { id: "T1", createdMs: 1790841600000, resolvedMs: 1790847000000, resolvedAtFirstContact: true }
 * ```
 */
export function parseTicketCsv(text: string, options: { readonly file: string; readonly maxProblems?: number } & CsvDateOptions): TicketFile {
  const { file, maxProblems = 50 } = options;
  const table = parseCsv(text, { file, columns: ticketCsvColumns });
  const problems = new ProblemList(maxProblems);
  const col = (name: string) => table.columns.get(name);
  const idCol = col("id")!;
  const createdCol = col("createdAt")!;
  const resolvedCol = col("resolvedAt");
  const contactsCol = col("contacts");
  const fcrCol = col("resolvedAtFirstContact");
  const problem = (line: number, column: number, message: string) => problems.add({ code: "invalid-csv", file, line, column: column + 1, message });
  const reader = new CsvCells(table, problems, options);
  const ids = new Map<string, number>();
  const tickets: Ticket[] = [];
  for (const record of table.records) {
    const { line, cells } = record;
    if (problems.full) break;
    const id = cells[idCol]!;
    let ok = true;
    if (id === "") {
      problem(line, idCol, "id is empty");
      ok = false;
    } else if (ids.has(id)) {
      problem(line, idCol, `id ${quoteCell(id)} repeats line ${ids.get(id)}`);
      ok = false;
    } else ids.set(id, line);
    const created = reader.timestamp(record, createdCol, "createdAt");
    if (created === null) ok = false;
    let resolvedMs: number | undefined;
    if (resolvedCol !== undefined && cells[resolvedCol] !== "") {
      const resolved = reader.timestamp(record, resolvedCol, "resolvedAt");
      if (resolved === null) {
        ok = false;
      } else if (created !== null && resolved.localMs < created.localMs) {
        problem(line, resolvedCol, `resolvedAt ${quoteCell(cells[resolvedCol]!)} is before createdAt ${quoteCell(cells[createdCol]!)}`);
        ok = false;
      } else resolvedMs = resolved.localMs;
    }
    let first: boolean | undefined;
    if (fcrCol !== undefined && cells[fcrCol] !== "") {
      const text = cells[fcrCol]!.toLowerCase();
      if (truthy.has(text)) first = true;
      else if (falsy.has(text)) first = false;
      else {
        problem(line, fcrCol, `resolvedAtFirstContact must be true or false (yes/no, 1/0), got ${quoteCell(cells[fcrCol]!)}`);
        ok = false;
      }
    } else if (contactsCol !== undefined && cells[contactsCol] !== "") {
      const n = reader.number(record, contactsCol, "contacts", { expected: "a whole number of at least 1" });
      if (n === null) ok = false;
      else if (!Number.isInteger(n) || n < 1) {
        problem(line, contactsCol, `contacts must be a whole number of at least 1, got ${quoteCell(cells[contactsCol]!)}`);
        ok = false;
      } else first = n === 1;
    }
    if (!ok) continue;
    tickets.push({
      id,
      createdMs: created!.localMs,
      ...(resolvedMs === undefined ? {} : { resolvedMs }),
      ...(first === undefined || resolvedMs === undefined ? {} : { resolvedAtFirstContact: first }),
    });
  }
  reader.finish();
  if (table.records.length === 0) problems.add({ code: "invalid-csv", file, line: 2, message: "no data rows after the header" });
  problems.throwIfAny();
  return { file, tickets, hasFcr: contactsCol !== undefined || fcrCol !== undefined, hasResolution: resolvedCol !== undefined };
}

/**
 * Reads a ticket export named on the command line ({@link parseTicketCsv}).
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-csv`
 */
export function readTicketCsv(path: string, options: { readonly cwd?: string; readonly option?: string } & CsvDateOptions = {}): TicketFile {
  const { cwd, option, ...dates } = options;
  return parseTicketCsv(readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) }), { file: path, ...dates });
}
