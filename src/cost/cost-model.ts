import { invalidArgument, requireOptions } from "../errors.js";
import { allocateRounded, divideMoney, roundMoney, sumMoney, toMoney, zeroMoney, type Money, type MoneyRounding } from "./money.js";

/**
 * Month-end operation cost of a contact centre, exact to the last digit, with its breakdown and
 * the unit costs planners report: cost per handled minute, per contact of each channel, per order.
 *
 * Cost lines (all amounts {@link Money}, summed exactly):
 * - agent wages per site: H x s_site x hourly wage, or H x s_site / h_FTE x monthly wage, where H
 *   is the paid agent hours and s_site the site's share of them;
 * - supporting staff per role: headcount x monthly wage x months (or hourly wage x h_FTE x months),
 *   headcount = ceil(agent FTE / agents per person) or fixed;
 * - employer overhead = rate x (agent wages + supporting staff wages);
 * - seats per site: seats x cost per seat per month x months, seats fixed or
 *   ceil((peak agents x s_site + supporting staff at the site) x (1 - remote share));
 * - other costs: fixed per month, per agent FTE-month, per handled minute, per contact.
 *
 * Every line amount is carried with {@link amountDecimals} decimals (1e-20 of a currency unit, far
 * below any minor unit), so that any sum of amounts below 1e20 fits the 40 significant digits of
 * {@link Money} and is exact: the lines add up to the total with no rounding at all.
 *
 * The channel view splits every line between channels (agent-time lines by paid agent hours,
 * per-minute and per-contact lines by minutes and contacts, or to their own channel), the last
 * channel taking the exact remainder, so channel costs add up to the total exactly.
 *
 * Priority classes: a channel's cost is allocated to its classes by their share of the handled
 * work, handled contacts x AHT (handled minutes); the classes of a channel share one AHT per
 * interval, so this is each class's share of the handled calls. The last class takes the exact
 * remainder, so class costs add up to the channel's cost exactly.
 *
 * Outbound revenue: a channel's outbound line with a revenue per contact earns
 * contacts x revenue per contact; the unit's revenue-to-cost ratio is revenue / total cost.
 *
 * @module
 */

/** A wage: an amount per hour or per month (of one full-time person). */
export interface Wage {
  readonly amount: Money;
  readonly per: "hour" | "month";
}

/** One site (city, building, or a group of agents paid alike) where agents work. */
export interface AgentSite {
  /** Site name, unique. */
  readonly name: string;
  /** Share of the paid agent hours worked at this site, a fraction; shares of all sites sum to 1. */
  readonly agentShare: number;
  /** Agents' wage at this site. */
  readonly wage: Wage;
  /** Cost of one seat (desk, PC, space) per month. @defaultValue no seat cost */
  readonly seatCostPerMonth?: Money;
  /** Fixed seat count; when absent, seats are sized from the peak concurrent agents. */
  readonly seats?: number;
  /** Share of this site's agents (and supporting staff) who work from home and need no seat, 0..1. @defaultValue 0 */
  readonly remoteShare?: number;
}

/** A supporting role (QA, team lead, WFM, reporting): headcount by ratio to agents, or fixed. */
export interface SupportRole {
  /** Role name, unique. */
  readonly role: string;
  /** Site (for seats). @defaultValue the first site */
  readonly site?: string;
  readonly wage: Wage;
  /** One person per this many agent FTE (QA ~10-15, team lead ~15); headcount = ceil(FTE / N). */
  readonly agentsPerPerson?: number;
  /** Fixed headcount (WFM, reporting). */
  readonly headcount?: number;
}

/** How an other cost is charged. */
export type OtherCostBasis = "per-month" | "per-agent-fte" | "per-handled-minute" | "per-contact";

/** A cost other than wages and seats: telephony, licences, facilities, outsourcing fees. */
export interface OtherCost {
  readonly name: string;
  readonly basis: OtherCostBasis;
  /** Amount per month, per agent FTE-month, per handled minute, or per handled contact. */
  readonly amount: Money;
  /** Only this channel's minutes or contacts (per-minute and per-contact costs). @defaultValue every channel */
  readonly channel?: string;
}

/** Prices and rules of a contact centre's cost, from a cost config. */
export interface CostModel {
  /** Currency code, e.g. `"USD"`, `"IRR"`. */
  readonly currency: string;
  /** Decimals of the currency at output (USD 2, IRR 0). */
  readonly minorUnits: number;
  /** Rounding of half a minor unit at output. @defaultValue "half-up" */
  readonly rounding?: MoneyRounding;
  /** Paid hours of one full-time agent per month (FTE), e.g. 176. */
  readonly hoursPerFte: number;
  /** Employer overhead on wages (payroll taxes, insurance, benefits), a fraction, e.g. 0.3. */
  readonly employerOverheadRate: Money;
  readonly sites: readonly AgentSite[];
  readonly supportingStaff: readonly SupportRole[];
  readonly otherCosts: readonly OtherCost[];
}

/** Work of one channel in the costed period. */
export interface ChannelActivity {
  readonly channel: string;
  /** Paid agent hours on the channel (scheduled hours after shrinkage, or actual paid hours). */
  readonly agentHours: number;
  /** Contacts handled. */
  readonly handledContacts: number;
  /** Handle (talk + hold + wrap) minutes. */
  readonly handledMinutes: number;
  /** Priority classes of the channel (their contacts and minutes sum to the channel's). @defaultValue none */
  readonly classes?: readonly ClassActivity[];
  /** The channel's outbound line (blending): contacts made, and revenue per contact when known. @defaultValue none */
  readonly outbound?: OutboundActivity;
}

/** Work of one priority class of a channel. */
export interface ClassActivity {
  readonly name: string;
  /** Contacts of this class handled. */
  readonly handledContacts: number;
  /** Handle minutes of this class (handled x AHT / 60); the cost allocation weight. */
  readonly handledMinutes: number;
}

/** Outbound contacts of a channel worked in the inbound agents' idle time. */
export interface OutboundActivity {
  /** Outbound contacts completed (expected), >= 0. */
  readonly contacts: number;
  /** Revenue per outbound contact, in the model's currency; `null` when not given. */
  readonly revenuePerContact: Money | null;
}

/** What was (actual) or will be (projected) worked in the period. */
export interface CostActivity {
  /** Whether the hours come from a staffing plan or from actual staffed hours. */
  readonly basis: "projected" | "actual";
  /** Length of the period in months (monthly costs are charged this many times). @defaultValue 1 */
  readonly months?: number;
  readonly channels: readonly ChannelActivity[];
  /** Peak concurrent paid agents (seat sizing for sites without a fixed seat count). */
  readonly peakAgents?: number;
  /** Orders in the period (cost per order). */
  readonly orders?: number;
}

/** Category of a cost line. */
export type CostCategory = "agent-wages" | "supporting-staff" | "employer-overhead" | "seats" | "other";

/** One line of the breakdown: quantity x rate = amount (exact). */
export interface CostLine {
  readonly category: CostCategory;
  /** `"agents tehran"`, `"qa"`, `"seats tehran"`, `"telephony"`. */
  readonly name: string;
  /** Quantity in `unit`s (hours, FTE-months, people-months, seat-months, minutes, contacts). */
  readonly quantity: Money;
  readonly unit: string;
  /** Price per unit. */
  readonly rate: Money;
  /** quantity x rate, carried with 20 decimals. */
  readonly amount: Money;
}

/** Cost of one channel and its unit costs. */
export interface ChannelCost {
  readonly channel: string;
  readonly cost: Money;
  readonly handledContacts: number;
  readonly handledMinutes: number;
  /** cost / handled contacts; `null` without contacts. */
  readonly costPerContact: Money | null;
  /** cost / handled minutes; `null` without minutes. */
  readonly costPerHandledMinute: Money | null;
  /** The channel's cost per priority class (summing exactly to `cost`); absent without classes. */
  readonly classes?: readonly ClassCost[];
  /** Outbound contacts and revenue (revenue `null` without a revenue per contact); absent without an outbound line. */
  readonly outbound?: { readonly contacts: number; readonly revenue: Money | null };
}

/** Cost of one priority class: its share of the channel's cost by handled minutes. */
export interface ClassCost {
  readonly name: string;
  /** channel cost x class handled minutes / channel class minutes (the last class: the exact remainder). */
  readonly cost: Money;
  readonly handledContacts: number;
  readonly handledMinutes: number;
  /** cost / handled contacts; `null` without contacts. */
  readonly costPerContact: Money | null;
}

/** Outbound revenue of the unit, over the channels whose outbound line has a revenue per contact. */
export interface OutboundRevenue {
  /** Outbound contacts of those channels. */
  readonly contacts: number;
  /** Sum of contacts x revenue per contact, exact (carried with 20 decimals). */
  readonly revenue: Money;
  /** revenue / total cost; `null` when the total cost is 0. */
  readonly revenueToCost: Money | null;
}

/** The exact cost of a period. */
export interface CostBreakdown {
  readonly currency: string;
  readonly minorUnits: number;
  readonly rounding: MoneyRounding;
  readonly basis: "projected" | "actual";
  readonly months: number;
  /** Paid agent hours, all channels. */
  readonly agentHours: number;
  /** Agent FTE = agent hours / (hours per FTE x months). */
  readonly agentFte: Money;
  /** Supporting staff headcount per role. */
  readonly supportHeadcount: Readonly<Record<string, number>>;
  /** Seats per site with a seat cost. */
  readonly seats: Readonly<Record<string, number>>;
  readonly handledContacts: number;
  readonly handledMinutes: number;
  readonly orders: number | null;
  readonly lines: readonly CostLine[];
  /** Sum of the lines, exact. */
  readonly total: Money;
  readonly channels: readonly ChannelCost[];
  /** total / handled minutes. */
  readonly costPerHandledMinute: Money | null;
  /** total / handled contacts. */
  readonly costPerContact: Money | null;
  /** total / orders (cost per order x orders = total, to 40 significant digits). */
  readonly costPerOrder: Money | null;
  /** Outbound revenue and the revenue-to-cost ratio; absent when no channel has a revenue per contact. */
  readonly outbound?: OutboundRevenue;
}

const fn = "costBreakdown";

/** Decimals every cost amount is carried with (see the module comment). */
export const amountDecimals = 20;

/** An amount at the working resolution of 1e-20. */
const carried = (m: Money): Money => m.toDecimalPlaces(amountDecimals);

function checkNonNegative(field: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) invalidArgument(fn, field, "a non-negative finite number", value);
}

/** Wage cost of `hours` paid hours (monthly wages through hours per FTE). */
function wageForHours(wage: Wage, hours: Money, hoursPerFte: number): { rate: Money; amount: Money } {
  const rate = wage.per === "hour" ? wage.amount : wage.amount.dividedBy(hoursPerFte);
  return { rate, amount: carried(wage.per === "hour" ? hours.times(wage.amount) : hours.times(wage.amount).dividedBy(hoursPerFte)) };
}

/** Splits `amount` by `weights` exactly: parts rounded down to 1e-20, the last part the remainder; equal parts when every weight is 0. */
function splitExact(amount: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const w = total > 0 ? weights : weights.map(() => 1);
  const sum = sumMoney(w.map((x) => toMoney(x)));
  const parts: Money[] = [];
  let given = zeroMoney;
  w.forEach((weight, i) => {
    if (i === w.length - 1) parts.push(amount.minus(given));
    else {
      // Rounded toward zero, so the parts given never exceed the amount and the remainder keeps its sign.
      const part = amount.times(toMoney(weight)).dividedBy(sum).toDecimalPlaces(amountDecimals, 1);
      parts.push(part);
      given = given.plus(part);
    }
  });
  return parts;
}

/**
 * Computes the exact cost of a period from a cost model and the work done (or planned).
 *
 * @param options.model - prices and rules ({@link CostModel})
 * @param options.activity - hours, contacts, minutes per channel, peak agents, orders ({@link CostActivity})
 * @returns every line, the exact total (= the sum of the lines), the channel split (= the total),
 *   and unit costs (`null` where the divisor is 0, never a zero)
 * @throws {WfmError} `invalid-argument` for shares that do not sum to 1, negative hours or
 *   counts, an unknown site, or seats that cannot be sized (no fixed count and no peak agents)
 *
 * @example
 * ```ts
 * const b = costBreakdown({
 *   model: { currency: "USD", minorUnits: 2, hoursPerFte: 160, employerOverheadRate: toMoney("0.25"),
 *     sites: [{ name: "hq", agentShare: 1, wage: { amount: toMoney("10"), per: "hour" } }],
 *     supportingStaff: [], otherCosts: [] },
 *   activity: { basis: "actual", channels: [{ channel: "voice", agentHours: 160, handledContacts: 1000, handledMinutes: 5000 }], orders: 4000 },
 * });
 * b.total.toString(); //=> "2000" (160 h x 10 = 1600, + 25% overhead)
 * b.costPerHandledMinute?.toString(); //=> "0.4"
 * b.costPerOrder?.toString(); //=> "0.5"
 * ```
 */
export function costBreakdown(options: { readonly model: CostModel; readonly activity: CostActivity }): CostBreakdown {
  requireOptions("costBreakdown", options, ["model", "activity"]);
  const { model, activity } = options;
  const { hoursPerFte, sites, supportingStaff, otherCosts } = model;
  const months = activity.months ?? 1;
  if (!(Number.isFinite(hoursPerFte) && hoursPerFte > 0)) invalidArgument(fn, "model.hoursPerFte", "a positive finite number", hoursPerFte);
  if (!(Number.isFinite(months) && months > 0)) invalidArgument(fn, "activity.months", "a positive finite number", months);
  if (sites.length === 0) invalidArgument(fn, "model.sites", "a non-empty list", sites);
  const shareSum = sumMoney(sites.map((s) => toMoney(s.agentShare, "agentShare")));
  if (!shareSum.eq(1)) invalidArgument(fn, "model.sites[].agentShare", "shares summing to 1", shareSum.toNumber());
  sites.forEach((s, i) => {
    checkNonNegative(`model.sites[${i}].agentShare`, s.agentShare);
    checkNonNegative(`model.sites[${i}].seats`, s.seats);
    const remote = s.remoteShare ?? 0;
    if (!(remote >= 0 && remote <= 1)) invalidArgument(fn, `model.sites[${i}].remoteShare`, "a fraction from 0 to 1", remote);
  });
  activity.channels.forEach((c, i) => {
    checkNonNegative(`activity.channels[${i}].agentHours`, c.agentHours);
    checkNonNegative(`activity.channels[${i}].handledContacts`, c.handledContacts);
    checkNonNegative(`activity.channels[${i}].handledMinutes`, c.handledMinutes);
    c.classes?.forEach((k, j) => {
      checkNonNegative(`activity.channels[${i}].classes[${j}].handledContacts`, k.handledContacts);
      checkNonNegative(`activity.channels[${i}].classes[${j}].handledMinutes`, k.handledMinutes);
    });
    if (c.outbound !== undefined) {
      checkNonNegative(`activity.channels[${i}].outbound.contacts`, c.outbound.contacts);
      const r = c.outbound.revenuePerContact;
      if (r !== null && !(r.isFinite() && r.gte(0))) invalidArgument(fn, `activity.channels[${i}].outbound.revenuePerContact`, "a non-negative amount", r.toString());
    }
  });
  checkNonNegative("activity.peakAgents", activity.peakAgents);
  checkNonNegative("activity.orders", activity.orders);
  const siteNames = new Set(sites.map((s) => s.name));
  supportingStaff.forEach((r, i) => {
    if (r.site !== undefined && !siteNames.has(r.site)) invalidArgument(fn, `model.supportingStaff[${i}].site`, `one of the sites (${[...siteNames].join(", ")})`, r.site);
  });

  const agentHoursNumber = activity.channels.reduce((a, c) => a + c.agentHours, 0);
  const agentHours = sumMoney(activity.channels.map((c) => toMoney(c.agentHours)));
  const fteMonths = agentHours.dividedBy(hoursPerFte);
  const agentFte = fteMonths.dividedBy(months);
  const monthsMoney = toMoney(months);
  const lines: CostLine[] = [];

  // Agent wages per site.
  let wages = zeroMoney;
  for (const site of sites) {
    const hours = agentHours.times(toMoney(site.agentShare));
    const { rate, amount } = wageForHours(site.wage, hours, hoursPerFte);
    wages = wages.plus(amount);
    lines.push({ category: "agent-wages", name: `agents ${site.name}`, quantity: hours, unit: "hours", rate, amount });
  }

  // Supporting staff.
  const supportHeadcount: Record<string, number> = {};
  const supportAtSite = new Map<string, number>();
  supportingStaff.forEach((role, i) => {
    let headcount: number;
    if (role.headcount !== undefined) {
      checkNonNegative(`model.supportingStaff[${i}].headcount`, role.headcount);
      headcount = role.headcount;
    } else if (role.agentsPerPerson !== undefined && role.agentsPerPerson > 0) {
      headcount = agentFte.dividedBy(toMoney(role.agentsPerPerson)).ceil().toNumber();
    } else {
      return invalidArgument(fn, `model.supportingStaff[${i}]`, "a headcount or a positive agentsPerPerson", role);
    }
    supportHeadcount[role.role] = headcount;
    const site = role.site ?? sites[0]!.name;
    supportAtSite.set(site, (supportAtSite.get(site) ?? 0) + headcount);
    const personMonths = toMoney(headcount).times(monthsMoney);
    const rate = role.wage.per === "month" ? role.wage.amount : role.wage.amount.times(hoursPerFte);
    const amount = carried(personMonths.times(rate));
    wages = wages.plus(amount);
    lines.push({ category: "supporting-staff", name: role.role, quantity: personMonths, unit: "person-months", rate, amount });
  });

  // Employer overhead on every wage.
  lines.push({
    category: "employer-overhead",
    name: "employer overhead",
    quantity: wages,
    unit: "wages",
    rate: model.employerOverheadRate,
    amount: carried(wages.times(model.employerOverheadRate)),
  });

  // Seats.
  const seats: Record<string, number> = {};
  sites.forEach((site, i) => {
    if (site.seatCostPerMonth === undefined) return;
    let count: number;
    if (site.seats !== undefined) count = site.seats;
    else if (activity.peakAgents === undefined) {
      return invalidArgument(fn, `model.sites[${i}].seats`, "given when the activity has no peakAgents to size seats from", undefined);
    } else {
      const onSite = toMoney(1).minus(toMoney(site.remoteShare ?? 0));
      const people = toMoney(activity.peakAgents).times(toMoney(site.agentShare)).plus(supportAtSite.get(site.name) ?? 0);
      count = people.times(onSite).ceil().toNumber();
    }
    seats[site.name] = count;
    const seatMonths = toMoney(count).times(monthsMoney);
    lines.push({ category: "seats", name: `seats ${site.name}`, quantity: seatMonths, unit: "seat-months", rate: site.seatCostPerMonth, amount: carried(seatMonths.times(site.seatCostPerMonth)) });
  });

  // Other costs.
  const channelNames = activity.channels.map((c) => c.channel);
  const otherWeights: number[][] = [];
  for (const cost of otherCosts) {
    const inScope = activity.channels.filter((c) => cost.channel === undefined || c.channel === cost.channel);
    let quantity: Money;
    let unit: string;
    let weights: number[];
    switch (cost.basis) {
      case "per-month":
        quantity = monthsMoney;
        unit = "months";
        weights = activity.channels.map((c) => c.agentHours);
        break;
      case "per-agent-fte":
        quantity = fteMonths;
        unit = "FTE-months";
        weights = activity.channels.map((c) => c.agentHours);
        break;
      case "per-handled-minute":
        quantity = sumMoney(inScope.map((c) => toMoney(c.handledMinutes)));
        unit = "minutes";
        weights = activity.channels.map((c) => (inScope.includes(c) ? c.handledMinutes : 0));
        break;
      case "per-contact":
        quantity = sumMoney(inScope.map((c) => toMoney(c.handledContacts)));
        unit = "contacts";
        weights = activity.channels.map((c) => (inScope.includes(c) ? c.handledContacts : 0));
        break;
    }
    otherWeights.push(weights);
    lines.push({ category: "other", name: cost.name, quantity, unit, rate: cost.amount, amount: carried(quantity.times(cost.amount)) });
  }

  const total = sumMoney(lines.map((l) => l.amount));

  // Channel split: agent-time lines by hours; other costs by their own weights.
  const channelCost = channelNames.map(() => zeroMoney);
  const hoursWeights = activity.channels.map((c) => c.agentHours);
  let otherIndex = 0;
  for (const line of lines) {
    const weights = line.category === "other" ? otherWeights[otherIndex++]! : hoursWeights;
    if (channelNames.length === 0) continue;
    const parts = splitExact(line.amount, weights);
    parts.forEach((p, i) => (channelCost[i] = channelCost[i]!.plus(p)));
  }
  const channels: ChannelCost[] = activity.channels.map((c, i) => ({
    channel: c.channel,
    cost: channelCost[i]!,
    handledContacts: c.handledContacts,
    handledMinutes: c.handledMinutes,
    costPerContact: divideMoney(channelCost[i]!, c.handledContacts),
    costPerHandledMinute: divideMoney(channelCost[i]!, c.handledMinutes),
    ...(c.classes === undefined || c.classes.length === 0 ? {} : { classes: classCosts(channelCost[i]!, c.classes) }),
    ...(c.outbound === undefined
      ? {}
      : { outbound: { contacts: c.outbound.contacts, revenue: c.outbound.revenuePerContact === null ? null : carried(toMoney(c.outbound.contacts).times(c.outbound.revenuePerContact)) } }),
  }));
  const earning = channels.filter((c) => c.outbound !== undefined && c.outbound.revenue !== null);
  const handledContacts = activity.channels.reduce((a, c) => a + c.handledContacts, 0);
  const handledMinutes = activity.channels.reduce((a, c) => a + c.handledMinutes, 0);
  const minutesExact = sumMoney(activity.channels.map((c) => toMoney(c.handledMinutes)));
  const contactsExact = sumMoney(activity.channels.map((c) => toMoney(c.handledContacts)));
  return {
    currency: model.currency,
    minorUnits: model.minorUnits,
    rounding: model.rounding ?? "half-up",
    basis: activity.basis,
    months,
    agentHours: agentHoursNumber,
    agentFte,
    supportHeadcount,
    seats,
    handledContacts,
    handledMinutes,
    orders: activity.orders ?? null,
    lines,
    total,
    channels,
    costPerHandledMinute: divideMoney(total, minutesExact),
    costPerContact: divideMoney(total, contactsExact),
    costPerOrder: activity.orders === undefined ? null : divideMoney(total, activity.orders),
    ...(earning.length === 0 ? {} : { outbound: outboundRevenue(earning, total) }),
  };
}

/** A channel's cost split over its classes by handled minutes (exact; the last class the remainder). */
function classCosts(cost: Money, classes: readonly ClassActivity[]): ClassCost[] {
  const parts = splitExact(
    cost,
    classes.map((k) => k.handledMinutes),
  );
  return classes.map((k, i) => ({
    name: k.name,
    cost: parts[i]!,
    handledContacts: k.handledContacts,
    handledMinutes: k.handledMinutes,
    costPerContact: divideMoney(parts[i]!, k.handledContacts),
  }));
}

/** Outbound revenue of the earning channels and revenue / total cost. */
function outboundRevenue(earning: readonly ChannelCost[], total: Money): OutboundRevenue {
  const revenue = sumMoney(earning.map((c) => c.outbound!.revenue!));
  return {
    contacts: earning.reduce((a, c) => a + c.outbound!.contacts, 0),
    revenue,
    revenueToCost: total.isZero() ? null : revenue.dividedBy(total),
  };
}

/** A {@link CostBreakdown} rounded for output: money as fixed-point text, lines summing exactly to the total. */
export interface RoundedCost {
  readonly currency: string;
  readonly basis: "projected" | "actual";
  readonly agentHours: number;
  readonly agentFte: number;
  readonly total: string;
  readonly lines: readonly { readonly category: CostCategory; readonly name: string; readonly quantity: string; readonly unit: string; readonly rate: string; readonly amount: string }[];
  readonly channels: readonly {
    readonly channel: string;
    readonly cost: string;
    readonly handledContacts: number;
    readonly handledMinutes: number;
    readonly costPerContact: string | null;
    readonly costPerHandledMinute: string | null;
    readonly classes?: readonly { readonly name: string; readonly cost: string; readonly handledContacts: number; readonly handledMinutes: number; readonly costPerContact: string | null }[];
    readonly outbound?: { readonly contacts: number; readonly revenue: string | null };
  }[];
  readonly costPerHandledMinute: string | null;
  readonly costPerContact: string | null;
  readonly costPerOrder: string | null;
  /** Outbound revenue (minor units) and revenue / total cost (4 decimals); absent without revenue. */
  readonly outbound?: { readonly contacts: number; readonly revenue: string; readonly revenueToCost: string | null };
}

/**
 * Rounds a breakdown once, for output: the total to minor units; the lines and the channel
 * costs by largest remainder so they add up exactly to the rounded total ({@link allocateRounded});
 * unit costs (per minute, contact, order) to `rateDecimals`, and quantities and rates to at most
 * 4 decimals (display only). Class costs are rounded by largest remainder to sum to the channel's
 * exact cost rounded to minor units (with one channel, its printed cost); outbound revenue to
 * minor units and the revenue-to-cost ratio to 4 decimals.
 *
 * @param breakdown - an exact breakdown
 * @param options.rateDecimals - decimals of unit costs @defaultValue minor units + 2 (a cost per
 *   minute of 0.0123 USD stays visible; rounding it to cents would hide differences between
 *   scenarios)
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or a required field is missing.
 * @example
 * ```ts
 * roundCost(breakdown).total; //=> "2000.00"
 * ```
 */
export function roundCost(breakdown: CostBreakdown, options: { readonly rateDecimals?: number } = {}): RoundedCost {
  requireOptions("roundCost", breakdown, ["currency", "minorUnits", "rounding", "basis", "months", "agentHours", "agentFte", "supportHeadcount", "seats", "handledContacts", "handledMinutes", "orders", "lines", "total", "channels", "costPerHandledMinute", "costPerContact", "costPerOrder"]);
  const { minorUnits, rounding } = breakdown;
  const rateDecimals = options.rateDecimals ?? minorUnits + 2;
  const lineParts = allocateRounded(
    breakdown.lines.map((l) => l.amount),
    minorUnits,
    rounding,
  );
  const channelParts = allocateRounded(
    breakdown.channels.map((c) => c.cost),
    minorUnits,
    rounding,
  );
  const rate = (m: Money | null) => (m === null ? null : roundMoney(m, rateDecimals, rounding));
  const display = (m: Money) => m.toDecimalPlaces(4).toString();
  return {
    currency: breakdown.currency,
    basis: breakdown.basis,
    agentHours: breakdown.agentHours,
    agentFte: breakdown.agentFte.toDecimalPlaces(2).toNumber(),
    total: lineParts.total,
    lines: breakdown.lines.map((l, i) => ({
      category: l.category,
      name: l.name,
      quantity: display(l.quantity),
      unit: l.unit,
      rate: display(l.rate),
      amount: lineParts.parts[i]!,
    })),
    channels: breakdown.channels.map((c, i) => ({
      channel: c.channel,
      cost: channelParts.parts[i]!,
      handledContacts: c.handledContacts,
      handledMinutes: c.handledMinutes,
      costPerContact: rate(c.costPerContact),
      costPerHandledMinute: rate(c.costPerHandledMinute),
      ...(c.classes === undefined ? {} : { classes: roundClasses(c.classes, minorUnits, rounding, rateDecimals) }),
      ...(c.outbound === undefined ? {} : { outbound: { contacts: c.outbound.contacts, revenue: c.outbound.revenue === null ? null : roundMoney(c.outbound.revenue, minorUnits, rounding) } }),
    })),
    costPerHandledMinute: rate(breakdown.costPerHandledMinute),
    costPerContact: rate(breakdown.costPerContact),
    costPerOrder: rate(breakdown.costPerOrder),
    ...(breakdown.outbound === undefined
      ? {}
      : {
          outbound: {
            contacts: breakdown.outbound.contacts,
            revenue: roundMoney(breakdown.outbound.revenue, minorUnits, rounding),
            revenueToCost: breakdown.outbound.revenueToCost === null ? null : roundMoney(breakdown.outbound.revenueToCost, 4, rounding),
          },
        }),
  };
}

function roundClasses(classes: readonly ClassCost[], minorUnits: number, rounding: MoneyRounding, rateDecimals: number) {
  const parts = allocateRounded(
    classes.map((k) => k.cost),
    minorUnits,
    rounding,
  ).parts;
  return classes.map((k, i) => ({
    name: k.name,
    cost: parts[i]!,
    handledContacts: k.handledContacts,
    handledMinutes: k.handledMinutes,
    costPerContact: k.costPerContact === null ? null : roundMoney(k.costPerContact, rateDecimals, rounding),
  }));
}
