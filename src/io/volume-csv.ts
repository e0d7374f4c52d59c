import {
  dayNames,
  isOpenAt,
  localDayOfWeek,
  localMinuteOfDay,
  localStartOfDay,
  millisecondsInMinute,
  parseLocalTimestamp,
  formatLocalTimestamp,
  type OpeningHours,
  type TimestampStyle,
} from "../calendar/local-time.js";
import { formatOpeningHours, inferOpeningHours } from "../calendar/opening-hours.js";
import { WfmError } from "../errors.js";
import { CsvCells, ProblemList, openCsv, quoteCell, type CsvColumnSpec, type CsvDateOptions } from "./csv.js";
import { lazyArray } from "../staffing/lazy-array.js";
import { readTextFile } from "./read-file.js";

/** Interval lengths that can be inferred from timestamps, in minutes (1440 = daily data). */
export const inferableIntervalMinutes = [5, 6, 10, 15, 30, 60, 1440] as const;

/**
 * Columns of a volume CSV and the headers accepted for them (matching ignores case, spaces,
 * `_` and `-`, so `AHT_Seconds` and `aht seconds` both mean `ahtSeconds`).
 */
export const volumeCsvColumns: readonly CsvColumnSpec[] = [
  { name: "timestamp", aliases: ["time", "datetime", "date", "interval", "intervalStart", "start", "period"], required: true, kind: "timestamp" },
  { name: "calls", aliases: ["volume", "contacts", "offered", "count", "arrivals"], required: true, kind: "number" },
  { name: "ahtSeconds", aliases: ["aht", "ahtSec", "handleTimeSeconds", "averageHandleTime"], kind: "duration" },
  { name: "channel", aliases: ["media", "mediaType"] },
  { name: "queue", aliases: ["skill", "split", "service"] },
  { name: "orders", aliases: ["sales", "bookings", "reservations"], kind: "number" },
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
  /**
   * Rows in file order: a read-only array whose objects are built on access from typed-array
   * columns (`lazyArray`), so two reads of one index give equal, not identical, objects.
   */
  readonly rows: readonly VolumeRow[];
  /** Channels in order of first appearance. */
  readonly channels: readonly string[];
  /** Whether every row has a handle time. */
  readonly hasAht: boolean;
  /** Whether every row has an order count. */
  readonly hasOrders: boolean;
  /**
   * Opening hours inferred from the rows when the options gave none (`undefined` for a file
   * with rows around the clock, daily data, or rows spanning less than a day): see
   * `inferOpeningHours`.
   */
  readonly inferredOpeningHours?: OpeningHours;
  /**
   * Days between the first and the last row with no row at all (closed days: holidays), local
   * midnights; weekdays the opening hours close all day are not listed.
   */
  readonly closedDays: readonly number[];
}

/** Options of {@link parseVolumeCsv}. */
export interface VolumeCsvOptions extends CsvDateOptions {
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

/**
 * Reads and validates a volume CSV: `timestamp,calls` plus optional `ahtSeconds`, `channel`,
 * `queue` and `orders` columns (header aliases: {@link volumeCsvColumns}).
 *
 * Timestamps are the local start of each interval: `YYYY-MM-DDTHH:mm[:ss]`, `YYYY-MM-DD HH:mm`,
 * or `YYYY-MM-DD` for daily data, with or without a UTC offset (one per file), or a date column
 * plus an hour column, or any form given as `dateFormat`; handle times are seconds or `hh:mm:ss`;
 * delimiters, encodings and number formats are read by the dialect layer (`io/csv.ts`). Without
 * `openingHours`, the file's own weekly pattern tells when the centre is closed
 * (`inferredOpeningHours`). The interval length is the most
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
  // Rows are read a chunk of lines at a time: the raw records of the file are never all held.
  const reader = openCsv(text, { file, columns: volumeCsvColumns });
  const table = reader.table;
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

  // Rows as columns (plain arrays of numbers, 8 bytes a value): `rows` of the result builds each
  // row object on access (`lazyArray`), about 60 bytes per row instead of 125.
  // Sized by the file's line count (at least one line per row), grown only for a file of bare
  // CR line ends.
  let lineCount = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCount++;
  let kept = newRowColumns(lineCount);
  let rowCount = 0;
  const queueNames: string[] = [];
  const queueIndex = new Map<string, number>();
  let style: TimestampStyle | undefined;
  const channelOrder: string[] = [];
  const allowed = allowedChannels === undefined ? undefined : new Set(allowedChannels);
  let hasAht = ahtCol !== undefined;
  let hasOrders = ordersCol !== undefined;

  const cells = new CsvCells(table, problems, options);
  const channelIndex = new Map<string, number>();
  let recordCount = 0;
  reader.forEach((record) => {
    recordCount++;
    const { line } = record;
    const row = record.cells;
    let ok = true;
    const parsed = cells.timestamp(record, tsCol, "timestamp");
    if (parsed === null) ok = false;
    else if (style === undefined) style = parsed.style;
    const calls = cells.number(record, callsCol, "calls");
    if (calls === null) ok = false;
    let ahtSeconds: number | undefined;
    if (ahtCol !== undefined) {
      if (row[ahtCol] === "") {
        // An interval with no handled contacts has no AHT; allowed when calls are zero.
        if (calls !== null && calls > 0) {
          bad(line, ahtCol, "ahtSeconds is empty while calls are above zero", "");
          ok = false;
        }
        hasAht = hasAht && calls === 0;
      } else {
        const read = cells.duration(record, ahtCol, "ahtSeconds");
        if (read === null) ok = false;
        else ahtSeconds = read;
      }
    }
    let channel = "voice";
    if (channelCol !== undefined) {
      channel = row[channelCol]!.trim();
      if (channel === "") {
        bad(line, channelCol, "channel is empty", channel);
        ok = false;
      } else if (allowed !== undefined && !allowed.has(channel)) {
        bad(line, channelCol, `unknown channel ${quoteCell(channel)}; expected one of ${[...allowed].join(", ")}`, channel.slice(0, 40));
        ok = false;
      }
    }
    let orders: number | undefined;
    if (ordersCol !== undefined) {
      if (row[ordersCol] === "") {
        hasOrders = false;
      } else {
        const read = cells.number(record, ordersCol, "orders");
        if (read === null) ok = false;
        else orders = read;
      }
    }
    if (!ok || parsed === null || calls === null) return;
    if (!channelIndex.has(channel)) {
      channelIndex.set(channel, channelOrder.length);
      channelOrder.push(channel);
    }
    const queue = queueCol === undefined ? undefined : row[queueCol]!.trim();
    let q = -1;
    if (queue !== undefined) {
      q = queueIndex.get(queue) ?? -1;
      if (q < 0) {
        queueIndex.set(queue, (q = queueNames.length));
        queueNames.push(queue);
      }
    }
    if (rowCount === kept.line.length) kept = grownRowColumns(kept, rowCount * 2);
    kept.line[rowCount] = line;
    kept.localMs[rowCount] = parsed.localMs;
    kept.calls[rowCount] = calls;
    kept.aht[rowCount] = ahtSeconds ?? Number.NaN;
    kept.channel[rowCount] = channelIndex.get(channel)!;
    kept.queue[rowCount] = q;
    kept.orders[rowCount] = orders ?? Number.NaN;
    rowCount++;
  });
  cells.finish();
  if (recordCount === 0) {
    problems.add({ code: "invalid-csv", file, line: 2, message: "no data rows after the header" });
  }
  // Typed arrays, off the heap: 8 bytes a number, 4 an index (views of the rows read).
  const columnsKept = rowCount >= kept.line.length * 0.875 ? viewRowColumns(kept, rowCount) : grownRowColumns(kept, rowCount);
  const rowAt = rowReader(columnsKept, channelOrder, queueNames);
  if (rowCount === 0) problems.throwIfAny();
  // Rows with bad cells are left out of the series checks below, which still run so that every
  // problem is reported at once; only gaps are not, as a dropped row would look like one.
  const droppedRows = problems.size > 0;

  // Split into series (channel x queue) in file order: the row indexes of each, keyed by channel,
  // then queue (no key string built per row).
  const series = new Map<string, number[]>();
  const byChannel = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < rowCount; i++) {
    let queues = byChannel.get(columnsKept.channel[i]!);
    if (queues === undefined) byChannel.set(columnsKept.channel[i]!, (queues = new Map()));
    let list = queues.get(columnsKept.queue[i]!);
    if (list === undefined) {
      queues.set(columnsKept.queue[i]!, (list = []));
      series.set(`${columnsKept.channel[i]!}\u0000${columnsKept.queue[i]!}`, list);
    }
    list.push(i);
  }

  let intervalMinutes: number;
  try {
    intervalMinutes = options.intervalMinutes ?? inferIntervalMinutes(localMsOfSeries(series.values(), columnsKept.localMs), file, "give it with --interval MINUTES");
  } catch (error) {
    problems.throwIfAny();
    throw error;
  }
  const stepMs = intervalMinutes * millisecondsInMinute;
  const daily = intervalMinutes === 1440;
  // Without opening hours in the options, each series' own weekly pattern tells when the centre
  // is closed, and days without any row of the series are closed days.
  const infer = openingHours === undefined && !daily && 1440 % intervalMinutes === 0 && Number.isInteger(intervalMinutes);
  const inferred = infer ? inferOpeningHours({ starts: columnsKept.localMs, intervalMinutes }) : undefined;
  // Hours inferred from less than a day of rows say nothing about the centre: not reported.
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (const localMs of columnsKept.localMs) {
    if (localMs < firstMs) firstMs = localMs;
    if (localMs > lastMs) lastMs = localMs;
  }
  const reportInferred = inferred?.openingHours !== undefined && lastMs - firstMs >= 86_400_000 - stepMs;
  const hoursText = openingHours !== undefined ? formatOpeningHours(openingHours) : formatOpeningHours(inferred?.openingHours);
  const gapHint =
    openingHours !== undefined
      ? `, within openingHours of the config (${hoursText})`
      : `; opening hours inferred from the file: ${hoursText} (if the centre was closed then, set openingHours in the staffing config)`;
  const dayMs = 86_400_000;
  const fileDays = new Set<number>();
  for (const localMs of columnsKept.localMs) fileDays.add(localStartOfDay(localMs));

  const slotsPerDay = 1440 / intervalMinutes;
  // One series at a time (its points built only while it is checked), so a file of many queues
  // never holds an object per row.
  for (const list of series.values()) {
    const starts = list.map((r) => columnsKept.localMs[r]!);
    const own = infer ? inferOpeningHours({ starts, intervalMinutes }) : undefined;
    const ownDays = infer ? new Set(starts.map((t) => localStartOfDay(t))) : undefined;
    const first = rowAt(list[0]!);
    checkIntervalSeries(
      [
        {
          label: first.channel === "voice" && first.queue === undefined && channelCol === undefined ? "" : seriesName(first),
          rows: list.map((r) => ({ line: columnsKept.line[r]!, localMs: columnsKept.localMs[r]! })),
          openAt: (t: number) =>
            own === undefined
              ? isOpenAt(openingHours, t)
              : ownDays!.has(localStartOfDay(t)) && own.openSlots[localDayOfWeek(t) * slotsPerDay + Math.floor(localMinuteOfDay(t) / intervalMinutes)] === 1,
        },
      ],
      { file, timestampColumn: tsCol, style, problems, intervalMinutes, allowGaps, rowsDropped: droppedRows, gapSuffix: daily ? "" : gapHint },
    );
  }
  problems.throwIfAny();

  return {
    file,
    intervalMinutes,
    style: style ?? { separator: "T", seconds: false, dateOnly: daily, offset: null },
    rows: lazyArray(rowCount, rowAt),
    channels: channelOrder,
    hasAht,
    hasOrders,
    ...(reportInferred ? { inferredOpeningHours: inferred!.openingHours! } : {}),
    closedDays: closedDaysOf(fileDays, dayMs).filter((d) => {
      // A weekday the opening hours close all day is not news.
      const hours = openingHours ?? inferred?.openingHours;
      return hours === undefined || (hours[dayNames[localDayOfWeek(d)]!]?.length ?? 0) > 0;
    }),
  };
}

/** A volume file's rows as columns. */
interface RowColumns {
  readonly line: Uint32Array;
  readonly localMs: Float64Array;
  readonly calls: Float64Array;
  /** NaN: no handle time. */
  readonly aht: Float64Array;
  readonly channel: Uint32Array;
  /** -1: no queue. */
  readonly queue: Int32Array;
  /** NaN: no order count. */
  readonly orders: Float64Array;
}

function newRowColumns(n: number): RowColumns {
  return {
    line: new Uint32Array(n),
    localMs: new Float64Array(n),
    calls: new Float64Array(n),
    aht: new Float64Array(n),
    channel: new Uint32Array(n),
    queue: new Int32Array(n),
    orders: new Float64Array(n),
  };
}

/** The columns copied into arrays of `n` rows (cut or grown); the same arrays when `n` fits exactly. */
function grownRowColumns(c: RowColumns, n: number): RowColumns {
  if (c.line.length === n) return c;
  const out = newRowColumns(n);
  const m = Math.min(n, c.line.length);
  out.line.set(c.line.subarray(0, m));
  out.localMs.set(c.localMs.subarray(0, m));
  out.calls.set(c.calls.subarray(0, m));
  out.aht.set(c.aht.subarray(0, m));
  out.channel.set(c.channel.subarray(0, m));
  out.queue.set(c.queue.subarray(0, m));
  out.orders.set(c.orders.subarray(0, m));
  return out;
}

/** The first `n` rows of the columns, as views (no copy). */
function viewRowColumns(c: RowColumns, n: number): RowColumns {
  return {
    line: c.line.subarray(0, n),
    localMs: c.localMs.subarray(0, n),
    calls: c.calls.subarray(0, n),
    aht: c.aht.subarray(0, n),
    channel: c.channel.subarray(0, n),
    queue: c.queue.subarray(0, n),
    orders: c.orders.subarray(0, n),
  };
}

/** Row `i` from the columns alone (no closure over the reader's scope, which holds the file text). */
function rowReader(c: RowColumns, channelOrder: readonly string[], queueNames: readonly string[]) {
  return (i: number): VolumeRow => {
    const line = c.line[i]!;
    const localMs = c.localMs[i]!;
    const calls = c.calls[i]!;
    const channel = channelOrder[c.channel[i]!]!;
    const ahtSeconds = c.aht[i]!;
    const queue = c.queue[i]! < 0 ? undefined : queueNames[c.queue[i]!]!;
    const orders = c.orders[i]!;
    // One object literal per common shape (no spread, fields in-object).
    if (Number.isNaN(orders) && !Number.isNaN(ahtSeconds)) return queue === undefined ? { line, localMs, calls, channel, ahtSeconds } : { line, localMs, calls, channel, ahtSeconds, queue };
    if (Number.isNaN(orders)) return queue === undefined ? { line, localMs, calls, channel } : { line, localMs, calls, channel, queue };
    return {
      line,
      localMs,
      calls,
      channel,
      ...(Number.isNaN(ahtSeconds) ? {} : { ahtSeconds }),
      ...(queue === undefined ? {} : { queue }),
      orders,
    };
  };
}

function closedDaysOf(days: ReadonlySet<number>, dayMs: number): number[] {
  if (days.size === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const out: number[] = [];
  for (let d = first; d <= last; d += dayMs) if (!days.has(d)) out.push(d);
  return out;
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
  /** Whether the centre is open at a wall-clock time, for this series (e.g. hours inferred from its own rows). @defaultValue the options' `openingHours` */
  readonly openAt?: (localMs: number) => boolean;
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
  /** Whether rows were dropped for bad cells (then gaps are not reported). @defaultValue whether `problems` holds any */
  readonly rowsDropped?: boolean;
  /**
   * What a gap problem advises, in parentheses after it.
   * @defaultValue "if the centre is closed then, give its opening hours in the config" (none with opening hours)
   */
  readonly gapAdvice?: string;
  /** Text appended as it is to a gap problem instead of `gapAdvice` in parentheses (e.g. the opening hours the gap was judged by). */
  readonly gapSuffix?: string;
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
  const droppedRows = options.rowsDropped ?? problems.size > 0;
  let intervalMinutes: number;
  try {
    intervalMinutes = options.intervalMinutes ?? inferIntervalMinutes(series.map((s) => s.rows.map((r) => r.localMs)), file, options.intervalAdvice ?? "give it with --interval MINUTES");
  } catch (error) {
    problems.throwIfAny();
    throw error;
  }
  const stepMs = intervalMinutes * millisecondsInMinute;
  const daily = intervalMinutes === 1440;

  for (const { label, rows: list, openAt = (t: number) => isOpenAt(openingHours, t) } of series) {
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
          if (daily || openAt(t)) {
            if (firstMissing < 0) firstMissing = t;
            missing++;
          }
        }
        if (missing > 0) {
          const span = missing === 1 ? `interval ${formatLocalTimestamp(firstMissing, style)} is` : `${missing} intervals from ${formatLocalTimestamp(firstMissing, style)} are`;
          bad(row.line, `gap in the series${where}: ${span} missing before this row${options.gapSuffix ?? (advice === "" ? "" : ` (${advice})`)}`);
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

/** Each series' interval starts, one series at a time (from row indices into the file's columns). */
function* localMsOfSeries(series: Iterable<readonly number[]>, localMs: ArrayLike<number>): Generator<Float64Array> {
  for (const list of series) yield Float64Array.from(list, (r) => localMs[r]!);
}

/**
 * The interval length of a file: the most common positive step between consecutive rows of
 * each series, which must be one of {@link inferableIntervalMinutes}.
 */
function inferIntervalMinutes(series: Iterable<ArrayLike<number>>, file: string, advice: string): number {
  const counts = new Map<number, number>();
  for (const starts of series) {
    for (let i = 1; i < starts.length; i++) {
      const delta = (starts[i]! - starts[i - 1]!) / millisecondsInMinute;
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
