import { resolve } from "node:path";
import type { Command } from "commander";
import { WfmError } from "../../errors.js";
import { writeFileAtomic } from "../../io/output.js";
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
      .description("roster named employees on shifts (exact MIP, HiGHS); --benchmark solves a Curtois & Qu instance")
      .option("--benchmark <file>", "solve a Curtois & Qu staff-rostering benchmark instance (schedulingbenchmarks.org text format)")
      .option("--time-limit <seconds>", "solver time limit (default 60)")
      .option("--gap <percent>", "stop within this relative gap, e.g. 1 or 1% (default 0.01%)")
      .option("--format <format>", "table or json", "table")
      .option("--out <file>", "write the output to a file (atomically) instead of stdout")
      .action(async (flags: RosterFlags) => {
        if (flags.benchmark === undefined) {
          throw new WfmError({ code: "invalid-option", option: "--benchmark", message: "required: the benchmark instance file (wfm roster --benchmark Instance1.txt)" });
        }
        await runBenchmark(flags, io);
      });
  },
};
