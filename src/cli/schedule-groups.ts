import { formatLocalTimestamp } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import { groupSkillsText } from "../io/agent-groups-text.js";
import { formatFixed, formatPercent, renderKeyValues, renderTable, toJson, type TableColumn, type TableFormat } from "../io/render.js";
import type { RequirementsCsv } from "../io/requirements-csv.js";
import { solveInWorker, type SolveInWorkerOptions } from "../io/solve-in-worker.js";
import { simulateInWorkers } from "../io/simulate-in-workers.js";
import { agentGroupRequirements, groupSlotRequirement, simulateAgentGroupSchedule, type PlanSkillSchedule } from "../plan/plan-skills.js";
import { scheduleReport, type ScheduledShift, type ScheduleReport } from "../schedule/report.js";
import { buildTemplateProblem, shiftGridMinutes, type ShiftSettings } from "../schedule/templates.js";
import type { StaffingConfig } from "../staffing/plan.js";
import { shiftColumns, shiftJson } from "./schedule-columns.js";

/**
 * `wfm schedule` with agent groups: the staffing config's `agentGroups` staffed from the
 * requirements CSV's workload by the skill-transfer program (`agentGroupRequirements`, as
 * `wfm plan` does), one shift schedule per group on its own requirement (`groupSlotRequirement`),
 * and the scheduled headcount of all groups simulated together with the skills routing
 * (`simulateAgentGroupSchedule`) for the service level per contact type.
 *
 * @module
 */

/** One group's schedule. */
export interface GroupSchedule {
  readonly group: string;
  readonly skills: readonly string[];
  readonly report: ScheduleReport;
}

/** The schedules of every group and their simulated service level. */
export interface AgentGroupsScheduled {
  readonly groups: readonly GroupSchedule[];
  readonly simulated: PlanSkillSchedule;
  readonly slotMinutes: number;
}

/**
 * Staffs, schedules and simulates the agent groups of `config` on the workload of `curve`.
 *
 * @throws {WfmError} when the CSV has no workload per channel, a channel no group serves, or a
 *   group's schedule is infeasible or not found
 */
export async function scheduleAgentGroups(options: {
  readonly curve: RequirementsCsv;
  readonly config: StaffingConfig;
  readonly settings: ShiftSettings;
  readonly solve: SolveInWorkerOptions;
  readonly replications: number;
  readonly seed: number;
  readonly requirementsFile: string;
  readonly shiftsFile: string;
}): Promise<AgentGroupsScheduled> {
  const { curve, config, settings, requirementsFile } = options;
  const rows = curve.channelRows;
  if (rows === undefined) {
    throw new WfmError({
      code: "invalid-csv",
      file: requirementsFile,
      message: "scheduling agent groups needs the workload per channel: calls and ahtSeconds on every row (write the file with wfm staff --format csv)",
    });
  }
  const served = new Set(config.agentGroups!.flatMap((g) => g.skills));
  const unserved = [...new Set(rows.map((r) => r.channel))].filter((c) => !served.has(c));
  if (unserved.length > 0) {
    throw new WfmError({
      code: "invalid-config",
      option: "--staffing",
      message: `no agent group serves channel${unserved.length === 1 ? "" : "s"} ${unserved.join(", ")} of ${requirementsFile}: add ${unserved.length === 1 ? "it" : "them"} to some group's skills, or schedule ${unserved.length === 1 ? "it" : "them"} separately`,
    });
  }
  const groups = await agentGroupRequirements({ plan: { intervalMinutes: curve.intervalMinutes, intervals: rows }, config });
  const slotMinutes = shiftGridMinutes(settings, curve.intervalMinutes);
  const slots = curve.required.length * Math.round(curve.intervalMinutes / slotMinutes);
  const scheduled: GroupSchedule[] = [];
  for (const team of groups.teams) {
    const required = groupSlotRequirement({ required: groups.required.get(team.name)!, startLocalMs: curve.startLocalMs, intervalMinutes: curve.intervalMinutes, slotMinutes, slots });
    let built;
    try {
      built = buildTemplateProblem({ series: { startLocalMs: curve.startLocalMs, intervalMinutes: slotMinutes, required }, settings });
    } catch (error) {
      if (error instanceof WfmError) throw new WfmError(error.problems.map((p) => ({ ...p, file: options.shiftsFile })));
      throw error;
    }
    const solution = await solveInWorker(built.problem, options.solve);
    if (solution.assignment === null) {
      const where = solution.uncoverable.length === 0 ? "" : `: no shift template covers ${formatLocalTimestamp(curve.startLocalMs + solution.uncoverable[0]! * slotMinutes * 60_000, curve.style)}`;
      throw new WfmError({
        code: solution.status === "infeasible" ? "infeasible" : "solver-failed",
        file: options.shiftsFile,
        message: `agent group ${team.name} has no schedule (solver status ${solution.status})${where}; ${solution.status === "infeasible" ? "add a template for those hours or use coverage.mode soft" : "raise --time-limit"}`,
      });
    }
    scheduled.push({ group: team.name, skills: team.channels, report: scheduleReport({ built, solution }) });
  }
  const coverage = scheduled.flatMap((g) => g.report.coverage.map((c) => ({ timestamp: formatLocalTimestamp(c.localMs), team: g.group, scheduled: c.scheduled })));
  const simulated = await simulateAgentGroupSchedule({ groups, coverage, replications: options.replications, seed: options.seed, run: (o) => simulateInWorkers(o) });
  return { groups: scheduled, simulated, slotMinutes };
}

const sum = (list: readonly GroupSchedule[], pick: (t: ScheduleReport["totals"]) => number) => list.reduce((s, g) => s + pick(g.report.totals), 0);

/** Totals over the groups. */
function totalsOf(result: AgentGroupsScheduled) {
  const g = result.groups;
  const required = sum(g, (t) => t.requiredAgentHours);
  const productive = sum(g, (t) => (t.efficiency > 0 ? t.requiredAgentHours / t.efficiency : 0));
  return {
    agentsScheduled: sum(g, (t) => t.agentsScheduled),
    paidHours: sum(g, (t) => t.paidHours),
    shiftCost: sum(g, (t) => t.shiftCost),
    requiredAgentHours: required,
    shortfallAgentHours: sum(g, (t) => t.shortfallAgentHours),
    excessAgentHours: sum(g, (t) => t.excessAgentHours),
    efficiency: productive > 0 ? required / productive : 0,
    objective: sum(g, (t) => t.objective),
  };
}

function statusOf(result: AgentGroupsScheduled): string {
  const statuses = [...new Set(result.groups.map((g) => g.report.status))];
  return statuses.length === 1 ? statuses[0]! : statuses.join(", ");
}

interface ShiftRow {
  readonly group: string;
  readonly shift: ScheduledShift;
}

/** The shift columns of one curve, then the group. */
function groupShiftColumns(): TableColumn<ShiftRow>[] {
  return [
    ...shiftColumns().map(({ text, value, ...rest }): TableColumn<ShiftRow> => ({ ...rest, value: (r) => value(r.shift), ...(text === undefined ? {} : { text: (r: ShiftRow) => text(r.shift) }) })),
    { key: "group", value: (r) => r.group, align: "left" },
  ];
}

/** The shifts of every group, in group order then time. */
export function groupShiftRows(result: AgentGroupsScheduled): ShiftRow[] {
  return result.groups.flatMap((g) => g.report.shifts.map((shift) => ({ group: g.group, shift })));
}

/** The coverage CSV of every group (`timestamp,group,required,scheduled,shortfall,excess`). */
export function renderGroupCoverage(result: AgentGroupsScheduled, curve: RequirementsCsv): string {
  const number = (value: number) => String(Number(value.toFixed(6)));
  const rows = result.groups.flatMap((g) => g.report.coverage.map((c) => ({ group: g.group, c })));
  return renderTable(
    rows,
    [
      { key: "timestamp", value: (r) => formatLocalTimestamp(r.c.localMs, curve.style), align: "left" },
      { key: "group", value: (r) => r.group, align: "left" },
      { key: "required", value: (r) => r.c.required, text: (r) => number(r.c.required) },
      { key: "scheduled", value: (r) => r.c.scheduled },
      { key: "shortfall", value: (r) => r.c.shortfall, text: (r) => number(r.c.shortfall) },
      { key: "excess", value: (r) => r.c.excess, text: (r) => number(r.c.excess) },
    ],
    "csv",
  );
}

/** The output of `wfm schedule` with agent groups in a format. */
export function renderAgentGroupsSchedule(result: AgentGroupsScheduled, config: StaffingConfig, curve: RequirementsCsv, format: TableFormat): string {
  const totals = totalsOf(result);
  const status = statusOf(result);
  const sim = result.simulated;
  const definitions = config.agentGroups!;
  if (format === "json") {
    return toJson({
      status,
      requirementColumn: "agentGroups",
      totals,
      simulation: { replications: sim.replications, seed: sim.seed, serviceLevel: "answered within T / offered, mean over the replications with its 95% interval" },
      agentGroups: result.groups.map((g, i) => ({
        group: g.group,
        skills: g.skills,
        ...(definitions[i]!.ahtSecondsByType === undefined ? {} : { ahtSecondsByType: definitions[i]!.ahtSecondsByType }),
        costPerHour: definitions[i]!.costPerHour ?? 1,
        status: g.report.status,
        totals: g.report.totals,
        peakRequired: sim.groups[i]!.peakRequired,
        simulatedAgentHours: sim.groups[i]!.simulatedAgentHours,
      })),
      contactTypes: sim.contactTypes,
      shifts: groupShiftRows(result).map(({ group, shift }) => ({ group, ...shiftJson(shift, curve.style) })),
    });
  }
  if (format === "csv") return renderTable(groupShiftRows(result), groupShiftColumns(), "csv");
  const md = format === "md";
  const heading = (text: string) => (md ? `## ${text}\n\n` : `${text}\n\n`);
  const pairs: [string, string][] = [
    ["status", status],
    ["requirement", `agent groups (${definitions.length}), staffed from the file's calls by the skill-transfer program`],
    ["agents scheduled", String(totals.agentsScheduled)],
    ["paid hours", formatFixed(totals.paidHours, 2)],
    ["shift cost", formatFixed(totals.shiftCost, 2)],
    ["required agent-hours", formatFixed(totals.requiredAgentHours, 2)],
    ["shortfall agent-hours", formatFixed(totals.shortfallAgentHours, 2)],
    ["excess agent-hours", formatFixed(totals.excessAgentHours, 2)],
    ["efficiency", formatPercent(totals.efficiency, 1)],
    ["simulation", `${sim.replications} replications, seed ${sim.seed}`],
  ];
  const groupTable = renderTable(
    result.groups.map((g, i) => ({ g, definition: definitions[i]!, sim: sim.groups[i]! })),
    [
      { key: "group", value: (r) => r.g.group, align: "left" },
      { key: "skills", value: (r) => groupSkillsText(r.definition), align: "left" },
      { key: "status", value: (r) => r.g.report.status, align: "left" },
      { key: "gap", value: (r) => r.g.report.totals.gap, text: (r) => (r.g.report.totals.gap === null ? "-" : formatPercent(r.g.report.totals.gap, 2)), align: "right" },
      { key: "agents", value: (r) => r.g.report.totals.agentsScheduled, align: "right" },
      { key: "paidHours", title: "paid h", value: (r) => r.g.report.totals.paidHours, text: (r) => formatFixed(r.g.report.totals.paidHours, 1), align: "right" },
      { key: "peakRequired", title: "peak required", value: (r) => r.sim.peakRequired, align: "right" },
      { key: "shortfall", title: "shortfall agent-h", value: (r) => r.g.report.totals.shortfallAgentHours, text: (r) => formatFixed(r.g.report.totals.shortfallAgentHours, 1), align: "right" },
      { key: "simulated", title: "on contacts agent-h", value: (r) => r.sim.simulatedAgentHours, text: (r) => formatFixed(r.sim.simulatedAgentHours, 1), align: "right" },
    ],
    format,
  );
  const pct = (v: number | null) => (v === null ? "-" : formatPercent(v, 1));
  const typeTable = renderTable(
    sim.contactTypes,
    [
      { key: "type", value: (t) => t.type, align: "left" },
      { key: "target", value: (t) => t.targetServiceLevel, text: (t) => formatPercent(t.targetServiceLevel, 0), align: "right" },
      { key: "offered", value: (t) => t.offered, text: (t) => formatFixed(t.offered, 0), align: "right" },
      { key: "serviceLevel", title: "simulated SL", value: (t) => t.serviceLevel, text: (t) => pct(t.serviceLevel), align: "right" },
      { key: "interval", title: "95% interval", value: (t) => t.lower, text: (t) => (t.lower === null ? "-" : `${pct(t.lower)}-${pct(t.upper)}`), align: "right" },
      { key: "abandonRate", title: "abandoned", value: (t) => t.abandonRate, text: (t) => pct(t.abandonRate), align: "right" },
      { key: "missesTarget", title: "misses target", value: (t) => (t.missesTarget ? "yes" : "no"), align: "left" },
    ],
    format,
  );
  return [
    md ? "## Schedule by agent group\n\n" : "",
    renderKeyValues(pairs, format),
    "\n",
    heading("Agent groups"),
    groupTable,
    "\n",
    heading("Service level by contact type (simulated on the scheduled headcount)"),
    typeTable,
    "\n",
    heading("Shifts"),
    renderTable(groupShiftRows(result), groupShiftColumns(), format),
  ].join("");
}
