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
import { accuracyTable, attributionTable, buildReviewReport, calibrationTable, targetsTable } from "../../io/report/review-report.js";
import { readTicketCsv } from "../../io/tickets-csv.js";
import { WfmError } from "../../errors.js";
import type { CommandModule } from "../command.js";
import type { CliIo } from "../io.js";
import { parseChoiceOption } from "../options.js";

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
      .action(async (flags: ReviewFlags) => {
        const format = parseChoiceOption("--format", flags.format, ["table", "json", "md"] as const);
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
        const name = flags.name ?? "Contact centre";
        const written: string[] = [];
        if (flags.out !== undefined) {
          const doc = await buildReviewReport(review, { name, footer: `wfm review, ${review.month}: ${flags.plan} against ${flags.actual}. Ratios as percentages; times are local.` });
          const files = new Map<string, string>([
            ["review.json", toJsonRows(review)],
            ["review.md", renderReportMarkdown(doc, { htmlFile: "review.html" })],
            ["review.html", renderReportHtml(doc)],
            ["calibration.json", toJson(calibration)],
          ]);
          const inputs = [flags.actual, folder.summaryFile, flags.agentStates, flags.agentSchedule, flags.tickets, flags.holidays, flags.cost].filter((x): x is string => x !== undefined).map((p) => resolve(io.cwd, p));
          writeFolderAtomic(resolve(io.cwd, flags.out), files, { force: Boolean(flags.force), inputs });
          written.push(`written to ${flags.out}/ (${[...files.keys()].join(", ")}); wfm plan --calibration ${flags.out}/calibration.json applies the calibration`);
        }
        if (format === "json") {
          io.stdout(toJson(review));
          return;
        }
        const h = (title: string) => (format === "md" ? `### ${title}\n\n` : `${title}\n\n`);
        const parts: string[] = [
          `${name}: review of ${review.month}, plan ${flags.plan} against ${flags.actual} (channels ${review.channels.join(", ")})\n`,
          `${h("Forecast accuracy (open intervals)")}${tableText(accuracyTable(review), format)}`,
          `${h("Worst days")}${tableText(
            {
              columns: ["date", "channel", "forecast", "actual", "error", "special day"],
              numeric: [2, 3, 4],
              rows: review.forecastAccuracy.worstDays.map((d) => [d.date, d.channel, d.forecastContacts.toFixed(0), d.actualContacts.toFixed(0), d.error === null ? "-" : `${d.error > 0 ? "+" : ""}${(d.error * 100).toFixed(1)}%`, d.label ?? ""]),
            },
            format,
          )}`,
          `${h("Targets")}${tableText(targetsTable(review), format)}`,
        ];
        if (review.attribution !== null) parts.push(`${h("Why: service level from plan to actual (Shapley values; the four components add up exactly to modelled - planned)")}${tableText(attributionTable(review.attribution.month), format)}`);
        parts.push(`${h("Calibration for the next plan")}${tableText(calibrationTable(review), format)}`);
        if (review.adherence !== null) {
          parts.push(
            `${h("Adherence and conformance by team")}${tableText(
              {
                columns: ["team", "agents", "scheduled h", "adherence", "conformance", "work h"],
                numeric: [1, 2, 3, 4, 5],
                rows: review.adherence.teams.map((t) => [t.name, String(review.adherence!.agents.filter((a) => a.team === t.name).length), t.scheduledHours.toFixed(1), t.adherence === null ? "-" : `${(t.adherence * 100).toFixed(1)}%`, t.conformance === null ? "-" : `${(t.conformance * 100).toFixed(1)}%`, t.workHours.toFixed(1)]),
              },
              format,
            )}`,
          );
        }
        if (review.cost !== null) {
          const c = review.cost;
          parts.push(
            `${h(`Cost (${c.currency})`)}${tableText(
              {
                columns: ["", "planned", "actual"],
                numeric: [1, 2],
                rows: [
                  ["total", c.planned.total, c.actual.total],
                  ["per contact", c.planned.costPerContact ?? "-", c.actual.costPerContact ?? "-"],
                  ["per order", c.planned.costPerOrder ?? "-", c.actual.costPerOrder ?? "-"],
                ],
              },
              format,
            )}`,
          );
        }
        if (review.tickets !== null) parts.push(`tickets ${review.tickets.month}: ${review.tickets.created} created, FCR ${review.tickets.fcr === null ? "-" : `${(review.tickets.fcr * 100).toFixed(1)}%`}\n`);
        const bullet = format === "md" ? "- " : "";
        const lines = [...review.definitions.map((d) => `definition: ${d}`), ...review.adherence?.definitions.map((d) => `definition: ${d}`) ?? [], ...review.notes.map((n) => `note: ${n}`), ...written];
        parts.push(`${lines.map((l) => `${bullet}${l}`).join("\n")}\n`);
        io.stdout(parts.join("\n"));
      });
  },
};

