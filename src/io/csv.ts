import { parse } from "csv-parse/sync";
import { localStartOfDay, parseLocalTimestamp } from "../calendar/local-time.js";
import { WfmError, type Problem } from "../errors.js";

/** One expected column of a CSV file. */
export interface CsvColumnSpec {
  /** Canonical name, camelCase with units (`ahtSeconds`). */
  readonly name: string;
  /** Other headers accepted for it (`aht`, `aht_seconds`); matching ignores case, spaces, `_` and `-`. */
  readonly aliases?: readonly string[];
  /** Whether the file must have it. @defaultValue false */
  readonly required?: boolean;
}

/** One data row: its 1-based line number and its cells. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV file with its header mapped to canonical column names. */
export interface CsvTable {
  /** File name used in problems. */
  readonly file: string;
  /** The header as written. */
  readonly header: readonly string[];
  /** Canonical column name to 0-based cell index (only the columns found). */
  readonly columns: ReadonlyMap<string, number>;
  /** Data rows in file order (blank lines skipped). */
  readonly records: readonly CsvRecord[];
}

/** Normalises a header for matching: lower case, no spaces, `_` or `-`. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s_\-]+/g, "");
}

/**
 * Collects problems up to a limit, then throws them all at once as one {@link WfmError}.
 * A file with many bad rows reports the first `limit` problems and a count of the rest.
 */
export class ProblemList {
  readonly #problems: Problem[] = [];
  #dropped = 0;

  /** @param limit - problems kept before the rest are only counted. @defaultValue 50 */
  constructor(readonly limit = 50) {}

  /** Adds a problem. */
  add(problem: Problem): void {
    if (this.#problems.length < this.limit) this.#problems.push(problem);
    else this.#dropped++;
  }

  /** Number of problems found so far, kept or not. */
  get size(): number {
    return this.#problems.length + this.#dropped;
  }

  /** Whether the limit is reached (callers may stop scanning). */
  get full(): boolean {
    return this.#problems.length >= this.limit;
  }

  /** Throws every kept problem (and a line counting the dropped ones) when there is any. */
  throwIfAny(): void {
    if (this.size === 0) return;
    const problems = [...this.#problems];
    if (this.#dropped > 0) {
      const file = problems[0]?.file;
      problems.push({
        code: problems[0]!.code,
        message: `... and ${this.#dropped} more problem${this.#dropped === 1 ? "" : "s"}`,
        ...(file === undefined ? {} : { file }),
      });
    }
    throw new WfmError(problems);
  }
}

/**
 * Parses CSV text (comma separated, header row, optional quoting, `\n` or `\r\n`) and maps its
 * header onto the expected columns. Structural problems (a missing required column, a duplicate
 * column, a row with the wrong number of fields, broken quoting) are reported together as one
 * {@link WfmError} with file, line and column; cell values are left to the caller to validate.
 *
 * @param text - the file's content
 * @param options.file - the name used in problems
 * @param options.columns - the expected columns; unknown columns are ignored
 * @throws {WfmError} `invalid-csv`
 *
 * @example
 * ```ts
 * const table = parseCsv("timestamp,calls\n2026-12-01T08:00,12\n", {
 *   file: "v.csv",
 *   columns: [{ name: "timestamp", required: true }, { name: "calls", required: true }],
 * });
 * table.records[0]; //=> { line: 2, cells: ["2026-12-01T08:00", "12"] }
 * ```
 */
export function parseCsv(text: string, options: { file: string; columns: readonly CsvColumnSpec[] }): CsvTable {
  const { file, columns } = options;
  let rows: { record: string[]; line: number }[];
  try {
    // on_record keeps only the line number: csv-parse's `info: true` copies a whole info object
    // per record, which measured about a third slower on a 9,000-row report.
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record: string[], context: { lines: number }) => ({ record, line: context.lines }) as unknown as string[],
    }) as unknown as { record: string[]; line: number }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number; column?: number | string };
    const line = typeof e.lines === "number" ? e.lines : undefined;
    throw new WfmError({
      code: "invalid-csv",
      file,
      ...(line === undefined ? {} : { line }),
      message: `not valid CSV: ${(e.message ?? String(error)).replace(/^Invalid [^:]*: /, "")}`,
    });
  }
  const problems = new ProblemList();
  if (rows.length === 0) {
    throw new WfmError({ code: "invalid-csv", file, line: 1, message: "the file is empty; expected a header row" });
  }
  const headerRow = rows[0]!;
  const header = headerRow.record;
  const headerLine = headerRow.line;
  const lookup = new Map<string, string>();
  for (const column of columns) {
    for (const alias of [column.name, ...(column.aliases ?? [])]) lookup.set(normaliseHeader(alias), column.name);
  }
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = lookup.get(normaliseHeader(cell));
    if (name === undefined) return;
    if (found.has(name)) {
      problems.add({
        code: "invalid-csv",
        file,
        line: headerLine,
        column: index + 1,
        message: `column ${JSON.stringify(cell)} repeats column ${found.get(name)! + 1} (both mean ${name})`,
      });
      return;
    }
    found.set(name, index);
  });
  for (const column of columns) {
    if (column.required && !found.has(column.name)) {
      const accepted = [column.name, ...(column.aliases ?? [])].map((a) => JSON.stringify(a)).join(", ");
      problems.add({
        code: "invalid-csv",
        file,
        line: headerLine,
        message: `missing required column ${column.name} (accepted headers: ${accepted}); header is ${JSON.stringify(header.join(","))}`,
      });
    }
  }
  problems.throwIfAny();
  const records: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.record.length !== header.length) {
      problems.add({
        code: "invalid-csv",
        file,
        line: row.line,
        column: Math.min(row.record.length, header.length) + 1,
        message: `expected ${header.length} fields as in the header, found ${row.record.length}`,
      });
      continue;
    }
    records.push({ line: row.line, cells: row.record });
  }
  problems.throwIfAny();
  return { file, header, columns: found, records };
}

/**
 * Reads a date cell (`YYYY-MM-DD`, or a timestamp whose day is taken) as the wall-clock
 * milliseconds of its local midnight; adds a problem naming the line and column and returns
 * `null` when the cell is not a date.
 *
 * @example
 * ```ts
 * readDateCell({ line: 2, cells: ["2026-11-01"] }, 0, "o.csv", new ProblemList()); //=> 1793491200000
 * ```
 */
export function readDateCell(record: CsvRecord, column: number, file: string, problems: ProblemList): number | null {
  const text = record.cells[column] ?? "";
  const parsed = parseLocalTimestamp(text);
  if (parsed === null) {
    problems.add({ code: "invalid-csv", file, line: record.line, column: column + 1, message: `date must be YYYY-MM-DD, got ${JSON.stringify(text)}`, value: text });
    return null;
  }
  return localStartOfDay(parsed.localMs);
}
