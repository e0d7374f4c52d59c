import { resolve } from "node:path";
import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { writeFileAtomic, writeFolderAtomic } from "../../io/output.js";
import { readRosterInputs } from "../../io/roster-input.js";
import { conflictLine, rosterCalendars, rosterCsvText, rosterHtml } from "../../io/roster-outputs.js";
import { solveRoster } from "../../roster/solve.js";
import { rosterSummary, type AgentSummary } from "../../roster/summary.js";
import { readTextFile } from "../../io/read-file.js";
import { formatFixed, formatPercent, renderKeyValues, renderTable, toJson, type TableColumn } from "../../io/render.js";
import { parseRosterBenchmark } from "../../io/roster-benchmark.js";
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
  force?: boolean;
  timeLimit?: string;
  gap?: string;
  format?: string;
  out?: string;
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

function benchmarkTable(instance: RosterBenchmark, result: RosterBenchmarkResult): string {
  const e = result.evaluation;
  const pairs: [string, string][] = [
    ["status", result.status],
    ["objective", result.objective === null ? "-" : String(result.objective)],
    ["bound", result.bound === null ? "-" : String(result.bound)],
    ["gap", result.gap === null ? "-" : formatPercent(result.gap, 2)],
    ["solve time", `${formatFixed(result.solveSeconds, 2)} s`],
    ["model", `${result.size.variables} variables, ${result.size.constraints} constraints`],
  ];
  if (e !== null) {
    pairs.push(
      ["shift-on requests unmet", String(e.shiftOnPenalty)],
      ["shift-off requests granted", String(e.shiftOffPenalty)],
      ["under cover", String(e.underCoverPenalty)],
      ["over cover", String(e.overCoverPenalty)],
      ["hard rules", e.feasible ? "all hold (independent check)" : `${e.violations.length} broken`],
    );
  }
  let text = renderKeyValues(pairs, "table");
  if (result.roster !== null) {
    const roster = result.roster;
    const columns: TableColumn<string>[] = [
      { key: "employee", value: (id) => id, align: "left" },
      ...Array.from({ length: instance.horizonDays }, (_, d): TableColumn<string> => ({ key: String(d), value: (id) => roster[id]![d] || ".", align: "left" })),
    ];
    text += `\n${renderTable(instance.employees.map((x) => x.id), columns, "table")}`;
  }
  return text;
}

async function runBenchmark(flags: RosterFlags, io: CliIo): Promise<void> {
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
  const output = format === "json" ? benchmarkJson(result) : benchmarkTable(instance, result);
  if (flags.out !== undefined) writeFileAtomic(resolve(io.cwd, flags.out), output, { inputs: [resolve(io.cwd, path)] });
  else io.stdout(output);
}

function summaryColumns(): TableColumn<AgentSummary>[] {
  return [
    { key: "agent", value: (r) => r.agent, align: "left" },
    { key: "name", value: (r) => r.name, align: "left" },
    { key: "team", value: (r) => r.team, align: "left" },
    { key: "shifts", value: (r) => r.shifts },
    { key: "paidHours", value: (r) => r.paidHours, text: (r) => formatFixed(r.paidHours, 2) },
    { key: "nights", value: (r) => r.nights },
    { key: "weekends", value: (r) => r.weekends },
    { key: "leaveDays", value: (r) => r.leaveDays },
    { key: "requestsGranted", value: (r) => r.requestsGranted },
    { key: "requests", value: (r) => r.requests },
  ];
}

async function runRoster(flags: RosterFlags, io: CliIo): Promise<void> {
  const format = parseChoiceOption<"table" | "json">("--format", flags.format ?? "table", ["table", "json"]);
  if (flags.agents === undefined) throw new WfmError({ code: "invalid-option", option: "--agents", message: "required: the agents CSV (or pass --benchmark FILE)" });
  if (flags.config === undefined) throw new WfmError({ code: "invalid-option", option: "--config", message: "required: the roster config JSON (see wfm schema roster)" });
  const { problem, startDateMs, config } = readRosterInputs(
    { agents: flags.agents, config: flags.config, ...(flags.requests ? { requests: flags.requests } : {}), ...(flags.schedule ? { schedule: flags.schedule } : {}) },
    { cwd: io.cwd },
  );
  const timeLimitSeconds = flags.timeLimit === undefined ? (config.timeLimitSeconds ?? 60) : parseNumberOption("--time-limit", flags.timeLimit, { min: 0, exclusiveMin: true });
  const relativeGap = flags.gap === undefined ? (config.gapPercent ?? 0.01) / 100 : parsePercentOption("--gap", flags.gap, { maxPercent: 100, exclusiveMax: true });
  const progress = progressPrinter(io);
  const result = await solveRoster(problem, { timeLimitSeconds, relativeGap, runMip: solveMipInWorker, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
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
    ...(problem.rules.stableStarts === undefined ? {} : { startChanges: c.startChanges }),
    cost: Number(c.cost.toFixed(2)),
  };
  const output =
    format === "json"
      ? toJson({ ...totals, summary, roster })
      : `${renderKeyValues(
          [
            ["status", result.status],
            ["objective", formatFixed(result.objective!, 2)],
            ["bound", result.bound === null ? "-" : formatFixed(result.bound, 2)],
            ["gap", result.gap === null ? "-" : formatPercent(result.gap, 2)],
            ["solve time", `${formatFixed(result.solveSeconds, 2)} s`],
            ["agents x days", `${problem.agents.length} x ${problem.days}`],
            ["shifts unfilled", String(c.shortfall)],
            ["shifts over demand", String(c.excess)],
            ["requests granted", `${c.requestsGranted} of ${c.softRequests}`],
            ["night spread (most - fewest, summed over teams)", String(c.nightSpread)],
            ["weekend spread", String(c.weekendSpread)],
            ...(problem.rules.stableStarts === undefined ? [] : [["start changes within weeks", String(c.startChanges)] as [string, string]]),
            ["hard rules", "all hold (independent check)"],
          ],
          "table",
        )}\n${renderTable(summary, summaryColumns(), "table")}`;
  if (flags.out !== undefined) {
    const inputs = [flags.agents, flags.config, flags.requests, flags.schedule].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f));
    writeFolderAtomic(
      resolve(io.cwd, flags.out),
      new Map([
        ["roster.csv", rosterCsv],
        ["summary.csv", renderTable(summary, summaryColumns(), "csv")],
        ["result.json", toJson({ ...totals, summary, roster })],
        ["roster.html", rosterHtml({ problem, roster, startDateMs, summary })],
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
      .option("--benchmark <file>", "solve a Curtois & Qu staff-rostering benchmark instance (schedulingbenchmarks.org text format)")
      .option("--time-limit <seconds>", "solver time limit (default 60)")
      .option("--gap <percent>", "stop within this relative gap, e.g. 1 or 1% (default 0.01%)")
      .option("--format <format>", "table or json", "table")
      .option("--out <path>", "roster: folder for roster.csv, summary.csv, result.json, roster.html, calendar/AGENT.ics; --benchmark: file for the output")
      .option("--force", "replace a non-empty --out folder")
      .action(async (flags: RosterFlags) => {
        if (flags.benchmark !== undefined) {
          if (flags.agents !== undefined || flags.config !== undefined) {
            throw new WfmError({ code: "invalid-option", option: "--benchmark", message: "solves a benchmark file on its own; drop --agents and --config" });
          }
          await runBenchmark(flags, io);
          return;
        }
        await runRoster(flags, io);
      });
  },
};
