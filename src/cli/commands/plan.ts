import { resolve } from "node:path";
import type { Command } from "commander";
import { planMonth, type PlanResult } from "../../plan/plan-month.js";
import type { ReportSection } from "../../io/report/document.js";
import { teamDesignSection } from "../../io/report/teams-section.js";
import { compareTeamDesigns } from "../../skills/compare.js";
import { peakDaySkillModel } from "../../skills/plan-day.js";
import { staffSkills } from "../../skills/staff-skills.js";
import type { StaffingConfig } from "../../staffing/plan.js";
import { writeFolderAtomic } from "../../io/output.js";
import { loadPlanConfig } from "../../io/plan-config.js";
import { toJsonRows } from "../../io/render.js";
import { renderReportHtml, renderReportMarkdown } from "../../io/report/document.js";
import { buildPlanReport, dailyTotals, planCsvFiles } from "../../io/report/plan-report.js";
import { solveInWorker } from "../../io/solve-in-worker.js";
import { simulateInWorkers } from "../../io/simulate-in-workers.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { parseChoiceOption, parseNumberOption } from "../options.js";
import { progressPrinter } from "../progress.js";

interface PlanFlags {
  config: string;
  out: string;
  force?: boolean;
  month?: string;
  calendar?: string;
  history?: string;
  orders?: string;
  ordersTarget?: string;
  replications: string;
}

const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);

/** Per channel: the model's service level beside the simulated one (schedule when there is one). */
function simulatedLines(plan: Awaited<ReturnType<typeof planMonth>>): string[] {
  const sim = plan.simulation;
  if (sim === null) return [];
  const basis = sim.schedule ?? sim.staffing;
  return basis.channels.map(
    (c) =>
      `  simulated ${c.channel.padEnd(9)} ${pct(c.simulatedServiceLevel)} ± ${c.halfWidth === null ? "-" : (c.halfWidth * 100).toFixed(1)} (model ${pct(c.modelServiceLevel)}; ${c.disagreeingIntervals} of ${c.intervals} intervals disagree)`,
  );
}

/**
 * The report's teams section when the plan has several voice contact types (or agent groups):
 * the busiest day staffed by the config's groups and the three team designs, simulated.
 */
async function teamsOfPlan(plan: PlanResult, staffing: StaffingConfig, step: (text: string) => void): Promise<ReportSection | null> {
  const day = peakDaySkillModel({ intervals: plan.staffing.intervals, intervalMinutes: plan.period.intervalMinutes, config: staffing });
  if (day === null) return null;
  step(`teams: staffing and team designs on the busiest day (${day.date}), simulated`);
  const comparison = await compareTeamDesigns({ intervalMinutes: day.model.intervalMinutes, contactTypes: day.model.contactTypes, ...(day.model.routing === undefined ? {} : { routing: day.model.routing }) });
  if (staffing.agentGroups === undefined) return teamDesignSection({ date: day.date, comparison });
  const groups = await staffSkills(day.model);
  return teamDesignSection({ date: day.date, comparison, groups: { names: staffing.agentGroups.map((g) => g.name), skills: staffing.agentGroups.map((g) => g.skills), staffing: groups } });
}

/**
 * `wfm plan --config plan.json --out FOLDER`: the whole monthly cycle (last month's KPIs, forecast,
 * staffing, shift schedule, cost, scenarios) into one folder of files: summary.json, forecast.csv,
 * staffing.csv, schedule.csv, coverage.csv, costs.csv (and scenarios.csv), report.md and
 * report.html. The folder is written atomically; an existing one is replaced only with --force.
 */
export const planCommand: CommandModule = {
  name: "plan",
  register(program: Command, io: CliIo) {
    program
      .command("plan")
      .description("run the monthly cycle: KPIs, forecast, staffing, schedule, cost, scenarios; write a report folder")
      .requiredOption("--config <file>", "plan.json (see `wfm schema plan`)")
      .option("--out <folder>", "output folder", "plan-output")
      .option("--force", "replace the output folder if it exists")
      .option("--month <YYYY-MM>", "the month to plan (replaces the plan file's)")
      .option("--calendar <name>", "gregorian or persian (replaces the plan file's)")
      .option("--history <file>", "volume CSV of the past months (replaces the plan file's)")
      .option("--orders <file>", "daily orders CSV, date,orders (replaces the plan file's)")
      .option("--orders-target <n>", "orders planned for the month (replaces the plan file's)")
      .option("--replications <n>", "simulation replications of the staffing plan and schedule (0: no simulation)", "20")
      .action(async (flags: PlanFlags) => {
        const started = Date.now();
        const step = (text: string) => {
          if (io.stderrIsTTY) io.stderr(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}\n`);
        };
        step(`reading ${flags.config} and its files`);
        const loaded = loadPlanConfig(flags.config, {
          cwd: io.cwd,
          overrides: {
            ...(flags.month === undefined ? {} : { month: flags.month }),
            ...(flags.calendar === undefined ? {} : { calendar: parseChoiceOption("--calendar", flags.calendar, ["gregorian", "persian"]) }),
            ...(flags.history === undefined ? {} : { history: flags.history }),
            ...(flags.orders === undefined ? {} : { orders: flags.orders }),
            ...(flags.ordersTarget === undefined ? {} : { ordersTarget: parseNumberOption("--orders-target", flags.ordersTarget, { min: 0, exclusiveMin: true }) }),
          },
        });
        const replications = parseNumberOption("--replications", flags.replications, { min: 0, integer: true });
        const progress = progressPrinter(io);
        const options = loaded.options;
        step(`planning ${options.period.label}: KPIs, forecast, staffing${options.schedule ? ", schedule" : ""}${options.cost ? ", cost" : ""}`);
        const plan = await planMonth({
          ...options,
          ...(replications === 0 ? {} : { simulation: { replications, seed: 1, run: (o) => simulateInWorkers(o) } }),
          ...(options.schedule === undefined
            ? {}
            : {
                schedule: {
                  ...options.schedule,
                  parallel: true,
                  solve: (problem, solveOptions) =>
                    solveInWorker(problem, {
                      ...(solveOptions.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: solveOptions.timeLimitSeconds }),
                      ...(solveOptions.relativeGap === undefined ? {} : { relativeGap: solveOptions.relativeGap }),
                      ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
                    }),
                },
              }),
        });
        progress.done();
        for (const team of plan.schedule?.teams ?? []) {
          if (team.status !== "optimal") {
            io.stderr(
              `note: the ${team.team} schedule stopped with status ${team.status}${team.gap === null ? "" : ` at a ${(team.gap * 100).toFixed(2)}% gap`}; ` +
                "a schedule cut short by the time limit can differ from run to run (raise schedule.timeLimitSeconds or gapPercent for a reproducible plan)\n",
            );
          }
        }
        const teams = await teamsOfPlan(plan, options.staffing, step);
        step("writing the report");
        const report = await buildPlanReport(plan, dailyTotals(options.history.rows), {
          ...(teams === null ? {} : { extraSections: [teams] }),
          footer: `wfm plan, ${plan.period.label}. Money in ${plan.headline.currency ?? "-"}; ratios as percentages; times are local.`,
        });
        const files = new Map<string, string>();
        files.set("summary.json", toJsonRows(plan));
        for (const [name, text] of planCsvFiles(plan)) files.set(name, text);
        files.set("report.md", renderReportMarkdown(report));
        files.set("report.html", renderReportHtml(report));
        const out = resolve(io.cwd, flags.out);
        writeFolderAtomic(out, files, { force: Boolean(flags.force), inputs: loaded.inputs });
        const h = plan.headline;
        io.stdout(
          [
            `${plan.name}: plan for ${plan.period.label} written to ${flags.out}/ (${[...files.keys()].join(", ")})`,
            `  forecast contacts   ${h.contacts} (${Object.entries(h.contactsByChannel).map(([c, v]) => `${c} ${v}`).join(", ")})`,
            `  agent FTE           ${h.agentFte.toFixed(1)} (${h.totalFte.toFixed(1)} with supporting staff)`,
            `  service level       ${pct(h.serviceLevel)} expected${plan.schedule === null ? "" : " from the schedule"}`,
            ...simulatedLines(plan),
            ...(plan.schedule === null
              ? []
              : plan.schedule.teams.map(
                  (t) =>
                    `  schedule ${t.team.padEnd(10)} ${t.status}, gap ${t.gap === null ? "-" : `${(t.gap * 100).toFixed(2)}%`}, ${t.shiftsStarted} shifts, ${t.paidHours.toFixed(0)} paid h, shortfall ${t.shortfallAgentHours.toFixed(1)} agent-h`,
                )),
            ...(h.totalCost === null
              ? []
              : [
                  `  total cost          ${h.currency} ${h.totalCost}`,
                  `  per handled minute  ${h.currency} ${h.costPerHandledMinute ?? "-"}`,
                  `  per contact         ${h.currency} ${h.costPerContact ?? "-"}`,
                  `  per order           ${h.currency} ${h.costPerOrder ?? "-"}`,
                ]),
            ...(plan.scenarios === null
              ? []
              : [
                  `  scenarios           ${plan.scenarios
                    .filter((s) => s.name !== "base")
                    .map((s) => `${s.name} ${s.deltaFraction === null ? "" : `${s.deltaFraction > 0 ? "+" : ""}${(s.deltaFraction * 100).toFixed(1)}%`}`)
                    .join(", ")}`,
                ]),
            `  open ${flags.out}/report.html in a browser`,
            "",
          ].join("\n"),
        );
      });
  },
};
