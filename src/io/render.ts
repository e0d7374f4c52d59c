import { stringify } from "csv-stringify/sync";
import { elementReader } from "../staffing/lazy-array.js";

/** Output formats shared by the report-writing commands. */
export type TableFormat = "table" | "csv" | "md" | "json";

/** One column of a rendered table. */
export interface TableColumn<Row> {
  /** Key in CSV and JSON output, in camelCase with units (`asaSeconds`). */
  readonly key: string;
  /** Heading in table and Markdown output; defaults to `key`. */
  readonly title?: string;
  /** Value of the cell for JSON (numbers stay numbers; `null` for missing/infinite). */
  readonly value: (row: Row) => string | number | boolean | null;
  /** Text of the cell for table, Markdown and CSV; defaults to a plain rendering of `value`. */
  readonly text?: (row: Row) => string;
  /** Alignment in table and Markdown output; numbers default to right. */
  readonly align?: "left" | "right";
}

function cellText<Row>(column: TableColumn<Row>, row: Row): string {
  if (column.text) return column.text(row);
  const value = column.value(row);
  if (value === null) return "";
  return String(value);
}

/** Characters that make csv-stringify quote a cell (delimiter, quote, line ends). */
const quotedCharacters = /[",\r\n]/;

/**
 * A cell as csv-stringify writes it: unchanged unless it holds a delimiter, a quote or a line
 * end, then quoted by csv-stringify itself (a plain number or timestamp, nearly every cell of an
 * interval file, skips the library's per-cell work).
 */
function csvCell(text: string): string {
  return quotedCharacters.test(text) ? stringify([[text]], { record_delimiter: "\n" }).slice(0, -1) : text;
}

/**
 * The CSV of {@link renderTable} in chunks of a few thousand lines (joined, they are its text):
 * csv-stringify's bytes for the header and rows, each chunk built when asked, so a command can
 * write millions of rows without holding the whole text (or an array of cells per row: 4 GB for
 * 3 million intervals that way). Rows are read without the Proxy of a lazy array.
 *
 * @example
 * ```ts
 * [...csvChunks([{ n: 1 }, { n: 2 }], [{ key: "n", value: (r) => r.n }])].join(""); //=> "n\n1\n2\n"
 * ```
 */
export function* csvChunks<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[], linesPerChunk = 4096): Generator<string> {
  // Lines are joined a chunk at a time: `+=` would keep every cell alive in a rope of string
  // pieces until the end; `join` makes a flat string.
  yield `${columns.map((c) => csvCell(c.key)).join(",")}\n`;
  const at = elementReader(rows);
  const cells: string[] = new Array(columns.length);
  let lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = at(i);
    for (let k = 0; k < columns.length; k++) cells[k] = csvCell(cellText(columns[k]!, row));
    lines.push(cells.join(","));
    if (lines.length === linesPerChunk) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

function isRight<Row>(column: TableColumn<Row>, rows: readonly Row[]): boolean {
  if (column.align) return column.align === "right";
  const first = rows.find((row) => column.value(row) !== null);
  return first !== undefined && typeof column.value(first) === "number";
}

/**
 * Renders rows as an aligned text table, CSV, Markdown table or a JSON array of objects.
 * Output ends with a newline and is deterministic for the same rows.
 *
 * @example
 * ```ts
 * renderTable([{ n: 1 }], [{ key: "n", value: (r) => r.n }], "csv"); //=> "n\n1\n"
 * ```
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[], format: TableFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, jsonSafe(c.value(row))]))), null, 2)}\n`;
    case "csv":
      return [...csvChunks(rows, columns)].join("");
    case "md": {
      const escape = (text: string) => text.replace(/\|/g, "\\|");
      const head = `| ${columns.map((c) => escape(c.title ?? c.key)).join(" | ")} |`;
      const rule = `|${columns.map((c) => (isRight(c, rows) ? " ---: " : " --- ")).join("|")}|`;
      const body = rows.map((row) => `| ${columns.map((c) => escape(cellText(c, row))).join(" | ")} |`);
      return `${[head, rule, ...body].join("\n")}\n`;
    }
    case "table": {
      const titles = columns.map((c) => c.title ?? c.key);
      const cells = rows.map((row) => columns.map((c) => cellText(c, row)));
      const widths = titles.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
      const right = columns.map((c) => isRight(c, rows));
      const pad = (text: string, i: number) => (right[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
      const lines = [titles.map(pad).join("  "), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map((line) => line.map(pad).join("  "))];
      return `${lines.map((line) => line.trimEnd()).join("\n")}\n`;
    }
  }
}

/**
 * Renders a list of label/value pairs (a single result) as an aligned two-column table or Markdown.
 *
 * @example
 * ```ts
 * renderKeyValues([["agents", "13"]], "table"); //=> "agents  13\n"
 * ```
 */
export function renderKeyValues(pairs: readonly (readonly [string, string])[], format: "table" | "md"): string {
  if (format === "md") {
    return `${["| | |", "| --- | ---: |", ...pairs.map(([k, v]) => `| ${k} | ${v} |`)].join("\n")}\n`;
  }
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return `${pairs.map(([k, v]) => `${k.padEnd(width)}  ${v}`.trimEnd()).join("\n")}\n`;
}

/** Replaces non-finite numbers by `null`, as JSON has no Infinity or NaN. */
export function jsonSafe<T>(value: T): T | null {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

/**
 * `JSON.stringify` with two-space indent, a trailing newline, and Infinity/NaN written as `null`.
 *
 * @example
 * ```ts
 * toJson({ asaSeconds: Infinity }); //=> '{\n  "asaSeconds": null\n}\n'
 * ```
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/**
 * Formats a number with a fixed count of decimals, trimming nothing (stable widths in tables).
 * Non-finite values print as `inf` / `-`.
 *
 * @example
 * ```ts
 * formatFixed(0.8123, 3); //=> "0.812"
 * formatFixed(Infinity, 1); //=> "inf"
 * ```
 */
export function formatFixed(value: number, decimals: number): string {
  if (Number.isNaN(value)) return "-";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  return value.toFixed(decimals);
}

/**
 * A fraction as a percentage with `decimals` places, e.g. 0.8123 -> "81.2%".
 *
 * @example
 * ```ts
 * formatPercent(0.8123, 1); //=> "81.2%"
 * ```
 */
export function formatPercent(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) return "-";
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * JSON for large results: objects indented as usual, but an array of flat objects (rows) written
 * one row per line, which keeps a month of interval rows readable and about a third of the size.
 * Infinity and NaN are written as `null`.
 *
 * @example
 * ```ts
 * toJsonRows({ rows: [{ a: 1 }, { a: 2 }] }); //=> '{\n  "rows": [\n    {"a":1},\n    {"a":2}\n  ]\n}\n'
 * ```
 */
export function toJsonRows(value: unknown): string {
  const replacer = (_key: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);
  const isFlatObject = (v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== "object" || (Array.isArray(x) && x.every((y) => typeof y !== "object" || y === null)));
  const write = (v: unknown, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      if (v.every(isFlatObject)) return `[\n${v.map((row) => `${inner}${JSON.stringify(row, replacer)}`).join(",\n")}\n${indent}]`;
      return `[\n${v.map((x) => `${inner}${write(x, inner)}`).join(",\n")}\n${indent}]`;
    }
    if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return "{}";
      return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(v, replacer) ?? "null";
  };
  return `${write(value, "")}\n`;
}

/**
 * Counts as shown: each rounded to a whole number once, at output, and their total the sum of the
 * shown values (never the rounded sum of the exact ones, which can differ by one per row).
 *
 * @example
 * ```ts
 * wholeCountsWithTotal([10.4, 20.4, 30.4]); //=> { shown: [10, 20, 30], total: 60 } (the exact sum 61.2 would show 61)
 * ```
 */
export function wholeCountsWithTotal(values: readonly number[]): { shown: number[]; total: number } {
  const shown = values.map((v) => Math.round(v));
  return { shown, total: shown.reduce((a, b) => a + b, 0) };
}
