import { invalidArgument, requireOptions } from "../errors.js";
import { toMoney } from "./money.js";
import { defaultChannelType, planStaffing, type ChannelConfig, type StaffingConfig, type StaffingIntervalInput, type StaffingPlan } from "../staffing/plan.js";
import type { ChannelActivity, ClassActivity, CostActivity } from "./cost-model.js";
import type { PlannedWork, StaffingLevers, StaffingPlanner } from "./scenarios.js";

/** Options of {@link staffingPlanner}. */
export interface StaffingPlannerOptions {
  /** The base plan's interval volumes (all channels). */
  readonly intervals: readonly StaffingIntervalInput[];
  /** Interval length, minutes. */
  readonly intervalMinutes: number;
  /** The base staffing config. */
  readonly config: StaffingConfig;
  /** Orders in the period (unchanged by the levers). */
  readonly orders?: number;
}

/**
 * The work a staffing plan implies, for costing: per channel, the paid (scheduled) agent hours,
 * the handled contacts (calls x (1 - abandonment) where Erlang A gives abandonment) and the handled
 * minutes (handled x AHT / 60); the peak scheduled agents (seats); the period in months
 * (FTE hours of the period / FTE hours of a month); and the plan's call-weighted service level.
 * A channel with priority classes gets each class's handled contacts (class calls x (1 - class
 * abandonment)) and minutes (x the interval's AHT / 60), the weights of its cost allocation; a
 * channel with an outbound line gets its outbound contacts, with the config's
 * `outbound.revenuePerContact` when `config` is given.
 *
 * @param options.config - the staffing config the plan came from (outbound revenue per contact) @defaultValue no revenue
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `plan`.
 * @example
 * ```ts
 * const work = workFromStaffingPlan({ plan: planStaffing({ intervals, intervalMinutes: 60, config }) });
 * work.activity.channels[0].agentHours; //=> the voice channel's scheduled hours
 * ```
 */
export function workFromStaffingPlan(options: { readonly plan: StaffingPlan; readonly orders?: number; readonly config?: StaffingConfig }): PlannedWork {
  requireOptions("workFromStaffingPlan", options, ["plan"]);
  const { plan, orders, config } = options;
  interface Acc {
    agentHours: number;
    handledContacts: number;
    handledMinutes: number;
    classes: Map<string, { handledContacts: number; handledMinutes: number }> | null;
    outboundContacts: number | null;
  }
  const byChannel = new Map<string, Acc>();
  for (const interval of plan.intervals) {
    let c = byChannel.get(interval.channel);
    if (!c) byChannel.set(interval.channel, (c = { agentHours: 0, handledContacts: 0, handledMinutes: 0, classes: null, outboundContacts: null }));
    const handled = interval.calls * (1 - (interval.abandonProbability ?? 0));
    c.agentHours += interval.scheduledHours;
    c.handledContacts += handled;
    c.handledMinutes += (handled * interval.ahtSeconds) / 60;
    if (interval.classes !== undefined) {
      c.classes ??= new Map();
      for (const k of interval.classes) {
        const got = c.classes.get(k.name) ?? { handledContacts: 0, handledMinutes: 0 };
        const handledK = k.calls * (1 - (k.abandonProbability ?? 0));
        c.classes.set(k.name, { handledContacts: got.handledContacts + handledK, handledMinutes: got.handledMinutes + (handledK * interval.ahtSeconds) / 60 });
      }
    }
    // A closed interval's outbound line has no contacts (NaN from the engine): it adds nothing.
    if (interval.outbound !== undefined) c.outboundContacts = (c.outboundContacts ?? 0) + (Number.isFinite(interval.outbound.contacts) ? interval.outbound.contacts : 0);
  }
  const channels: ChannelActivity[] = [...byChannel.entries()].map(([channel, c]) => {
    const classes: ClassActivity[] | undefined = c.classes === null ? undefined : [...c.classes.entries()].map(([name, k]) => ({ name, ...k }));
    const out = config?.channels?.[channel];
    const revenue = out?.type === "voice" && out.outbound?.revenuePerContact !== undefined ? toMoney(out.outbound.revenuePerContact) : null;
    return {
      channel,
      agentHours: c.agentHours,
      handledContacts: c.handledContacts,
      handledMinutes: c.handledMinutes,
      ...(classes === undefined ? {} : { classes }),
      ...(c.outboundContacts === null ? {} : { outbound: { contacts: c.outboundContacts, revenuePerContact: revenue } }),
    };
  });
  const { totals } = plan;
  const activity: CostActivity = {
    basis: "projected",
    months: totals.hoursPerFte / totals.hoursPerFtePerMonth,
    channels,
    peakAgents: totals.all.peakScheduledAgents,
    ...(orders === undefined ? {} : { orders }),
  };
  return { activity, serviceLevel: totals.all.serviceLevel };
}

function channelTypeOf(config: StaffingConfig, channel: string): ChannelConfig["type"] {
  return config.channels?.[channel]?.type ?? defaultChannelType(channel);
}

/**
 * Applies staffing levers to a plan's inputs: deflection scales a channel's volumes by
 * (1 - fraction); AHT changes apply to the per-interval handle times and to the channel's
 * configured AHT, as (AHT + changeSeconds) x (1 + changeFraction); service-level targets,
 * occupancy caps and chat concurrency replace the channel's settings (queued channels only);
 * priority classes replace a voice channel's targets with the classes' own; call-back offers are
 * added to a voice channel (its targets then apply to the callers who stayed inbound).
 *
 * @throws {WfmError} `invalid-argument` for a fraction outside [0, 1], a lever naming a channel
 *   the volumes do not have, or an AHT change leaving a handle time of 0 or less
 */
export function applyStaffingLevers(
  options: StaffingPlannerOptions,
  levers: StaffingLevers,
): { readonly intervals: readonly StaffingIntervalInput[]; readonly config: StaffingConfig } {
  requireOptions("applyStaffingLevers", options, ["intervals", "intervalMinutes", "config"]);
  const fn = "applyStaffingLevers";
  const names = [...new Set(options.intervals.map((r) => r.channel ?? "voice"))];
  const known = (channel: string | undefined, field: string) => {
    if (channel !== undefined && !names.includes(channel)) invalidArgument(fn, field, `a channel of the volumes (${names.join(", ")})`, channel);
  };
  const channels: Record<string, ChannelConfig> = {};
  for (const name of names) channels[name] = { ...(options.config.channels?.[name] ?? ({ type: defaultChannelType(name) } as ChannelConfig)) };
  const scale = new Map<string, number>();
  (levers.deflect ?? []).forEach((d, i) => {
    known(d.channel, `deflect[${i}].channel`);
    if (!(d.fraction >= 0 && d.fraction <= 1)) invalidArgument(fn, `deflect[${i}].fraction`, "a fraction from 0 to 1", d.fraction);
    scale.set(d.channel, (scale.get(d.channel) ?? 1) * (1 - d.fraction));
  });
  const ahtChange = (channel: string, aht: number, where: string) => {
    let value = aht;
    (levers.aht ?? []).forEach((a) => {
      if (a.channel !== undefined && a.channel !== channel) return;
      value = (value + (a.changeSeconds ?? 0)) * (1 + (a.changeFraction ?? 0));
    });
    if (!(value > 0)) invalidArgument(fn, "aht", `a change leaving a positive handle time (${where}: ${aht} s)`, value);
    return value;
  };
  (levers.aht ?? []).forEach((a, i) => known(a.channel, `aht[${i}].channel`));
  for (const name of names) {
    const c = channels[name] as { ahtSeconds?: number };
    if (c.ahtSeconds !== undefined) c.ahtSeconds = ahtChange(name, c.ahtSeconds, `channel ${name}`);
  }
  const queued = (channel: string | undefined) => names.filter((n) => (channel === undefined || n === channel) && channelTypeOf({ channels }, n) !== "deferred");
  (levers.serviceLevel ?? []).forEach((t, i) => {
    known(t.channel, `serviceLevel[${i}].channel`);
    for (const n of queued(t.channel)) channels[n] = { ...channels[n]!, targetServiceLevel: t.targetServiceLevel, targetAnswerSeconds: t.targetAnswerSeconds } as ChannelConfig;
  });
  (levers.maxOccupancy ?? []).forEach((o, i) => {
    known(o.channel, `maxOccupancy[${i}].channel`);
    for (const n of queued(o.channel)) channels[n] = { ...channels[n]!, maxOccupancy: o.maxOccupancy } as ChannelConfig;
  });
  if (levers.chatConcurrency !== undefined) {
    const chats = names.filter((n) => channelTypeOf({ channels }, n) === "chat");
    if (chats.length === 0) invalidArgument(fn, "chatConcurrency", "used with a chat channel in the volumes", levers.chatConcurrency);
    for (const n of chats) channels[n] = { ...channels[n]!, concurrency: levers.chatConcurrency } as ChannelConfig;
  }
  (levers.priorityClasses ?? []).forEach((p, i) => {
    known(p.channel, `priorityClasses[${i}].channel`);
    const c = channels[p.channel]!;
    if (c.type !== "voice") invalidArgument(fn, `priorityClasses[${i}].channel`, "a voice channel", p.channel);
    // The classes carry the targets: the channel's own targets give way to them.
    const { targetServiceLevel: _sl, targetAnswerSeconds: _t, targetAsaSeconds: _asa, maxAbandonProbability: _ab, ...rest } = c;
    channels[p.channel] = { ...rest, classes: p.classes };
  });
  (levers.callback ?? []).forEach((b, i) => {
    known(b.channel, `callback[${i}].channel`);
    const c = channels[b.channel]!;
    if (c.type !== "voice") invalidArgument(fn, `callback[${i}].channel`, "a voice channel", b.channel);
    channels[b.channel] = { ...c, callback: b.callback };
  });
  (levers.outbound ?? []).forEach((o, i) => {
    known(o.channel, `outbound[${i}].channel`);
    const c = channels[o.channel]!;
    if (c.type !== "voice") invalidArgument(fn, `outbound[${i}].channel`, "a voice channel", o.channel);
    channels[o.channel] = { ...c, outbound: o.outbound };
  });
  const intervals = options.intervals.map((row) => {
    const channel = row.channel ?? "voice";
    const factor = scale.get(channel);
    const calls = factor === undefined ? row.calls : row.calls * factor;
    const ahtSeconds = row.ahtSeconds === undefined ? undefined : ahtChange(channel, row.ahtSeconds, "an interval");
    return { ...row, calls, ...(ahtSeconds === undefined ? {} : { ahtSeconds }) };
  });
  return { intervals, config: { ...options.config, channels } };
}

/**
 * A {@link StaffingPlanner} over the staffing engine (`planStaffing`): applies the levers
 * ({@link applyStaffingLevers}), plans, and returns the work to cost ({@link workFromStaffingPlan}).
 *
 * @example
 * ```ts
 * const planner = staffingPlanner({ intervals, intervalMinutes: 60, config });
 * planner({}).serviceLevel; //=> the base plan's service level
 * planner({ deflect: [{ channel: "voice", fraction: 0.1 }] }).activity.channels[0].agentHours; //=> fewer hours
 * ```
 */
export function staffingPlanner(options: StaffingPlannerOptions): StaffingPlanner {
  return (levers) => {
    const { intervals, config } = applyStaffingLevers(options, levers);
    const plan = planStaffing({ intervals, intervalMinutes: options.intervalMinutes, config });
    return workFromStaffingPlan({ plan, config, ...(options.orders === undefined ? {} : { orders: options.orders }) });
  };
}

/**
 * A planned activity whose agent hours come from a shift schedule instead of the staffing plan:
 * the schedule's paid hours are shared among `channels` (the team the schedule covers) in
 * proportion to their planned hours, so a blended team's hours are split as its plan was. The
 * other channels keep their hours. Handled contacts and minutes are unchanged: the schedule
 * pays for the same work.
 *
 * share(c) = planned hours(c) / sum of the team's planned hours; agentHours(c) = paidHours x share(c)
 *
 * @param activity - the staffing plan's activity (see {@link workFromStaffingPlan})
 * @param options.paidHours - the schedule's paid agent hours, >= 0
 * @param options.channels - the channels the schedule covers @defaultValue every channel
 * @param options.peakAgents - peak agents on the floor in the schedule (seat sizing) @defaultValue the activity's
 * @throws {WfmError} `invalid-argument` for negative or non-finite paid hours, or a channel the activity lacks
 *
 * @example
 * ```ts
 * const a = { basis: "projected", channels: [{ channel: "voice", agentHours: 300, handledContacts: 900, handledMinutes: 3600 }, { channel: "chat", agentHours: 100, handledContacts: 400, handledMinutes: 2400 }] };
 * withScheduledHours(a, { paidHours: 480 }).channels.map((c) => c.agentHours); //=> [360, 120]
 * ```
 */
export function withScheduledHours(
  activity: CostActivity,
  options: { readonly paidHours: number; readonly channels?: readonly string[]; readonly peakAgents?: number },
): CostActivity {
  requireOptions("withScheduledHours", activity, ["basis", "channels"]);
  const { paidHours, peakAgents } = options;
  if (!(Number.isFinite(paidHours) && paidHours >= 0)) invalidArgument("withScheduledHours", "paidHours", "a finite number >= 0", paidHours);
  const team = options.channels ?? activity.channels.map((c) => c.channel);
  for (const channel of team) {
    if (!activity.channels.some((c) => c.channel === channel)) {
      invalidArgument("withScheduledHours", "channels", `channels of the activity (${activity.channels.map((c) => c.channel).join(", ")})`, channel);
    }
  }
  const members = activity.channels.filter((c) => team.includes(c.channel));
  const planned = members.reduce((sum, c) => sum + c.agentHours, 0);
  const channels = activity.channels.map((c) => {
    if (!team.includes(c.channel)) return c;
    const share = planned > 0 ? c.agentHours / planned : 1 / members.length;
    return { ...c, agentHours: paidHours * share };
  });
  return { ...activity, channels, ...(peakAgents === undefined ? {} : { peakAgents }) };
}
