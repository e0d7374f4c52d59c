import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { writeFileAtomic, writeFolderAtomic } from "../../io/output.js";
import { readRosterInputs, requirementArgument } from "../../io/roster-input.js";
import { conflictLine, rosterCalendars, rosterCsvText, rosterHtml } from "../../io/roster-outputs.js";
import { solveRoster } from "../../roster/solve.js";
import { rosterSummary, type AgentSummary } from "../../roster/summary.js";
import { readTextFile } from "../../io/read-file.js";
import { formatFixed, formatPercent, renderKeyValues, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { parseRosterBenchmark } from "../../io/roster-benchmark.js";
import { localeFormat, locales, type LocaleFormat } from "../../io/locale/index.js";
import { solveMipInWorker } from "../../io/solve-in-worker.js";
import { solveRosterBenchmark, type RosterBenchmarkResult } from "../../roster/benchmark-solve.js";
import type { RosterBenchmark } from "../../roster/benchmark.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { parseChoiceOption, parseNumberOption, parsePercentOption } from "../options.js";
import { progressPrinter } from "../progress.js";

interface RosterFlags {
  benchmark?: string;
  agents?: string;
  requests?: string;
  config?: string;
  schedule?: string;
  requirements?: string[];
  force?: boolean;
  timeLimit?: string;
  gap?: string;
  format?: string;
  out?: string;
  locale?: string;
}

/** The JSON answer of `wfm roster --benchmark`: anyone can re-evaluate the roster from it. */
function benchmarkJson(result: RosterBenchmarkResult): string {
  return toJson({
    status: result.status,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap === null ? null : Number(result.gap.toFixed(6)),
    solveSeconds: Number(result.solveSeconds.toFixed(3)),
    roster: result.roster,
  });
}

function benchmarkTable(instance: RosterBenchmark, result: RosterBenchmarkResult, lf: LocaleFormat): string {
  const e = result.evaluation;
  const m = lf.messages.roster.cli;
  const plain = (v: number) => lf.digits(String(v));
  const pairs: [string, string][] = [
    [m.status, lf.messages.roster.statuses[result.status] ?? result.status],
    [m.objective, result.objective === null ? "-" : plain(result.objective)],
    [m.bound, result.bound === null ? "-" : plain(result.bound)],
    [m.gap, result.gap === null ? "-" : lf.digits(formatPercent(result.gap, 2))],
    [m.solveTime, m.seconds(lf.digits(formatFixed(result.solveSeconds, 2)))],
    [m.model, m.modelSize(plain(result.size.variables), plain(result.size.constraints))],
  ];
  if (e !== null) {
    pairs.push(
      [m.shiftOnUnmet, plain(e.shiftOnPenalty)],
      [m.shiftOffGranted, plain(e.shiftOffPenalty)],
      [m.underCover, plain(e.underCoverPenalty)],
      [m.overCover, plain(e.overCoverPenalty)],
      [m.hardRules, e.feasible ? m.allHold : m.broken(plain(e.violations.length))],
    );
  }
  let text = renderKeyValues(pairs, "table");
  if (result.roster !== null) {
    const roster = result.roster;
    const columns: TableColumn<string>[] = [
      { key: "employee", ...(lf.locale === "en" ? {} : { title: m.employee }), value: (id) => id, align: "left" },
      ...Array.from({ length: instance.horizonDays }, (_, d): TableColumn<string> => ({ key: String(d), title: plain(d), value: (id) => roster[id]![d] || ".", align: "left" })),
    ];
    text += `\n${renderTable(instance.employees.map((x) => x.id), columns, "table")}`;
  }
  return text;
}

async function runBenchmark(flags: RosterFlags, io: CliIo, lf: LocaleFormat): Promise<void> {
  const format = parseChoiceOption<"table" | "json">("--format", flags.format ?? "table", ["table", "json"]);
  const timeLimitSeconds = flags.timeLimit === undefined ? 60 : parseNumberOption("--time-limit", flags.timeLimit, { min: 0, exclusiveMin: true });
  const relativeGap = flags.gap === undefined ? undefined : parsePercentOption("--gap", flags.gap, { maxPercent: 100, exclusiveMax: true });
  const path = flags.benchmark!;
  const instance = parseRosterBenchmark(readTextFile(path, { cwd: io.cwd, option: "--benchmark" }), { file: path });
  const progress = progressPrinter(io);
  const result = await solveRosterBenchmark(instance, {
    timeLimitSeconds,
    ...(relativeGap === undefined ? {} : { relativeGap }),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    runMip: solveMipInWorker,
  });
  progress.done();
  if (result.roster === null) {
    throw new WfmError({
      code: result.status === "infeasible" ? "infeasible" : "solver-failed",
      file: path,
      message: result.status === "infeasible" ? "no roster meets the hard rules of this instance" : `no roster found (status ${result.status}); raise --time-limit`,
    });
  }
  const output = format === "json" ? benchmarkJson(result) : benchmarkTable(instance, result, lf);
  if (flags.out !== undefined) writeFileAtomic(resolve(io.cwd, flags.out), output, { inputs: [resolve(io.cwd, path)] });
  else io.stdout(output);
}

/** The per-agent summary: summary.csv keeps the English keys and plain figures; the table is in the locale. */
function summaryColumns(lf: LocaleFormat = localeFormat("en"), holidays = false): TableColumn<AgentSummary>[] {
  const c = lf.messages.roster.cli.columns;
  const en = lf.locale === "en";
  const count = (key: "shifts" | "nights" | "weekends" | "holidays" | "leaveDays" | "requestsGranted" | "requests"): TableColumn<AgentSummary> => ({
    key,
    ...(en ? {} : { title: c[key] }),
    value: (r) => r[key],
    text: (r) => lf.digits(String(r[key])),
    align: "right",
  });
  return [
    { key: "agent", ...(en ? {} : { title: c.agent }), value: (r) => r.agent, align: "left" },
    { key: "name", ...(en ? {} : { title: c.name }), value: (r) => r.name, align: "left" },
    { key: "team", ...(en ? {} : { title: c.team }), value: (r) => r.team, align: "left" },
    count("shifts"),
    { key: "paidHours", ...(en ? {} : { title: c.paidHours }), value: (r) => r.paidHours, text: (r) => lf.digits(formatFixed(r.paidHours, 2)), align: "right" },
    count("nights"),
    count("weekends"),
    ...(holidays ? [count("holidays")] : []),
    count("leaveDays"),
    count("requestsGranted"),
    count("requests"),
  ];
}

async function runRoster(flags: RosterFlags, io: CliIo, lf: LocaleFormat): Promise<void> {
  const format = parseChoiceOption<"table" | "json">("--format", flags.format ?? "table", ["table", "json"]);
  if (flags.agents === undefined) throw new WfmError({ code: "invalid-option", option: "--agents", message: "required: the agents CSV (or pass --benchmark FILE)" });
  if (flags.config === undefined) throw new WfmError({ code: "invalid-option", option: "--config", message: "required: the roster config JSON (see wfm schema roster)" });
  const { problem, startDateMs, config } = readRosterInputs(
    {
      agents: flags.agents,
      config: flags.config,
      ...(flags.requests ? { requests: flags.requests } : {}),
      ...(flags.schedule ? { schedule: flags.schedule } : {}),
      ...(flags.requirements ? { requirements: flags.requirements } : {}),
    },
    { cwd: io.cwd },
  );
  const timeLimitSeconds = flags.timeLimit === undefined ? (config.timeLimitSeconds ?? 60) : parseNumberOption("--time-limit", flags.timeLimit, { min: 0, exclusiveMin: true });
  const relativeGap = flags.gap === undefined ? (config.gapPercent ?? 0.01) / 100 : parsePercentOption("--gap", flags.gap, { maxPercent: 100, exclusiveMax: true });
  const progress = progressPrinter(io);
  const result = await solveRoster(problem, { timeLimitSeconds, relativeGap, runMip: solveMipInWorker, parallelParts: availableParallelism(), ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
  progress.done();
  if (result.status === "infeasible") {
    const lines = result.conflicts.map((c) => conflictLine(startDateMs, c));
    throw new WfmError(
      (lines.length > 0 ? lines : ["the hard rules cannot all hold, even with cover, hours, weekends and nights relaxed: check leave against the consecutive-days rules"]).map((message) => ({
        code: "infeasible" as const,
        file: flags.config!,
        message,
      })),
    );
  }
  if (result.roster === null || result.check === null) {
    throw new WfmError({ code: "solver-failed", message: `no roster found (status ${result.status}); raise --time-limit` });
  }
  const roster = result.roster;
  const summary = rosterSummary(problem, roster);
  const rosterCsv = rosterCsvText({ problem, roster, startDateMs });
  const c = result.check;
  const hasHolidays = (problem.holidays ?? []).length > 0;
  const hasIntervals = (problem.intervalDemand ?? []).length > 0;
  const totals = {
    status: result.status,
    objective: Number(result.objective!.toFixed(6)),
    bound: result.bound === null ? null : Number(result.bound.toFixed(6)),
    gap: result.gap === null ? null : Number(result.gap.toFixed(6)),
    solveSeconds: Number(result.solveSeconds.toFixed(3)),
    agents: problem.agents.length,
    days: problem.days,
    shortfall: c.shortfall,
    excess: c.excess,
    requestsGranted: c.requestsGranted,
    requests: c.softRequests,
    nightSpread: c.nightSpread,
    weekendSpread: c.weekendSpread,
    ...(hasHolidays ? { holidaySpread: c.holidaySpread } : {}),
    ...(hasIntervals ? { intervalShortfallHours: Number(c.intervalShortfallHours.toFixed(6)), intervalExcessHours: Number(c.intervalExcessHours.toFixed(6)) } : {}),
    ...(problem.rules.stableStarts === undefined ? {} : { startChanges: c.startChanges }),
    cost: Number(c.cost.toFixed(2)),
  };
  const m = lf.messages.roster.cli;
  const plain = (v: number) => lf.digits(String(v));
  const fixed = (v: number, d: number) => lf.digits(formatFixed(v, d));
  const output =
    format === "json"
      ? toJson({ ...totals, summary, roster })
      : `${renderKeyValues(
          [
            [m.status, lf.messages.roster.statuses[result.status] ?? result.status],
            [m.objective, fixed(result.objective!, 2)],
            [m.bound, result.bound === null ? "-" : fixed(result.bound, 2)],
            [m.gap, result.gap === null ? "-" : lf.digits(formatPercent(result.gap, 2))],
            [m.solveTime, m.seconds(fixed(result.solveSeconds, 2))],
            [m.agentsDays, m.agentsTimesDays(plain(problem.agents.length), plain(problem.days))],
            [m.unfilled, plain(c.shortfall)],
            [m.over, plain(c.excess)],
            [m.requestsGranted, lf.messages.roster.of(plain(c.requestsGranted), plain(c.softRequests))],
            [m.nightSpread, plain(c.nightSpread)],
            [m.weekendSpread, plain(c.weekendSpread)],
            ...(hasHolidays ? [[m.holidaySpread, plain(c.holidaySpread)] as [string, string]] : []),
            ...(hasIntervals
              ? [
                  [m.intervalShortfall, fixed(c.intervalShortfallHours, 2)] as [string, string],
                  [m.intervalExcess, fixed(c.intervalExcessHours, 2)] as [string, string],
                ]
              : []),
            ...(problem.rules.stableStarts === undefined ? [] : [[m.startChanges, plain(c.startChanges)] as [string, string]]),
            [m.hardRules, m.allHold],
          ],
          "table",
        )}\n${renderTable(summary, summaryColumns(lf, hasHolidays), "table")}`;
  if (flags.out !== undefined) {
    const requirementFiles = (flags.requirements ?? []).map((r) => requirementArgument(r).file);
    const inputs = [flags.agents, flags.config, flags.requests, flags.schedule, ...requirementFiles].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f));
    writeFolderAtomic(
      resolve(io.cwd, flags.out),
      new Map([
        ["roster.csv", rosterCsv],
        ["summary.csv", renderTable(summary, summaryColumns(undefined, hasHolidays), "csv")],
        ["result.json", toJson({ ...totals, summary, roster })],
        ["roster.html", rosterHtml({ problem, roster, startDateMs, summary, locale: lf })],
        ...rosterCalendars({ problem, roster, startDateMs, ...(config.timeZone === undefined ? {} : { timeZone: config.timeZone }) }),
      ]),
      { force: flags.force === true, inputs },
    );
  }
  io.stdout(output);
}

/**
 * `wfm roster --benchmark FILE`: solves a Curtois & Qu staff-rostering instance exactly (HiGHS,
 * in a worker thread), checks the roster with the independent evaluator and prints its objective
 * under the benchmark's definition, with the bound and gap, and the roster.
 */
export const rosterCommand: CommandModule = {
  name: "roster",
  register(program: Command, io: CliIo) {
    program
      .command("roster")
      .description("roster named agents on shifts over the month under contracts, leave and rest rules (exact MIP, HiGHS)")
      .option("--agents <file>", "agents CSV: id, name, team, templates, contract limits, hourlyCost")
      .option("--requests <file>", "requests CSV: agent, date, kind (leave|on|off), template, weight")
      .option("--config <file>", "roster config JSON: period, templates, rules, demand (see wfm schema roster)")
      .option("--schedule <file>", "use a wfm schedule --format json output as the demand (shift counts per date and template)")
      .option(
        "--requirements <file>",
        "interval requirement as the demand (a wfm staff --format csv output, or timestamp,agents): the roster chooses the shifts too; TEAM=FILE for one team's curve; repeatable",
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option("--benchmark <file>", "solve a Curtois & Qu staff-rostering benchmark instance (schedulingbenchmarks.org text format)")
      .option("--time-limit <seconds>", "solver time limit (default 60)")
      .option("--gap <percent>", "stop within this relative gap, e.g. 1 or 1% (default 0.01%)")
      .option("--format <format>", "table or json", "table")
      .option("--out <path>", "roster: folder for roster.csv, summary.csv, result.json, roster.html, calendar/AGENT.ics; --benchmark: file for the output")
      .option("--force", "replace a non-empty --out folder")
      .option("--locale <locale>", "language of the table output and roster.html: en or fa (Persian digits, Solar Hijri dates, right to left); csv, json and the calendars do not change", "en")
      .action(async (flags: RosterFlags) => {
        const lf = localeFormat(parseChoiceOption("--locale", flags.locale ?? "en", locales));
        if (flags.benchmark !== undefined) {
          if (flags.agents !== undefined || flags.config !== undefined) {
            throw new WfmError({ code: "invalid-option", option: "--benchmark", message: "solves a benchmark file on its own; drop --agents and --config" });
          }
          await runBenchmark(flags, io, lf);
          return;
        }
        await runRoster(flags, io, lf);
      });
  },
};
