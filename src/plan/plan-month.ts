import type { PlanningCalendar } from "../calendar/planning-month.js";
import { formatLocalDate, formatLocalTimestamp, millisecondsInMinute } from "../calendar/local-time.js";
import { costBreakdown, roundCost, type CostActivity, type CostModel, type RoundedCost } from "../cost/cost-model.js";
import { kpiReport, type KpiNote, type KpiReportOptions, type KpiRow, type KpiChange } from "../cost/kpi.js";
import { compareScenarios, type Scenario } from "../cost/scenarios.js";
import { staffingPlanner, withScheduledHours, workFromStaffingPlan } from "../cost/staffing-planner.js";
import { ticketKpis, type Ticket, type TicketKpis } from "../cost/tickets.js";
import { WfmError, invalidArgument, requireOptions } from "../errors.js";
import { forecastByChannel, type ChannelVolumeRow } from "../forecast/by-channel.js";
import type { DriverInput } from "../forecast/forecast.js";
import type { ForecastMethodChoice, SpecialDay } from "../forecast/types.js";
import type { ShiftProblem } from "../schedule/problem.js";
import { scheduleReport } from "../schedule/report.js";
import { solveShiftProblem, type ScheduleSolution, type SolveShiftOptions } from "../schedule/solve.js";
import { buildTemplateProblem, shiftGridMinutes, type ShiftSettings } from "../schedule/templates.js";
import { calibrateForecastRows, calibrateStaffingConfig, type PlanCalibration } from "../review/calibration.js";
import { channelQueueModels, type ChannelQueueModel } from "../review/model.js";
import type { SimulationOptions, SimulationResult } from "../simulation/types.js";
import { agentGroupRequirements, groupSlotRequirement, simulateAgentGroupSchedule, type AgentGroupRequirements, type PlanSkillSchedule } from "./plan-skills.js";
import { planChannelModels, simulatePlan, type PlanChannelModel, type PlanSimulationBasis, type PlanSimulationInput } from "./plan-simulation.js";
import { deliveredService } from "../staffing/delivered.js";
import { defaultSupportRatios, supportingStaff } from "../staffing/supporting-staff.js";
import { planStaffing, type StaffingConfig, type StaffingDay, type StaffingPlan, type StaffingTotals } from "../staffing/plan.js";
import { compareText } from "../order.js";

/** The month being planned: `planningMonth(...)` gives it. */
export interface PlanPeriod {
  /** `"2026-12"`, or `"1404-09"` for a Persian month. */
  readonly label: string;
  readonly calendar: PlanningCalendar;
  /** First day, wall-clock midnight. */
  readonly startLocalMs: number;
  /** Day after the last, wall-clock midnight. */
  readonly endLocalMs: number;
}

/** A team scheduled on its own: the channels its agents serve. */
export interface PlanTeam {
  readonly name: string;
  readonly channels: readonly string[];
}

/** How the schedule step runs. */
export interface PlanScheduleOptions {
  /** Shift templates, breaks, tours, coverage penalties. */
  readonly settings: ShiftSettings;
  /**
   * Teams scheduled separately. @defaultValue one team per agent group when the staffing config
   * has `agentGroups` (each on its skill-transfer requirement, then simulated together: see
   * `plan-skills.ts`) and one per channel no group serves; else one team per channel
   */
  readonly teams?: readonly PlanTeam[];
  /** Time limit per team, seconds. @defaultValue 30 */
  readonly timeLimitSeconds?: number;
  /** Relative MIP gap at which the solver stops, fraction. @defaultValue 0.01 */
  readonly relativeGap?: number;
  /**
   * The solver: in-process HiGHS by default; the CLI passes one that runs in a worker thread.
   * @defaultValue solveShiftProblem
   */
  readonly solve?: (problem: ShiftProblem, options: SolveShiftOptions) => Promise<ScheduleSolution>;
  /**
   * Solve the teams at the same time. Only for a `solve` that runs each call on its own HiGHS
   * instance (the CLI's worker threads: two teams on two cores take the time of one); the default
   * in-process solver shares one runtime and must run one team at a time.
   * @defaultValue false
   */
  readonly parallel?: boolean;
  /** Progress of each team's solve (elapsed, best objective, gap). */
  readonly onProgress?: SolveShiftOptions["onProgress"];
}

/** Everything `planMonth` needs: data already read and validated, configs already parsed. */
export interface PlanMonthOptions {
  /** Name of the centre, for the report. @defaultValue "Contact centre" */
  readonly name?: string;
  readonly period: PlanPeriod;
  /** Interval volumes of the history, every channel (a volume CSV's rows). */
  readonly history: { readonly rows: readonly ChannelVolumeRow[]; readonly intervalMinutes: number };
  /** Special days (holidays, campaigns, outages) in the history and the month. @defaultValue [] */
  readonly events?: readonly SpecialDay[];
  /** Past daily orders and the month's sales target (driver method, cost per order). */
  readonly orders?: { readonly daily: DriverInput["orders"]; readonly target?: number };
  readonly forecast?: {
    /** @defaultValue "auto" */
    readonly method?: ForecastMethodChoice;
    /** Planning quantile of the prediction interval. @defaultValue 0.8 */
    readonly quantile?: number;
    /** Staff to the point forecast or to its upper quantile. @defaultValue "point" */
    readonly planTo?: "point" | "quantile";
  };
  /** Last month's interval report (KPIs) and ticket export. */
  readonly lastMonth?: { readonly report: KpiReportOptions; readonly tickets?: readonly Ticket[] };
  readonly staffing: StaffingConfig;
  readonly schedule?: PlanScheduleOptions;
  readonly cost?: { readonly model: CostModel; readonly scenarios?: readonly Scenario[] };
  /** Last month's review (`wfm review`'s calibration.json): forecast bias, AHT profile, patience, shrinkage. @defaultValue none */
  readonly calibration?: PlanCalibration;
  /**
   * Simulate the staffing plan (and the schedule) to set a simulated service level beside the
   * model's (see `plan-simulation.ts`). `run` replaces the in-thread `simulate` (the CLI spreads
   * the replications over worker threads). @defaultValue no simulation
   */
  readonly simulation?: {
    readonly replications?: number;
    readonly seed?: number;
    readonly run?: (options: SimulationOptions) => Promise<SimulationResult>;
  };
}

/** One forecast interval of one channel. */
export interface PlanForecastInterval {
  readonly timestamp: string;
  readonly channel: string;
  readonly calls: number;
  readonly lower: number;
  readonly upper: number;
  readonly ahtSeconds: number | null;
}

/** One staffing interval of one channel. */
export interface PlanStaffingInterval {
  readonly timestamp: string;
  readonly channel: string;
  readonly calls: number;
  readonly ahtSeconds: number;
  readonly trafficErlangs: number;
  readonly requiredAgents: number;
  readonly scheduledAgents: number;
  readonly serviceLevel: number | null;
  readonly asaSeconds: number | null;
  readonly occupancy: number;
  readonly abandonProbability: number | null;
  /** Whether the centre is open (closed intervals get no agents). */
  readonly open: boolean;
  /** Shrinkage in force, fraction. */
  readonly shrinkage: number;
  /** Call-back channels only: share of offered calls that took a call-back. */
  readonly callbackShare?: number;
  /** Call-back channels only: share of call-backs made within the deadline (`null` when closed). */
  readonly callbacksInTimeShare?: number | null;
}

/** One team's schedule figures. */
export interface PlanTeamSchedule {
  readonly team: string;
  readonly channels: readonly string[];
  readonly status: string;
  readonly objective: number;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly paidHours: number;
  readonly shiftCost: number;
  readonly requiredAgentHours: number;
  readonly shortfallAgentHours: number;
  readonly excessAgentHours: number;
  readonly efficiency: number;
  readonly distinctShifts: number;
  readonly shiftsStarted: number;
  /** Contact-weighted service level the schedule delivers, by the channels' own models. */
  readonly serviceLevel: number | null;
}

/** One shift block of the schedule. */
export interface PlanShift {
  readonly team: string;
  readonly template: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly agents: number;
  /** Paid hours of one agent on this shift. */
  readonly paidHours: number;
  /** `"HH:MM-HH:MM name xN"` per break start, `; `-separated. */
  readonly breaks: string;
}

/** Coverage of one team in one interval. */
export interface PlanCoverageInterval {
  readonly timestamp: string;
  readonly team: string;
  readonly required: number;
  readonly scheduled: number;
  readonly shortfall: number;
  readonly excess: number;
  /** Service level the scheduled agents deliver, contact-weighted over the team's channels. */
  readonly serviceLevel: number | null;
}

/** Cost figures with money as decimal strings rounded to the currency's minor units. */
export interface PlanCost {
  readonly basis: string;
  readonly currency: string;
  readonly total: string;
  readonly agentHours: number;
  readonly agentFte: number;
  readonly lines: readonly { readonly category: string; readonly name: string; readonly quantity: string; readonly unit: string; readonly rate: string; readonly amount: string }[];
  readonly channels: RoundedCost["channels"];
  readonly costPerHandledMinute: string | null;
  readonly costPerContact: string | null;
  readonly costPerOrder: string | null;
  readonly orders: number | null;
  /** Outbound contacts, revenue and revenue / cost, when an outbound line has a revenue per contact. */
  readonly outbound?: RoundedCost["outbound"];
}

/** One what-if scenario beside the base. */
export interface PlanScenario {
  readonly name: string;
  readonly description: string;
  readonly agentFte: number;
  readonly totalFte: number;
  readonly total: string;
  readonly costPerHandledMinute: string | null;
  readonly costPerContact: string | null;
  readonly costPerOrder: string | null;
  readonly serviceLevel: number | null;
  readonly deltaTotal: string;
  readonly deltaFraction: number | null;
  readonly deltaServiceLevel: number | null;
}

/** The month's plan: what `wfm plan` writes as summary.json. */
export interface PlanResult {
  readonly name: string;
  readonly period: { readonly label: string; readonly calendar: PlanningCalendar; readonly start: string; readonly end: string; readonly days: number; readonly intervalMinutes: number };
  readonly headline: {
    readonly contacts: number;
    readonly contactsByChannel: Readonly<Record<string, number>>;
    readonly agentFte: number;
    readonly totalFte: number;
    /** What the agent FTE (and the supporting staff sized on it, in the headline, the staffing section and the cost) come from. */
    readonly supportBasis: string;
    /** Expected service level, contact-weighted: the schedule's when there is one, else the staffing plan's. */
    readonly serviceLevel: number | null;
    readonly currency: string | null;
    readonly totalCost: string | null;
    readonly costPerHandledMinute: string | null;
    readonly costPerContact: string | null;
    readonly costPerOrder: string | null;
  };
  readonly lastMonth: {
    readonly month: string;
    readonly previousMonth: string | null;
    readonly kpis: readonly KpiRow[];
    readonly changes: readonly KpiChange[];
    readonly definitions: readonly string[];
    readonly notes: readonly string[];
    /** `notes` as data (see `KpiReport.noteDetails`), for reports in other languages. */
    readonly noteDetails: readonly KpiNote[];
    readonly tickets: TicketKpis | null;
  } | null;
  readonly forecast: {
    readonly quantile: number;
    readonly planTo: "point" | "quantile";
    readonly channels: readonly {
      readonly channel: string;
      readonly method: string;
      readonly contacts: number;
      readonly backtestOrigins: number;
      readonly backtest: readonly { readonly method: string; readonly wape: number; readonly mape: number; readonly bias: number; readonly rmse: number }[];
      readonly coverageUpper: number | null;
      readonly anomalousDays: readonly string[];
      readonly warnings: readonly string[];
    }[];
    readonly intervals: readonly PlanForecastInterval[];
  };
  readonly staffing: {
    readonly totals: StaffingTotals;
    readonly days: readonly StaffingDay[];
    readonly intervals: readonly PlanStaffingInterval[];
    /** The queueing model of each channel (what `wfm review` re-evaluates). */
    readonly models: readonly ChannelQueueModel[];
  };
  readonly schedule: {
    readonly teams: readonly PlanTeamSchedule[];
    readonly shifts: readonly PlanShift[];
    readonly coverage: readonly PlanCoverageInterval[];
    /** With the staffing config's `agentGroups`: the groups' schedules simulated together, service level per contact type. */
    readonly agentGroups?: PlanSkillSchedule;
  } | null;
  readonly cost: PlanCost | null;
  readonly scenarios: readonly PlanScenario[] | null;
  /** The staffing plan and the schedule simulated, beside the models' service levels (null without `options.simulation`). */
  readonly simulation: PlanSimulationResult | null;
}

/** The plan's simulation: per channel and interval, the model's service level beside the simulated one. */
export interface PlanSimulationResult {
  readonly replications: number;
  readonly seed: number;
  readonly models: readonly PlanChannelModel[];
  /** The staffing plan's agents on contacts (required agents). */
  readonly staffing: PlanSimulationBasis;
  /** The schedule's agents on the floor, less shrinkage, shared among the team's channels. */
  readonly schedule: PlanSimulationBasis | null;
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
const finiteOrNull = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined || !Number.isFinite(value) ? null : round(value, decimals);

/**
 * Runs the monthly planning cycle in one call: last month's KPIs, the month's forecast per channel
 * (with its backtest), staffing per interval and channel, a shift schedule per team solved with
 * HiGHS and verified, the projected cost with cost per handled minute, per contact and per order,
 * and what-if scenarios. Every step is a library function of its own (`kpiReport`,
 * `forecastByChannel`, `planStaffing`, `buildTemplateProblem` + `solveShiftProblem`,
 * `costBreakdown`, `compareScenarios`); this function wires their outputs together.
 *
 * The cost of the base plan is costed from the schedule's paid hours when there is a schedule (a
 * team's hours shared among its channels by their staffing hours), else from the staffing plan.
 * Scenarios recompute the staffing plan, so they compare like with like.
 *
 * The result is plain data (money as decimal strings) and contains no timings, so the same
 * inputs give the same result, byte for byte, once serialised.
 *
 * @throws {WfmError} for invalid inputs of any step
 *
 * @example
 * ```ts
 * const plan = await planMonth({ period: planningMonth({ month: "2026-12" }), history, staffing, schedule: { settings }, cost: { model } });
 * plan.headline.costPerContact; //=> "3.41"
 * ```
 */
export async function planMonth(options: PlanMonthOptions): Promise<PlanResult> {
  requireOptions("planMonth", options, ["period", "history", "staffing"]);
  const { period, history, events = [], calibration } = options;
  const staffingConfig = calibration === undefined ? options.staffing : calibrateStaffingConfig({ config: options.staffing, calibration });
  const intervalMinutes = history.intervalMinutes;
  if (intervalMinutes >= 1440) invalidArgument("planMonth", "history.intervalMinutes", "an intraday interval (at most 720 minutes)", intervalMinutes);
  const stamp = (ms: number) => formatLocalTimestamp(ms);

  // 1. Last month's KPIs.
  let lastMonth: PlanResult["lastMonth"] = null;
  if (options.lastMonth !== undefined) {
    const report = kpiReport(options.lastMonth.report);
    const tickets = options.lastMonth.tickets === undefined ? null : ticketKpis({ tickets: options.lastMonth.tickets, month: report.month });
    lastMonth = {
      month: report.month,
      previousMonth: report.previousMonth,
      kpis: report.months,
      changes: report.changes,
      definitions: report.definitions,
      notes: report.notes,
      noteDetails: report.noteDetails,
      tickets,
    };
  }

  // 2. Forecast per channel.
  const quantile = options.forecast?.quantile ?? 0.8;
  const planTo = options.forecast?.planTo ?? "point";
  const method = options.forecast?.method ?? "auto";
  const target = options.orders?.target;
  const forecasts = calibratedForecasts(calibration, forecastByChannel({
    rows: history.rows,
    intervalMinutes,
    startLocalMs: period.startLocalMs,
    endLocalMs: period.endLocalMs,
    method,
    events,
    quantile,
    monthCalendar: period.calendar,
    ...(method === "driver" && options.orders !== undefined && target !== undefined
      ? { driver: { orders: options.orders.daily, targetOrders: target } }
      : {}),
  }));
  const forecastIntervals: PlanForecastInterval[] = forecasts
    .flatMap(({ channel, result }) =>
      result.rows.map((row) => ({
        localMs: row.localMs,
        channel,
        calls: round(row.calls, 2),
        lower: round(row.lower, 2),
        upper: round(row.upper, 2),
        ahtSeconds: finiteOrNull(row.ahtSeconds, 1),
      })),
    )
    .sort((a, b) => a.localMs - b.localMs || compareText(a.channel, b.channel))
    .map(({ localMs, ...rest }) => ({ timestamp: stamp(localMs), ...rest }));

  // 3. Staffing per interval and channel, on the forecast (point or upper quantile).
  const staffingInputs = forecasts.flatMap(({ channel, result }) =>
    result.rows.map((row) => ({
      localMs: row.localMs,
      channel,
      calls: round(planTo === "quantile" ? row.upper : row.calls, 2),
      ...(row.ahtSeconds !== undefined && Number.isFinite(row.ahtSeconds) ? { ahtSeconds: round(row.ahtSeconds, 1) } : {}),
    })),
  );
  const staffingPlan = planStaffing({ intervals: staffingInputs, intervalMinutes, config: staffingConfig });
  const staffingIntervals: PlanStaffingInterval[] = staffingPlan.intervals.map((i) => ({
    timestamp: stamp(i.localMs),
    channel: i.channel,
    calls: i.calls,
    ahtSeconds: i.ahtSeconds,
    trafficErlangs: round(i.trafficErlangs, 4),
    requiredAgents: i.requiredAgents,
    scheduledAgents: i.scheduledAgents,
    serviceLevel: finiteOrNull(i.serviceLevel, 6),
    asaSeconds: finiteOrNull(i.asaSeconds, 3),
    occupancy: round(i.occupancy, 6),
    abandonProbability: finiteOrNull(i.abandonProbability, 6),
    open: i.open,
    shrinkage: round(i.shrinkage, 6),
    ...(i.callbackShare === undefined ? {} : { callbackShare: round(i.callbackShare, 6), callbacksInTimeShare: finiteOrNull(i.callbacksInTimeShare ?? null, 6) }),
  }));

  // 4. Shift schedule per team (per agent group when the config has groups and the plan names no teams).
  const groups = await groupRequirementsOf(options.schedule, staffingPlan, staffingConfig);
  const schedule =
    options.schedule === undefined
      ? null
      : await scheduleTeams(groups === null ? options.schedule : { ...options.schedule, teams: groupTeams(groups, staffingPlan) }, staffingPlan, staffingConfig, period, groups?.required);
  const groupSchedule = groups === null || schedule === null ? null : await simulateAgentGroupSchedule({ groups, coverage: schedule.coverage, ...groupSimulationSettings(options.simulation) });

  // 5. Cost, costed from the schedule's paid hours when there is one.
  const orders = target ?? null;
  let cost: PlanCost | null = null;
  let scenarios: PlanScenario[] | null = null;
  if (options.cost !== undefined) {
    const { model } = options.cost;
    const base = workFromStaffingPlan({ plan: staffingPlan, config: staffingConfig, ...(orders === null ? {} : { orders }) });
    const activity: CostActivity =
      schedule === null
        ? base.activity
        : schedule.teams.reduce<CostActivity>(
            (current, team) => withScheduledHours(current, { paidHours: schedule.paidHours.get(team.team) ?? 0, channels: team.channels }),
            { ...base.activity, peakAgents: schedule.peakAgents },
          );
    const rounded = roundCost(costBreakdown({ model, activity }));
    cost = { ...rounded, basis: schedule === null ? "staffing plan" : "shift schedule", orders };
    if (options.cost.scenarios !== undefined && options.cost.scenarios.length > 0) {
      const planner = staffingPlanner({ intervals: staffingInputs, intervalMinutes, config: staffingConfig, ...(orders === null ? {} : { orders }) });
      const compared = compareScenarios({ model, planner, scenarios: options.cost.scenarios });
      scenarios = [compared.base, ...compared.scenarios].map((s) => {
        const r = roundCost(s.cost);
        return {
          name: s.name,
          description: s.description,
          agentFte: round(s.cost.agentFte.toNumber(), 2),
          totalFte: round(s.totalFte.toNumber(), 2),
          total: r.total,
          costPerHandledMinute: r.costPerHandledMinute,
          costPerContact: r.costPerContact,
          costPerOrder: r.costPerOrder,
          serviceLevel: finiteOrNull(s.work.serviceLevel, 6),
          deltaTotal: s.delta.total.toFixed(model.minorUnits),
          deltaFraction: finiteOrNull(s.delta.totalFraction, 6),
          deltaServiceLevel: finiteOrNull(s.delta.serviceLevel, 6),
        };
      });
    }
  }

  const contactsByChannel: Record<string, number> = {};
  for (const f of forecasts) contactsByChannel[f.channel] = round(f.result.rows.reduce((s, r) => s + r.calls, 0), 0);
  const scheduleSl = schedule === null ? null : weightedServiceLevel([...schedule.coverageWeights, ...groupServiceLevelWeights(groupSchedule)]);
  const totals = staffingPlan.totals;
  const simulation = options.simulation === undefined ? null : await simulatePlanMonth(options.simulation, staffingConfig, staffingPlan, groupSchedule === null ? schedule : null, intervalMinutes);
  const days = Math.round((period.endLocalMs - period.startLocalMs) / 86_400_000);
  // Paid agent hours: the schedule's when there is one (what will be paid), else the staffing plan's.
  const paidAgentHours = schedule === null ? totals.all.scheduledHours : [...schedule.paidHours.values()].reduce((a, b) => a + b, 0);
  const agentFte = totals.hoursPerFte > 0 ? paidAgentHours / totals.hoursPerFte : 0;
  // Supporting staff are sized once, on the agent FTE the month pays (the schedule's paid hours
  // when there is one, as the cost is), and shown the same in the headline and the staffing section.
  const support = supportingStaff({ agentFte, ratios: staffingConfig.supportRatios ?? defaultSupportRatios, fixedRoles: staffingConfig.fixedRoles ?? [] });
  const staffingTotals: StaffingTotals = { ...totals, supportingStaff: support, totalFte: totals.agentFte + support.fte };
  return {
    name: options.name ?? "Contact centre",
    period: {
      label: period.label,
      calendar: period.calendar,
      start: formatLocalDate(period.startLocalMs),
      end: formatLocalDate(period.endLocalMs),
      days,
      intervalMinutes,
    },
    headline: {
      contacts: Object.values(contactsByChannel).reduce((a, b) => a + b, 0),
      contactsByChannel,
      agentFte: round(agentFte, 2),
      totalFte: round(agentFte + support.fte, 2),
      supportBasis: schedule === null ? "the staffing plan's scheduled hours" : "the schedule's paid hours",
      serviceLevel: finiteOrNull(scheduleSl ?? totals.all.serviceLevel, 6),
      currency: cost?.currency ?? null,
      totalCost: cost?.total ?? null,
      costPerHandledMinute: cost?.costPerHandledMinute ?? null,
      costPerContact: cost?.costPerContact ?? null,
      costPerOrder: cost?.costPerOrder ?? null,
    },
    lastMonth,
    forecast: {
      quantile,
      planTo,
      channels: forecasts.map(({ channel, result }) => ({
        channel,
        method: result.method,
        contacts: contactsByChannel[channel]!,
        backtestOrigins: result.backtest.origins.length,
        backtest: result.backtest.methods.map((m) => ({
          method: m.method,
          wape: round(m.wape, 6),
          mape: round(m.mape, 6),
          bias: round(m.bias, 6),
          rmse: round(m.rmse, 4),
        })),
        coverageUpper: finiteOrNull(result.backtest.coverageUpper, 4),
        anomalousDays: result.anomalies.map((a) => formatLocalDate(a.dateMs)),
        warnings: result.warnings,
      })),
      intervals: forecastIntervals,
    },
    staffing: { totals: staffingTotals, days: staffingPlan.days, intervals: staffingIntervals, models: channelQueueModels({ config: staffingConfig, channels: forecasts.map((f) => f.channel) }) },
    schedule: schedule === null ? null : { teams: schedule.teams, shifts: schedule.shifts, coverage: schedule.coverage, ...(groupSchedule === null ? {} : { agentGroups: groupSchedule }) },
    cost,
    scenarios,
    simulation,
  };
}

/** The forecasts with a review's calibration applied (volume factor, AHT profile), noted in each channel's warnings. */
function calibratedForecasts(calibration: PlanCalibration | undefined, forecasts: ReturnType<typeof forecastByChannel>): ReturnType<typeof forecastByChannel> {
  if (calibration === undefined) return forecasts;
  return forecasts.map(({ channel, result }) => {
    const c = calibration.channels[channel];
    if (c === undefined) return { channel, result };
    const applied = [
      ...(c.volumeFactor === undefined ? [] : [`volume x${c.volumeFactor}`]),
      ...(c.ahtSecondsByIntervalOfWeek === undefined ? [] : ["AHT by interval of week"]),
      ...(c.patienceSeconds === undefined ? [] : [`patience ${c.patienceSeconds} s`]),
      ...(c.shrinkage === undefined ? [] : [`shrinkage ${(c.shrinkage * 100).toFixed(1)}%`]),
    ];
    return {
      channel,
      result: {
        ...result,
        rows: calibrateForecastRows({ rows: result.rows, calibration: c }),
        warnings: [...result.warnings, `calibrated from the review of ${calibration.month}: ${applied.join(", ") || "nothing to apply"}`],
      },
    };
  });
}

/** Simulates the staffing plan and the schedule (see {@link PlanMonthOptions.simulation}). */
async function simulatePlanMonth(
  settings: NonNullable<PlanMonthOptions["simulation"]>,
  config: StaffingConfig,
  plan: StaffingPlan,
  schedule: ScheduledTeams | null,
  intervalMinutes: number,
): Promise<PlanSimulationResult> {
  const replications = settings.replications ?? 20;
  const seed = settings.seed ?? 1;
  const models = planChannelModels(config, [...new Set(plan.intervals.map((i) => i.channel))]);
  const queue = new Set(models.map((m) => m.channel));
  const staffingInputs: PlanSimulationInput[] = plan.intervals
    .filter((i) => queue.has(i.channel))
    .map((i) => ({
      timestamp: formatLocalTimestamp(i.localMs),
      channel: i.channel,
      calls: i.calls,
      ahtSeconds: i.ahtSeconds,
      agents: i.requiredAgents,
      modelServiceLevel: finiteOrNull(i.serviceLevel, 6),
    }));
  const common = { models, intervalMinutes, replications, seed, ...(settings.run === undefined ? {} : { run: settings.run }) };
  const staffing = await simulatePlan({ ...common, inputs: staffingInputs });
  // The schedule on the staffing plan's timeline: an interval the schedule does not staff has no agents.
  const floor = new Map(schedule?.floorAgents.map((i) => [`${i.timestamp}|${i.channel}`, i]) ?? []);
  const scheduleInputs = staffingInputs.map((i) => floor.get(`${i.timestamp}|${i.channel}`) ?? { ...i, agents: 0, modelServiceLevel: i.calls > 0 ? 0 : null });
  const scheduleBasis = schedule === null ? null : await simulatePlan({ ...common, inputs: scheduleInputs });
  return { replications, seed, models, staffing, schedule: scheduleBasis };
}

interface ScheduledTeams {
  readonly teams: PlanTeamSchedule[];
  readonly shifts: PlanShift[];
  readonly coverage: PlanCoverageInterval[];
  /** Paid hours per team. */
  readonly paidHours: Map<string, number>;
  /** Peak agents on the floor, all teams together. */
  readonly peakAgents: number;
  /** (calls, service level) per channel and interval the schedule delivers. */
  readonly coverageWeights: { calls: number; serviceLevel: number }[];
  /** Agents on contacts per channel and interval from the schedule, with the model's service level. */
  readonly floorAgents: PlanSimulationInput[];
}

function weightedServiceLevel(weights: readonly { calls: number; serviceLevel: number }[]): number | null {
  let calls = 0;
  let sum = 0;
  for (const w of weights) {
    calls += w.calls;
    sum += w.calls * w.serviceLevel;
  }
  return calls > 0 ? sum / calls : null;
}

/** The agent groups' requirements when the staffing config has `agentGroups` and the schedule names no teams; else null. */
async function groupRequirementsOf(schedule: PlanScheduleOptions | undefined, plan: StaffingPlan, config: StaffingConfig): Promise<AgentGroupRequirements | null> {
  if (schedule === undefined || schedule.teams !== undefined || config.agentGroups === undefined || config.agentGroups.length === 0) return null;
  return agentGroupRequirements({ plan, config });
}

/** One team per agent group, then one per channel no group serves (chat, deferred work). */
function groupTeams(groups: AgentGroupRequirements, plan: StaffingPlan): PlanTeam[] {
  const served = new Set(groups.teams.flatMap((t) => t.channels));
  const rest = [...new Set(plan.intervals.map((i) => i.channel))].filter((c) => !served.has(c));
  return [...groups.teams, ...rest.map((channel) => ({ name: channel, channels: [channel] }))];
}

/** The plan's simulation settings for the agent groups' schedule: 20 replications, seed 1 unless given. */
function groupSimulationSettings(settings: PlanMonthOptions["simulation"]) {
  return { replications: settings?.replications ?? 20, seed: settings?.seed ?? 1, ...(settings?.run === undefined ? {} : { run: settings.run }) };
}

/** (contacts, simulated service level) per contact type of the agent groups' schedule. */
function groupServiceLevelWeights(schedule: PlanSkillSchedule | null): { calls: number; serviceLevel: number }[] {
  return (schedule?.contactTypes ?? []).flatMap((t) => (t.serviceLevel === null ? [] : [{ calls: t.offered, serviceLevel: t.serviceLevel }]));
}

async function scheduleTeams(
  options: PlanScheduleOptions,
  plan: StaffingPlan,
  config: StaffingConfig,
  period: PlanPeriod,
  /** Agents to schedule per team and interval start, for teams that are agent groups (their service level is simulated instead). */
  groupRequired?: ReadonlyMap<string, ReadonlyMap<number, number>>,
): Promise<ScheduledTeams> {
  const { settings, timeLimitSeconds = 30, relativeGap = 0.01, solve = solveShiftProblem, onProgress } = options;
  const channels = [...new Set(plan.intervals.map((i) => i.channel))];
  const teams = options.teams ?? channels.map((channel) => ({ name: channel, channels: [channel] }));
  // The schedule runs on the grid the shift templates and breaks need (hourly staffing with
  // 15-minute breaks: 15-minute slots, each needing its hour's agents).
  const slotMinutes = shiftGridMinutes(settings, plan.intervalMinutes);
  const perInterval = plan.intervalMinutes / slotMinutes;
  const intervalMs = slotMinutes * millisecondsInMinute;
  const slots = Math.round((period.endLocalMs - period.startLocalMs) / intervalMs);
  const result: ScheduledTeams = { teams: [], shifts: [], coverage: [], paidHours: new Map(), peakAgents: 0, coverageWeights: [], floorAgents: [] };
  const floorTotal = new Float64Array(slots);
  const jobs = teams.map((team) => {
    const group = groupRequired?.get(team.name);
    const members = group === undefined ? plan.intervals.filter((i) => team.channels.includes(i.channel)) : [];
    const required =
      group === undefined
        ? new Array<number>(slots).fill(0)
        : groupSlotRequirement({ required: group, startLocalMs: period.startLocalMs, intervalMinutes: plan.intervalMinutes, slotMinutes, slots });
    for (const i of members) {
      const first = Math.round((i.localMs - period.startLocalMs) / intervalMs);
      for (let slot = first; slot < first + perInterval; slot++) {
        if (slot >= 0 && slot < slots) required[slot] = required[slot]! + i.scheduledAgents;
      }
    }
    const built = buildTemplateProblem({ series: { startLocalMs: period.startLocalMs, intervalMinutes: slotMinutes, required }, settings });
    return { team, members, required, built };
  });
  const solveOptions = { timeLimitSeconds, relativeGap, ...(onProgress === undefined ? {} : { onProgress }) };
  const solutions: ScheduleSolution[] = [];
  if (options.parallel === true) solutions.push(...(await Promise.all(jobs.map((job) => solve(job.built.problem, solveOptions)))));
  else for (const job of jobs) solutions.push(await solve(job.built.problem, solveOptions));
  for (const [index, { team, members, required, built }] of jobs.entries()) {
    const solution = solutions[index]!;
    if (solution.verified === null) {
      const uncoverable = solution.uncoverable;
      const where =
        uncoverable.length === 0
          ? ""
          : `: no shift template covers ${uncoverable.length} interval${uncoverable.length === 1 ? "" : "s"} that need agents, the first at ${formatLocalTimestamp(period.startLocalMs + uncoverable[0]! * intervalMs)}`;
      throw new WfmError({
        code: solution.status === "infeasible" ? "infeasible" : "solver-failed",
        path: ["schedule", "teams", index],
        message: `the ${team.name} team has no schedule (solver status ${solution.status})${where}; ${
          uncoverable.length > 0 ? "add a template for those hours or use soft coverage" : "raise the time limit"
        }`,
        value: team.name,
      });
    }
    const report = scheduleReport({ built, solution });
    // The service level each channel gets: the team's on-floor agents shared among its channels
    // in proportion to their scheduled agents, less the interval's shrinkage (absence, meetings).
    let teamCalls = 0;
    let teamSl = 0;
    const slByInterval = new Map<number, { calls: number; sum: number }>();
    for (const i of members) {
      const first = Math.round((i.localMs - period.startLocalMs) / intervalMs);
      if (first < 0 || first >= slots || required[first]! <= 0) continue;
      // Agents on the floor over the interval: the mean over its slots (breaks come and go).
      let floor = 0;
      for (let slot = first; slot < first + perInterval; slot++) floor += report.coverage[slot]?.scheduled ?? 0;
      floor /= perInterval;
      const share = i.scheduledAgents / required[first]!;
      const channelConfig = config.channels?.[i.channel];
      const delivered =
        i.ahtSeconds > 0
          ? deliveredService({
              callsPerInterval: i.calls,
              intervalSeconds: plan.intervalMinutes * 60,
              ahtSeconds: i.ahtSeconds,
              scheduledAgents: floor * share,
              shrinkage: i.shrinkage,
              channelName: i.channel,
              ...(channelConfig === undefined ? {} : { channel: channelConfig }),
            })
          : null;
      if (delivered === null) continue;
      result.floorAgents.push({
        timestamp: formatLocalTimestamp(i.localMs),
        channel: i.channel,
        calls: i.calls,
        ahtSeconds: i.ahtSeconds,
        agents: delivered.agentsOnContacts,
        modelServiceLevel: round(delivered.serviceLevel, 6),
      });
      if (i.calls <= 0) continue;
      const sl = delivered.serviceLevel;
      result.coverageWeights.push({ calls: i.calls, serviceLevel: sl });
      teamCalls += i.calls;
      teamSl += i.calls * sl;
      for (let slot = first; slot < first + perInterval; slot++) {
        const cell = slByInterval.get(slot) ?? { calls: 0, sum: 0 };
        cell.calls += i.calls;
        cell.sum += i.calls * sl;
        slByInterval.set(slot, cell);
      }
    }
    const t = report.totals;
    result.teams.push({
      team: team.name,
      channels: team.channels,
      status: report.status,
      objective: round(t.objective, 4),
      bound: finiteOrNull(t.bound, 4),
      gap: finiteOrNull(t.gap, 6),
      paidHours: round(t.paidHours, 2),
      shiftCost: round(t.shiftCost, 2),
      requiredAgentHours: round(t.requiredAgentHours, 2),
      shortfallAgentHours: round(t.shortfallAgentHours, 2),
      excessAgentHours: round(t.excessAgentHours, 2),
      efficiency: round(t.efficiency, 6),
      distinctShifts: t.distinctShifts,
      shiftsStarted: report.shifts.reduce((s, x) => s + x.agents, 0),
      serviceLevel: teamCalls > 0 ? round(teamSl / teamCalls, 6) : null,
    });
    result.paidHours.set(team.name, t.paidHours);
    for (const shift of report.shifts) {
      result.shifts.push({
        team: team.name,
        template: shift.template,
        date: formatLocalDate(shift.startLocalMs),
        start: formatLocalTimestamp(shift.startLocalMs),
        end: formatLocalTimestamp(shift.endLocalMs),
        agents: shift.agents,
        paidHours: round(shift.paidHours, 2),
        breaks: shift.breaks
          .map((b) => `${formatLocalTimestamp(b.startLocalMs).slice(11)}-${formatLocalTimestamp(b.endLocalMs).slice(11)} ${b.name} x${b.agents}`)
          .join("; "),
      });
    }
    report.coverage.forEach((c, slot) => {
      floorTotal[slot] = floorTotal[slot]! + c.scheduled;
      const cell = slByInterval.get(slot);
      result.coverage.push({
        timestamp: formatLocalTimestamp(c.localMs),
        team: team.name,
        required: c.required,
        scheduled: c.scheduled,
        shortfall: c.shortfall,
        excess: c.excess,
        serviceLevel: cell === undefined || cell.calls <= 0 ? null : round(cell.sum / cell.calls, 6),
      });
    });
  }
  result.coverage.sort((a, b) => compareText(a.timestamp, b.timestamp) || compareText(a.team, b.team));
  result.shifts.sort((a, b) => compareText(a.start, b.start) || compareText(a.team, b.team) || compareText(a.template, b.template));
  return { ...result, peakAgents: Math.max(0, ...floorTotal) };
}
