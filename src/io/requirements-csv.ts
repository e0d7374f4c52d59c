import { parseLocalTimestamp, type TimestampStyle, millisecondsInMinute } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { ProblemList, parseCsv, type CsvColumnSpec } from "./csv.js";
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
  { name: "timestamp", aliases: ["time", "datetime", "interval", "intervalStart", "start", "period"], required: true },
  { name: "scheduledAgents", aliases: ["scheduled"] },
  { name: "requiredAgents", aliases: ["required"] },
  { name: "agents", aliases: ["staff", "headcount", "requirement"] },
  { name: "channel", aliases: ["media"] },
  { name: "calls", aliases: ["volume", "contacts", "offered"] },
  { name: "ahtSeconds", aliases: ["aht"] },
  { name: "shrinkage" },
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
export function parseRequirementsCsv(text: string, options: { file: string }): RequirementsCsv {
  const { file } = options;
  const table = parseCsv(text, { file, columns: requirementsCsvColumns });
  const columnName = (["scheduledAgents", "requiredAgents", "agents"] as const).find((name) => table.columns.has(name));
  if (columnName === undefined) {
    throw new WfmError({
      code: "invalid-csv",
      file,
      line: 1,
      message: `missing the agents column: expected scheduledAgents, requiredAgents or agents; header is ${JSON.stringify(table.header.join(","))}`,
    });
  }
  const problems = new ProblemList();
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
  for (const record of table.records) {
    const ts = parseLocalTimestamp(record.cells[tsIndex]!);
    if (ts === null) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: tsIndex + 1, message: `timestamp must be YYYY-MM-DDTHH:MM, got ${JSON.stringify(record.cells[tsIndex])}` });
      continue;
    }
    style ??= ts.style;
    const agents = Number(record.cells[agentsIndex]);
    if (record.cells[agentsIndex] === "" || !Number.isFinite(agents) || agents < 0) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: agentsIndex + 1, message: `${columnName} must be a non-negative number, got ${JSON.stringify(record.cells[agentsIndex])}` });
      continue;
    }
    let calls = 0;
    let aht = 0;
    if (hasWorkload) {
      calls = Number(record.cells[callsIndex!]);
      aht = Number(record.cells[ahtIndex!]);
      if (!Number.isFinite(calls) || calls < 0 || !Number.isFinite(aht) || aht < 0 || record.cells[ahtIndex!] === "") hasWorkload = false;
    }
    const channel = channelIndex === undefined ? "voice" : record.cells[channelIndex]!;
    channels.add(channel);
    let points = series.get(channel);
    if (points === undefined) series.set(channel, (points = []));
    points.push({ line: record.line, localMs: ts.localMs });
    let shrinkage = 0;
    if (hasShrinkage) {
      const cell = record.cells[shrinkageIndex!]!;
      shrinkage = Number(cell);
      if (cell === "" || !(shrinkage >= 0 && shrinkage < 1)) {
        problems.add({ code: "invalid-csv", file, line: record.line, column: shrinkageIndex! + 1, message: `shrinkage must be a fraction from 0 up to (not including) 1, got ${JSON.stringify(cell)}` });
        hasShrinkage = false;
      }
    }
    const entry = byTime.get(ts.localMs) ?? { agents: 0, calls: 0, handle: 0, shrinkage };
    entry.agents += agents;
    entry.calls += calls;
    entry.handle += calls * aht;
    byTime.set(ts.localMs, entry);
  }
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
  };
}

/**
 * Reads a requirements CSV from disk (see {@link parseRequirementsCsv}).
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-csv`
 */
export function readRequirementsCsv(path: string, options: { cwd?: string; option?: string } = {}): RequirementsCsv {
  return parseRequirementsCsv(readTextFile(path, options), { file: path });
}
