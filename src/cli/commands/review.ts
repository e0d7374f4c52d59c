import { resolve } from "node:path";
import type { Command } from "commander";
import { calibrationFromReview } from "../../review/calibration.js";
import { reviewMonth } from "../../review/review-month.js";
import { readAgentScheduleCsv, readAgentStatesCsv } from "../../io/agent-states-csv.js";
import { readCostConfig } from "../../io/cost-config.js";
import { readHolidaysCsv } from "../../io/holidays.js";
import { readKpiCsv } from "../../io/kpi-csv.js";
import { writeFolderAtomic } from "../../io/output.js";
import { readPlanFolder } from "../../io/plan-folder.js";
import { renderTable, toJson, toJsonRows, type TableColumn } from "../../io/render.js";
import type { ReportTable } from "../../io/report/document.js";
import { renderReportHtml, renderReportMarkdown } from "../../io/report/document.js";
import { accuracyTable, attributionTable, buildReviewReport, calibrationTable, simulationTable, targetsByPeriodTable, targetsTable } from "../../io/report/review-report.js";
import { readTicketCsv } from "../../io/tickets-csv.js";
import { WfmError } from "../../errors.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { localeFormat, locales } from "../../io/locale/index.js";
import { parseChoiceOption, parseNumberOption } from "../options.js";

interface ReviewFlags {
  plan: string;
  actual: string;
  agentStates?: string;
  agentSchedule?: string;
  tickets?: string;
  holidays?: string;
  cost?: string;
  name?: string;
  format: string;
  out?: string;
  force?: boolean;
  locale?: string;
  replications: string;
  seed: string;
}

/** A report table as aligned text or Markdown (the same cells as review.html). */
function tableText(table: ReportTable, format: "table" | "md"): string {
  const numeric = new Set(table.numeric ?? []);
  const columns: TableColumn<readonly string[]>[] = table.columns.map((title, i) => ({ key: `c${i}`, title, value: (r) => r[i] ?? "", align: numeric.has(i) ? "right" : "left" }));
  return renderTable(table.rows, columns, format);
}

/**
 * `wfm review --plan LAST_PLAN_DIR --actual REPORT.csv`: the month's plan against what happened:
 * forecast accuracy, targets, the service-level change attributed to volume, handle time,
 * staffing and shrinkage (Shapley values), the calibration for the next plan, adherence and
 * conformance from an agent state log, and actual cost. With `--out DIR`: review.json,
 * review.md, review.html and calibration.json (for `wfm plan --calibration`).
 */
export const reviewCommand: CommandModule = {
  name: "review",
  register(program: Command, io: CliIo) {
    program
      .command("review")
      .description("plan against actual: forecast accuracy, targets, why the service level moved, calibration for the next plan")
      .requiredOption("--plan <folder>", "the folder wfm plan wrote for the month (its summary.json)")
      .requiredOption("--actual <file>", "the month's interval report CSV (the columns wfm kpi reads)")
      .option("--agent-states <file>", "agent state log CSV: agent,start,end,state (optional team)")
      .option("--agent-schedule <file>", "the agents' schedule CSV: agent,start,end,activity (work, break, meeting, training, off), for adherence")
      .option("--tickets <file>", "ticket export CSV for FCR and MTTR")
      .option("--holidays <file>", "special days CSV (date,label,kind), to label the worst days")
      .option("--cost <file>", "cost config (cost.json), to cost the actual hours")
      .option("--name <text>", "name of the centre, for the report title")
      .option("--format <format>", "table, json or md (standard output)", "table")
      .option("--out <folder>", "write review.json, review.md, review.html and calibration.json into this folder")
      .option("--force", "replace the --out folder if it exists")
      .option("--replications <n>", "simulate the month's actual inputs this many times (seeded) for the simulator's view of the service level; 0 skips it", "10")
      .option("--seed <n>", "seed of the simulation", "1")
      .option("--locale <locale>", "language of review.html and review.md: en or fa (Persian, right to left); review.json and calibration.json do not change", "en")
      .action(async (flags: ReviewFlags) => {
        const format = parseChoiceOption("--format", flags.format, ["table", "json", "md"] as const);
        const locale = parseChoiceOption("--locale", flags.locale ?? "en", locales);
        const replications = parseNumberOption("--replications", flags.replications, { min: 0, integer: true });
        const seed = parseNumberOption("--seed", flags.seed, { min: 0, integer: true });
        const folder = readPlanFolder(flags.plan, { cwd: io.cwd, option: "--plan" });
        const report = readKpiCsv(flags.actual, { cwd: io.cwd, option: "--actual" });
        const states = flags.agentStates === undefined ? undefined : readAgentStatesCsv(flags.agentStates, { cwd: io.cwd, option: "--agent-states" });
        const schedule = flags.agentSchedule === undefined ? undefined : readAgentScheduleCsv(flags.agentSchedule, { cwd: io.cwd, option: "--agent-schedule" });
        if (schedule !== undefined && states === undefined) {
          throw new WfmError({ code: "invalid-option", option: "--agent-schedule", message: "needs --agent-states (the state log to compare the schedule with)" });
        }
        const tickets = flags.tickets === undefined ? undefined : readTicketCsv(flags.tickets, { cwd: io.cwd, option: "--tickets" });
        const events = flags.holidays === undefined ? [] : readHolidaysCsv(flags.holidays, { cwd: io.cwd, option: "--holidays" });
        const costModel = flags.cost === undefined ? undefined : readCostConfig(flags.cost, { cwd: io.cwd, option: "--cost" });
        let review;
        try {
          review = reviewMonth({
            plan: folder.plan,
            actual: { intervals: report.intervals, orders: report.orders },
            events,
            ...(costModel === undefined ? {} : { costModel }),
            ...(states === undefined ? {} : { agents: { states, ...(schedule === undefined ? {} : { schedule }) } }),
            ...(tickets === undefined ? {} : { tickets: tickets.tickets }),
            simulation: { replications, seed },
            names: { plan: `the plan ${flags.plan}`, actual: flags.actual },
          });
        } catch (error) {
          // A plan for another month or other channels: one line naming both inputs.
          if (error instanceof WfmError && error.code === "invalid-argument" && error.path[0] === "actual") {
            throw new WfmError({ code: "invalid-file", option: "--actual", message: error.message, value: flags.actual });
          }
          throw error;
        }
        const calibration = calibrationFromReview(review);
        const messages = localeFormat(locale).messages.review;
        const name = flags.name ?? messages.defaultName;
        const written: string[] = [];
        if (flags.out !== undefined) {
          const doc = await buildReviewReport(review, { name, footer: messages.footer(localeFormat(locale).month(review.month), flags.plan, flags.actual), locale });
          const files = new Map<string, string>([
            ["review.json", toJsonRows(review)],
            ["review.md", renderReportMarkdown(doc, { htmlFile: "review.html" })],
            ["review.html", renderReportHtml(doc)],
            ["calibration.json", toJson(calibration)],
          ]);
          const inputs = [flags.actual, folder.summaryFile, flags.agentStates, flags.agentSchedule, flags.tickets, flags.holidays, flags.cost].filter((x): x is string => x !== undefined).map((p) => resolve(io.cwd, p));
          writeFolderAtomic(resolve(io.cwd, flags.out), files, { force: Boolean(flags.force), inputs });
          written.push(messages.cli.written(flags.out, [...files.keys()].join(", ")));
        }
        if (format === "json") {
          io.stdout(toJson(review));
          return;
        }
        const h = (title: string) => (format === "md" ? `### ${title}\n\n` : `${title}\n\n`);
        const f = localeFormat(locale);
        const t = messages.cli;
        const pct = (v: number | null) => (v === null ? "-" : f.digits(`${(v * 100).toFixed(1)}%`));
        const parts: string[] = [
          `${t.heading(name, f.month(review.month), flags.plan, flags.actual, review.channels.join(f.messages.list))}\n`,
          `${h(t.accuracy)}${tableText(accuracyTable(review, f), format)}`,
          `${h(t.worstDays)}${tableText(
            {
              columns: [...messages.accuracy.worstColumns],
              numeric: [2, 3, 4],
              rows: review.forecastAccuracy.worstDays.map((d) => [f.date(d.date), d.channel, f.digits(d.forecastContacts.toFixed(0)), f.digits(d.actualContacts.toFixed(0)), d.error === null ? "-" : f.digits(`${d.error > 0 ? "+" : ""}${(d.error * 100).toFixed(1)}%`), d.label ?? ""]),
            },
            format,
          )}`,
          `${h(t.targets)}${tableText(targetsTable(review, f), format)}`,
          `${h(t.targetsByHour)}${tableText(targetsByPeriodTable(review, "hours", f), format)}`,
          `${h(t.targetsByDay)}${tableText(targetsByPeriodTable(review, "days", f), format)}`,
        ];
        if (review.attribution !== null) parts.push(`${h(t.why)}${tableText(attributionTable(review.attribution.month, undefined, f), format)}`);
        parts.push(`${h(t.calibration)}${tableText(calibrationTable(review, f), format)}`);
        const simulation = simulationTable(review, f);
        if (simulation !== null) parts.push(`${h(t.simulation(f.digits(String(review.simulation!.replications)), f.digits(String(review.simulation!.seed))))}${tableText(simulation, format)}`);
        if (review.adherence !== null) {
          parts.push(
            `${h(t.adherence)}${tableText(
              {
                columns: [...t.adherenceColumns],
                numeric: [1, 2, 3, 4, 5],
                rows: review.adherence.teams.map((team) => [
                  team.name,
                  f.digits(String(review.adherence!.agents.filter((a) => a.team === team.name).length)),
                  f.digits(team.scheduledHours.toFixed(1)),
                  pct(team.adherence),
                  pct(team.conformance),
                  f.digits(team.workHours.toFixed(1)),
                ]),
              },
              format,
            )}`,
          );
        }
        if (review.cost !== null) {
          const c = review.cost;
          parts.push(
            `${h(t.cost(c.currency))}${tableText(
              {
                columns: [...messages.cost.columns],
                numeric: [1, 2],
                rows: [
                  [messages.cost.total, f.decimal(c.planned.total), f.decimal(c.actual.total)],
                  [messages.cost.perContact, f.decimal(c.planned.costPerContact), f.decimal(c.actual.costPerContact)],
                  [messages.cost.perOrder, f.decimal(c.planned.costPerOrder), f.decimal(c.actual.costPerOrder)],
                ],
              },
              format,
            )}`,
          );
        }
        if (review.tickets !== null) parts.push(`${t.tickets(f.month(review.tickets.month), f.digits(String(review.tickets.created)), pct(review.tickets.fcr))}\n`);
        const bullet = format === "md" ? "- " : "";
        const lines = [...review.definitions.map(t.definition), ...(review.adherence?.definitions.map(t.definition) ?? []), ...review.notes.map(t.note), ...written];
        parts.push(`${lines.map((l) => `${bullet}${l}`).join("\n")}\n`);
        const text = parts.join("\n");
        io.stdout(format === "md" && f.dir === "rtl" ? `<div dir="rtl" lang="${f.lang}">\n\n${text}\n</div>\n` : text);
      });
  },
};

