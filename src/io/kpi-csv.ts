import { formatLocalTimestamp } from "../calendar/local-time.js";
import type { KpiInterval, KpiOrders } from "../cost/kpi.js";
import { CsvCells, ProblemList, parseCsv, type CsvColumnSpec, type CsvDateOptions } from "./csv.js";
import { readTextFile } from "./read-file.js";

/**
 * Columns of an interval KPI report and the headers accepted for them (matching ignores case,
 * spaces, `_` and `-`). Only `timestamp` and `offered` are required; every other column enables
 * the KPIs that need it:
 *
 * | column | meaning | aliases |
 * |---|---|---|
 * | `timestamp` | local start of the interval | time, datetime, date, interval, intervalStart, start, period |
 * | `channel` | voice, chat, email... (`voice` when absent) | media, mediaType |
 * | `offered` | contacts offered | calls, callsOffered, contactsOffered, received, volume |
 * | `answered` | contacts answered (handled) | handled, callsAnswered, callsHandled, accepted |
 * | `abandoned` | abandoned before an answer | abandons, callsAbandoned, lost |
 * | `answeredWithinTarget` | answered within the SL threshold | answeredWithinSl, withinSl, answeredInSl, slAnswered, withinTarget |
 * | `shortAbandoned` | abandons within the short-abandon threshold | shortAbandons, abandonedShort |
 * | `handleSeconds` | **total** handle time of the answered, seconds | handleTime, handleTimeSeconds, totalHandleSeconds |
 * | `ahtSeconds` | **average** handle time, seconds (used when `handleSeconds` is absent) | aht, averageHandleTime, ahtSec |
 * | `staffedSeconds` | total logged-in productive agent time, seconds | staffedTime, staffedTimeSeconds, loggedInSeconds |
 * | `waitSeconds` | **total** answer wait of the answered, seconds | totalWaitSeconds, answerWaitSeconds, answerDelaySeconds |
 * | `asaSeconds` | **average** speed of answer, seconds (used when `waitSeconds` is absent) | asa, averageSpeedOfAnswer |
 * | `orders` | orders in the interval, once per timestamp | sales, bookings, reservations |
 *
 * Times in seconds may also be written `hh:mm:ss` or `mm:ss`; delimiters, encodings, dates and
 * number formats are read by the dialect layer (`io/csv.ts`).
 */
export const kpiCsvColumns: readonly CsvColumnSpec[] = [
  { kind: "timestamp", name: "timestamp", aliases: ["time", "datetime", "date", "interval", "intervalStart", "start", "period"], required: true },
  { name: "channel", aliases: ["media", "mediaType"] },
  { kind: "number", name: "offered", aliases: ["calls", "callsOffered", "contactsOffered", "received", "volume"], required: true },
  { kind: "number", name: "answered", aliases: ["handled", "callsAnswered", "callsHandled", "accepted"] },
  { kind: "number", name: "abandoned", aliases: ["abandons", "callsAbandoned", "lost"] },
  { kind: "number", name: "answeredWithinTarget", aliases: ["answeredWithinSl", "withinSl", "answeredInSl", "slAnswered", "withinTarget"] },
  { kind: "number", name: "shortAbandoned", aliases: ["shortAbandons", "abandonedShort"] },
  { kind: "duration", name: "handleSeconds", aliases: ["handleTime", "handleTimeSeconds", "totalHandleSeconds"] },
  { kind: "duration", name: "ahtSeconds", aliases: ["aht", "averageHandleTime", "ahtSec"] },
  { kind: "duration", name: "staffedSeconds", aliases: ["staffedTime", "staffedTimeSeconds", "loggedInSeconds"] },
  { kind: "duration", name: "waitSeconds", aliases: ["totalWaitSeconds", "answerWaitSeconds", "answerDelaySeconds"] },
  { kind: "duration", name: "asaSeconds", aliases: ["asa", "averageSpeedOfAnswer"] },
  { kind: "number", name: "orders", aliases: ["sales", "bookings", "reservations"] },
];

/** A validated KPI report file. */
export interface KpiReportFile {
  readonly file: string;
  /** Rows in file order, with totals (AHT and ASA columns converted to total seconds). */
  readonly intervals: readonly KpiInterval[];
  /** Orders once per timestamp (empty without an orders column). */
  readonly orders: readonly KpiOrders[];
  /** Channels in order of first appearance. */
  readonly channels: readonly string[];
  /** Canonical names of the columns found. */
  readonly columns: readonly string[];
  /** Shortest step between distinct timestamps, minutes (`null` with a single timestamp). */
  readonly intervalMinutes: number | null;
}

type CountKey = "offered" | "answered" | "abandoned" | "answeredWithinTarget" | "shortAbandoned" | "handleSeconds" | "ahtSeconds" | "staffedSeconds" | "waitSeconds" | "asaSeconds" | "orders";

const countKeys: readonly CountKey[] = [
  "offered",
  "answered",
  "abandoned",
  "answeredWithinTarget",
  "shortAbandoned",
  "handleSeconds",
  "ahtSeconds",
  "staffedSeconds",
  "waitSeconds",
  "asaSeconds",
  "orders",
];

/**
 * Parses and validates an interval KPI report (columns: {@link kpiCsvColumns}). Every problem is
 * reported at once with its line and column: unparsable timestamps, empty, non-numeric or
 * negative numbers, answered or abandoned above offered, answered within target above answered,
 * short abandons above abandons, a repeated timestamp of a channel, and different order counts on
 * the rows of one timestamp.
 *
 * @param text - the file's content
 * @param options.file - the name used in problems
 * @throws {WfmError} `invalid-csv`, one problem per bad cell or row
 *
 * @example
 * ```ts
 * const report = parseKpiCsv("timestamp,offered,answered,ahtSeconds\n2026-10-01T08:00,10,8,200\n", { file: "r.csv" });
 * report.intervals[0]; //=> { localMs: 1790841600000, channel: "voice", offered: 10, answered: 8, handleSeconds: 1600 }
 * ```
 */
export function parseKpiCsv(text: string, options: { readonly file: string; readonly maxProblems?: number } & CsvDateOptions): KpiReportFile {
  const { file, maxProblems = 50 } = options;
  const table = parseCsv(text, { file, columns: kpiCsvColumns });
  const problems = new ProblemList(maxProblems);
  const col = (name: string) => table.columns.get(name);
  const tsCol = col("timestamp")!;
  const channelCol = col("channel");
  const present = new Set(table.columns.keys());
  const useAht = !present.has("handleSeconds") && present.has("ahtSeconds");
  const useAsa = !present.has("waitSeconds") && present.has("asaSeconds");
  const problem = (line: number, column: number, message: string) => problems.add({ code: "invalid-csv", file, line, column: column + 1, message });
  const countColumns = countKeys.flatMap((key): [CountKey, number][] => (col(key) === undefined ? [] : [[key, col(key)!]]));
  if (table.records.length === 0) problems.add({ code: "invalid-csv", file, line: 2, message: "no data rows after the header" });

  const intervals: KpiInterval[] = [];
  const channels: string[] = [];
  const seen = new Map<string, number>();
  const orderAt = new Map<number, { orders: number; line: number }>();
  const reader = new CsvCells(table, problems, options);
  const durations = new Set(kpiCsvColumns.filter((c) => c.kind === "duration").map((c) => c.name));
  const channelSet = new Set<string>();
  for (const record of table.records) {
    if (problems.full) break;
    const { line, cells } = record;
    const parsed = reader.timestamp(record, tsCol, "timestamp");
    const channel = channelCol === undefined ? "voice" : cells[channelCol]!.toLowerCase();
    if (channelCol !== undefined && channel === "") problem(line, channelCol, "channel is empty");
    const values: Partial<Record<CountKey, number>> = {};
    let rowOk = parsed !== null;
    for (const [key, index] of countColumns) {
      const value = durations.has(key) ? reader.duration(record, index, key) : reader.number(record, index, key);
      if (value === null) {
        rowOk = false;
        continue;
      }
      values[key] = value;
    }
    if (!rowOk) continue;
    const offered = values.offered!;
    const check = (key: CountKey, limit: number, what: string) => {
      const v = values[key];
      if (v !== undefined && v > limit + 1e-9) problem(line, col(key)!, `${key} ${v} is more than ${what} ${limit}`);
    };
    check("answered", offered, "offered");
    check("abandoned", offered, "offered");
    if (values.answered !== undefined && values.abandoned !== undefined && values.answered + values.abandoned > offered + 1e-9) {
      problem(line, col("abandoned")!, `answered ${values.answered} + abandoned ${values.abandoned} is more than offered ${offered}`);
    }
    check("answeredWithinTarget", values.answered ?? offered, values.answered === undefined ? "offered" : "answered");
    check("shortAbandoned", values.abandoned ?? offered, values.abandoned === undefined ? "offered" : "abandoned");
    const localMs = parsed!.localMs;
    const key = `${localMs}\u0000${channel}`;
    const before = seen.get(key);
    if (before !== undefined) {
      problem(line, tsCol, `${formatLocalTimestamp(localMs)} ${channel} repeats line ${before}`);
      continue;
    }
    seen.set(key, line);
    if (values.orders !== undefined) {
      const earlier = orderAt.get(localMs);
      if (earlier === undefined) orderAt.set(localMs, { orders: values.orders, line });
      else if (earlier.orders !== values.orders) {
        problem(line, col("orders")!, `orders ${values.orders} differs from ${earlier.orders} on line ${earlier.line} for the same timestamp (orders are counted once per interval)`);
      }
    }
    if (!channelSet.has(channel)) {
      channelSet.add(channel);
      channels.push(channel);
    }
    const answered = values.answered;
    const handleSeconds = useAht ? (answered === undefined ? undefined : values.ahtSeconds! * answered) : values.handleSeconds;
    const waitSeconds = useAsa ? (answered === undefined ? undefined : values.asaSeconds! * answered) : values.waitSeconds;
    const interval: { -readonly [K in keyof KpiInterval]: KpiInterval[K] } = { localMs, channel, offered };
    if (answered !== undefined) interval.answered = answered;
    if (values.abandoned !== undefined) interval.abandoned = values.abandoned;
    if (values.answeredWithinTarget !== undefined) interval.answeredWithinTarget = values.answeredWithinTarget;
    if (values.shortAbandoned !== undefined) interval.shortAbandoned = values.shortAbandoned;
    if (handleSeconds !== undefined) interval.handleSeconds = handleSeconds;
    if (values.staffedSeconds !== undefined) interval.staffedSeconds = values.staffedSeconds;
    if (waitSeconds !== undefined) interval.waitSeconds = waitSeconds;
    intervals.push(interval);
  }
  reader.finish();
  if (useAht && !present.has("answered")) {
    problems.add({ code: "invalid-csv", file, line: 1, column: col("ahtSeconds")! + 1, message: "ahtSeconds needs an answered column to give total handle time (or give handleSeconds)" });
  }
  if (useAsa && !present.has("answered")) {
    problems.add({ code: "invalid-csv", file, line: 1, column: col("asaSeconds")! + 1, message: "asaSeconds needs an answered column to give total wait (or give waitSeconds)" });
  }
  problems.throwIfAny();
  const stamps = [...new Set(intervals.map((r) => r.localMs))].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < stamps.length; i++) step = Math.min(step, stamps[i]! - stamps[i - 1]!);
  return {
    file,
    intervals,
    orders: [...orderAt.entries()].map(([localMs, o]) => ({ localMs, orders: o.orders })).sort((a, b) => a.localMs - b.localMs),
    channels,
    columns: [...present],
    intervalMinutes: Number.isFinite(step) ? step / 60_000 : null,
  };
}

/**
 * Reads a KPI report file named on the command line ({@link parseKpiCsv}).
 *
 * @param path - as the user wrote it (used in problems)
 * @param options.cwd - folder to resolve it against
 * @param options.option - the option or argument that named it
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-csv`
 */
export function readKpiCsv(path: string, options: { readonly cwd?: string; readonly option?: string } & CsvDateOptions = {}): KpiReportFile {
  const { cwd, option, ...dates } = options;
  return parseKpiCsv(readTextFile(path, { ...(cwd === undefined ? {} : { cwd }), ...(option === undefined ? {} : { option }) }), { file: path, ...dates });
}
