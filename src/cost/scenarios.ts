import { invalidArgument, requireOptions } from "../errors.js";
import { costBreakdown, type AgentSite, type CostActivity, type CostBreakdown, type CostModel, type Wage } from "./cost-model.js";
import { sumMoney, toMoney, zeroMoney, type Money } from "./money.js";
import type { VoiceCallbackConfig, VoiceClassConfig, VoiceOutboundConfig } from "../staffing/plan.js";

/**
 * What-if scenarios: the levers practitioners pull to cut support cost without losing service
 * (self-service deflection, shorter handle time through automation, a cheaper city for part of
 * the agents, remote work, KPI-based pay, more chats per agent) as changes to a base plan, each
 * recomputed end to end (staffing, then cost) and compared with the base.
 *
 * Staffing levers change the work and the targets and need a staffing recomputation, done by a
 * {@link StaffingPlanner} (see `planFromStaffing`); cost levers change the prices and sites of the
 * {@link CostModel}.
 *
 * @module
 */

/** Levers that change the staffing requirement. Fractions in [0, 1]. */
export interface StaffingLevers {
  /** Share of a channel's contacts moved to self-service (web, IVR, FAQ): volume x (1 - fraction). */
  readonly deflect?: readonly { readonly channel: string; readonly fraction: number }[];
  /** Handle-time changes, applied in order: AHT + changeSeconds, then x (1 + changeFraction); every channel when `channel` is absent. */
  readonly aht?: readonly { readonly channel?: string; readonly changeSeconds?: number; readonly changeFraction?: number }[];
  /** New service-level target (SL within T seconds). */
  readonly serviceLevel?: readonly { readonly channel?: string; readonly targetServiceLevel: number; readonly targetAnswerSeconds: number }[];
  /** New occupancy cap, a fraction. */
  readonly maxOccupancy?: readonly { readonly channel?: string; readonly maxOccupancy: number }[];
  /** Chats one agent handles at once (chat channels). */
  readonly chatConcurrency?: number;
  /**
   * Priority classes for a voice channel ("VIP line for 10% of callers"): the classes, with their
   * shares and own targets, replace the channel's targets (see `VoiceChannelConfig.classes`).
   */
  readonly priorityClasses?: readonly { readonly channel: string; readonly classes: readonly VoiceClassConfig[] }[];
  /**
   * Call-back offers on a voice channel ("offer call-back above 60 s"): callers whose expected
   * wait exceeds the threshold are offered a call-back (see `VoiceChannelConfig.callback`); the
   * channel's targets then apply to the callers who stayed inbound.
   */
  readonly callback?: readonly { readonly channel: string; readonly callback: VoiceCallbackConfig }[];
  /**
   * "Use idle time for outbound": an outbound line on a voice channel (call blending, see
   * `VoiceChannelConfig.outbound`); without a target it uses the inbound staffing's idle time,
   * with one it adds the agents that meet it.
   */
  readonly outbound?: readonly { readonly channel: string; readonly outbound: VoiceOutboundConfig }[];
}

/** Levers that change prices and sites. */
export interface CostLevers {
  /** Wage change of a site's agents (KPI-based pay, a raise): wage x (1 + changeFraction); every site when `site` is absent. */
  readonly wages?: readonly { readonly site?: string; readonly changeFraction: Money }[];
  /**
   * Move a share of all agent hours to another site (relocation to a cheaper city): from `from`
   * (or from every other site in proportion) to `to`, an existing site or a new one with its wage.
   */
  readonly relocate?: readonly {
    readonly share: number;
    readonly from?: string;
    readonly to: { readonly name: string; readonly wage?: Wage; readonly seatCostPerMonth?: Money; readonly remoteShare?: number };
  }[];
  /** Share of a site's people working from home (no seat). */
  readonly remote?: readonly { readonly site?: string; readonly remoteShare: number }[];
  /** New cost per seat per month. */
  readonly seatCost?: readonly { readonly site?: string; readonly seatCostPerMonth: Money }[];
}

/** A named scenario: any mix of levers. */
export interface Scenario extends StaffingLevers, CostLevers {
  readonly name: string;
  readonly description?: string;
}

/** The work a staffing plan implies, with the service level it is expected to reach. */
export interface PlannedWork {
  readonly activity: CostActivity;
  /** Expected service level, contact-weighted over the channels with a service-level target; `null` when none has one. */
  readonly serviceLevel: number | null;
}

/** Recomputes staffing for a set of levers (the base plan for `{}`). */
export type StaffingPlanner = (levers: StaffingLevers) => PlannedWork;

/** One column of a scenario comparison. */
export interface ScenarioResult {
  readonly name: string;
  readonly description: string;
  readonly work: PlannedWork;
  readonly cost: CostBreakdown;
  /** Agent FTE + supporting staff headcount. */
  readonly totalFte: Money;
  /** Differences from the base (scenario - base); zero for the base itself. */
  readonly delta: {
    readonly total: Money;
    readonly agentFte: Money;
    readonly totalFte: Money;
    readonly costPerHandledMinute: Money | null;
    readonly costPerContact: Money | null;
    readonly costPerOrder: Money | null;
    readonly serviceLevel: number | null;
    /** (scenario - base) / base total. */
    readonly totalFraction: number | null;
  };
}

const fn = "applyCostLevers";

function selectSites(model: CostModel, site: string | undefined, field: string): readonly AgentSite[] {
  if (site === undefined) return model.sites;
  const found = model.sites.filter((s) => s.name === site);
  if (found.length === 0) invalidArgument(fn, field, `one of the sites (${model.sites.map((s) => s.name).join(", ")})`, site);
  return found;
}

/**
 * Applies a scenario's cost levers to a cost model: wage changes, relocation of a share of the
 * agent hours, remote shares and seat costs, in that order. A site with a fixed seat count keeps
 * seats in proportion to its on-site share of agents: seats' = ceil(seats x s'(1 - r') / (s(1 - r))).
 *
 * @throws {WfmError} `invalid-argument` for an unknown site, a share above what the source site
 *   has, or a new site without a wage
 *
 * @example
 * ```ts
 * const moved = applyCostLevers(model, { relocate: [{ share: 0.3, to: { name: "shiraz", wage: { amount: toMoney(3), per: "hour" } } }] });
 * moved.sites.map((s) => [s.name, s.agentShare]); //=> [["tehran", 0.7], ["shiraz", 0.3]]
 * ```
 */
export function applyCostLevers(model: CostModel, levers: CostLevers): CostModel {
  requireOptions("applyCostLevers", model, ["currency", "minorUnits", "hoursPerFte", "employerOverheadRate", "sites", "supportingStaff", "otherCosts"]);
  type Mutable = { -readonly [K in keyof AgentSite]: AgentSite[K] };
  const sites: Mutable[] = model.sites.map((s) => ({ ...s }));
  const shares = new Map<string, Money>(sites.map((s) => [s.name, toMoney(s.agentShare)]));

  (levers.wages ?? []).forEach((w, i) => {
    for (const target of selectSites({ ...model, sites }, w.site, `wages[${i}].site`)) {
      const site = sites.find((s) => s.name === target.name)!;
      site.wage = { per: site.wage.per, amount: site.wage.amount.times(toMoney(1).plus(w.changeFraction)) };
    }
  });

  (levers.relocate ?? []).forEach((move, i) => {
    if (!(move.share >= 0 && move.share <= 1)) invalidArgument(fn, `relocate[${i}].share`, "a fraction from 0 to 1", move.share);
    const share = toMoney(move.share);
    let target = sites.find((s) => s.name === move.to.name);
    if (target === undefined) {
      if (move.to.wage === undefined) invalidArgument(fn, `relocate[${i}].to.wage`, `given for the new site ${JSON.stringify(move.to.name)}`, undefined);
      target = {
        name: move.to.name,
        agentShare: 0,
        wage: move.to.wage,
        ...(move.to.seatCostPerMonth === undefined ? {} : { seatCostPerMonth: move.to.seatCostPerMonth }),
        ...(move.to.remoteShare === undefined ? {} : { remoteShare: move.to.remoteShare }),
      };
      sites.push(target);
      shares.set(target.name, zeroMoney);
    }
    const sources = move.from === undefined ? sites.filter((s) => s.name !== move.to.name) : sites.filter((s) => s.name === move.from);
    if (move.from !== undefined && sources.length === 0) invalidArgument(fn, `relocate[${i}].from`, `one of the sites (${sites.map((s) => s.name).join(", ")})`, move.from);
    const available = sumMoney(sources.map((s) => shares.get(s.name)!));
    if (share.gt(available)) invalidArgument(fn, `relocate[${i}].share`, `at most the ${available.toString()} share of agent hours at the source sites`, move.share);
    if (available.isZero()) return;
    for (const source of sources) {
      const own = shares.get(source.name)!;
      shares.set(source.name, own.minus(share.times(own).dividedBy(available)));
    }
    shares.set(target.name, shares.get(target.name)!.plus(share));
  });

  (levers.remote ?? []).forEach((r, i) => {
    if (!(r.remoteShare >= 0 && r.remoteShare <= 1)) invalidArgument(fn, `remote[${i}].remoteShare`, "a fraction from 0 to 1", r.remoteShare);
    for (const target of selectSites({ ...model, sites }, r.site, `remote[${i}].site`)) sites.find((s) => s.name === target.name)!.remoteShare = r.remoteShare;
  });
  (levers.seatCost ?? []).forEach((c, i) => {
    for (const target of selectSites({ ...model, sites }, c.site, `seatCost[${i}].site`)) sites.find((s) => s.name === target.name)!.seatCostPerMonth = c.seatCostPerMonth;
  });

  // Shares back to numbers; the last site takes 1 - the others so they sum to exactly 1.
  let given = zeroMoney;
  sites.forEach((site, i) => {
    const exact = i === sites.length - 1 ? toMoney(1).minus(given) : shares.get(site.name)!;
    site.agentShare = exact.toNumber();
    given = given.plus(toMoney(site.agentShare));
    const before = model.sites.find((s) => s.name === site.name);
    if (before?.seats !== undefined) {
      const was = toMoney(before.agentShare).times(toMoney(1).minus(toMoney(before.remoteShare ?? 0)));
      const now = toMoney(site.agentShare).times(toMoney(1).minus(toMoney(site.remoteShare ?? 0)));
      site.seats = was.isZero() ? before.seats : toMoney(before.seats).times(now).dividedBy(was).ceil().toNumber();
    }
  });
  return { ...model, sites };
}

/**
 * Recomputes staffing and cost for the base plan and each scenario and compares them.
 *
 * For each scenario: work = planner(staffing levers), cost = costBreakdown(applyCostLevers(model,
 * cost levers), work.activity); deltas are scenario - base (`totalFraction` relative to the base
 * total).
 *
 * @param options.model - the base cost model
 * @param options.planner - recomputes staffing for a set of levers ({@link StaffingPlanner})
 * @param options.scenarios - named scenarios ({@link Scenario}); names must be unique and not "base"
 * @throws {WfmError} `invalid-argument` for repeated names and whatever the planner or
 *   {@link applyCostLevers} reject
 *
 * @example
 * ```ts
 * const { base, scenarios } = compareScenarios({ model, planner, scenarios: [{ name: "ivr", deflect: [{ channel: "voice", fraction: 0.1 }] }] });
 * scenarios[0].delta.total.isNegative(); //=> true (fewer calls, fewer agents)
 * ```
 */
export function compareScenarios(options: {
  readonly model: CostModel;
  readonly planner: StaffingPlanner;
  readonly scenarios: readonly Scenario[];
}): { readonly base: ScenarioResult; readonly scenarios: readonly ScenarioResult[] } {
  requireOptions("compareScenarios", options, ["model", "planner", "scenarios"]);
  const { model, planner, scenarios } = options;
  const names = new Set<string>(["base"]);
  scenarios.forEach((s, i) => {
    if (names.has(s.name)) invalidArgument("compareScenarios", `scenarios[${i}].name`, "unique and not \"base\"", s.name);
    names.add(s.name);
  });
  const evaluate = (name: string, description: string, levers: Scenario | null) => {
    const work = planner(levers ?? {});
    const cost = costBreakdown({ model: levers === null ? model : applyCostLevers(model, levers), activity: work.activity });
    const support = Object.values(cost.supportHeadcount).reduce((a, b) => a + b, 0);
    return { name, description, work, cost, totalFte: cost.agentFte.plus(support) };
  };
  const base = evaluate("base", "the plan as configured", null);
  const diff = (a: Money | null, b: Money | null) => (a === null || b === null ? null : a.minus(b));
  const withDelta = (r: ReturnType<typeof evaluate>): ScenarioResult => ({
    ...r,
    delta: {
      total: r.cost.total.minus(base.cost.total),
      agentFte: r.cost.agentFte.minus(base.cost.agentFte),
      totalFte: r.totalFte.minus(base.totalFte),
      costPerHandledMinute: diff(r.cost.costPerHandledMinute, base.cost.costPerHandledMinute),
      costPerContact: diff(r.cost.costPerContact, base.cost.costPerContact),
      costPerOrder: diff(r.cost.costPerOrder, base.cost.costPerOrder),
      serviceLevel: r.work.serviceLevel === null || base.work.serviceLevel === null ? null : r.work.serviceLevel - base.work.serviceLevel,
      totalFraction: base.cost.total.isZero() ? null : r.cost.total.minus(base.cost.total).dividedBy(base.cost.total).toNumber(),
    },
  });
  return { base: withDelta(base), scenarios: scenarios.map((s) => withDelta(evaluate(s.name, s.description ?? "", s))) };
}
