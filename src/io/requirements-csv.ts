import { type TimestampStyle, millisecondsInMinute } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { CsvCells, ProblemList, parseCsv, quoteCell, type CsvColumnSpec, type CsvDateOptions } from "./csv.js";
import { checkIntervalSeries, type SeriesPoint } from "./volume-csv.js";
import { readTextFile } from "./read-file.js";

/**
 * Reader of requirement curves for `wfm schedule`: any `timestamp,agents` CSV, or the CSV that
 * `wfm staff --format csv` writes (`timestamp,channel,calls,ahtSeconds,...,requiredAgents,
 * scheduledAgents,...`). The agents scheduled against are `scheduledAgents` when present (the
 * staffing plan grossed up for shrinkage), else `requiredAgents`, else `agents`. Rows of several
 * channels at one timestamp are summed (one blended team). Intervals missing between the first
 * and last timestamp (closed hours) require 0 agents.
 *
 * @module
 */

/** Columns accepted in a requirements CSV. */
export const requirementsCsvColumns: readonly CsvColumnSpec[] = [
  { name: "timestamp", aliases: ["time", "datetime", "date", "interval", "intervalStart", "start", "period"], required: true, kind: "timestamp" },
  { name: "scheduledAgents", aliases: ["scheduled"], kind: "number" },
  { name: "requiredAgents", aliases: ["required"], kind: "number" },
  { name: "agents", aliases: ["staff", "headcount", "requirement"], kind: "number" },
  { name: "channel", aliases: ["media"] },
  { name: "calls", aliases: ["volume", "contacts", "offered"], kind: "number" },
  { name: "ahtSeconds", aliases: ["aht"], kind: "duration" },
  { name: "shrinkage", kind: "number" },
];

/** A requirement curve read from CSV. */
export interface RequirementsCsv {
  readonly file: string;
  /** The column the agents came from. */
  readonly column: "scheduledAgents" | "requiredAgents" | "agents";
  readonly intervalMinutes: number;
  readonly style: TimestampStyle;
  /** Wall-clock ms of the first interval. */
  readonly startLocalMs: number;
  /** Agents per interval (channels summed; an interval no channel has requires 0). */
  readonly required: readonly number[];
  /** Calls per interval, when the file has calls and handle times from a single channel. */
  readonly calls?: readonly number[];
  /** Call-weighted AHT per interval, seconds, with `calls`. */
  readonly ahtSeconds?: readonly number[];
  /** Shrinkage per interval (a fraction), with `calls`, when the file has the column (`wfm staff` writes it). */
  readonly shrinkage?: readonly number[];
  /** The channel of the workload, with `calls`, when the file names it. */
  readonly channel?: string;
  /**
   * Every row's workload by channel, when every row has calls and a handle time (any number of
   * channels; `wfm schedule` with agent groups staffs the groups from it). Shrinkage 0 when the
   * file has no shrinkage column.
   */
  readonly channelRows?: readonly RequirementChannelRow[];
}

/** One row of a requirements CSV with its workload (see {@link RequirementsCsv.channelRows}). */
export interface RequirementChannelRow {
  readonly localMs: number;
  readonly channel: string;
  readonly calls: number;
  readonly ahtSeconds: number;
  readonly shrinkage: number;
}

/**
 * Parses a requirements CSV (see the module comment).
 *
 * @param text - the file content
 * @param options.file - the name used in problems
 * @returns the curve on a regular interval grid
 * @throws {WfmError} `invalid-csv`: every bad cell with file:line:column, no agents column, and
 *   every row off the interval grid, duplicated, out of order or after a gap (line and column)
 *
 * @example
 * ```ts
 * parseRequirementsCsv("timestamp,agents\n2026-12-07T08:00,3\n2026-12-07T09:00,4\n", { file: "r.csv" }).required;
 * //=> [3, 4]
 * ```
 */
export function parseRequirementsCsv(text: string, options: { file: string } & CsvDateOptions): RequirementsCsv {
  const { file } = options;
  const table = parseCsv(text, { file, columns: requirementsCsvColumns });
  const columnName = (["scheduledAgents", "requiredAgents", "agents"] as const).find((name) => table.columns.has(name));
  if (columnName === undefined) {
    throw new WfmError({
      code: "invalid-csv",
      file,
      line: 1,
      message: `missing the agents column: expected scheduledAgents, requiredAgents or agents; header is ${quoteCell(table.header.join(table.delimiter))}`,
    });
  }
  const problems = new ProblemList();
  const cells = new CsvCells(table, problems, options);
  // The workload is optional: a file whose calls or handle times do not read is scheduled
  // without it (a scratch problem list keeps those cells' problems out of the file's).
  const scratch = new CsvCells(table, new ProblemList(1), options);
  const tsIndex = table.columns.get("timestamp")!;
  const agentsIndex = table.columns.get(columnName)!;
  const callsIndex = table.columns.get("calls");
  const ahtIndex = table.columns.get("ahtSeconds");
  const channelIndex = table.columns.get("channel");
  const shrinkageIndex = table.columns.get("shrinkage");
  let hasShrinkage = shrinkageIndex !== undefined;
  const byTime = new Map<number, { agents: number; calls: number; handle: number; shrinkage: number }>();
  let style: TimestampStyle | undefined;
  const series = new Map<string, SeriesPoint[]>();
  let hasWorkload = callsIndex !== undefined && ahtIndex !== undefined;
  const channels = new Set<string>();
  const channelRows: RequirementChannelRow[] = [];
  for (const record of table.records) {
    const ts = cells.timestamp(record, tsIndex, "timestamp");
    if (ts === null) continue;
    style ??= ts.style;
    const agents = cells.number(record, agentsIndex, columnName);
    if (agents === null) continue;
    let calls = 0;
    let aht = 0;
    if (hasWorkload) {
      const c = record.cells[callsIndex!] === "" ? null : scratch.number(record, callsIndex!, "calls");
      const a = record.cells[ahtIndex!] === "" ? null : scratch.duration(record, ahtIndex!, "ahtSeconds");
      if (c === null || a === null) hasWorkload = false;
      else [calls, aht] = [c, a];
    }
    const channel = channelIndex === undefined ? "voice" : record.cells[channelIndex]!;
    channels.add(channel);
    let points = series.get(channel);
    if (points === undefined) series.set(channel, (points = []));
    points.push({ line: record.line, localMs: ts.localMs });
    let shrinkage = 0;
    if (hasShrinkage) {
      const value = cells.number(record, shrinkageIndex!, "shrinkage");
      if (value === null) {
        hasShrinkage = false;
      } else if (!(value >= 0 && value < 1)) {
        problems.add({ code: "invalid-csv", file, line: record.line, column: shrinkageIndex! + 1, message: `shrinkage must be a fraction from 0 up to (not including) 1, got ${quoteCell(record.cells[shrinkageIndex!]!)}` });
        hasShrinkage = false;
      } else {
        shrinkage = value;
      }
    }
    if (hasWorkload) channelRows.push({ localMs: ts.localMs, channel, calls, ahtSeconds: aht, shrinkage });
    const entry = byTime.get(ts.localMs) ?? { agents: 0, calls: 0, handle: 0, shrinkage };
    entry.agents += agents;
    entry.calls += calls;
    entry.handle += calls * aht;
    byTime.set(ts.localMs, entry);
  }
  cells.finish();
  if (byTime.size === 0) {
    problems.throwIfAny();
    throw new WfmError({ code: "invalid-csv", file, line: 2, message: "the file has no rows" });
  }
  const labelled = [...series].map(([channel, rows]) => ({ label: channelIndex === undefined ? "" : `channel ${channel}`, rows }));
  // A file of one timestamp per channel has no step to infer: it is one hour.
  const single = labelled.every((s) => s.rows.every((row) => row.localMs === s.rows[0]!.localMs));
  const stepMinutes = checkIntervalSeries(labelled, {
    file,
    timestampColumn: tsIndex,
    style,
    problems,
    gapAdvice: "closed intervals are rows with 0 agents",
    intervalAdvice: "write one row per interval of 5, 6, 10, 15, 30 or 60 minutes",
    ...(single ? { intervalMinutes: 60 } : {}),
  });
  problems.throwIfAny();
  if (1440 % stepMinutes !== 0) {
    throw new WfmError({ code: "invalid-csv", file, message: `the timestamps are ${stepMinutes} minutes apart; the interval must divide a day (15, 30, 60 ...)` });
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const ms of byTime.keys()) {
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  }
  const start = first;
  const count = Math.round((last - start) / (stepMinutes * millisecondsInMinute)) + 1;
  const required = new Array<number>(count).fill(0);
  const calls = new Array<number>(count).fill(0);
  const aht = new Array<number>(count).fill(0);
  const shrinkage = new Array<number>(count).fill(0);
  for (const [ms, entry] of byTime) {
    const t = Math.round((ms - start) / (stepMinutes * millisecondsInMinute));
    required[t] = entry.agents;
    calls[t] = entry.calls;
    aht[t] = entry.calls > 0 ? entry.handle / entry.calls : 0;
    shrinkage[t] = entry.shrinkage;
  }
  const withWorkload = hasWorkload && channels.size === 1;
  return {
    file,
    column: columnName,
    intervalMinutes: stepMinutes,
    style: style!,
    startLocalMs: start,
    required,
    ...(withWorkload ? { calls, ahtSeconds: aht } : {}),
    ...(withWorkload && hasShrinkage ? { shrinkage } : {}),
    ...(withWorkload && channelIndex !== undefined ? { channel: [...channels][0]! } : {}),
    ...(hasWorkload ? { channelRows: hasShrinkage ? channelRows : channelRows.map((row) => ({ ...row, shrinkage: 0 })) } : {}),
  };
}

/**
 * Reads a requirements CSV from disk (see {@link parseRequirementsCsv}).
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-csv`
 */
export function readRequirementsCsv(path: string, options: { cwd?: string; option?: string } & CsvDateOptions = {}): RequirementsCsv {
  const { cwd, option, ...dates } = options;
  return parseRequirementsCsv(readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) }), { file: path, ...dates });
}
