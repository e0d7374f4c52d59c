/**
 * The CSV dialect layer shared by every reader (volumes, KPI interval reports, orders, tickets,
 * requirements, special days): exports as contact-centre systems and spreadsheets write them.
 *
 * - Delimiter `,`, `;` or tab, detected from the header line (the character that occurs most
 *   often outside quotes there); parsing is csv-parse's.
 * - Byte-order marks, UTF-16 and non-UTF-8 bytes are handled where the file is read
 *   (`read-file.ts`); CRLF, blank lines, lines of delimiters only and empty trailing columns are
 *   ignored here.
 * - A timestamp may be one column or a `date` column plus an `hour` / `time` / `interval` /
 *   `start` column (`9`, `09:00`, `09:00:00`, `09:00-09:30`).
 * - Cells are read by a {@link CsvCells} reader: decimal numbers only (no `0x64`), grouping and
 *   decimal commas as the file shows them, durations as seconds or `hh:mm:ss` / `mm:ss`, Persian
 *   and Arabic-Indic digits, ISO timestamps or an explicit date-fns `dateFormat`, Solar Hijri
 *   dates when the calendar is Persian, one UTC offset and one timestamp form per file.
 * - Messages quote at most a short prefix of a cell ({@link quoteCell}).
 *
 * @module
 */
import { UTCDate } from "@date-fns/utc";
import { isValid, parse as parseGregorian } from "date-fns";
import { parse as parseJalali } from "date-fns-jalali";
import { parse } from "csv-parse/sync";
import { localStartOfDay, millisecondsInMinute, parseLocalTimestamp, type ParsedLocalTimestamp, type TimestampStyle } from "../calendar/local-time.js";
import { persianDateToLocalMs, type PlanningCalendar } from "../calendar/planning-month.js";
import { WfmError, maxQuotedCharacters, type Problem } from "../errors.js";

/** A field delimiter the readers detect. */
export type CsvDelimiter = "," | ";" | "\t";

/** How the cells of a column are read. */
export type CsvColumnKind = "text" | "number" | "duration" | "timestamp";

/** One expected column of a CSV file. */
export interface CsvColumnSpec {
  /** Canonical name, camelCase with units (`ahtSeconds`). */
  readonly name: string;
  /** Other headers accepted for it (`aht`, `aht_seconds`); matching ignores case, spaces, `_` and `-`. */
  readonly aliases?: readonly string[];
  /** Whether the file must have it. @defaultValue false */
  readonly required?: boolean;
  /**
   * How its cells are read. Number and duration columns are the ones scanned for the file's
   * decimal separator; a timestamp column whose accepted headers include `date` may be split
   * into a date and a time-of-day column. @defaultValue "text"
   */
  readonly kind?: CsvColumnKind;
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
  /** The delimiter detected from the header. */
  readonly delimiter: CsvDelimiter;
  /** The header as written (empty trailing columns dropped). */
  readonly header: readonly string[];
  /** Canonical column name to 0-based cell index (only the columns found). */
  readonly columns: ReadonlyMap<string, number>;
  /**
   * For a timestamp written as a date column plus a time-of-day column: canonical name to the
   * time column's index (`columns` then gives the date column).
   */
  readonly timeColumns: ReadonlyMap<string, number>;
  /** The column specs the table was read with. */
  readonly specs: readonly CsvColumnSpec[];
  /** Data rows in file order (blank lines skipped). */
  readonly records: readonly CsvRecord[];
}

/** Normalises a header for matching: lower case, no spaces, `_` or `-`. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s_\-]+/g, "");
}

/**
 * A cell as quoted in a message: JSON-quoted, and cut to its first {@link maxQuotedCharacters}
 * (60) characters with the full length when longer, in the form `WfmError` gives every other
 * quoted input (`clipQuoted` in errors.ts), so a message never echoes a huge cell and every message cuts
 * the same way.
 *
 * @example
 * ```ts
 * quoteCell("ten"); //=> '"ten"'
 * quoteCell("x".repeat(100)); //=> '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." (100 characters)'
 * ```
 */
export function quoteCell(text: string): string {
  if (text.length <= maxQuotedCharacters) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, maxQuotedCharacters)).slice(0, -1)}..." (${text.length} characters)`;
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

const delimiterNames: Record<CsvDelimiter, string> = { ",": "','", ";": "';'", "\t": "tab" };

/**
 * The delimiter of a CSV text: whichever of `,` `;` and tab occurs most often outside quotes in
 * its header (first non-blank) line; `,` when none does.
 *
 * @throws {WfmError} `invalid-csv` when two of them occur equally often in the header
 * @example
 * ```ts
 * detectDelimiter("date;hour;calls\n2026-12-01;08:00;12\n", "v.csv"); //=> ";"
 * detectDelimiter("timestamp\tcalls\n", "v.csv"); //=> "\t"
 * ```
 */
export function detectDelimiter(text: string, file: string): CsvDelimiter {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length && (text[start] === "\n" || text[start] === "\r")) start++;
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  const ranked = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  if (counts[best] === 0) return ",";
  if (counts[best] === counts[second]) {
    throw new WfmError({
      code: "invalid-csv",
      file,
      line: 1,
      message: `cannot tell the delimiter: the header has as many ${delimiterNames[best]} as ${delimiterNames[second]}; use one of them between columns`,
    });
  }
  return best;
}

/** 1-based numbers of the lines that are not empty (`\n` or `\r\n` line ends). */
function nonEmptyLineNumbers(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; ) {
    const j = text.indexOf("\n", i);
    const end = j < 0 ? text.length : j;
    if (end > i && !(end === i + 1 && text.charCodeAt(i) === 13)) out.push(line);
    line++;
    i = end + 1;
  }
  return out;
}

const dateHeaders = new Set(["date", "day"]);
const timeHeaders = new Set(["hour", "time", "interval", "intervalstart", "start", "period", "timeofday", "starttime", "halfhour", "quarterhour"]);

/**
 * Parses CSV text and maps its header onto the expected columns. The delimiter is detected from
 * the header ({@link detectDelimiter}); CRLF, blank lines, lines holding only delimiters and
 * empty trailing columns are accepted. Structural problems (a missing required column, a
 * duplicate column, a row with the wrong number of fields, broken quoting) are reported together
 * as one {@link WfmError} with file, line and column; cell values are read by {@link CsvCells}.
 *
 * @param text - the file's content
 * @param options.file - the name used in problems
 * @param options.columns - the expected columns; unknown columns are ignored
 * @throws {WfmError} `invalid-csv`
 *
 * @example
 * ```ts
 * const table = parseCsv("timestamp;calls\r\n2026-12-01T08:00;12;\r\n", {
 *   file: "v.csv",
 *   columns: [{ name: "timestamp", required: true }, { name: "calls", required: true }],
 * });
 * table.delimiter; //=> ";"
 * table.records[0]; //=> { line: 2, cells: ["2026-12-01T08:00", "12"] }
 * ```
 */
export function parseCsv(text: string, options: { file: string; columns: readonly CsvColumnSpec[] }): CsvTable {
  const reader = openCsv(text, options);
  const records: CsvRecord[] = [];
  reader.forEach((record) => records.push(record));
  const { delimiter, header, columns: found, timeColumns, specs } = reader.table;
  return { file: options.file, delimiter, header, columns: found, timeColumns, specs, records };
}

/** A CSV file whose header is read, and whose rows are read a chunk at a time ({@link openCsv}). */
export interface CsvReader {
  /**
   * The table without its rows read: `records` parses the whole file again when asked (a reader
   * of cells asks only to settle an ambiguous number, see {@link CsvCells}).
   */
  readonly table: CsvTable;
  /**
   * Calls `onRecord` for every data row in file order, then throws the structural problems (rows
   * with the wrong number of fields) when there are any, as {@link parseCsv} does. Call it once.
   */
  forEach(onRecord: (record: CsvRecord) => void): void;
}

/**
 * Lines per chunk read by {@link openCsv} (about 200 KB of a typical export): small enough that a
 * chunk's records die young (50,000 lines outlived the young generation: a third more CPU in
 * garbage collection and 200 MB more peak memory for 3 million rows).
 */
const chunkLines = 5_000;

/**
 * Opens CSV text as {@link parseCsv} does (delimiter, header, the same checks and messages), but
 * hands the rows over a chunk of lines at a time: the raw records of the whole file (several
 * hundred bytes per row) are never held at once, only the caller's own representation of them.
 * A file with quotes (a quoted field may hold a line break) is parsed whole.
 *
 * @param text - the file's content
 * @param options.file - the name used in problems
 * @param options.columns - the expected columns; unknown columns are ignored
 * @param options.linesPerChunk - lines parsed at a time. @defaultValue 5000
 * @throws {WfmError} `invalid-csv` for an empty file or a bad header (at once), and for rows
 * with the wrong number of fields or broken quoting (from `forEach`)
 *
 * @example
 * ```ts
 * const reader = openCsv("timestamp;calls\n2026-12-01T08:00;12\n", {
 *   file: "v.csv",
 *   columns: [{ name: "timestamp", required: true }, { name: "calls", required: true }],
 * });
 * reader.table.header; //=> ["timestamp", "calls"]
 * const lines: number[] = [];
 * reader.forEach((record) => lines.push(record.line));
 * lines; //=> [2]
 * ```
 */
export function openCsv(text: string, options: { file: string; columns: readonly CsvColumnSpec[]; linesPerChunk?: number }): CsvReader {
  const { file, columns, linesPerChunk = chunkLines } = options;
  const delimiter = detectDelimiter(text, file);
  const seen = ` (read with the delimiter ${delimiterNames[delimiter]})`;
  const batches = recordBatches(text, delimiter, file, seen, linesPerChunk);
  // The header: the first record that is not blank.
  let first = batches.next();
  while (!first.done && first.value.recs.length === 0) first = batches.next();
  if (first.done) throw new WfmError({ code: "invalid-csv", file, line: 1, message: "the file is empty; expected a header row" });
  const { header, found, timeColumns } = readHeader(first.value.recs[0]!, first.value.lineNos[0]!, columns, delimiter, file, seen);
  let full: readonly CsvRecord[] | undefined;
  const table: CsvTable = {
    file,
    delimiter,
    header,
    columns: found,
    timeColumns,
    specs: columns,
    get records() {
      return (full ??= parseCsv(text, { file, columns }).records);
    },
  };
  let used = false;
  return {
    table,
    forEach(onRecord) {
      if (used) throw new Error("CsvReader.forEach: called twice");
      used = true;
      const problems = new ProblemList();
      const take = (recs: string[][], lineNos: number[], from: number) => {
        for (let i = from; i < recs.length; i++) {
          let record = recs[i]!;
          const line = lineNos[i]!;
          if (record.length > header.length && record.slice(header.length).every((cell) => cell === "")) record = record.slice(0, header.length);
          if (record.length !== header.length) {
            problems.add({
              code: "invalid-csv",
              file,
              line,
              column: Math.min(record.length, header.length) + 1,
              message: `expected ${header.length} fields as in the header, found ${record.length}${seen}`,
            });
            continue;
          }
          // Rows after a structural problem are not read: parseCsv throws before any is.
          if (problems.size === 0) onRecord({ line, cells: record });
        }
      };
      take(first.value.recs, first.value.lineNos, 1);
      for (let batch = batches.next(); !batch.done; batch = batches.next()) take(batch.value.recs, batch.value.lineNos, 0);
      problems.throwIfAny();
    },
  };
}

function csvParseOptions(delimiter: CsvDelimiter) {
  return {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: delimiter !== "\t",
    ...(delimiter === "\t" ? { rtrim: false, ltrim: false } : {}),
  };
}

/**
 * The records of a text with their 1-based line numbers, blank ones (lines of delimiters only)
 * dropped, in batches: a chunk of about {@link chunkLines} lines at a time for a text without
 * quotes, the whole text at once otherwise.
 */
function* recordBatches(text: string, delimiter: CsvDelimiter, file: string, seen: string, linesPerChunk: number): Generator<{ recs: string[][]; lineNos: number[] }> {
  if (text.includes('"') || /\r(?!\n)/.test(text)) {
    yield parseRecords(text, delimiter, file, seen, 0, false);
    return;
  }
  let start = 0;
  let lineOffset = 0;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < linesPerChunk) {
      const j = text.indexOf("\n", end);
      if (j < 0) {
        end = text.length;
        lines++;
        break;
      }
      end = j + 1;
      lines++;
    }
    yield parseRecords(start === 0 && end === text.length ? text : text.slice(start, end), delimiter, file, seen, lineOffset, true);
    lineOffset += lines;
    start = end;
  }
}

/** Parses a text (a whole file, or a chunk of whole lines starting after `lineOffset` lines). */
function parseRecords(text: string, delimiter: CsvDelimiter, file: string, seen: string, lineOffset: number, quoteFree: boolean): { recs: string[][]; lineNos: number[] } {
  const parseOptions = csvParseOptions(delimiter);
  let recs: string[][] = [];
  let lineNos: number[] = [];
  try {
    // Line numbers: a text without quotes has one record per non-empty line, numbered by a scan
    // of the text; csv-parse's per-record context (`on_record`, `info`) doubles the parse time, so
    // it is used only for texts with quotes, or when the scan does not match the records.
    if (quoteFree) {
      const split = splitQuoteFree(text, delimiter, lineOffset);
      return dropBlankRecords(split.recs, split.lineNos);
    }
    const lines = quoteFree || !text.includes('"') ? nonEmptyLineNumbers(text) : null;
    if (lines !== null) {
      const records = parse(text, parseOptions) as string[][];
      if (records.length === lines.length) {
        recs = records;
        lineNos = lines;
        if (lineOffset > 0) for (let i = 0; i < lineNos.length; i++) lineNos[i]! += lineOffset;
      }
    }
    if (recs.length === 0) {
      const withLines = parse(text, {
        ...parseOptions,
        on_record: (record: string[], context: { lines: number }) => ({ record, line: context.lines + lineOffset }) as unknown as string[],
      }) as unknown as { record: string[]; line: number }[];
      recs = withLines.map((r) => r.record);
      lineNos = withLines.map((r) => r.line);
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number; column?: number | string };
    const line = typeof e.lines === "number" ? e.lines + lineOffset : undefined;
    const reason = (e.message ?? String(error)).replace(/^Invalid [^:]*: /, "");
    throw new WfmError({
      code: "invalid-csv",
      file,
      ...(line === undefined ? {} : { line }),
      message: `not valid CSV${seen}: ${reason.length > 200 ? `${reason.slice(0, 200)}...` : reason}`,
    });
  }
  if (delimiter === "\t") for (const record of recs) for (let i = 0; i < record.length; i++) record[i] = record[i]!.trim();
  return dropBlankRecords(recs, lineNos);
}

/**
 * Lines of delimiters only (`;;;`, what spreadsheets write below the data) are blank lines:
 * dropped in place.
 */
function dropBlankRecords(recs: string[][], lineNos: number[]): { recs: string[][]; lineNos: number[] } {
  let kept = 0;
  for (let i = 0; i < recs.length; i++) {
    const record = recs[i]!;
    let blank = true;
    for (let k = 0; k < record.length; k++) {
      if (record[k] !== "") {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    recs[kept] = record;
    lineNos[kept] = lineNos[i]!;
    kept++;
  }
  recs.length = kept;
  lineNos.length = kept;
  return { recs, lineNos };
}

/** Characters csv-parse's `ltrim` removes before an unquoted field (its `timchars`). */
const isLeftTrimmed = (code: number) => code === 32 || code === 9 || code === 13 || code === 10 || code === 12;

/**
 * The records of a chunk of whole lines without any quote character, as csv-parse reads them with
 * {@link csvParseOptions} (and the tab trim of {@link parseRecords}), in a seventh of its time:
 * without quotes a record is a line and a field is the text between two delimiters, so this is
 * `split`, and csv-parse (whose time goes mostly into converting every field from a Buffer) stays
 * the parser of every text with quotes. Empty lines are skipped as `skip_empty_lines` does; lines
 * of blanks become records of empty cells, dropped by the caller; fields are trimmed as csv-parse's
 * `ltrim` and `rtrim` do. Lines end at LF with or without CR before it, also in a file mixing the
 * two (csv-parse takes the first line end it sees for the whole text: after a first CRLF it would
 * join the LF lines into one record). The equivalence is a property test
 * (test/io/csv-dialect.test.ts).
 */
function splitQuoteFree(text: string, delimiter: CsvDelimiter, lineOffset: number): { recs: string[][]; lineNos: number[] } {
  const recs: string[][] = [];
  const lineNos: number[] = [];
  const tab = delimiter === "\t";
  let line = lineOffset;
  // csv-parse's `bom`: a byte-order mark opening the text (each chunk is a text of its own).
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    line++;
    const j = text.indexOf("\n", start);
    let end = j < 0 ? text.length : j;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end > start) {
      const cells = text.slice(start, end).split(delimiter);
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k]!;
        if (cell.length === 0) continue;
        if (tab) {
          cells[k] = cell.trim();
          continue;
        }
        // ltrim: csv-parse's trim characters; rtrim: String.prototype.trimEnd, as csv-parse.
        const last = cell.charCodeAt(cell.length - 1);
        if (isLeftTrimmed(cell.charCodeAt(0)) || ((last <= 32 || last >= 0x80) && /\s/.test(cell[cell.length - 1]!))) {
          let a = 0;
          while (a < cell.length && isLeftTrimmed(cell.charCodeAt(a))) a++;
          cells[k] = cell.slice(a).trimEnd();
        }
      }
      recs.push(cells);
      lineNos.push(line);
    }
    start = next;
  }
  return { recs, lineNos };
}

/** Maps a header record onto the expected columns (every header problem thrown at once). */
function readHeader(
  headerRecord: readonly string[],
  headerLine: number,
  columns: readonly CsvColumnSpec[],
  delimiter: CsvDelimiter,
  file: string,
  seen: string,
): { header: string[]; found: Map<string, number>; timeColumns: Map<string, number> } {
  const problems = new ProblemList();
  const header = [...headerRecord];
  while (header.length > 1 && header[header.length - 1] === "") header.pop();
  const lookup = new Map<string, string>();
  for (const column of columns) {
    for (const alias of [column.name, ...(column.aliases ?? [])]) lookup.set(normaliseHeader(alias), column.name);
  }
  const normalised = header.map(normaliseHeader);
  // A timestamp split into a date and a time-of-day column.
  const timeColumns = new Map<string, number>();
  const skip = new Set<number>();
  for (const column of columns) {
    if (column.kind !== "timestamp") continue;
    const accepted = new Set([column.name, ...(column.aliases ?? [])].map(normaliseHeader));
    if (![...accepted].some((h) => dateHeaders.has(h))) continue;
    const dateIndex = normalised.findIndex((h) => dateHeaders.has(h) && accepted.has(h));
    const timeIndex = normalised.findIndex((h) => timeHeaders.has(h) && (accepted.has(h) || !lookup.has(h)));
    if (dateIndex >= 0 && timeIndex >= 0) {
      timeColumns.set(column.name, timeIndex);
      skip.add(timeIndex);
    }
  }
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    if (skip.has(index)) return;
    const name = lookup.get(normalised[index]!);
    if (name === undefined) return;
    if (found.has(name)) {
      problems.add({
        code: "invalid-csv",
        file,
        line: headerLine,
        column: index + 1,
        message: `column ${quoteCell(cell)} repeats column ${found.get(name)! + 1} (both mean ${name})`,
      });
      return;
    }
    found.set(name, index);
  });
  for (const column of columns) {
    if (column.required && !found.has(column.name)) {
      const accepted = [column.name, ...(column.aliases ?? [])].map((a) => JSON.stringify(a)).join(", ");
      const shown = header.join(delimiter === "\t" ? "\\t" : delimiter);
      problems.add({
        code: "invalid-csv",
        file,
        line: headerLine,
        message: `missing required column ${column.name} (accepted headers: ${accepted}); header is ${quoteCell(shown)}${delimiter === "," ? "" : seen}`,
      });
    }
  }
  problems.throwIfAny();
  return { header, found, timeColumns };
}

/** How dates in a file are written, when not in ISO 8601 form. */
export interface CsvDateOptions {
  /**
   * A date-fns format for timestamps (`dd/MM/yyyy HH:mm`, `MM/dd/yyyy h:mm a`): required for
   * day-first or month-first dates, which are never guessed. With a separate time column it
   * applies to the date column. Tokens: https://date-fns.org/docs/parse
   */
  readonly dateFormat?: string;
  /**
   * Calendar of the dates: with `"persian"`, dates with a year below 1600 (`1404-06-01`) are
   * Solar Hijri; without it they are refused. @defaultValue "gregorian"
   */
  readonly calendar?: PlanningCalendar;
}

const nonAsciiDigits = /[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/;

/**
 * Replaces Persian (۰-۹) and Arabic-Indic (٠-٩) digits with ASCII digits, the Arabic decimal
 * separator (٫) with `.` and the Arabic thousands separator (٬) with a space.
 *
 * @example
 * ```ts
 * asciiDigits("۱۲٫۵"); //=> "12.5"
 * ```
 */
export function asciiDigits(text: string): string {
  if (!nonAsciiDigits.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (code === 0x066b) out += ".";
    else if (code === 0x066c) out += " ";
    else out += ch;
  }
  return out;
}

/** The decimal separator a file shows in its number cells. */
type DecimalEvidence = "dot" | "comma" | "both" | "none";

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits between two quantifiers in
// every way before failing, quadratic in a long cell (300,000 digits and an "x": half a minute).
const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const nonDecimal = /^[+-]?0[xXbBoO]/;
const spaceGrouped = /^([+-]?)(\d{1,3}(?:[ \u00A0\u202F'\u2019]\d{3})+)(?:([.,])(\d+))?$/;
const commaGroupsDotDecimal = /^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/;
const dotGroupsCommaDecimal = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const commaGroups = /^[+-]?\d{1,3}(?:,\d{3}){2,}$/;
const dotGroups = /^[+-]?\d{1,3}(?:\.\d{3}){2,}$/;
const singleComma = /^[+-]?\d+,\d+$/;
const ambiguousComma = /^[+-]?[1-9]\d{0,2},\d{3}$/;
const ambiguousDot = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

type NumberRead =
  | { value: number }
  | { error: "not-a-number" | "non-decimal" }
  | { error: "ambiguous"; thousands: number; decimal: number; separator?: "point" | "comma" };

function classifyEvidence(cell: string): DecimalEvidence {
  if (dotGroupsCommaDecimal.test(cell) || dotGroups.test(cell)) return "comma";
  if (commaGroupsDotDecimal.test(cell) || commaGroups.test(cell)) return "dot";
  if (singleComma.test(cell)) return ambiguousComma.test(cell) ? "none" : "comma";
  if (/^[+-]?\d*\.\d+$/.test(cell)) return ambiguousDot.test(cell) ? "none" : "dot";
  return "none";
}

/**
 * Reads cells of a {@link CsvTable}: numbers, durations, timestamps and dates, each failure
 * added to a {@link ProblemList} with the file, line and column, and `null` returned.
 *
 * Numbers are decimal (`12`, `12.5`, `1e3`; never `0x64`), with Persian or Arabic-Indic digits,
 * grouping by spaces or apostrophes (`1 200`), by commas or dots when the other separator marks
 * the decimals (`1,200.5`, `1.200,5`) or when there are several groups (`1,200,000`), and
 * decimal commas (`12,5`). A cell like `1,200` or `1.200` is read by the decimal separator the
 * file's other number cells show (`12.5` elsewhere: 1200; `12,5` elsewhere: 1.2); in a file that
 * shows neither it is refused with both readings, never guessed (except `1.200` in a
 * comma-separated file, which can only use a decimal point).
 *
 * Timestamps are ISO 8601 (`2026-12-01T08:00`, `2026-12-01 08:00:00`, `2026-12-01`), or follow
 * `dateFormat`; day-first or month-first dates without `dateFormat` are refused, naming the flag.
 * Every timestamp of a file must have the same form (all with a time or all dates only) and the
 * same UTC offset: a file whose offset changes (`Z` and `+03:30`, or `+01:00` to `+02:00` at a
 * daylight-saving switch) is refused naming the rows, since wfm plans in local wall-clock time
 * with 24-hour days; export it in one fixed offset (such as UTC) or without offsets.
 */
export class CsvCells {
  readonly #table: CsvTable;
  readonly #problems: ProblemList;
  readonly #dateFormat: string | undefined;
  readonly #calendar: PlanningCalendar;
  #evidence: DecimalEvidence | undefined;
  readonly #stamps = new Map<string, ParsedLocalTimestamp | string>();
  #first: { line: number; text: string; style: TimestampStyle; persian: boolean } | undefined;
  readonly #mismatch = new Map<string, { line: number; column: number; message: string; count: number; lastLine: number }>();

  constructor(table: CsvTable, problems: ProblemList, options: CsvDateOptions = {}) {
    this.#table = table;
    this.#problems = problems;
    this.#dateFormat = options.dateFormat;
    this.#calendar = options.calendar ?? "gregorian";
  }

  #add(record: CsvRecord, column: number, message: string): null {
    this.#problems.add({ code: "invalid-csv", file: this.#table.file, line: record.line, column: column + 1, message });
    return null;
  }

  /** The decimal separator shown by the file's number and duration cells (scanned once, on demand). */
  #decimalEvidence(): DecimalEvidence {
    if (this.#evidence !== undefined) return this.#evidence;
    const indexes = this.#table.specs
      .filter((s) => s.kind === "number" || s.kind === "duration")
      .map((s) => this.#table.columns.get(s.name))
      .filter((i): i is number => i !== undefined);
    let dot = false;
    let comma = false;
    for (const record of this.#table.records) {
      for (const i of indexes) {
        const cell = record.cells[i]!;
        if (!cell.includes(",") && !cell.includes(".")) continue;
        const e = classifyEvidence(asciiDigits(cell).replace(/^\d+:\d+(?::\d+)?(?=[.,]\d+$)/, "0"));
        if (e === "dot") dot = true;
        else if (e === "comma") comma = true;
      }
      if (dot && comma) break;
    }
    return (this.#evidence = dot && comma ? "both" : dot ? "dot" : comma ? "comma" : "none");
  }

  #readNumber(raw: string): NumberRead {
    const text = asciiDigits(raw);
    if (plainNumber.test(text)) {
      // `1.200` is 1.2 in a ',' file; in a ';' or tab file it may be 1200 with a dot grouping
      // thousands, read by the file's other numbers.
      if (ambiguousDot.test(text) && this.#table.delimiter !== ",") {
        const evidence = this.#decimalEvidence();
        if (evidence === "comma") return { value: Number(text.replace(".", "")) };
        if (evidence !== "dot") return { error: "ambiguous", thousands: Number(text.replace(".", "")), decimal: Number(text), separator: "point" };
      }
      return { value: Number(text) };
    }
    if (nonDecimal.test(text)) return { error: "non-decimal" };
    const spaced = spaceGrouped.exec(text);
    if (spaced) return { value: Number(`${spaced[1]}${spaced[2]!.replace(/[^\d]/g, "")}${spaced[4] === undefined ? "" : `.${spaced[4]}`}`) };
    if (commaGroupsDotDecimal.test(text) || commaGroups.test(text)) return { value: Number(text.replace(/,/g, "")) };
    if (dotGroupsCommaDecimal.test(text) || dotGroups.test(text)) return { value: Number(text.replace(/\./g, "").replace(",", ".")) };
    if (singleComma.test(text)) {
      const decimal = Number(text.replace(",", "."));
      if (!ambiguousComma.test(text)) return { value: decimal };
      const thousands = Number(text.replace(",", ""));
      const evidence = this.#decimalEvidence();
      if (evidence === "dot") return { value: thousands };
      if (evidence === "comma") return { value: decimal };
      return { error: "ambiguous", thousands, decimal };
    }
    return { error: "not-a-number" };
  }

  /**
   * A number cell. Empty cells, non-numbers and (unless `allowNegative`) negative numbers are
   * problems: `${field} must be ${expected}, got "..."`.
   *
   * @param options.expected - the phrase after "must be". @defaultValue "a non-negative number"
   */
  number(record: CsvRecord, column: number, field: string, options: { expected?: string; allowNegative?: boolean } = {}): number | null {
    const { expected = "a non-negative number", allowNegative = false } = options;
    const cell = record.cells[column] ?? "";
    const read = this.#readNumber(cell);
    if ("value" in read) {
      if (Number.isFinite(read.value) && (allowNegative || read.value >= 0)) return read.value;
    } else if (read.error === "non-decimal") {
      return this.#add(record, column, `${field} must be a decimal number, got ${quoteCell(cell)} (hexadecimal, octal and binary numbers are refused)`);
    } else if (read.error === "ambiguous") {
      return this.#add(
        record,
        column,
        `${field} ${quoteCell(cell)} is ambiguous: ${read.thousands} with a thousands separator or ${read.decimal} with a decimal ${read.separator ?? "comma"}, and no other number in the file shows which; write ${read.thousands} or ${read.decimal}`,
      );
    }
    return this.#add(record, column, `${field} must be ${expected}, got ${quoteCell(cell)}${cell === "" ? " (write 0 for none)" : ""}`);
  }

  /**
   * A duration cell in seconds: a number of seconds, `hh:mm:ss` (hours may pass 24) or `mm:ss`,
   * with optional decimals on the seconds.
   */
  duration(record: CsvRecord, column: number, field: string): number | null {
    const cell = record.cells[column] ?? "";
    if (cell.includes(":")) {
      const match = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?(?:[.,](\d+))?$/.exec(asciiDigits(cell));
      if (match) {
        const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`);
        const seconds = match[3] === undefined ? Number(match[1]) * 60 + Number(match[2]) : Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
        return seconds + fraction;
      }
      return this.#add(record, column, `${field} must be seconds or a duration hh:mm:ss or mm:ss, got ${quoteCell(cell)}`);
    }
    return this.number(record, column, field, { expected: "seconds or a duration hh:mm:ss or mm:ss" });
  }

  /** The cell(s) of a timestamp column as written: the date and time columns joined by a space. */
  timestampText(record: CsvRecord, column: number, name: string): string {
    const time = this.#table.timeColumns.get(name);
    const date = record.cells[column] ?? "";
    return time === undefined ? date : `${date} ${record.cells[time] ?? ""}`;
  }

  /**
   * A timestamp cell (or date plus time-of-day cells) as wall-clock milliseconds and the style
   * it was written in. `name` is the canonical column name (it finds the time column).
   */
  timestamp(record: CsvRecord, column: number, field: string, name = field): ParsedLocalTimestamp | null {
    return this.#timestamp(record, column, field, name, false);
  }

  #timestamp(record: CsvRecord, column: number, field: string, name: string, dateOnly: boolean): ParsedLocalTimestamp | null {
    const timeIndex = this.#table.timeColumns.get(name);
    const dateCell = record.cells[column] ?? "";
    const timeCell = timeIndex === undefined ? undefined : (record.cells[timeIndex] ?? "");
    const key = timeCell === undefined ? dateCell : `${dateCell}\u0000${timeCell}`;
    let read = this.#stamps.get(key);
    if (read === undefined) {
      read = this.#parseStamp(dateCell, timeCell, field, dateOnly);
      if (this.#stamps.size < 200_000) this.#stamps.set(key, read);
    }
    if (typeof read === "string") {
      // A form the file uses throughout (day-first dates, Solar Hijri years) is one problem
      // with a count, not one per row.
      if (read.startsWith("\u0002")) return this.#mismatchAt(record, column, read.slice(1, read.indexOf("\u0003")), read.slice(read.indexOf("\u0003") + 1));
      return this.#add(record, read.startsWith("\u0001") ? timeIndex! : column, read.replace(/^\u0001/, ""));
    }
    return this.#checkConsistent(record, column, field, key, read);
  }

  /** A date cell (a timestamp whose day is taken) as wall-clock milliseconds of its midnight. */
  date(record: CsvRecord, column: number, field: string): number | null {
    const read = this.#timestamp(record, column, field, field, true);
    return read === null ? null : localStartOfDay(read.localMs);
  }

  /**
   * Adds the problems found across rows (a second UTC offset, a date-only row among timed rows,
   * Gregorian and Solar Hijri dates mixed), one per kind with the count of rows. Call it once,
   * after the last row.
   */
  finish(): void {
    for (const m of this.#mismatch.values()) {
      const more = m.count > 1 ? ` (${m.count} rows like it, up to line ${m.lastLine})` : "";
      this.#problems.add({ code: "invalid-csv", file: this.#table.file, line: m.line, column: m.column + 1, message: `${m.message}${more}` });
    }
    this.#mismatch.clear();
  }

  #checkConsistent(record: CsvRecord, column: number, field: string, key: string, read: ParsedLocalTimestamp & { persian?: boolean }): ParsedLocalTimestamp | null {
    const persian = read.persian === true;
    const first = this.#first;
    if (first === undefined) {
      this.#first = { line: record.line, text: key.replace("\u0000", " "), style: read.style, persian };
      return read;
    }
    if (read.style.dateOnly === first.style.dateOnly && read.style.offset === first.style.offset && persian === first.persian) return read;
    let kind: string | undefined;
    let message = "";
    const quoted = quoteCell(key.replace("\u0000", " "));
    const firstQuoted = quoteCell(first.text);
    if (read.style.dateOnly !== first.style.dateOnly) {
      kind = "form";
      message = read.style.dateOnly
        ? `${field} ${quoted} has no time of day, but line ${first.line} has one (${firstQuoted}); write every row the same way`
        : `${field} ${quoted} has a time of day, but line ${first.line} is a date only (${firstQuoted}); write every row the same way`;
    } else if (read.style.offset !== first.style.offset) {
      kind = `offset ${read.style.offset}`;
      const a = offsetMinutes(first.style.offset);
      const b = offsetMinutes(read.style.offset);
      const dst = a !== null && b !== null && Math.abs(a - b) <= 60;
      message =
        `${field} ${quoted} has ${read.style.offset === null ? "no UTC offset" : `the UTC offset ${read.style.offset}`}, but line ${first.line} has ${first.style.offset === null ? "none" : first.style.offset} (${firstQuoted}); ` +
        (dst
          ? "the offset changes at a daylight-saving switch, which 24-hour planning days cannot hold: export the file in one fixed offset (such as UTC) or in local time without offsets"
          : "one file takes one offset: export every row in the same zone (such as UTC) or without offsets");
    } else if (persian !== first.persian) {
      kind = "calendar";
      message = `${field} ${quoted} is a ${persian ? "Solar Hijri" : "Gregorian"} date, but line ${first.line} is ${first.persian ? "Solar Hijri" : "Gregorian"} (${firstQuoted}); write every row in one calendar`;
    }
    if (kind === undefined) return read;
    return this.#mismatchAt(record, column, kind, message);
  }

  #mismatchAt(record: CsvRecord, column: number, kind: string, message: string): null {
    const seen = this.#mismatch.get(kind);
    if (seen === undefined) this.#mismatch.set(kind, { line: record.line, column, message, count: 1, lastLine: record.line });
    else {
      seen.count++;
      seen.lastLine = record.line;
    }
    return null;
  }

  /**
   * Parses a timestamp; a string result is the problem, prefixed by \u0001 when it is the time
   * cell's, or by \u0002KIND\u0003 when it is a form of the whole file (counted once).
   */
  #parseStamp(dateRaw: string, timeRaw: string | undefined, field: string, dateOnly: boolean): (ParsedLocalTimestamp & { persian?: boolean }) | string {
    const dateText = asciiDigits(dateRaw).trim();
    const shown = timeRaw === undefined ? dateRaw : `${dateRaw} ${timeRaw}`;
    let time: { minutes: number; seconds: boolean } | undefined;
    if (timeRaw !== undefined) {
      const match = /^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?)?(?:\s*[-\u2013]\s*\d{1,2}(?:[:.]\d{2}){0,2})?$/.exec(asciiDigits(timeRaw).trim());
      const hour = match ? Number(match[1]) : Number.NaN;
      const minute = match?.[2] === undefined ? 0 : Number(match[2]);
      if (!match || hour > 23 || minute > 59 || (match[3] !== undefined && Number(match[3]) !== 0)) {
        return `\u0001${field} time of day ${quoteCell(timeRaw)} is not an hour such as 9, 09:00, 09:00:00 or 09:00-09:30`;
      }
      time = { minutes: hour * 60 + minute, seconds: match[3] !== undefined };
    }
    let parsed: (ParsedLocalTimestamp & { persian?: boolean }) | string;
    if (this.#dateFormat !== undefined) parsed = this.#parseFormatted(dateText, dateRaw, field);
    else parsed = this.#parseIso(dateText, dateRaw, field, dateOnly);
    if (typeof parsed === "string" || time === undefined) return parsed;
    if (!parsed.style.dateOnly && parsed.localMs !== localStartOfDay(parsed.localMs)) {
      return `${field} ${quoteCell(shown)}: the date column already has a time of day; give the time in one column only`;
    }
    return {
      localMs: localStartOfDay(parsed.localMs) + time.minutes * millisecondsInMinute,
      style: { separator: "T", seconds: time.seconds, dateOnly: false, offset: parsed.style.offset },
      ...(parsed.persian ? { persian: true } : {}),
    };
  }

  #parseIso(text: string, raw: string, field: string, dateOnly: boolean): (ParsedLocalTimestamp & { persian?: boolean }) | string {
    const year = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(text);
    if (year !== null && Number(year[1]) < 1600) {
      if (this.#calendar !== "persian") {
        return `\u0002hijri\u0003${field} ${quoteCell(raw)} has the year ${year[1]}, a Solar Hijri date; it is read only with --calendar persian (calendar "persian" in the plan config), never as a Gregorian year`;
      }
      const dayMs = persianDateToLocalMs({ year: Number(year[1]), month: Number(year[2]), day: Number(year[3]) });
      const rest = dayMs === null ? null : parseLocalTimestamp(`${new Date(dayMs).toISOString().slice(0, 10)}${year[4]}`);
      if (rest === null) return `${field} ${quoteCell(raw)} is not a Solar Hijri date-time; expected e.g. 1404-09-01T08:00 or 1404-09-01 08:00`;
      return { ...rest, persian: true };
    }
    const parsed = parseLocalTimestamp(text);
    if (parsed !== null) return parsed;
    const dm = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})\b/.exec(text);
    if (dm !== null) {
      const sep = dm[2]!;
      const time = /\d{1,2}:\d{2}:\d{2}/.test(text) ? " HH:mm:ss" : /\d{1,2}:\d{2}/.test(text) ? " HH:mm" : "";
      const y = dm[4]!.length === 2 ? "yy" : "yyyy";
      const dayFirst = `dd${sep}MM${sep}${y}${time}`;
      const monthFirst = `MM${sep}dd${sep}${y}${time}`;
      return `\u0002day-month\u0003${field} ${quoteCell(raw)} has the day and month in an order wfm does not guess; give it with --date-format (dateFormat in the plan config): --date-format "${dayFirst}" if ${dm[1]} is the day, --date-format "${monthFirst}" if it is the month`;
    }
    return dateOnly
      ? `${field} ${quoteCell(raw)} is not a date; expected e.g. 2026-12-01 (other forms: --date-format)`
      : `${field} ${quoteCell(raw)} is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)`;
  }

  #parseFormatted(text: string, raw: string, field: string): (ParsedLocalTimestamp & { persian?: boolean }) | string {
    const format = this.#dateFormat!;
    const reference = new UTCDate(2000, 0, 1);
    const inUtc = { in: (value: Date | number | string) => new UTCDate(value as number) };
    const persian = this.#calendar === "persian";
    const date = persian ? parseJalali(text, format, reference, inUtc) : parseGregorian(text, format, reference, inUtc);
    if (!isValid(date)) return `${field} ${quoteCell(raw)} does not match --date-format ${JSON.stringify(format)}${persian ? " (Solar Hijri)" : ""}`;
    const hasTime = /[Hhkm]/.test(format.replace(/'[^']*'/g, ""));
    return {
      localMs: date.getTime(),
      style: { separator: "T", seconds: /s/.test(format.replace(/'[^']*'/g, "")), dateOnly: !hasTime, offset: null },
      ...(persian ? { persian: true } : {}),
    };
  }
}

function offsetMinutes(offset: string | null): number | null {
  if (offset === null) return null;
  if (offset === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (m === null) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * Why a `dateFormat` cannot read dates, or `null` when it can: it must be a valid date-fns
 * pattern (https://date-fns.org/docs/parse) with a year, a month and a day, and no time-zone
 * token (wall-clock times only).
 *
 * @example
 * ```ts
 * dateFormatProblem("dd/MM/yyyy HH:mm"); //=> null
 * dateFormatProblem("DD/MM/YYYY"); //=> 'use date-fns tokens: "dd" for the day of the month and "yyyy" for the year (not "DD" and "YYYY")'
 * ```
 */
export function dateFormatProblem(format: string): string | null {
  const tokens = format.replace(/'[^']*'/g, "");
  if (/D|Y/.test(tokens)) return 'use date-fns tokens: "dd" for the day of the month and "yyyy" for the year (not "DD" and "YYYY")';
  if (/[XxOzZ]/.test(tokens)) return "time-zone tokens (X, x, O, z) are not read: timestamps are local wall-clock times";
  if (!/y/.test(tokens) || !/M|L/.test(tokens) || !/d/.test(tokens)) return `a date format needs a year (yyyy), a month (MM) and a day (dd), got ${quoteCell(format)}`;
  try {
    parseGregorian("", format, new Date(0));
  } catch (error) {
    return `not a date-fns format: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`;
  }
  return null;
}
