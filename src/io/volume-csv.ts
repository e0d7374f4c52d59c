import {
  isOpenAt,
  localMinuteOfDay,
  millisecondsInMinute,
  parseLocalTimestamp,
  formatLocalTimestamp,
  type OpeningHours,
  type TimestampStyle,
} from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { ProblemList, parseCsv, type CsvColumnSpec } from "./csv.js";
import { readTextFile } from "./read-file.js";

/** Interval lengths that can be inferred from timestamps, in minutes (1440 = daily data). */
export const inferableIntervalMinutes = [5, 6, 10, 15, 30, 60, 1440] as const;

/**
 * Columns of a volume CSV and the headers accepted for them (matching ignores case, spaces,
 * `_` and `-`, so `AHT_Seconds` and `aht seconds` both mean `ahtSeconds`).
 */
export const volumeCsvColumns: readonly CsvColumnSpec[] = [
  { name: "timestamp", aliases: ["time", "datetime", "date", "interval", "intervalStart", "start", "period"], required: true },
  { name: "calls", aliases: ["volume", "contacts", "offered", "count", "arrivals"], required: true },
  { name: "ahtSeconds", aliases: ["aht", "ahtSec", "handleTimeSeconds", "averageHandleTime"] },
  { name: "channel", aliases: ["media", "mediaType"] },
  { name: "queue", aliases: ["skill", "split", "service"] },
  { name: "orders", aliases: ["sales", "bookings", "reservations"] },
];

/** One row of a volume CSV. */
export interface VolumeRow {
  /** 1-based line in the file. */
  readonly line: number;
  /** Interval start as wall-clock milliseconds (see `calendar/local-time`). */
  readonly localMs: number;
  /** Contacts arriving in the interval (may be fractional: real exports impute halves). */
  readonly calls: number;
  /** Average handle time of the interval's contacts, seconds, when the file has the column. */
  readonly ahtSeconds?: number;
  /** Channel name; `"voice"` when the file has no channel column. */
  readonly channel: string;
  /** Queue name, when the file has the column. */
  readonly queue?: string;
  /** Orders in the interval, when the file has the column. */
  readonly orders?: number;
}

/** A validated volume file. */
export interface VolumeSeries {
  /** The file name used in problems. */
  readonly file: string;
  /** Interval length in minutes: 5, 6, 10, 15, 30, 60, or 1440 for daily data. */
  readonly intervalMinutes: number;
  /** How the first timestamp was written (output is written the same way). */
  readonly style: TimestampStyle;
  /** Rows in file order. */
  readonly rows: readonly VolumeRow[];
  /** Channels in order of first appearance. */
  readonly channels: readonly string[];
  /** Whether every row has a handle time. */
  readonly hasAht: boolean;
  /** Whether every row has an order count. */
  readonly hasOrders: boolean;
}

/** Options of {@link parseVolumeCsv}. */
export interface VolumeCsvOptions {
  /** File name for problems. */
  readonly file: string;
  /** Interval length in minutes; inferred from the timestamps when absent. */
  readonly intervalMinutes?: number;
  /**
   * Opening hours: intervals outside them may be absent without being a gap. When absent, the
   * centre is taken as open around the clock and every missing interval is a gap, unless
   * `allowGaps` is set.
   */
  readonly openingHours?: OpeningHours;
  /** Accept missing intervals (e.g. a forecaster that infers opening hours itself). @defaultValue false */
  readonly allowGaps?: boolean;
  /** Channel names allowed in the `channel` column; any name when absent. */
  readonly channels?: readonly string[];
  /** Problems reported before the rest are only counted. @defaultValue 50 */
  readonly maxProblems?: number;
}

function parseCount(cell: string): number {
  if (cell === "") return Number.NaN;
  return Number(cell);
}

/**
 * Reads and validates a volume CSV: `timestamp,calls` plus optional `ahtSeconds`, `channel`,
 * `queue` and `orders` columns (header aliases: {@link volumeCsvColumns}).
 *
 * Timestamps are the local start of each interval: `YYYY-MM-DDTHH:mm[:ss]`, `YYYY-MM-DD HH:mm`,
 * or `YYYY-MM-DD` for daily data, with or without a UTC offset. The interval length is the most
 * common step between consecutive rows of a series (one series per channel and queue), snapped to
 * 5, 6, 10, 15, 30, 60 minutes or a day, unless `intervalMinutes` is given.
 *
 * Every problem is reported at once (up to `maxProblems`), each with its line and column:
 * unparsable timestamps, non-numeric or negative counts, duplicate intervals, rows out of order,
 * gaps in the series (an interval missing while the centre is open), and timestamps off the
 * interval grid.
 *
 * @throws {WfmError} `invalid-csv` with one problem per bad cell or row
 *
 * @example
 * ```ts
 * const series = parseVolumeCsv("timestamp,calls\n2026-12-01T08:00,12\n2026-12-01T08:30,15.5\n", { file: "v.csv" });
 * series.intervalMinutes; //=> 30
 * series.rows[1].calls; //=> 15.5
 * ```
 */
export function parseVolumeCsv(text: string, options: VolumeCsvOptions): VolumeSeries {
  const { file, openingHours, allowGaps = false, channels: allowedChannels, maxProblems = 50 } = options;
  const table = parseCsv(text, { file, columns: volumeCsvColumns });
  const col = (name: string) => table.columns.get(name);
  const tsCol = col("timestamp")!;
  const callsCol = col("calls")!;
  const ahtCol = col("ahtSeconds");
  const channelCol = col("channel");
  const queueCol = col("queue");
  const ordersCol = col("orders");
  const problems = new ProblemList(maxProblems);
  const bad = (line: number, column: number, message: string, value?: unknown) =>
    problems.add({ code: "invalid-csv", file, line, column: column + 1, message, ...(value === undefined ? {} : { value }) });

  const rows: VolumeRow[] = [];
  let style: TimestampStyle | undefined;
  const channelOrder: string[] = [];
  const allowed = allowedChannels === undefined ? undefined : new Set(allowedChannels);
  let hasAht = ahtCol !== undefined;
  let hasOrders = ordersCol !== undefined;

  for (const record of table.records) {
    const { line, cells } = record;
    let ok = true;
    const tsText = cells[tsCol]!;
    const parsed = parseLocalTimestamp(tsText);
    if (parsed === null) {
      bad(line, tsCol, `timestamp ${JSON.stringify(tsText)} is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00`, tsText);
      ok = false;
    } else if (style === undefined) {
      style = parsed.style;
    }
    const callsText = cells[callsCol]!;
    const calls = parseCount(callsText);
    if (!Number.isFinite(calls) || calls < 0) {
      bad(line, callsCol, `calls must be a non-negative number, got ${JSON.stringify(callsText)}`, callsText);
      ok = false;
    }
    let ahtSeconds: number | undefined;
    if (ahtCol !== undefined) {
      const t = cells[ahtCol]!;
      if (t === "") {
        // An interval with no handled contacts has no AHT; allowed when calls are zero.
        if (calls > 0) {
          bad(line, ahtCol, "ahtSeconds is empty while calls are above zero", t);
          ok = false;
        }
        hasAht = hasAht && calls === 0;
      } else {
        ahtSeconds = Number(t);
        if (!Number.isFinite(ahtSeconds) || ahtSeconds < 0) {
          bad(line, ahtCol, `ahtSeconds must be a non-negative number of seconds, got ${JSON.stringify(t)}`, t);
          ok = false;
        }
      }
    }
    let channel = "voice";
    if (channelCol !== undefined) {
      channel = cells[channelCol]!.trim();
      if (channel === "") {
        bad(line, channelCol, "channel is empty", channel);
        ok = false;
      } else if (allowed !== undefined && !allowed.has(channel)) {
        bad(line, channelCol, `unknown channel ${JSON.stringify(channel)}; expected one of ${[...allowed].join(", ")}`, channel);
        ok = false;
      }
    }
    let orders: number | undefined;
    if (ordersCol !== undefined) {
      const t = cells[ordersCol]!;
      if (t === "") {
        hasOrders = false;
      } else {
        orders = Number(t);
        if (!Number.isFinite(orders) || orders < 0) {
          bad(line, ordersCol, `orders must be a non-negative number, got ${JSON.stringify(t)}`, t);
          ok = false;
        }
      }
    }
    if (!ok || parsed === null) continue;
    if (!channelOrder.includes(channel)) channelOrder.push(channel);
    const queue = queueCol === undefined ? undefined : cells[queueCol]!.trim();
    rows.push({
      line,
      localMs: parsed.localMs,
      calls,
      channel,
      ...(ahtSeconds === undefined ? {} : { ahtSeconds }),
      ...(queue === undefined ? {} : { queue }),
      ...(orders === undefined ? {} : { orders }),
    });
  }
  if (table.records.length === 0) {
    problems.add({ code: "invalid-csv", file, line: 2, message: "no data rows after the header" });
  }
  if (rows.length === 0) problems.throwIfAny();

  // Split into series (channel x queue) in file order.
  const series = new Map<string, { label: string; rows: VolumeRow[] }>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.queue ?? ""}`;
    let entry = series.get(key);
    if (entry === undefined) {
      const label = row.channel === "voice" && row.queue === undefined && channelCol === undefined ? "" : seriesName(row);
      series.set(key, (entry = { label, rows: [] }));
    }
    entry.rows.push(row);
  }
  const intervalMinutes = checkIntervalSeries([...series.values()], {
    file,
    timestampColumn: tsCol,
    style,
    problems,
    allowGaps,
    ...(options.intervalMinutes === undefined ? {} : { intervalMinutes: options.intervalMinutes }),
    ...(openingHours === undefined ? {} : { openingHours }),
  });
  problems.throwIfAny();

  return {
    file,
    intervalMinutes,
    style: style ?? { separator: "T", seconds: false, dateOnly: intervalMinutes === 1440, offset: null },
    rows,
    channels: channelOrder,
    hasAht,
    hasOrders,
  };
}

/** A timestamped row of an interval series (see {@link checkIntervalSeries}). */
export interface SeriesPoint {
  /** 1-based line in the file. */
  readonly line: number;
  /** Interval start as wall-clock milliseconds. */
  readonly localMs: number;
}

/** One series of rows in file order, e.g. one channel; `label` ("channel chat") names it in problems, "" for a file's only series. */
export interface LabelledSeries {
  readonly label: string;
  readonly rows: readonly SeriesPoint[];
}

/** Options of {@link checkIntervalSeries}. */
export interface IntervalSeriesCheckOptions {
  /** File name for problems. */
  readonly file: string;
  /** 0-based column of the timestamp (problems name it 1-based). */
  readonly timestampColumn: number;
  /** How the file writes timestamps (problems quote them the same way). */
  readonly style: TimestampStyle | undefined;
  /** Problems found so far (bad cells); the checks add theirs. When it already holds problems, rows were dropped and gaps are not reported (a dropped row would look like one). */
  readonly problems: ProblemList;
  /** Interval length in minutes; inferred from the rows when absent (the most common step). */
  readonly intervalMinutes?: number;
  /** Opening hours: intervals outside them may be absent without being a gap. */
  readonly openingHours?: OpeningHours;
  /** Accept missing intervals. @defaultValue false */
  readonly allowGaps?: boolean;
  /**
   * What a gap problem advises, in parentheses after it.
   * @defaultValue "if the centre is closed then, give its opening hours in the config" (none with opening hours)
   */
  readonly gapAdvice?: string;
  /**
   * How the user gives the interval when it cannot be inferred.
   * @defaultValue "give it with --interval MINUTES"
   */
  readonly intervalAdvice?: string;
}

/**
 * The series checks every interval file gets (volumes for `wfm staff` and `wfm forecast`,
 * requirements for `wfm schedule`): the interval length (given, or the most common step between
 * consecutive rows of a series, one of {@link inferableIntervalMinutes}), then per series every
 * row off the interval grid, every duplicate interval, every row out of order and every gap (an
 * interval missing while the centre is open), each a problem naming the row's line and the
 * timestamp column. Problems go to `options.problems`; the caller throws them.
 *
 * @returns the interval length in minutes
 * @throws {WfmError} `invalid-csv` when the interval cannot be inferred (with the problems found before)
 *
 * @example
 * ```ts
 * const problems = new ProblemList();
 * checkIntervalSeries([{ label: "", rows: [{ line: 2, localMs: 0 }, { line: 3, localMs: 3_600_000 }, { line: 4, localMs: 3_660_000 }] }],
 *   { file: "r.csv", timestampColumn: 0, style: undefined, problems }); //=> 60
 * problems.size; //=> 1 (line 4 is 1 minute after the previous row)
 * ```
 */
export function checkIntervalSeries(series: readonly LabelledSeries[], options: IntervalSeriesCheckOptions): number {
  const { file, timestampColumn: tsCol, style, problems, openingHours, allowGaps = false } = options;
  const advice = options.gapAdvice ?? (openingHours === undefined ? "if the centre is closed then, give its opening hours in the config" : "");
  const bad = (line: number, message: string) => problems.add({ code: "invalid-csv", file, line, column: tsCol + 1, message });
  // Rows with bad cells are left out of the series checks below, which still run so that every
  // problem is reported at once; only gaps are not, as a dropped row would look like one.
  const droppedRows = problems.size > 0;
  let intervalMinutes: number;
  try {
    intervalMinutes = options.intervalMinutes ?? inferIntervalMinutes(series, file, options.intervalAdvice ?? "give it with --interval MINUTES");
  } catch (error) {
    problems.throwIfAny();
    throw error;
  }
  const stepMs = intervalMinutes * millisecondsInMinute;
  const daily = intervalMinutes === 1440;

  for (const { label, rows: list } of series) {
    const where = label === "" ? "" : ` (${label})`;
    for (let i = 0; i < list.length; i++) {
      const row = list[i]!;
      const minute = localMinuteOfDay(row.localMs);
      if (daily ? minute !== 0 : minute % intervalMinutes !== 0) {
        bad(row.line, `timestamp ${formatLocalTimestamp(row.localMs, style)} does not start a ${describeInterval(intervalMinutes)} interval (wrong interval length?)`);
        continue;
      }
      if (i === 0) continue;
      const previous = list[i - 1]!;
      const delta = row.localMs - previous.localMs;
      if (delta === 0) {
        bad(row.line, `duplicate interval ${formatLocalTimestamp(row.localMs, style)}${where}: line ${previous.line} has it too`);
      } else if (delta < 0) {
        bad(row.line, `rows out of order${where}: ${formatLocalTimestamp(row.localMs, style)} comes after ${formatLocalTimestamp(previous.localMs, style)} on line ${previous.line}`);
      } else if (delta % stepMs !== 0) {
        bad(row.line, `${formatLocalTimestamp(row.localMs, style)} is ${delta / millisecondsInMinute} minutes after the previous row, not a multiple of the ${describeInterval(intervalMinutes)} interval (wrong interval length?)`);
      } else if (delta > stepMs && !allowGaps && !droppedRows) {
        let missing = 0;
        let firstMissing = -1;
        for (let t = previous.localMs + stepMs; t < row.localMs; t += stepMs) {
          if (daily || isOpenAt(openingHours, t)) {
            if (firstMissing < 0) firstMissing = t;
            missing++;
          }
        }
        if (missing > 0) {
          const span = missing === 1 ? `interval ${formatLocalTimestamp(firstMissing, style)} is` : `${missing} intervals from ${formatLocalTimestamp(firstMissing, style)} are`;
          bad(row.line, `gap in the series${where}: ${span} missing before this row${advice === "" ? "" : ` (${advice})`}`);
        }
      }
    }
  }
  return intervalMinutes;
}

function seriesName(row: VolumeRow): string {
  return row.queue === undefined ? `channel ${row.channel}` : `channel ${row.channel}, queue ${row.queue}`;
}

function describeInterval(minutes: number): string {
  return minutes === 1440 ? "daily" : `${minutes}-minute`;
}

/**
 * The interval length of a file: the most common positive step between consecutive rows of
 * each series, which must be one of {@link inferableIntervalMinutes}.
 */
function inferIntervalMinutes(series: readonly LabelledSeries[], file: string, advice: string): number {
  const counts = new Map<number, number>();
  for (const { rows: list } of series) {
    for (let i = 1; i < list.length; i++) {
      const delta = (list[i]!.localMs - list[i - 1]!.localMs) / millisecondsInMinute;
      if (delta > 0) counts.set(delta, (counts.get(delta) ?? 0) + 1);
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [delta, count] of counts) {
    if (count > bestCount || (count === bestCount && delta < best)) {
      best = delta;
      bestCount = count;
    }
  }
  if (bestCount === 0) {
    throw new WfmError({
      code: "invalid-csv",
      file,
      ...(advice.includes("--interval") ? { option: "--interval" } : {}),
      message: `cannot infer the interval length from a single row per series; ${advice}`,
    });
  }
  if (!(inferableIntervalMinutes as readonly number[]).includes(best)) {
    throw new WfmError({
      code: "invalid-csv",
      file,
      message: `rows are mostly ${best} minutes apart, which is not an interval length (5, 6, 10, 15, 30, 60 minutes or a day); ${advice}`,
    });
  }
  return best;
}

/**
 * Reads a volume CSV from disk (see {@link parseVolumeCsv}).
 *
 * @param path - as the user wrote it (used in problems)
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-csv`
 */
export function readVolumeCsv(
  path: string,
  options: Omit<VolumeCsvOptions, "file"> & { cwd?: string; option?: string } = {},
): VolumeSeries {
  const { cwd, option, ...rest } = options;
  const text = readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) });
  return parseVolumeCsv(text, { ...rest, file: path });
}
