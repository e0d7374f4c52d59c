import { type TimestampStyle, millisecondsInMinute } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { CsvCells, ProblemList, parseCsv, quoteCell, type CsvColumnSpec, type CsvDateOptions } from "./csv.js";
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
  /** Agents per interval, gaps filled with 0. */
  readonly required: readonly number[];
  /** Calls per interval, when the file has calls and handle times from a single channel. */
  readonly calls?: readonly number[];
  /** Call-weighted AHT per interval, seconds, with `calls`. */
  readonly ahtSeconds?: readonly number[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Parses a requirements CSV (see the module comment).
 *
 * @param text - the file content
 * @param options.file - the name used in problems
 * @returns the curve on a regular interval grid
 * @throws {WfmError} `invalid-csv`: every bad cell with file:line:column, no agents column, an
 *   irregular interval grid, timestamps out of order
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
  const byTime = new Map<number, { agents: number; calls: number; handle: number; channels: Set<string> }>();
  let style: TimestampStyle | undefined;
  let previous = -Infinity;
  let hasWorkload = callsIndex !== undefined && ahtIndex !== undefined;
  const channels = new Set<string>();
  for (const record of table.records) {
    const ts = cells.timestamp(record, tsIndex, "timestamp");
    if (ts === null) continue;
    style ??= ts.style;
    if (ts.localMs < previous) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: tsIndex + 1, message: `timestamps must not go backwards: ${quoteCell(cells.timestampText(record, tsIndex, "timestamp"))} comes after a later one` });
    }
    previous = Math.max(previous, ts.localMs);
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
    const entry = byTime.get(ts.localMs) ?? { agents: 0, calls: 0, handle: 0, channels: new Set<string>() };
    if (entry.channels.has(channel)) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: tsIndex + 1, message: `timestamp ${quoteCell(cells.timestampText(record, tsIndex, "timestamp"))} appears twice${channelIndex === undefined ? "" : ` for channel ${quoteCell(channel)}`}` });
    }
    entry.channels.add(channel);
    entry.agents += agents;
    entry.calls += calls;
    entry.handle += calls * aht;
    byTime.set(ts.localMs, entry);
  }
  cells.finish();
  problems.throwIfAny();
  const times = [...byTime.keys()].sort((a, b) => a - b);
  if (times.length === 0) throw new WfmError({ code: "invalid-csv", file, line: 2, message: "the file has no rows" });
  let stepMinutes = 0;
  for (let i = 1; i < times.length; i++) stepMinutes = gcd(stepMinutes, Math.round((times[i]! - times[i - 1]!) / millisecondsInMinute));
  if (stepMinutes === 0) stepMinutes = 60;
  if (1440 % stepMinutes !== 0) {
    throw new WfmError({ code: "invalid-csv", file, message: `the timestamps are ${stepMinutes} minutes apart; the interval must divide a day (15, 30, 60 ...)` });
  }
  const start = times[0]!;
  const count = Math.round((times[times.length - 1]! - start) / (stepMinutes * millisecondsInMinute)) + 1;
  const required = new Array<number>(count).fill(0);
  const calls = new Array<number>(count).fill(0);
  const aht = new Array<number>(count).fill(0);
  for (const [ms, entry] of byTime) {
    const t = Math.round((ms - start) / (stepMinutes * millisecondsInMinute));
    required[t] = entry.agents;
    calls[t] = entry.calls;
    aht[t] = entry.calls > 0 ? entry.handle / entry.calls : 0;
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
