import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { formatLocalTimestamp, localStartOfDay, millisecondsInDay, type TimestampStyle } from "../../calendar/local-time.js";
import { WfmError } from "../../errors.js";
import { parseDbaiInstance } from "../../io/dbai.js";
import { checkOutputPaths, writeFileAtomic, writeFilesAtomic, type OutputFile } from "../../io/output.js";
import { formatFixed, formatPercent, renderKeyValues, renderTable, toJson, type TableColumn, type TableFormat } from "../../io/render.js";
import { readRequirementsCsv, type RequirementsCsv } from "../../io/requirements-csv.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { loadConfigReaders } from "../config-readers.js";
import { solveDbaiInWorker, solveInWorker } from "../../io/solve-in-worker.js";
import { buildTemplateProblem, shiftGridMinutes, type ShiftSettings } from "../../schedule/templates.js";
import { scheduleReport, type CoverageInterval, type ScheduledShift, type ScheduleReport } from "../../schedule/report.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { csvDates, dateFormatHelp, parseChoiceOption, parseNumberOption, parsePercentOption } from "../options.js";
import { progressPrinter } from "../progress.js";
import { shiftColumns, shiftJson } from "../schedule-columns.js";

interface ScheduleFlags {
  shifts?: string;
  dbai?: string;
  timeLimit?: string;
  gap?: string;
  format?: string;
  out?: string;
  coverage?: string;
  dateFormat?: string;
  staffing?: string;
  replications?: string;
  locale?: string;
}

const two = (n: number) => String(n).padStart(2, "0");

function coverageColumns(style: TimestampStyle, withWorkload: boolean): TableColumn<CoverageInterval>[] {
  const number = (value: number) => String(Number(value.toFixed(6)));
  const columns: TableColumn<CoverageInterval>[] = [
    { key: "timestamp", value: (r) => formatLocalTimestamp(r.localMs, style), align: "left" },
    { key: "required", value: (r) => r.required, text: (r) => number(r.required) },
    { key: "scheduled", value: (r) => r.scheduled },
    { key: "shortfall", value: (r) => r.shortfall, text: (r) => number(r.shortfall) },
    { key: "excess", value: (r) => r.excess, text: (r) => number(r.excess) },
  ];
  if (withWorkload) {
    columns.push(
      { key: "calls", value: (r) => r.calls ?? null, text: (r) => number(r.calls ?? 0) },
      { key: "serviceLevel", value: (r) => r.serviceLevel ?? null, text: (r) => number(r.serviceLevel ?? 0) },
      { key: "asaSeconds", value: (r) => (r.asaSeconds === undefined || !Number.isFinite(r.asaSeconds) ? null : r.asaSeconds), text: (r) => (r.asaSeconds === undefined ? "" : Number.isFinite(r.asaSeconds) ? number(r.asaSeconds) : "inf") },
    );
  }
  return columns;
}

function summaryPairs(report: ScheduleReport, extra: { requirementColumn: string }, lf: LocaleFormat): [string, string][] {
  const t = report.totals;
  const m = lf.messages.scheduleCli;
  const fixed = (v: number, d: number) => lf.digits(formatFixed(v, d));
  const pct = (v: number, d: number) => lf.digits(formatPercent(v, d));
  const pairs: [string, string][] = [
    [m.status, lf.messages.schedule.statuses[report.status] ?? report.status],
    [m.objective, fixed(t.objective, 2)],
    [m.bound, t.bound === null ? "-" : fixed(t.bound, 2)],
    [m.gap, t.gap === null ? "-" : pct(t.gap, 2)],
    [m.solveTime, m.solveTimeValue(fixed(t.solveSeconds, 2), fixed(t.buildSeconds * 1000, 0))],
    [m.requirementColumn, extra.requirementColumn],
    [m.agentsScheduled, lf.digits(String(t.agentsScheduled))],
    [m.distinctShifts, lf.digits(String(t.distinctShifts))],
    [m.paidHours, fixed(t.paidHours, 2)],
    [m.shiftCost, fixed(t.shiftCost, 2)],
    [m.requiredAgentHours, fixed(t.requiredAgentHours, 2)],
    [m.shortfallAgentHours, fixed(t.shortfallAgentHours, 2)],
    [m.excessAgentHours, fixed(t.excessAgentHours, 2)],
    [m.efficiency, pct(t.efficiency, 1)],
  ];
  if (t.serviceLevel !== undefined) pairs.push([m.serviceLevel, pct(t.serviceLevel, 1)]);
  return pairs;
}

function readLatin1(path: string, cwd: string, option: string): string {
  const absolute = resolve(cwd, path);
  try {
    if (!statSync(absolute).isFile()) throw new WfmError({ code: "invalid-file", option, message: `${path} is not a file`, value: path });
  } catch (error) {
    if (error instanceof WfmError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WfmError({ code: "file-not-found", option, message: `file not found: ${path}`, value: path });
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", option, message: `cannot read ${path}: ${reason}`, value: path });
  }
  try {
    return readFileSync(absolute, "latin1");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", option, message: `cannot read ${path}: ${reason}`, value: path });
  }
}

function describeIntervals(intervals: readonly number[], startLocalMs: number, intervalMinutes: number, required: readonly number[], style: TimestampStyle): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < intervals.length) {
    let j = i;
    while (j + 1 < intervals.length && intervals[j + 1] === intervals[j]! + 1) j++;
    const from = startLocalMs + intervals[i]! * intervalMinutes * 60_000;
    const to = startLocalMs + (intervals[j]! + 1) * intervalMinutes * 60_000;
    const peak = intervals.slice(i, j + 1).reduce((m, t) => Math.max(m, required[t]!), Number.NEGATIVE_INFINITY);
    lines.push(`${formatLocalTimestamp(from, style)} to ${formatLocalTimestamp(to, style)}: up to ${peak} agents required and no shift template covers it`);
    i = j + 1;
  }
  return lines;
}

/**
 * Splits a coarse curve (e.g. hourly) onto the finest grid the shift config uses (e.g. 15-minute
 * breaks): each sub-interval requires the agents of its interval and gets its share of the calls.
 */
function refineCurve(curve: RequirementsCsv, settings: ShiftSettings): RequirementsCsv {
  const step = shiftGridMinutes(settings, curve.intervalMinutes);
  const k = curve.intervalMinutes / step;
  if (k === 1) return curve;
  const spread = <T>(list: readonly T[], map: (v: T) => T) => list.flatMap((v) => new Array<T>(k).fill(map(v)));
  return {
    ...curve,
    intervalMinutes: step,
    required: spread(curve.required, (v) => v),
    ...(curve.calls ? { calls: spread(curve.calls, (v) => v / k) } : {}),
    ...(curve.ahtSeconds ? { ahtSeconds: spread(curve.ahtSeconds, (v) => v) } : {}),
    ...(curve.shrinkage ? { shrinkage: spread(curve.shrinkage, (v) => v) } : {}),
  };
}

async function runDbai(flags: ScheduleFlags, io: CliIo, timeLimitSeconds: number | undefined, relativeGap: number | undefined): Promise<void> {
  const path = flags.dbai!;
  const instance = parseDbaiInstance(readLatin1(path, io.cwd, "--dbai"), { file: path });
  const progress = progressPrinter(io);
  const result = await solveDbaiInWorker(instance, {
    timeLimitSeconds: timeLimitSeconds ?? 60,
    ...(relativeGap === undefined ? {} : { relativeGap }),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
  });
  progress.done();
  const output = toJson({
    instance: path,
    status: result.status,
    objective: result.objective,
    reference: instance.statedFitness,
    shortageMinutes: result.shortageMinutes,
    excessMinutes: result.excessMinutes,
    distinctShifts: result.distinctShifts,
    averageDutiesPerWeek: Number(result.averageDutiesPerWeek.toFixed(4)),
    bound: result.bound === null ? null : Number(result.bound.toFixed(6)),
    solveSeconds: Number(result.solveSeconds.toFixed(3)),
    shifts: result.shifts.map((s) => ({ start: `${two(Math.floor(s.startMinute / 60))}:${two(s.startMinute % 60)}`, lengthMinutes: s.lengthMinutes, counts: s.counts })),
  });
  if (flags.out) writeFileAtomic(resolve(io.cwd, flags.out), output, { inputs: [resolve(io.cwd, path)] });
  else io.stdout(output);
}

/**
 * `wfm schedule REQUIREMENTS.csv --shifts shifts.json`: builds the exact shift schedule for a
 * requirement curve (the CSV of `wfm staff`, or any `timestamp,agents` CSV) and prints its shifts
 * and totals; `--coverage FILE` writes the per-interval coverage with the predicted service level.
 * `wfm schedule --dbai FILE` solves one DBAI shift-design benchmark instance and prints JSON.
 */
export const scheduleCommand: CommandModule = {
  name: "schedule",
  register(program: Command, io: CliIo) {
    program
      .command("schedule")
      .description("build the least-cost shift schedule for a requirement curve (exact MIP, HiGHS)")
      .argument("[requirements]", "CSV with timestamp and scheduledAgents, requiredAgents or agents (e.g. wfm staff --format csv)")
      .option("--shifts <file>", "shift config JSON: templates, breaks, tours, penalties (see wfm schema shifts)")
      .option("--dbai <file>", "solve a DBAI shift-design benchmark instance instead and print JSON")
      .option("--time-limit <seconds>", "solver time limit (default 60, or the config's)")
      .option("--gap <percent>", "stop within this relative gap, e.g. 1 or 1% (default 0.01%)")
      .option("--format <format>", "table, csv, json or md", "table")
      .option("--out <file>", "write the output to a file (atomically) instead of stdout")
      .option("--date-format <pattern>", dateFormatHelp)
      .option("--coverage <file>", "also write per-interval coverage CSV (timestamp,required,scheduled,shortfall,excess,...)")
      .option("--staffing <file>", "staffing config: the channel's model (patience, chat concurrency) for the delivered service level; with agentGroups, one schedule per group")
      .option("--replications <n>", "with agent groups: simulation runs for the service level per contact type (default 20)")
      .option("--locale <locale>", "language of the table and md output: en or fa (Persian digits, Solar Hijri dates, right to left); csv and json do not change", "en")
      .action(async (requirements: string | undefined, flags: ScheduleFlags) => {
        const format = parseChoiceOption<TableFormat>("--format", flags.format ?? "table", ["table", "csv", "json", "md"]);
        const lf = localeFormat(parseChoiceOption("--locale", flags.locale ?? "en", locales));
        const timeLimitFlag = flags.timeLimit === undefined ? undefined : parseNumberOption("--time-limit", flags.timeLimit, { min: 0, exclusiveMin: true });
        const gapFlag = flags.gap === undefined ? undefined : parsePercentOption("--gap", flags.gap, { maxPercent: 100, exclusiveMax: true, smallPercent: true });
        if (flags.dbai !== undefined) {
          if (requirements !== undefined || flags.shifts !== undefined) {
            throw new WfmError({ code: "invalid-option", option: "--dbai", message: "solves a benchmark file on its own; drop the requirements file and --shifts" });
          }
          await runDbai(flags, io, timeLimitFlag, gapFlag);
          return;
        }
        if (requirements === undefined) {
          throw new WfmError({ code: "invalid-argument", message: "wfm schedule: missing the requirements CSV (or pass --dbai FILE)" });
        }
        if (flags.shifts === undefined) {
          throw new WfmError({ code: "invalid-option", option: "--shifts", message: "required: the shift config JSON (templates, breaks, penalties); see wfm schema shifts" });
        }
        const inputs = [resolve(io.cwd, requirements), resolve(io.cwd, flags.shifts), ...(flags.staffing === undefined ? [] : [resolve(io.cwd, flags.staffing)])];
        // Every output is checked before the solve, and written together after it (all or none).
        const outputTargets = [
          ...(flags.out === undefined ? [] : [{ path: resolve(io.cwd, flags.out), option: "--out" }]),
          ...(flags.coverage === undefined ? [] : [{ path: resolve(io.cwd, flags.coverage), option: "--coverage" }]),
        ];
        checkOutputPaths(outputTargets, { inputs });
        const { readShiftsConfig, readStaffingConfig } = await loadConfigReaders();
        const config = readShiftsConfig(flags.shifts, { cwd: io.cwd, option: "--shifts" });
        // The channel's model for the delivered service level (patience: Erlang A; chat: concurrency).
        const staffing = flags.staffing === undefined ? undefined : readStaffingConfig(flags.staffing, { cwd: io.cwd, option: "--staffing" });
        const replications = flags.replications === undefined ? 20 : parseNumberOption("--replications", flags.replications, { min: 2, max: 1000, integer: true });
        const read = readRequirementsCsv(requirements, { cwd: io.cwd, option: "requirements", ...csvDates(flags) });
        if (staffing?.agentGroups !== undefined) {
          // Agent groups: one schedule per group on its skill-transfer requirement, simulated together.
          const { scheduleAgentGroups, renderAgentGroupsSchedule, renderGroupCoverage } = await import("../schedule-groups.js");
          const progress = progressPrinter(io);
          const result = await scheduleAgentGroups({
            curve: read,
            config: staffing,
            settings: config.settings,
            solve: {
              timeLimitSeconds: timeLimitFlag ?? config.timeLimitSeconds ?? 60,
              relativeGap: gapFlag ?? config.relativeGap ?? 1e-4,
              ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
            },
            replications,
            seed: 1,
            requirementsFile: requirements,
            shiftsFile: flags.shifts,
          });
          progress.done();
          const output = renderAgentGroupsSchedule(result, staffing, read, format);
          const files: OutputFile[] = [];
          if (flags.out !== undefined) files.push({ path: resolve(io.cwd, flags.out), content: output, option: "--out" });
          if (flags.coverage !== undefined) files.push({ path: resolve(io.cwd, flags.coverage), content: renderGroupCoverage(result, read), option: "--coverage" });
          writeFilesAtomic(files, { inputs });
          if (flags.out === undefined) io.stdout(output);
          return;
        }
        const curve = refineCurve(read, config.settings);
        let built;
        try {
          built = buildTemplateProblem({
            series: { startLocalMs: curve.startLocalMs, intervalMinutes: curve.intervalMinutes, required: curve.required },
            settings: config.settings,
          });
        } catch (error) {
          if (error instanceof WfmError) throw new WfmError(error.problems.map((p) => ({ ...p, file: flags.shifts! })));
          throw error;
        }
        const progress = progressPrinter(io);
        const solution = await solveInWorker(built.problem, {
          timeLimitSeconds: timeLimitFlag ?? config.timeLimitSeconds ?? 60,
          relativeGap: gapFlag ?? config.relativeGap ?? 1e-4,
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        });
        progress.done();
        if (solution.status === "infeasible") {
          if (solution.uncoverable.length > 0) {
            const lines = describeIntervals(solution.uncoverable, curve.startLocalMs, curve.intervalMinutes, curve.required, curve.style);
            throw new WfmError(
              [...lines.slice(0, 20), ...(lines.length > 20 ? [`... and ${lines.length - 20} more ranges`] : [])].map((message) => ({
                code: "infeasible" as const,
                file: requirements,
                message: `hard coverage is impossible: ${message}`,
              })),
            );
          }
          throw new WfmError({ code: "infeasible", file: flags.shifts, message: "no schedule meets hard coverage with these templates and limits; use coverage.mode soft to see the shortfall" });
        }
        if (solution.assignment === null) {
          throw new WfmError({ code: "solver-failed", message: `no schedule found (status ${solution.status}); raise --time-limit` });
        }
        const channelConfig = staffing?.channels?.[curve.channel ?? "voice"];
        const workload =
          curve.calls && curve.ahtSeconds
            ? {
                calls: curve.calls,
                ahtSeconds: curve.ahtSeconds,
                ...(config.targetAnswerSeconds === undefined ? {} : { targetAnswerSeconds: config.targetAnswerSeconds }),
                ...(curve.shrinkage === undefined ? {} : { shrinkage: curve.shrinkage }),
                ...(curve.channel === undefined ? {} : { channelName: curve.channel }),
                ...(channelConfig === undefined ? {} : { channel: channelConfig }),
              }
            : undefined;
        const report = scheduleReport({ built, solution, ...(workload ? { workload } : {}) });
        let output: string;
        if (format === "json") {
          const t = report.totals;
          output = toJson({
            status: report.status,
            requirementColumn: curve.column,
            totals: t,
            shifts: report.shifts.map((s) => shiftJson(s, curve.style)),
          });
        } else if (format === "csv") {
          output = renderTable(report.shifts, shiftColumns(), "csv");
        } else {
          const m = lf.messages.scheduleCli;
          const heading = format === "md" ? `## ${m.heading}\n\n` : "";
          const shiftHeading = format === "md" ? `\n## ${m.shiftsHeading}\n\n` : "\n";
          output = `${heading}${renderKeyValues(summaryPairs(report, { requirementColumn: curve.column }, lf), format)}${shiftHeading}${renderTable(report.shifts, shiftColumns(lf), format)}`;
          if (format === "md" && lf.dir === "rtl") output = `<div dir="rtl" lang="${lf.lang}">\n\n${output}\n</div>\n`;
        }
        const files: OutputFile[] = [];
        if (flags.out !== undefined) files.push({ path: resolve(io.cwd, flags.out), content: output, option: "--out" });
        if (flags.coverage !== undefined) {
          const csv = renderTable(report.coverage, coverageColumns(curve.style, workload !== undefined), "csv");
          files.push({ path: resolve(io.cwd, flags.coverage), content: csv, option: "--coverage" });
        }
        writeFilesAtomic(files, { inputs });
        if (flags.out === undefined) io.stdout(output);
      });
  },
};
