import { WfmError, invalidArgument, requireOptions } from "../errors.js";
import { validateOpeningHours } from "../calendar/opening-hours.js";
import { formatLocalDate, formatLocalTimestamp, isOpenAt, localDayOfWeek, localMinuteOfDay, localStartOfDay, millisecondsInDay, type OpeningHours } from "../calendar/local-time.js";
import { bestOutboundReserve, callbackQueue, requiredAgentsCallback, erlangA, erlangC, erlangX, maxPriorityClasses, priorityQueue, requiredAgents, withinLimit, requiredAgentsErlangX, requiredAgentsPriority, type PriorityQueueResult, type BlendingResult } from "../queueing/index.js";
import { requiredChatAgents, chatQueue } from "./chat.js";
import { planDeferredWork } from "./deferred.js";
import { scheduledAgents as grossUp, shrinkageAt, validateShrinkage, type ShrinkageConfig } from "./shrinkage.js";
import type { AgentGroup, SkillRouting } from "../skills/model.js";
import { elementReader, lazyArray } from "./lazy-array.js";
import { defaultSupportRatios, supportingStaff, type FixedRole, type SupportRatio, type SupportingStaff } from "./supporting-staff.js";

/**
 * Interval staffing plans: from interval volumes per channel to the agents required in every
 * interval, the people to schedule after shrinkage, and the FTE and supporting staff to hire.
 *
 * - voice: Erlang C, or Erlang A when the channel has a patience (`src/queueing`);
 * - chat: the concurrency birth-death chain of `./chat.ts`;
 * - deferred (email, tickets): workload spread over the response window with the backlog carried
 *   (`./deferred.ts`).
 *
 * @module
 */

/** How a channel is staffed. */
export type ChannelType = "voice" | "chat" | "deferred";

/** Targets and limits shared by the queued channels (voice and chat). */
export interface QueueChannelTargets {
  /** Handle time, seconds, > 0, for intervals whose input has no `ahtSeconds`. For chat: a chat handled alone. */
  readonly ahtSeconds?: number;
  /** Share to answer within `targetAnswerSeconds`, in [0, 1]. Required. */
  readonly targetServiceLevel?: number;
  /** Answer-time threshold T, seconds, >= 0. Required. */
  readonly targetAnswerSeconds?: number;
  /** Highest ASA allowed, seconds. @defaultValue no limit */
  readonly targetAsaSeconds?: number;
  /** Highest occupancy allowed, in (0, 1]. @defaultValue 1 (no cap) */
  readonly maxOccupancy?: number;
  /** Fewest agents while open, a whole number >= 0. @defaultValue 0 */
  readonly minimumAgents?: number;
  /** Shrinkage for this channel, replacing the plan's. */
  readonly shrinkage?: ShrinkageConfig;
}

/**
 * A priority class of a voice channel (non-preemptive priority on the channel's shared agents,
 * see `requiredAgentsPriority`): its share of the channel's calls and its own targets.
 */
export interface VoiceClassConfig {
  /** Name shown in results, e.g. `"vip"`. */
  readonly name: string;
  /** Share of the channel's calls, a fraction in (0, 1]; the shares of a channel sum to 1. */
  readonly share: number;
  /** Share of this class answered within `targetAnswerSeconds`, in [0, 1]. */
  readonly targetServiceLevel?: number;
  /** Answer-time threshold of this class, seconds. @defaultValue 20 */
  readonly targetAnswerSeconds?: number;
  /** Highest ASA of this class, seconds. @defaultValue no limit */
  readonly targetAsaSeconds?: number;
  /** Highest abandonment of this class (needs the channel's `patienceSeconds`), in [0, 1]. @defaultValue no limit */
  readonly maxAbandonProbability?: number;
}

/**
 * A voice channel: Erlang C, or Erlang A with `patienceSeconds`; priority classes with `classes`
 * (each with its own targets, replacing the channel's); Erlang X with `redialShare` or `lines`.
 */
export interface VoiceChannelConfig extends QueueChannelTargets {
  readonly type: "voice";
  /** Mean caller patience, seconds, > 0; switches the model to Erlang A. @defaultValue Erlang C */
  readonly patienceSeconds?: number;
  /** Highest abandonment allowed (Erlang A), in [0, 1]. @defaultValue no limit */
  readonly maxAbandonProbability?: number;
  /**
   * Priority classes, highest priority first (1 to 5), each with its share of the calls and its
   * own targets; the channel then has no targets of its own (only `maxOccupancy`). @defaultValue one FIFO queue
   */
  readonly classes?: readonly VoiceClassConfig[];
  /** Erlang X: share of blocked and abandoning callers who call again, in [0, 1]. @defaultValue 0 (no Erlang X) */
  readonly redialShare?: number;
  /** Erlang X: mean delay before a redial, seconds, > 0. @defaultValue 300 */
  readonly redialDelaySeconds?: number;
  /** Erlang X: lines (trunks), calls in service plus waiting, a whole number >= 1. @defaultValue unlimited */
  readonly lines?: number;
  /** Erlang X: highest share of attempts blocked (all lines taken), in [0, 1]. @defaultValue no limit */
  readonly maxBlockingProbability?: number;
  /**
   * Call-back offers (`callbackQueue`): callers whose expected wait exceeds the threshold are
   * offered a call-back; the channel's targets then apply to the callers who stayed inbound.
   * Not with classes or Erlang X. @defaultValue none
   */
  readonly callback?: VoiceCallbackConfig;
  /** An outbound line worked in the inbound agents' idle time (call blending, see `bestOutboundReserve`). @defaultValue none */
  readonly outbound?: VoiceOutboundConfig;
}

/** Call-back settings of a voice channel (see `callbackQueue`). */
export interface VoiceCallbackConfig {
  /** Offer a call-back when the expected wait (q + 1) AHT / N exceeds this, seconds, >= 0. */
  readonly thresholdSeconds: number;
  /** Share of offered callers who take the call-back, in [0, 1]. */
  readonly takeUpShare: number;
  /** Promised time to the call-back, seconds, > 0. @defaultValue 3600 */
  readonly deadlineSeconds?: number;
  /** Lowest share of call-backs made within the deadline, in [0, 1]. @defaultValue no target */
  readonly targetInTimeShare?: number;
}

/**
 * The outbound line of a voice channel (call blending): agents start outbound contacts only while
 * more than R agents are idle and no inbound call waits, R the smallest reserve that keeps the
 * inbound service-level target (`bestOutboundReserve`). Without a target the line uses the idle
 * time of the inbound staffing; with one, agents are added until the target is met.
 */
export interface VoiceOutboundConfig {
  /** Mean handle time of an outbound contact, seconds, > 0. */
  readonly ahtSeconds: number;
  /** Outbound contacts to complete per open interval. @defaultValue none (idle time only) */
  readonly contactsPerInterval?: number;
  /** Agent-hours of outbound work per open interval (contacts x AHT). @defaultValue none */
  readonly hoursPerInterval?: number;
  /** Revenue per outbound contact, in the cost report's currency (read by the cost report). @defaultValue none */
  readonly revenuePerContact?: number;
}

/** The outbound line of a blended voice interval. */
export interface StaffingOutboundInterval {
  /** Reserve R: outbound starts only while more than R agents are idle. */
  readonly reserveAgents: number;
  /** Outbound contacts completed in the interval (expected). */
  readonly contacts: number;
  /** Agent-hours on outbound work in the interval. */
  readonly agentHours: number;
  /** Agents added above the inbound requirement to meet the outbound target. */
  readonly addedAgents: number;
}

/** A chat channel with concurrency (see `chatQueue`). */
export interface ChatChannelConfig extends QueueChannelTargets {
  readonly type: "chat";
  /** Chats one agent holds at once, k >= 1. @defaultValue 1 */
  readonly concurrency?: number;
  /** Extra handle time per extra concurrent chat, fraction of `ahtSeconds`. @defaultValue 0 */
  readonly handleTimeFactorPerExtraChat?: number;
}

/** A deferred-work channel (email, tickets; see `planDeferredWork`). */
export interface DeferredChannelConfig {
  readonly type: "deferred";
  /** Handle time per item, seconds, for intervals without `ahtSeconds`. */
  readonly ahtSeconds?: number;
  /** Response window, seconds, > 0. @defaultValue 86400 (24 h) */
  readonly responseSeconds?: number;
  /** Share to answer within the response window, in [0, 1): the target of the agent groups' simulation check (`agentGroups`); the plan itself answers every item in its window. @defaultValue none (needed when a group serves the channel) */
  readonly targetServiceLevel?: number;
  /** Share of staffed time spent on items, in (0, 1]. @defaultValue 1 */
  readonly maxOccupancy?: number;
  /** Fewest agents while open. @defaultValue 0 */
  readonly minimumAgents?: number;
  /** Items waiting before the first interval. @defaultValue 0 */
  readonly initialBacklog?: number;
  /** Shrinkage for this channel, replacing the plan's. */
  readonly shrinkage?: ShrinkageConfig;
}

/** Per-channel settings. */
export type ChannelConfig = VoiceChannelConfig | ChatChannelConfig | DeferredChannelConfig;

/** Everything a plan needs besides the volumes: plain data, so it can come from JSON. */
export interface StaffingConfig {
  /** Settings per channel name; a channel missing here gets {@link defaultChannelType} and no targets. */
  readonly channels?: Readonly<Record<string, ChannelConfig>>;
  /** Shrinkage of every channel without its own. @defaultValue none */
  readonly shrinkage?: ShrinkageConfig;
  /** Ratio roles. @defaultValue QA 1 per 12 agents, team leads 1 per 15 */
  readonly supportRatios?: readonly SupportRatio[];
  /** Fixed roles (WFM, reporting, complaints). @defaultValue [] */
  readonly fixedRoles?: readonly FixedRole[];
  /** Paid hours of one full-time agent in a month, > 0. @defaultValue 160 */
  readonly hoursPerFtePerMonth?: number;
  /** Opening hours; intervals outside them get no agents. @defaultValue open around the clock */
  readonly openingHours?: OpeningHours;
  /**
   * Agent groups sharing skills across voice, chat and deferred channels (`wfm staff` then also staffs by group with
   * `staffSkills`; {@link planStaffing} itself staffs each channel alone). @defaultValue none
   */
  readonly agentGroups?: readonly AgentGroup[];
  /** Routing of the agent groups (overflow delay). @defaultValue none */
  readonly routing?: SkillRouting;
}

/** One input interval of one channel. */
export interface StaffingIntervalInput {
  /** Interval start, wall-clock milliseconds (see `calendar/local-time`). */
  readonly localMs: number;
  /** Channel name (a key of `config.channels`). @defaultValue "voice" */
  readonly channel?: string;
  /** Contacts arriving, >= 0. */
  readonly calls: number;
  /** Handle time of the interval, seconds; falls back to the channel's `ahtSeconds`. */
  readonly ahtSeconds?: number;
}

/** Options of {@link planStaffing}. */
export interface PlanStaffingOptions {
  /** Intervals of every channel, in any order; one per channel and start time. */
  readonly intervals: readonly StaffingIntervalInput[];
  /** Interval length, minutes, > 0 (15, 30, 60). */
  readonly intervalMinutes: number;
  /** Channels, shrinkage, support ratios, hours per FTE. */
  readonly config: StaffingConfig;
}

/** One interval of one channel in a plan. Metric names match `wfm erlang`. */
export interface StaffingInterval {
  readonly localMs: number;
  readonly channel: string;
  readonly channelType: ChannelType;
  /** Whether the centre is open (closed intervals get no agents). */
  readonly open: boolean;
  readonly calls: number;
  readonly ahtSeconds: number;
  /** calls × AHT / interval seconds (chat: solo AHT). */
  readonly trafficErlangs: number;
  /** Agents needed on contacts. */
  readonly requiredAgents: number;
  /** ⌈required / (1 − shrinkage)⌉. */
  readonly scheduledAgents: number;
  /** Shrinkage in force. */
  readonly shrinkage: number;
  /** Queued channels: share answered within T; `null` for deferred work and closed intervals. */
  readonly serviceLevel: number | null;
  /** Queued channels: mean wait, seconds; `null` for deferred work and closed intervals. */
  readonly asaSeconds: number | null;
  /** Share of the required agents' time on contacts (chat: share of slots in use). */
  readonly occupancy: number;
  /** Queued channels: probability of waiting. */
  readonly waitProbability: number | null;
  /** Voice with patience (Erlang A): share abandoning; otherwise `null`. */
  readonly abandonProbability: number | null;
  /** Deferred: items waiting at the end of the interval. */
  readonly backlog: number | null;
  /** Deferred: items completed in the interval. */
  readonly completed: number | null;
  /** Deferred: share of the items completed in the interval that met the response window. */
  readonly answeredWithinTarget: number | null;
  /** occupancy × required agents × interval hours. */
  readonly agentHoursOnContacts: number;
  /** required agents × interval hours. */
  readonly requiredAgentHours: number;
  /**
   * Paid hours to plan: required agents × interval hours / (1 − shrinkage), not rounded
   * (shrinkage is a share of paid time across the workforce; `scheduledAgents` is the rounded
   * head count for one interval, and summing it would overstate small channels: 1 agent at 20%
   * shrinkage is 1.25 paid hours an hour, not 2).
   */
  readonly scheduledHours: number;
  /** Voice channels with priority classes only: the metrics of every class. */
  readonly classes?: readonly StaffingClassInterval[];
  /** Erlang X channels only: attempts blocked / attempts. */
  readonly blockingProbability?: number;
  /** Erlang X channels only: offered traffic including redials, Erlangs. */
  readonly effectiveTrafficErlangs?: number;
  /** Erlang X channels only: share of attempts that are redials. */
  readonly redialAttemptShare?: number;
  /** Call-back channels only: share of offered calls that took a call-back. */
  readonly callbackShare?: number;
  /** Call-back channels only: share of call-backs made within the deadline (`null` when closed). */
  readonly callbacksInTimeShare?: number | null;
  /** Voice channels with an outbound line only (blending). */
  readonly outbound?: StaffingOutboundInterval;
}

/** One priority class in one interval (see {@link VoiceClassConfig}). */
export interface StaffingClassInterval {
  readonly name: string;
  readonly share: number;
  /** share × the interval's calls. */
  readonly calls: number;
  /** Share of this class answered within its own T (`null` when closed). */
  readonly serviceLevel: number | null;
  readonly targetAnswerSeconds: number;
  readonly asaSeconds: number | null;
  readonly waitProbability: number | null;
  /** `null` without the channel's patience. */
  readonly abandonProbability: number | null;
}

/** A class's totals over the period (calls-weighted over open intervals with calls). */
export interface StaffingClassSummary {
  readonly channel: string;
  readonly name: string;
  readonly share: number;
  readonly calls: number;
  readonly targetServiceLevel: number | null;
  readonly targetAnswerSeconds: number;
  readonly serviceLevel: number | null;
  /** Lowest service level of an open interval with calls. */
  readonly worstServiceLevel: number | null;
  readonly asaSeconds: number | null;
  readonly abandonProbability: number | null;
}

/** Totals of a day or a period, for one channel or `"all"`. */
export interface StaffingSummary {
  readonly channel: string;
  readonly calls: number;
  readonly agentHoursOnContacts: number;
  readonly requiredAgentHours: number;
  readonly scheduledHours: number;
  /** scheduledHours / FTE hours of the days covered. */
  readonly fte: number;
  /** Most agents required at once (for `"all"`: summed over channels at the same start). */
  readonly peakRequiredAgents: number;
  readonly peakScheduledAgents: number;
  /** agentHoursOnContacts / requiredAgentHours (0 when no agent was required). */
  readonly occupancy: number;
  /** Service level of the queued channels' open intervals, weighted by calls; `null` without any. */
  readonly serviceLevel: number | null;
  /** ASA weighted by calls; `null` without queued calls. */
  readonly asaSeconds: number | null;
  /** Abandonment weighted by calls over Erlang A intervals; `null` without any. */
  readonly abandonProbability: number | null;
  /** Deferred: share of completed items within their window; `null` without any. */
  readonly answeredWithinTarget: number | null;
  /** Deferred: items waiting at the end; `null` without deferred channels. */
  readonly backlog: number | null;
}

/** One day's totals. */
export interface StaffingDay extends StaffingSummary {
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/** The period's totals with FTE and supporting staff. */
export interface StaffingTotals {
  /** First and last day covered, `YYYY-MM-DD`. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** Calendar days from first to last date. */
  readonly periodDays: number;
  readonly hoursPerFtePerMonth: number;
  /** FTE hours of one full-time agent over the period: Σ_days hoursPerFtePerMonth / days in that month. */
  readonly hoursPerFte: number;
  /** Per channel. */
  readonly channels: readonly StaffingSummary[];
  /** All channels together. */
  readonly all: StaffingSummary;
  /** Agent FTE (= all.fte). */
  readonly agentFte: number;
  /** Supporting roles sized from `agentFte`. */
  readonly supportingStaff: SupportingStaff;
  /** agentFte + supportingStaff.fte. */
  readonly totalFte: number;
  /** Per priority class of the voice channels that have classes; absent without any. */
  readonly classes?: readonly StaffingClassSummary[];
}

/** Result of {@link planStaffing}. */
export interface StaffingPlan {
  readonly intervalMinutes: number;
  /**
   * Per interval and channel, by start time then channel (in order of first appearance). A
   * read-only array whose objects are built on access from typed-array columns (`lazyArray`):
   * two reads of one index give equal, not identical, objects.
   */
  readonly intervals: readonly StaffingInterval[];
  /** Per day and channel, then `"all"` when there is more than one channel. */
  readonly days: readonly StaffingDay[];
  readonly totals: StaffingTotals;
}

/**
 * The type a channel gets when the config does not name it: `chat` for "chat", `deferred` for
 * "email", "emails", "ticket", "tickets", "case", "cases", "backoffice", and `voice` otherwise.
 *
 * @throws {WfmError} `invalid-argument` when `channel` is not valid (the message says what it must be).
 * @example
 * ```ts
 * defaultChannelType("email"); //=> "deferred"
 * defaultChannelType("sales"); //=> "voice"
 * ```
 */
export function defaultChannelType(channel: string): ChannelType {
  if (typeof channel !== "string") invalidArgument("defaultChannelType", "channel", "a channel name", channel);
  const name = channel.trim().toLowerCase();
  if (name === "chat" || name === "chats" || name === "messaging") return "chat";
  if (["email", "emails", "e-mail", "ticket", "tickets", "case", "cases", "backoffice", "back-office", "deferred"].includes(name)) return "deferred";
  return "voice";
}

interface QueueSolution {
  readonly requiredAgents: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly occupancy: number;
  readonly waitProbability: number;
  readonly abandonProbability: number | null;
  readonly classes?: readonly StaffingClassInterval[];
  readonly blockingProbability?: number;
  readonly effectiveTrafficErlangs?: number;
  readonly redialAttemptShare?: number;
  readonly callbackShare?: number;
  readonly callbacksInTimeShare?: number;
  readonly outbound?: StaffingOutboundInterval;
}

const noCalls = (agents: number, abandon: boolean): QueueSolution => ({
  requiredAgents: agents,
  serviceLevel: 1,
  asaSeconds: 0,
  occupancy: 0,
  waitProbability: 0,
  abandonProbability: abandon ? 0 : null,
});

/** Where an interval's solve happens: its text ("voice 2026-12-01T09:00"), its index in `intervals` and its channel. */
interface SolveSite {
  readonly where: () => string;
  readonly index: number;
  readonly channel: string;
}

/** The config field whose target no staffing meets (the limits of requiredAgents, as N grows). */
function unreachableTarget(c: { targetServiceLevel?: number; targetAsaSeconds?: number; maxOccupancy?: number; maxAbandonProbability?: number }): string {
  if (c.targetAsaSeconds === 0) return "targetAsaSeconds";
  if (c.maxOccupancy === 0) return "maxOccupancy";
  if (c.maxAbandonProbability === 0) return "maxAbandonProbability";
  return "targetServiceLevel";
}

/** An infeasible target: named by its config field (the target, not the interval, is at fault). */
function infeasibleTarget(site: SolveSite, c: Parameters<typeof unreachableTarget>[0], reason: string, calls: number): never {
  infeasibleAt(site, reason, calls, [unreachableTarget(c)]);
}

/** Throws the solver's reason as an `infeasible` problem at `config.channels.<channel>.<field...>`. */
function infeasibleAt(site: SolveSite, reason: string, calls: number, field: readonly (string | number)[]): never {
  throw new WfmError({ code: "infeasible", message: `planStaffing: ${site.where()}: ${reason}`, path: ["config", "channels", site.channel, ...field], value: calls });
}

/** Runs a queueing solve for one interval; a problem it finds is reported at `intervals[index]`. */
function atInterval<T>(site: SolveSite, solve: () => T): T {
  try {
    return solve();
  } catch (error) {
    if (!(error instanceof WfmError)) throw error;
    throw new WfmError(
      error.problems.map((p) => ({
        ...p,
        message: `planStaffing: ${site.where()}: ${p.message.replace(/^[A-Za-z]+: /, "")}`,
        path: ["intervals", site.index, ...(p.path ?? [])],
      })),
    );
  }
}

/** The per-class rows of a priority-queue result (or of an interval without calls). */
function classRows(c: VoiceChannelConfig, calls: number, m: PriorityQueueResult | null): StaffingClassInterval[] {
  return c.classes!.map((k, i) => {
    const got = m === null ? null : m.classes[i]!;
    return {
      name: k.name,
      share: k.share,
      calls: calls * k.share,
      serviceLevel: got === null ? 1 : got.serviceLevel,
      targetAnswerSeconds: k.targetAnswerSeconds ?? 20,
      asaSeconds: got === null ? 0 : got.asaSeconds,
      waitProbability: got === null ? 0 : got.waitProbability,
      abandonProbability: c.patienceSeconds === undefined ? null : got === null ? 0 : got.abandonProbability,
    };
  });
}

/** Priority classes: the smallest shared pool meeting every class's targets (`requiredAgentsPriority`). */
function solveVoiceClasses(c: VoiceChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  const minimum = c.minimumAgents ?? 0;
  const patient = c.patienceSeconds === undefined;
  if (calls === 0) return { ...noCalls(minimum, !patient), classes: classRows(c, 0, null) };
  const traffic = { callsPerInterval: calls, intervalSeconds, ahtSeconds };
  const patience = c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds };
  const solved = atInterval(site, () => requiredAgentsPriority({
    ...traffic,
    classes: c.classes!,
    ...patience,
    ...(c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy }),
  }));
  if (!solved.feasible) {
    const i = Math.max(0, c.classes!.findIndex((k) => solved.reason.startsWith(`class ${JSON.stringify(k.name)}`)));
    const k = c.classes![i]!;
    const field = k.targetAsaSeconds === 0 ? "targetAsaSeconds" : k.maxAbandonProbability === 0 ? "maxAbandonProbability" : "targetServiceLevel";
    infeasibleAt(site, solved.reason, calls, c.maxOccupancy === 0 ? ["maxOccupancy"] : ["classes", i, field]);
  }
  const agents = Math.max(solved.agents, minimum);
  const m = agents > solved.agents ? priorityQueue({ ...traffic, agents, classes: c.classes!, ...patience }) : solved.metrics;
  return {
    requiredAgents: agents,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    waitProbability: m.waitProbability,
    abandonProbability: patient ? null : m.abandonProbability,
    classes: classRows(c, calls, m),
  };
}

/** Erlang X: abandonment, redials and lines (`requiredAgentsErlangX`), then the occupancy cap. */
function solveVoiceErlangX(c: VoiceChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  const minimum = c.minimumAgents ?? 0;
  const patient = c.patienceSeconds === undefined;
  if (calls === 0) return { ...noCalls(minimum, !patient), blockingProbability: 0, effectiveTrafficErlangs: 0, redialAttemptShare: 0 };
  const inputs = {
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    targetAnswerSeconds: c.targetAnswerSeconds!,
    ...(c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds }),
    ...(c.redialShare === undefined ? {} : { redialShare: c.redialShare }),
    ...(c.redialDelaySeconds === undefined ? {} : { redialDelaySeconds: c.redialDelaySeconds }),
    ...(c.lines === undefined ? {} : { lines: c.lines }),
  };
  const solved = atInterval(site, () => requiredAgentsErlangX({
    ...inputs,
    targetServiceLevel: c.targetServiceLevel!,
    ...(c.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: c.targetAsaSeconds }),
    ...(c.maxAbandonProbability === undefined ? {} : { maxAbandonProbability: c.maxAbandonProbability }),
    ...(c.maxBlockingProbability === undefined ? {} : { maxBlocking: c.maxBlockingProbability }),
  }));
  if (!solved.feasible) {
    const field = /lines bind/.test(solved.reason) ? "lines" : /blocking/.test(solved.reason) ? "maxBlockingProbability" : unreachableTarget(c);
    infeasibleAt(site, solved.reason, calls, [field]);
  }
  let agents = Math.max(solved.agents, minimum);
  let m = agents > solved.agents ? erlangX({ ...inputs, agents }) : solved.metrics;
  if (c.maxOccupancy !== undefined) {
    // Occupancy falls as N grows (carried traffic is bounded by the offered): step up to the cap.
    while (!withinLimit(m.occupancy, c.maxOccupancy)) {
      if (c.lines !== undefined && agents >= c.lines) {
        infeasibleAt(site, `the lines bind: ${c.lines} agents on ${c.lines} lines exceed the occupancy cap`, calls, ["lines"]);
      }
      agents++;
      m = erlangX({ ...inputs, agents });
    }
  }
  return {
    requiredAgents: agents,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    waitProbability: m.waitProbability,
    abandonProbability: patient ? null : m.abandonProbability,
    blockingProbability: m.blockingProbability,
    effectiveTrafficErlangs: m.effectiveTrafficErlangs,
    redialAttemptShare: m.redialAttemptShare,
  };
}

/** Call-back offers: the smallest N meeting the inbound targets and the in-time share (`requiredAgentsCallback`). */
function solveVoiceCallback(c: VoiceChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  const minimum = c.minimumAgents ?? 0;
  const patient = c.patienceSeconds === undefined;
  const cb = c.callback!;
  if (calls === 0) return { ...noCalls(minimum, !patient), callbackShare: 0, callbacksInTimeShare: 1 };
  const inputs = {
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    targetAnswerSeconds: c.targetAnswerSeconds!,
    callbackThresholdSeconds: cb.thresholdSeconds,
    takeUpShare: cb.takeUpShare,
    callbackDeadlineSeconds: cb.deadlineSeconds ?? 3600,
    ...(c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds }),
  };
  const solved = atInterval(site, () => requiredAgentsCallback({
    ...inputs,
    targetServiceLevel: c.targetServiceLevel!,
    ...(cb.targetInTimeShare === undefined ? {} : { targetCallbacksInTimeShare: cb.targetInTimeShare }),
    ...(c.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: c.targetAsaSeconds }),
    ...(c.maxAbandonProbability === undefined ? {} : { maxAbandonProbability: c.maxAbandonProbability }),
    ...(c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy }),
  }));
  if (!solved.feasible) {
    infeasibleAt(site, solved.reason, calls, /call-backs in time/.test(solved.reason) ? ["callback", "targetInTimeShare"] : [unreachableTarget(c)]);
  }
  const agents = Math.max(solved.agents, minimum);
  const m = agents > solved.agents || Number.isNaN(solved.metrics.callbacksInTimeShare) ? callbackQueue({ ...inputs, agents }) : solved.metrics;
  return {
    requiredAgents: agents,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    waitProbability: m.waitProbability,
    abandonProbability: patient ? null : m.abandonProbability,
    callbackShare: m.callbackShare,
    callbacksInTimeShare: m.callbacksInTimeShare,
  };
}

/** Whether a voice channel uses Erlang X (redials or lines). */
const usesErlangX = (c: VoiceChannelConfig) => c.redialShare !== undefined || c.lines !== undefined;

/**
 * A voice interval with an outbound line: the inbound staffing, then the blended pool's best
 * reserve (bisection on R) and its outbound contacts; with an outbound target, agents are added
 * in steps of the outbound deficit in agents until the target is met, then removed one by one
 * while one fewer still meets it (outbound contacts rise with N at the best reserve).
 */
function solveVoiceOutbound(c: VoiceChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  const { outbound: line, ...inboundOnly } = c;
  const out = line!;
  const inbound = solveVoice(inboundOnly, calls, ahtSeconds, intervalSeconds, site);
  const intervalHours = intervalSeconds / 3600;
  const targetContacts = out.contactsPerInterval ?? (out.hoursPerInterval !== undefined ? (out.hoursPerInterval * 3600) / out.ahtSeconds : 0);
  // Each pool size is solved once; the reserve search starts near the last best reserve (the
  // answer is the same as a bisection on [0, N], in fewer chain solves).
  const solved = new Map<number, { reserve: number; contacts: number; agentHours: number; m: BlendingResult | null }>();
  // The start: the last best reserve, less one per agent added since (each added agent lets the
  // reserve fall by about one); only the number of solves depends on it, not the answer.
  let startReserve: number | undefined;
  const evaluate = (agents: number) => {
    let got = solved.get(agents);
    if (got === undefined) {
      // interpolate between the nearest pools solved below and above (or one fewer per agent)
      let below: [number, number] | undefined;
      let above: [number, number] | undefined;
      for (const [k, v] of solved) {
        if (v.m === null) continue;
        if (k < agents && (below === undefined || k > below[0])) below = [k, v.reserve];
        if (k > agents && (above === undefined || k < above[0])) above = [k, v.reserve];
      }
      startReserve =
        below !== undefined && above !== undefined
          ? Math.round(below[1] + ((above[1] - below[1]) * (agents - below[0])) / (above[0] - below[0]))
          : below !== undefined
            ? Math.max(0, below[1] - (agents - below[0]))
            : above !== undefined
              ? above[1] + (above[0] - agents)
              : Math.round(agents / 3); // the first pool: a third of it, as a start only
      got = evaluateAt(agents);
      solved.set(agents, got);
    }
    return got;
  };
  const evaluateAt = (agents: number) => {
    if (agents === 0) return { reserve: 0, contacts: 0, agentHours: 0, m: null };
    const r = atInterval(site, () =>
      bestOutboundReserve({
        callsPerInterval: calls,
        intervalSeconds,
        ahtSeconds,
        agents,
        outboundAhtSeconds: out.ahtSeconds,
        targetServiceLevel: c.targetServiceLevel!,
        targetAnswerSeconds: c.targetAnswerSeconds!,
        ...(c.patienceSeconds !== undefined ? { patienceSeconds: c.patienceSeconds } : {}),
        search: "bisection",
        ...(startReserve !== undefined ? { startReserveAgents: startReserve } : {}),
      }),
    );
    const b = r.best;
    return { reserve: r.outboundReserveAgents ?? agents, contacts: b.outboundContactsPerHour * intervalHours, agentHours: b.outboundAgents * intervalHours, m: b };
  };
  let agents = inbound.requiredAgents;
  let got = evaluate(agents);
  let missing = agents - 1; // largest pool known to miss the outbound target
  while (got.contacts < targetContacts * (1 - 1e-9)) {
    const deficitAgents = ((targetContacts - got.contacts) * out.ahtSeconds) / intervalSeconds;
    missing = agents;
    // an added agent usually brings more than its own time (the reserve falls), so jump by 0.6 of
    // the deficit (fewer solves on the benchmark month than 1 or 0.5; the answer does not depend on it)
    agents += Math.max(1, Math.ceil(0.6 * deficitAgents - 1e-9));
    got = evaluate(agents);
  }
  // An added agent can free more than its own time (the best reserve falls), so the jump may
  // overshoot: bisect between the last pool that missed and the one that meets (the outbound
  // contacts rise with the pool, so this is the smallest pool from the inbound requirement on).
  while (targetContacts > 0 && agents - missing > 1) {
    // regula falsi on the contacts, kept strictly inside the bracket (it shrinks every step)
    const lowAt = solved.get(missing);
    const guess = lowAt !== undefined && got.contacts > lowAt.contacts ? missing + Math.ceil(((targetContacts - lowAt.contacts) * (agents - missing)) / (got.contacts - lowAt.contacts) - 1e-9) : missing + Math.floor((agents - missing) / 2);
    const mid = Math.min(agents - 1, Math.max(missing + 1, guess));
    const m = evaluate(mid);
    if (m.contacts < targetContacts * (1 - 1e-9)) missing = mid;
    else {
      agents = mid;
      got = m;
    }
  }
  const outbound: StaffingOutboundInterval = { reserveAgents: got.reserve, contacts: got.contacts, agentHours: got.agentHours, addedAgents: agents - inbound.requiredAgents };
  if (got.m === null || calls === 0) return { ...inbound, requiredAgents: agents, ...(got.m !== null ? { occupancy: got.m.occupancy } : {}), outbound };
  return {
    ...inbound,
    requiredAgents: agents,
    serviceLevel: got.m.serviceLevel,
    asaSeconds: got.m.asaSeconds,
    waitProbability: got.m.waitProbability,
    occupancy: got.m.occupancy,
    ...(inbound.abandonProbability !== null ? { abandonProbability: got.m.abandonProbability } : {}),
    outbound,
  };
}

function solveVoice(c: VoiceChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  if (c.outbound !== undefined) return solveVoiceOutbound(c, calls, ahtSeconds, intervalSeconds, site);
  if (c.classes !== undefined) return solveVoiceClasses(c, calls, ahtSeconds, intervalSeconds, site);
  if (c.callback !== undefined) return solveVoiceCallback(c, calls, ahtSeconds, intervalSeconds, site);
  if (usesErlangX(c)) return solveVoiceErlangX(c, calls, ahtSeconds, intervalSeconds, site);
  const minimum = c.minimumAgents ?? 0;
  const patient = c.patienceSeconds === undefined;
  if (calls === 0) return noCalls(minimum, !patient);
  const target = { targetServiceLevel: c.targetServiceLevel!, targetAnswerSeconds: c.targetAnswerSeconds! };
  const solved = atInterval(site, () => requiredAgents({
    model: patient ? "erlang-c" : "erlang-a",
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    ...target,
    ...(c.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: c.targetAsaSeconds }),
    ...(c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy }),
    ...(c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds }),
    ...(c.maxAbandonProbability === undefined ? {} : { maxAbandonProbability: c.maxAbandonProbability }),
  }));
  if (!solved.feasible) infeasibleTarget(site, c, solved.reason, calls);
  const agents = Math.max(solved.agents, minimum);
  let metrics: { serviceLevel: number; asaSeconds: number; occupancy: number; waitProbability: number; abandonProbability?: number } = solved;
  if (agents > solved.agents) {
    const options = { callsPerInterval: calls, intervalSeconds, ahtSeconds, agents, targetAnswerSeconds: target.targetAnswerSeconds };
    metrics = patient ? erlangC(options) : erlangA({ ...options, patienceSeconds: c.patienceSeconds! });
  }
  return {
    requiredAgents: agents,
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    occupancy: metrics.occupancy,
    waitProbability: metrics.waitProbability,
    abandonProbability: patient ? null : (metrics.abandonProbability ?? 0),
  };
}

function solveChat(c: ChatChannelConfig, calls: number, ahtSeconds: number, intervalSeconds: number, site: SolveSite): QueueSolution {
  const minimum = c.minimumAgents ?? 0;
  if (calls === 0) return noCalls(minimum, false);
  const k = c.concurrency ?? 1;
  const f = c.handleTimeFactorPerExtraChat ?? 0;
  const solved = atInterval(site, () => requiredChatAgents({
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    concurrency: k,
    handleTimeFactorPerExtraChat: f,
    targetAnswerSeconds: c.targetAnswerSeconds!,
    targetServiceLevel: c.targetServiceLevel!,
    targetAsaSeconds: c.targetAsaSeconds,
    maxOccupancy: c.maxOccupancy,
  }));
  if (!solved.feasible) infeasibleTarget(site, c, solved.reason, calls);
  const metrics =
    solved.agents >= minimum
      ? solved
      : chatQueue({ callsPerInterval: calls, intervalSeconds, ahtSeconds, concurrency: k, handleTimeFactorPerExtraChat: f, targetAnswerSeconds: c.targetAnswerSeconds!, agents: minimum });
  return {
    requiredAgents: Math.max(solved.agents, minimum),
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    occupancy: metrics.occupancy,
    waitProbability: metrics.waitProbability,
    abandonProbability: null,
  };
}

function checkChannel(name: string, c: ChannelConfig): void {
  const fn = "planStaffing";
  const field = (f: string) => `config.channels.${name}.${f}`;
  const positive = (f: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) invalidArgument(fn, field(f), "a positive finite number", v);
  };
  const fraction = (f: string, v: number | undefined, open: boolean) => {
    if (v !== undefined && !(Number.isFinite(v) && (open ? v > 0 : v >= 0) && v <= 1)) invalidArgument(fn, field(f), open ? "a fraction greater than 0 and at most 1" : "a fraction from 0 to 1", v);
  };
  positive("ahtSeconds", c.ahtSeconds);
  fraction("maxOccupancy", c.maxOccupancy, true);
  if (c.minimumAgents !== undefined && !(Number.isInteger(c.minimumAgents) && c.minimumAgents >= 0)) invalidArgument(fn, field("minimumAgents"), "a whole number >= 0", c.minimumAgents);
  if (c.shrinkage !== undefined) validateShrinkage(c.shrinkage, `${fn}: ${field("shrinkage")}`);
  if (c.type === "deferred") {
    positive("responseSeconds", c.responseSeconds);
    if (c.initialBacklog !== undefined && !(Number.isFinite(c.initialBacklog) && c.initialBacklog >= 0)) invalidArgument(fn, field("initialBacklog"), "a finite number >= 0", c.initialBacklog);
    return;
  }
  if (c.type === "voice" && c.outbound !== undefined) checkVoiceOutbound(name, c);
  if (c.type === "voice" && c.classes !== undefined) {
    checkVoiceClasses(name, c);
    return;
  }
  if (c.targetServiceLevel === undefined) {
    invalidArgument(fn, field("targetServiceLevel"), "set for a queued channel (e.g. 0.8 with targetAnswerSeconds 20)", undefined);
  }
  if (c.targetAnswerSeconds === undefined) invalidArgument(fn, field("targetAnswerSeconds"), "set for a queued channel (e.g. 20)", undefined);
  fraction("targetServiceLevel", c.targetServiceLevel, false);
  if (!(Number.isFinite(c.targetAnswerSeconds) && c.targetAnswerSeconds >= 0)) invalidArgument(fn, field("targetAnswerSeconds"), "a finite number >= 0", c.targetAnswerSeconds);
  positive("targetAsaSeconds", c.targetAsaSeconds);
  if (c.type === "voice") {
    positive("patienceSeconds", c.patienceSeconds);
    fraction("maxAbandonProbability", c.maxAbandonProbability, false);
    fraction("redialShare", c.redialShare, false);
    positive("redialDelaySeconds", c.redialDelaySeconds);
    fraction("maxBlockingProbability", c.maxBlockingProbability, false);
    if (c.lines !== undefined && !(Number.isInteger(c.lines) && c.lines >= 1)) invalidArgument(fn, field("lines"), "a whole number >= 1", c.lines);
    if (c.lines !== undefined && (c.minimumAgents ?? 0) > c.lines) invalidArgument(fn, field("minimumAgents"), `at most lines (${c.lines})`, c.minimumAgents);
    if (c.maxBlockingProbability !== undefined && c.lines === undefined) invalidArgument(fn, field("maxBlockingProbability"), "absent without lines (nothing is blocked on unlimited lines)", c.maxBlockingProbability);
    if (c.callback !== undefined) checkVoiceCallback(name, c);
  } else if (c.type === "chat") {
    if (c.concurrency !== undefined && !(Number.isInteger(c.concurrency) && c.concurrency >= 1)) invalidArgument(fn, field("concurrency"), "a whole number >= 1", c.concurrency);
    if (c.handleTimeFactorPerExtraChat !== undefined && !(Number.isFinite(c.handleTimeFactorPerExtraChat) && c.handleTimeFactorPerExtraChat >= 0)) {
      invalidArgument(fn, field("handleTimeFactorPerExtraChat"), "a finite number >= 0", c.handleTimeFactorPerExtraChat);
    }
  } else {
    invalidArgument(fn, `config.channels.${name}.type`, '"voice", "chat" or "deferred"', (c as { type: unknown }).type);
  }
}

/** Call-back settings: valid numbers; not with Erlang X (redials, lines). */
function checkVoiceCallback(name: string, c: VoiceChannelConfig): void {
  const fn = "planStaffing";
  const field = (f: string) => `config.channels.${name}.callback.${f}`;
  const cb = c.callback!;
  for (const f of ["redialShare", "lines"] as const) {
    if (c[f] !== undefined) invalidArgument(fn, `config.channels.${name}.${f}`, "absent when the channel offers call-backs (redials and lines are not modelled with call-backs)", c[f]);
  }
  if (!(typeof cb.thresholdSeconds === "number" && cb.thresholdSeconds >= 0)) invalidArgument(fn, field("thresholdSeconds"), "a number of seconds >= 0", cb.thresholdSeconds);
  if (!(Number.isFinite(cb.takeUpShare) && cb.takeUpShare >= 0 && cb.takeUpShare <= 1)) invalidArgument(fn, field("takeUpShare"), "a fraction from 0 to 1", cb.takeUpShare);
  if (cb.deadlineSeconds !== undefined && !(Number.isFinite(cb.deadlineSeconds) && cb.deadlineSeconds > 0)) invalidArgument(fn, field("deadlineSeconds"), "a positive finite number", cb.deadlineSeconds);
  if (cb.targetInTimeShare !== undefined && !(Number.isFinite(cb.targetInTimeShare) && cb.targetInTimeShare >= 0 && cb.targetInTimeShare <= 1)) invalidArgument(fn, field("targetInTimeShare"), "a fraction from 0 to 1", cb.targetInTimeShare);
}

/** A voice channel with an outbound line: blending covers Erlang C / A with a service-level target only. */
function checkVoiceOutbound(name: string, c: VoiceChannelConfig): void {
  const fn = "planStaffing";
  const field = (f: string) => `config.channels.${name}.${f}`;
  const o = c.outbound!;
  if (typeof o !== "object" || o === null) invalidArgument(fn, field("outbound"), "an object with ahtSeconds", o);
  if (!(typeof o.ahtSeconds === "number" && Number.isFinite(o.ahtSeconds) && o.ahtSeconds > 0)) invalidArgument(fn, field("outbound.ahtSeconds"), "a positive finite number of seconds", o.ahtSeconds);
  for (const f of ["contactsPerInterval", "hoursPerInterval", "revenuePerContact"] as const) {
    const v = o[f];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) invalidArgument(fn, field(`outbound.${f}`), "a finite number >= 0", v);
  }
  if (o.contactsPerInterval !== undefined && o.hoursPerInterval !== undefined) invalidArgument(fn, field("outbound.hoursPerInterval"), "absent when contactsPerInterval is given (one outbound target)", o.hoursPerInterval);
  for (const f of ["classes", "callback", "redialShare", "lines", "targetAsaSeconds", "maxAbandonProbability"] as const) {
    if (c[f] !== undefined) invalidArgument(fn, field(f), "absent on a channel with an outbound line (blending plans one FIFO inbound queue to a service-level target)", c[f]);
  }
}

/** A voice channel with priority classes: the classes carry the targets; no Erlang X. */
function checkVoiceClasses(name: string, c: VoiceChannelConfig): void {
  const fn = "planStaffing";
  const field = (f: string) => `config.channels.${name}.${f}`;
  for (const f of ["targetServiceLevel", "targetAnswerSeconds", "targetAsaSeconds", "maxAbandonProbability"] as const) {
    if (c[f] !== undefined) invalidArgument(fn, field(f), "absent when the channel has classes (give each class its own targets)", c[f]);
  }
  for (const f of ["redialShare", "redialDelaySeconds", "lines", "maxBlockingProbability"] as const) {
    if (c[f] !== undefined) invalidArgument(fn, field(f), "absent when the channel has classes (redials and lines are not modelled with priority classes)", c[f]);
  }
  if (c.callback !== undefined) invalidArgument(fn, field("callback"), "absent when the channel has classes (call-backs are not modelled with priority classes)", c.callback);
  if (c.patienceSeconds !== undefined && !(Number.isFinite(c.patienceSeconds) && c.patienceSeconds > 0)) invalidArgument(fn, field("patienceSeconds"), "a positive finite number", c.patienceSeconds);
  const classes = c.classes!;
  if (!Array.isArray(classes) || classes.length < 1 || classes.length > maxPriorityClasses) invalidArgument(fn, field("classes"), `an array of 1 to ${maxPriorityClasses} classes`, classes);
  const names = new Set<string>();
  let total = 0;
  let targets = 0;
  classes.forEach((k, i) => {
    const at = (f: string) => field(`classes[${i}].${f}`);
    if (typeof k.name !== "string" || k.name === "" || names.has(k.name)) invalidArgument(fn, at("name"), "a non-empty name, unique in the channel", k.name);
    names.add(k.name);
    if (!(Number.isFinite(k.share) && k.share > 0 && k.share <= 1)) invalidArgument(fn, at("share"), "a fraction greater than 0 and at most 1", k.share);
    total += k.share;
    for (const f of ["targetServiceLevel", "maxAbandonProbability"] as const) {
      const v = k[f];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) invalidArgument(fn, at(f), "a fraction from 0 to 1", v);
    }
    for (const f of ["targetAnswerSeconds", "targetAsaSeconds"] as const) {
      const v = k[f];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) invalidArgument(fn, at(f), "a finite number >= 0", v);
    }
    if (k.maxAbandonProbability !== undefined && c.patienceSeconds === undefined) invalidArgument(fn, at("maxAbandonProbability"), `absent without ${field("patienceSeconds")} (callers who never abandon)`, k.maxAbandonProbability);
    if (k.targetServiceLevel !== undefined || k.targetAsaSeconds !== undefined || k.maxAbandonProbability !== undefined) targets++;
  });
  if (Math.abs(total - 1) > 1e-9) {
    invalidArgument(fn, field("classes"), `shares summing to 1 (100%) (${classes.map((k) => `${k.name} ${k.share}`).join(", ")})`, Number(total.toPrecision(10)));
  }
  if (targets === 0 && c.maxOccupancy === undefined) invalidArgument(fn, field("classes"), "at least one class with a target (targetServiceLevel, targetAsaSeconds or maxAbandonProbability)", undefined);
}

/** The fields a voice interval with classes or Erlang X adds: the class rows, or the Erlang X metrics. */
function voiceExtras(c: VoiceChannelConfig, m: QueueSolution | null, calls: number): Partial<StaffingInterval> {
  if (c.callback !== undefined && c.classes === undefined) return { callbackShare: m?.callbackShare ?? 0, callbacksInTimeShare: m?.callbacksInTimeShare ?? null };
  if (c.classes !== undefined) {
    const classes =
      m?.classes ??
      c.classes.map((k) => ({ name: k.name, share: k.share, calls: calls * k.share, serviceLevel: null, targetAnswerSeconds: k.targetAnswerSeconds ?? 20, asaSeconds: null, waitProbability: null, abandonProbability: null }));
    return { classes };
  }
  return {
    blockingProbability: m?.blockingProbability ?? 0,
    effectiveTrafficErlangs: m?.effectiveTrafficErlangs ?? 0,
    redialAttemptShare: m?.redialAttemptShare ?? 0,
  };
}

/** Period totals per class of the channels with classes (calls-weighted over open intervals with calls). */
function classTotals(planned: readonly StaffingInterval[], configs: ReadonlyMap<string, ChannelConfig>): StaffingClassSummary[] {
  const out: StaffingClassSummary[] = [];
  for (const [name, c] of configs) {
    if (c.type !== "voice" || c.classes === undefined) continue;
    c.classes.forEach((k, i) => {
      let calls = 0;
      let slCalls = 0;
      let sl = 0;
      let asa = 0;
      let ab = 0;
      let worst = Number.POSITIVE_INFINITY;
      for (const row of planned) {
        if (row.channel !== name || row.classes === undefined) continue;
        const r = row.classes[i]!;
        calls += r.calls;
        if (r.serviceLevel === null || r.calls <= 0) continue;
        slCalls += r.calls;
        sl += r.serviceLevel * r.calls;
        asa += r.asaSeconds! * r.calls;
        ab += (r.abandonProbability ?? 0) * r.calls;
        worst = Math.min(worst, r.serviceLevel);
      }
      out.push({
        channel: name,
        name: k.name,
        share: k.share,
        calls,
        targetServiceLevel: k.targetServiceLevel ?? null,
        targetAnswerSeconds: k.targetAnswerSeconds ?? 20,
        serviceLevel: slCalls > 0 ? sl / slCalls : null,
        worstServiceLevel: slCalls > 0 ? worst : null,
        asaSeconds: slCalls > 0 ? asa / slCalls : null,
        abandonProbability: slCalls > 0 && c.patienceSeconds !== undefined ? ab / slCalls : null,
      });
    });
  }
  return out;
}

function daysInMonth(localMs: number): number {
  const d = new Date(localMs);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

interface Accumulator {
  calls: number;
  onContacts: number;
  requiredHours: number;
  scheduledHours: number;
  slCalls: number;
  slSum: number;
  asaSum: number;
  abCalls: number;
  abSum: number;
  completed: number;
  within: number;
  backlog: number | null;
  peakRequired: number;
  peakScheduled: number;
  /** Start of the interval summed in `sumRequired`/`sumScheduled` (for concurrent peaks). */
  at: number;
  sumRequired: number;
  sumScheduled: number;
}

const newAccumulator = (): Accumulator => ({
  calls: 0,
  onContacts: 0,
  requiredHours: 0,
  scheduledHours: 0,
  slCalls: 0,
  slSum: 0,
  asaSum: 0,
  abCalls: 0,
  abSum: 0,
  completed: 0,
  within: 0,
  backlog: null,
  peakRequired: 0,
  peakScheduled: 0,
  at: Number.NaN,
  sumRequired: 0,
  sumScheduled: 0,
});

function summarise(channel: string, acc: Accumulator, fteHours: number): StaffingSummary {
  const peakRequired = acc.peakRequired;
  const peakScheduled = acc.peakScheduled;
  return {
    channel,
    calls: acc.calls,
    agentHoursOnContacts: acc.onContacts,
    requiredAgentHours: acc.requiredHours,
    scheduledHours: acc.scheduledHours,
    fte: fteHours > 0 ? acc.scheduledHours / fteHours : 0,
    peakRequiredAgents: peakRequired,
    peakScheduledAgents: peakScheduled,
    occupancy: acc.requiredHours > 0 ? acc.onContacts / acc.requiredHours : 0,
    serviceLevel: acc.slCalls > 0 ? acc.slSum / acc.slCalls : null,
    asaSeconds: acc.slCalls > 0 ? acc.asaSum / acc.slCalls : null,
    abandonProbability: acc.abCalls > 0 ? acc.abSum / acc.abCalls : null,
    answeredWithinTarget: acc.completed > 0 ? acc.within / acc.completed : null,
    backlog: acc.backlog,
  };
}

/**
 * Plans staffing for every interval and channel, then totals per day and for the period.
 *
 * Per interval: traffic A = calls × AHT / interval seconds; required agents from Erlang C
 * (Erlang A with a patience) for voice, the concurrency chain for chat, the spread workload for
 * deferred work; scheduled = ⌈required / (1 − shrinkage)⌉ with the shrinkage of that hour and
 * weekday (the head count for the schedule). Per day and period: agent-hours on contacts
 * (occupancy × agents × hours), required hours, scheduled (paid) hours = Σ required × hours /
 * (1 − shrinkage) (not rounded), FTE = scheduled hours / FTE hours (one FTE works
 * `hoursPerFtePerMonth` in a calendar month, spread evenly over its days), peaks, occupancy, and
 * service level and ASA weighted by calls. Supporting staff are sized from the period's agent FTE.
 *
 * Pure and deterministic: the same input gives the same plan.
 *
 * @throws {WfmError} `invalid-argument` for a bad option (named by path, e.g.
 * `config.channels.voice.targetServiceLevel`), a missing AHT, or two intervals of a channel with
 * the same start; `infeasible` when no agent count meets a channel's targets.
 *
 * @example
 * ```ts
 * const plan = planStaffing({
 *   intervalMinutes: 30,
 *   intervals: [{ localMs: Date.UTC(2026, 11, 1, 9), channel: "voice", calls: 100, ahtSeconds: 180 }],
 *   config: {
 *     channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } },
 *     shrinkage: { components: [{ name: "breaks", fraction: 0.3 }] },
 *   },
 * });
 * plan.intervals[0].requiredAgents; //=> 14
 * plan.intervals[0].scheduledAgents; //=> 20
 * plan.totals.all.scheduledHours; //=> 10
 * ```
 */
export function planStaffing(options: PlanStaffingOptions): StaffingPlan {
  const prepared = prepareStaffing(options);
  return assembleStaffing(prepared, staffChannels(prepared.jobs));
}

/** One channel's rows, sorted by start, to be staffed by {@link staffChannels} (structured-cloneable). */
export interface StaffingChannelJob {
  /** Position of the channel in order of first appearance. */
  readonly channelIndex: number;
  readonly name: string;
  readonly config: ChannelConfig;
  /** The shrinkage in force: the channel's, else the plan's. */
  readonly shrinkage: ShrinkageConfig;
  readonly openingHours: OpeningHours | undefined;
  readonly intervalMinutes: number;
  /** Position of each row in `intervals` of the options (problems name it). */
  readonly indexes: Uint32Array;
  readonly localMs: Float64Array;
  readonly calls: Float64Array;
  /** NaN where the row gives none (the channel's `ahtSeconds` applies). */
  readonly ahtSeconds: Float64Array;
}

/** Checked options of {@link planStaffing}, split into one job per channel ({@link prepareStaffing}). */
export interface PreparedStaffing {
  readonly intervalMinutes: number;
  readonly hoursPerFtePerMonth: number;
  readonly config: StaffingConfig;
  /** Channel names in order of first appearance. */
  readonly channelOrder: readonly string[];
  readonly configs: ReadonlyMap<string, ChannelConfig>;
  readonly jobs: readonly StaffingChannelJob[];
  readonly intervalCount: number;
}

/**
 * The first step of {@link planStaffing}: checks the options and every channel's settings, and
 * splits the intervals into one job per channel (rows sorted by start, as typed columns). With
 * {@link staffChannels} and {@link assembleStaffing} it lets a caller run the solves elsewhere
 * (worker threads: `io/staff-in-workers.ts`) and still get the plan `planStaffing` gives.
 *
 * @throws {WfmError} `invalid-argument` as {@link planStaffing}, for everything but the
 * per-channel checks (duplicate starts, a missing AHT) and the solves, which `staffChannels` makes
 *
 * @example
 * ```ts
 * const prepared = prepareStaffing({ intervalMinutes: 30, intervals: [{ localMs: 0, calls: 100, ahtSeconds: 180 }], config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } });
 * prepared.channelOrder; //=> ["voice"]
 * prepared.jobs[0].calls; //=> Float64Array [100]
 * ```
 *
 * Reference: as {@link planStaffing}.
 */
export function prepareStaffing(options: PlanStaffingOptions): PreparedStaffing {
  requireOptions("planStaffing", options);
  const fn = "planStaffing";
  const { intervals, intervalMinutes, config } = options;
  if (!(Number.isFinite(intervalMinutes) && intervalMinutes > 0 && intervalMinutes <= 1440)) {
    invalidArgument(fn, "intervalMinutes", "a number of minutes from 1 to 1440", intervalMinutes);
  }
  const hoursPerFtePerMonth = config.hoursPerFtePerMonth ?? 160;
  if (!(Number.isFinite(hoursPerFtePerMonth) && hoursPerFtePerMonth > 0)) invalidArgument(fn, "config.hoursPerFtePerMonth", "a positive finite number", hoursPerFtePerMonth);
  const baseShrinkage: ShrinkageConfig = config.shrinkage ?? { components: [] };
  validateShrinkage(baseShrinkage, `${fn}: config.shrinkage`);
  if (config.openingHours !== undefined) validateOpeningHours(config.openingHours, fn);

  // Group by channel, in order of first appearance: the indexes of each channel's rows.
  // Each input is read once, into columns (`intervals` may build its elements on access).
  const inMs = new Float64Array(intervals.length);
  const inCalls = new Float64Array(intervals.length);
  const inAht = new Float64Array(intervals.length); // NaN: not given
  const groups = new Map<string, number[]>();
  const element = elementReader(intervals);
  for (let index = 0; index < intervals.length; index++) {
    const row = element(index);
    inMs[index] = row.localMs;
    inCalls[index] = row.calls;
    inAht[index] = row.ahtSeconds ?? Number.NaN;
    if (!(Number.isFinite(row.localMs))) invalidArgument(fn, `intervals[${index}].localMs`, "a finite number of milliseconds", row.localMs);
    if (!(Number.isFinite(row.calls) && row.calls >= 0)) invalidArgument(fn, `intervals[${index}].calls`, "a finite number >= 0", row.calls);
    if (row.ahtSeconds !== undefined && !(Number.isFinite(row.ahtSeconds) && row.ahtSeconds > 0)) {
      invalidArgument(fn, `intervals[${index}].ahtSeconds`, "a positive finite number", row.ahtSeconds);
    }
    const channel = row.channel ?? "voice";
    let group = groups.get(channel);
    if (group === undefined) groups.set(channel, (group = []));
    group.push(index);
  }
  const channelOrder = [...groups.keys()];
  const configs = new Map<string, ChannelConfig>();
  for (const name of channelOrder) {
    const given = config.channels?.[name];
    const c: ChannelConfig = given ?? ({ type: defaultChannelType(name) } as ChannelConfig);
    checkChannel(name, c);
    configs.set(name, c);
  }

  // One job per channel: its rows sorted by start, as columns.
  const jobs: StaffingChannelJob[] = channelOrder.map((name, channelIndex) => {
    const c = configs.get(name)!;
    const list = groups.get(name)!;
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) sorted = inMs[list[i - 1]!]! <= inMs[list[i]!]!;
    if (!sorted) list.sort((x, y) => inMs[x]! - inMs[y]!);
    const count = list.length;
    const indexes = Uint32Array.from(list);
    const localMs = new Float64Array(count);
    const calls = new Float64Array(count);
    const ahtSeconds = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      localMs[i] = inMs[list[i]!]!;
      calls[i] = inCalls[list[i]!]!;
      ahtSeconds[i] = inAht[list[i]!]!;
    }
    return { channelIndex, name, config: c, shrinkage: c.shrinkage ?? baseShrinkage, openingHours: config.openingHours, intervalMinutes, indexes, localMs, calls, ahtSeconds };
  });
  return { intervalMinutes, hoursPerFtePerMonth, config, channelOrder, configs, jobs, intervalCount: intervals.length };
}

/**
 * Staffs the intervals of some channels (the queueing solves of {@link planStaffing}, the part
 * worth spreading over threads): per interval the required agents, the scheduled head count
 * ⌈required / (1 − shrinkage)⌉ and the queue metrics, as columns in the order of the jobs and
 * their rows. Each channel is staffed from its own rows and settings alone, so any split of the
 * jobs gives the same values; (calls, AHT) pairs are solved once per channel settings.
 *
 * @param jobs - channels from {@link prepareStaffing}
 * @throws {WfmError} as {@link planStaffing}: the first problem of the first channel that has one
 *
 * @example
 * ```ts
 * const prepared = prepareStaffing({ intervalMinutes: 30, intervals: [{ localMs: 0, calls: 100, ahtSeconds: 180 }], config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } });
 * staffChannels(prepared.jobs).requiredAgents[0]; //=> 14
 * ```
 *
 * Reference: Koole, *Call Center Optimization* (2013), ch. 5 (staffing each interval by Erlang C).
 */
export function staffChannels(jobs: readonly StaffingChannelJob[]): PlanColumns {
  const total = jobs.reduce((sum, job) => sum + job.indexes.length, 0);
  const cols = new PlanColumns(total);
  let p = 0;
  const solutions = new Map<string, Map<number, QueueSolution>>();
  for (const job of jobs) {
    const { channelIndex: ci, name, config: c, shrinkage: shrinkConfig, openingHours, intervalMinutes, indexes, localMs: ms, calls } = job;
    const fn = "planStaffing";
    const intervalSeconds = intervalMinutes * 60;
    // One pass per check, so that the first problem found is the same as when each check ran
    // over all rows before the next.
    const count = indexes.length;
    for (let i = 1; i < count; i++) {
      if (ms[i] === ms[i - 1]) {
        invalidArgument(fn, `intervals[${indexes[i]!}].localMs`, `unique per channel (${name} ${formatLocalTimestamp(ms[i]!)} appears twice)`, ms[i]!);
      }
    }
    const aht = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const given = job.ahtSeconds[i]!;
      const value = Number.isNaN(given) ? c.ahtSeconds : given;
      if (value === undefined) invalidArgument(fn, `intervals[${indexes[i]!}].ahtSeconds`, `given, or config.channels.${name}.ahtSeconds set`, undefined);
      aht[i] = value;
    }
    const open = new Uint8Array(count).fill(1);
    if (openingHours !== undefined) for (let i = 0; i < count; i++) open[i] = isOpenAt(openingHours, ms[i]!) ? 1 : 0;
    // Shrinkage depends on the weekday and hour only: one table of 168 hours per channel.
    const weekTable = new Float64Array(168).fill(Number.NaN);
    const shrink = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const hourOfWeek = localDayOfWeek(ms[i]!) * 24 + Math.floor(localMinuteOfDay(ms[i]!) / 60);
      let value = weekTable[hourOfWeek]!;
      if (Number.isNaN(value)) weekTable[hourOfWeek] = value = shrinkageAt({ shrinkage: shrinkConfig, localMs: ms[i]! }).shrinkage;
      shrink[i] = value;
    }
    const withExtras = c.type === "voice" && (c.classes !== undefined || usesErlangX(c) || c.callback !== undefined);
    const finish = (i: number, requiredAgents: number, m: QueueSolution | null, d: { backlog: number; completed: number; answeredWithinTarget: number | null; occupancy: number } | null) => {
      const at = p++;
      cols.set(at, ci, open[i] === 1, ms[i]!, calls[i]!, aht[i]!, requiredAgents, grossUp({ requiredAgents, shrinkage: shrink[i]! }), shrink[i]!, m !== null ? m.occupancy : d !== null ? d.occupancy : 0, m, d);
      if (withExtras) cols.extras.set(at, voiceExtras(c as VoiceChannelConfig, m, calls[i]!));
      if (c.type === "voice" && c.outbound !== undefined) cols.extras.set(at, { ...cols.extras.get(at), outbound: m?.outbound ?? { reserveAgents: 0, contacts: 0, agentHours: 0, addedAgents: 0 } });
    };
    if (c.type === "deferred") {
      const plan = planDeferredWork({
        intervals: Array.from({ length: count }, (_, i) => ({ localMs: ms[i]!, calls: calls[i]!, ahtSeconds: aht[i]!, open: open[i] === 1 })),
        intervalMinutes,
        responseSeconds: c.responseSeconds ?? 86_400,
        maxOccupancy: c.maxOccupancy ?? 1,
        minimumAgents: c.minimumAgents ?? 0,
        initialBacklog: c.initialBacklog ?? 0,
      });
      plan.intervals.forEach((d, i) => finish(i, d.requiredAgents, null, d));
      continue;
    }
    // Files with whole counts and handle times repeat (calls, AHT) pairs: solve each pair once,
    // for every channel with the same settings (queues of an outsourcer share their targets).
    // The key calls × 2^21 + AHT is exact for whole calls < 2^31 and AHT < 2^21 s.
    const settings = JSON.stringify(c);
    let cache = solutions.get(settings);
    if (cache === undefined) solutions.set(settings, (cache = new Map()));
    for (let i = 0; i < count; i++) {
      if (open[i] === 0) {
        finish(i, 0, null, null);
        continue;
      }
      const a = aht[i]!;
      const callCount = calls[i]!;
      const key = Number.isInteger(callCount) && Number.isInteger(a) && callCount < 2 ** 31 && a < 2 ** 21 ? callCount * 2 ** 21 + a : -1;
      let solution = key >= 0 ? cache.get(key) : undefined;
      if (solution === undefined) {
        const localMs = ms[i]!;
        const site: SolveSite = { where: () => `${name} ${formatLocalTimestamp(localMs)}`, index: indexes[i]!, channel: name };
        solution = c.type === "voice" ? solveVoice(c, callCount, a, intervalSeconds, site) : solveChat(c, callCount, a, intervalSeconds, site);
        if (key >= 0 && cache.size < maxCachedSolutions) cache.set(key, solution);
      }
      finish(i, solution.requiredAgents, solution, null);
    }
    }
  return cols;
}

/**
 * The last step of {@link planStaffing}: the plan from the staffed columns of every job in order
 * (plan order by start then channel, day and period totals, supporting staff).
 *
 * @param prepared - from {@link prepareStaffing}
 * @param cols - {@link staffChannels} of all `prepared.jobs` in order, or its pieces joined
 * ({@link PlanColumns.join})
 *
 * @example
 * ```ts
 * const prepared = prepareStaffing({ intervalMinutes: 30, intervals: [{ localMs: 0, calls: 100, ahtSeconds: 180 }], config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } } });
 * assembleStaffing(prepared, staffChannels(prepared.jobs)).totals.all.requiredAgentHours; //=> 7
 * ```
 *
 * Reference: as {@link planStaffing}.
 */
export function assembleStaffing(prepared: PreparedStaffing, cols: PlanColumns): StaffingPlan {
  if (cols.channel.length !== prepared.intervalCount) throw new RangeError(`assembleStaffing: ${cols.channel.length} staffed intervals for ${prepared.intervalCount} in the options`);
  const { intervalMinutes, hoursPerFtePerMonth, config, channelOrder, configs, intervalCount: n } = prepared;
  const intervalSeconds = intervalMinutes * 60;
  const intervalHours = intervalMinutes / 60;
  // Plan order: by start, then channel in order of first appearance.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => cols.localMs[a]! - cols.localMs[b]! || cols.channel[a]! - cols.channel[b]!);
  const channelTypes = channelOrder.map((name) => configs.get(name)!.type);
  const intervalAt = intervalReader(cols, order, channelOrder, channelTypes, intervalSeconds, intervalHours);
  // Made outside this function, so that the array keeps the columns alive and not this scope.
  const planned = lazyArray(n, intervalAt);

  // Days and totals.
  const fteHoursOfDay = (dayMs: number) => hoursPerFtePerMonth / daysInMonth(dayMs);
  // Accumulators by channel index, the total ("all") last; read from the columns, with the
  // sums the interval objects would give (no object per interval).
  const nc = channelOrder.length;
  const allIndex = channelOrder.indexOf("all") >= 0 ? channelOrder.indexOf("all") : nc;
  const slot = (ci: number) => (channelOrder[ci] === "all" ? allIndex : ci);
  const dayKeys: number[] = [];
  const byDay = new Map<number, (Accumulator | undefined)[]>();
  const period: (Accumulator | undefined)[] = new Array(nc + 1).fill(undefined);
  const lastBacklog: (number | undefined)[] = new Array(nc).fill(undefined);
  let dayOf = Number.NaN;
  let dayEnd = Number.NaN;
  let accs: (Accumulator | undefined)[] = [];
  const addTo = (key: number, i: number): void => {
    const acc = (accs[key] ??= newAccumulator());
    cols.addTo(acc, i, intervalHours);
    const total = (period[key] ??= newAccumulator());
    cols.addTo(total, i, intervalHours);
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const localMs = cols.localMs[i]!;
    if (!(localMs >= dayOf && localMs < dayEnd)) {
      const day = localStartOfDay(localMs);
      let found = byDay.get(day);
      if (found === undefined) {
        byDay.set(day, (found = new Array(nc + 1).fill(undefined)));
        dayKeys.push(day);
      }
      accs = found;
      dayOf = day;
      dayEnd = day + millisecondsInDay;
    }
    const ci = cols.channel[i]!;
    addTo(slot(ci), i);
    addTo(allIndex, i);
    if (cols.kind[i] === 2) {
      const backlog = cols.a[i]!;
      lastBacklog[ci] = backlog;
      accs[slot(ci)]!.backlog = backlog;
    }
  }
  const days: StaffingDay[] = [];
  const multi = channelOrder.length > 1;
  for (const day of dayKeys) {
    const accs = byDay.get(day)!;
    const date = formatLocalDate(day);
    let dayBacklog: number | null = null;
    for (let ci = 0; ci < nc; ci++) {
      const acc = accs[slot(ci)];
      if (acc === undefined) continue;
      if (acc.backlog !== null) dayBacklog = (dayBacklog ?? 0) + acc.backlog;
      days.push({ date, ...summarise(channelOrder[ci]!, acc, fteHoursOfDay(day)) });
    }
    if (multi) {
      const all = accs[allIndex]!;
      all.backlog = dayBacklog;
      days.push({ date, ...summarise("all", all, fteHoursOfDay(day)) });
    }
  }
  const first = dayKeys.length > 0 ? dayKeys.reduce((m, d) => Math.min(m, d), Number.POSITIVE_INFINITY) : 0;
  const last = dayKeys.length > 0 ? dayKeys.reduce((m, d) => Math.max(m, d), Number.NEGATIVE_INFINITY) : 0;
  let hoursPerFte = 0;
  if (dayKeys.length > 0) for (let d = first; d <= last; d += millisecondsInDay) hoursPerFte += fteHoursOfDay(d);
  const channels: StaffingSummary[] = [];
  let endBacklog: number | null = null;
  for (let ci = 0; ci < nc; ci++) {
    const name = channelOrder[ci]!;
    const acc = period[slot(ci)]!;
    const backlog = lastBacklog[ci];
    if (backlog !== undefined) {
      acc.backlog = backlog;
      endBacklog = (endBacklog ?? 0) + acc.backlog;
    }
    channels.push(summarise(name, acc, hoursPerFte));
  }
  const allAcc = period[allIndex] ?? newAccumulator();
  allAcc.backlog = endBacklog;
  const all = summarise("all", allAcc, hoursPerFte);
  const perClass = classTotals(planned, configs);
  const support = supportingStaff({ agentFte: all.fte, ratios: config.supportRatios ?? defaultSupportRatios, fixedRoles: config.fixedRoles ?? [] });
  return {
    intervalMinutes,
    intervals: planned,
    days,
    totals: {
      firstDate: dayKeys.length > 0 ? formatLocalDate(first) : "",
      lastDate: dayKeys.length > 0 ? formatLocalDate(last) : "",
      periodDays: dayKeys.length > 0 ? Math.round((last - first) / millisecondsInDay) + 1 : 0,
      hoursPerFtePerMonth,
      hoursPerFte,
      channels,
      all,
      agentFte: all.fte,
      supportingStaff: support,
      totalFte: all.fte + support.fte,
      ...(perClass.length > 0 ? { classes: perClass } : {}),
    },
  };
}

/** Interval `k` of the plan (in plan order), from the columns alone (no closure over the planner's scope). */
/** Solutions kept per channel settings (about 200 bytes each): enough for every whole (calls, AHT) pair of real files. */
const maxCachedSolutions = 500_000;

function intervalReader(cols: PlanColumns, order: Uint32Array, names: readonly string[], types: readonly ChannelType[], intervalSeconds: number, intervalHours: number) {
  return (k: number): StaffingInterval => cols.interval(order[k]!, names, types, intervalSeconds, intervalHours);
}

/** {@link PlanColumns} as plain data (structured-cloneable). */
export type PlanColumnsData = { readonly [K in (typeof columnNames)[number]]: PlanColumns[K] } & { readonly extras: readonly (readonly [number, Partial<StaffingInterval>])[] };

/** The typed arrays of {@link PlanColumns}, as posted between threads. */
const columnNames = ["channel", "kind", "present", "open", "localMs", "calls", "ahtSeconds", "requiredAgents", "scheduledAgents", "shrinkage", "occupancy", "a", "b", "c", "e"] as const;

/**
 * The intervals of a plan as columns. The kind says which of the nullable fields hold values;
 * `present` flags `abandonProbability` (bit 1) and `answeredWithinTarget` (bit 2).
 * Internal to staffing and the worker threads that run {@link staffChannels}.
 */
export class PlanColumns {
  readonly channel: Uint32Array;
  readonly kind: Uint8Array;
  readonly present: Uint8Array;
  readonly open: Uint8Array;
  readonly localMs: Float64Array;
  readonly calls: Float64Array;
  readonly ahtSeconds: Float64Array;
  readonly requiredAgents: Float64Array;
  readonly scheduledAgents: Float64Array;
  readonly shrinkage: Float64Array;
  readonly occupancy: Float64Array;
  /** serviceLevel (kind 1) or backlog (kind 2). */
  readonly a: Float64Array;
  /** asaSeconds (kind 1) or completed (kind 2). */
  readonly b: Float64Array;
  /** waitProbability (kind 1) or answeredWithinTarget (kind 2). */
  readonly c: Float64Array;
  /** abandonProbability (kind 1). */
  readonly e: Float64Array;
  /** The fields of voice intervals with priority classes or Erlang X (few channels: kept as objects). */
  readonly extras = new Map<number, Partial<StaffingInterval>>();

  /**
   * Columns of the staffed pieces in order, as one (the arrays copied): the result of
   * {@link staffChannels} over all the pieces' jobs.
   */
  static join(pieces: readonly PlanColumns[]): PlanColumns {
    const out = new PlanColumns(pieces.reduce((sum, piece) => sum + piece.channel.length, 0));
    let offset = 0;
    for (const piece of pieces) {
      out.copyFrom(piece, offset);
      offset += piece.channel.length;
    }
    return out;
  }

  /** Copies the intervals of `piece` into these columns from position `offset` on. */
  copyFrom(piece: PlanColumns, offset: number): void {
    for (const name of columnNames) (this[name] as Float64Array).set(piece[name] as Float64Array, offset);
    for (const [i, extra] of piece.extras) this.extras.set(offset + i, extra);
  }

  /** The columns as plain data for `postMessage`, with the buffers to transfer. */
  toMessage(): { data: PlanColumnsData; transfer: ArrayBuffer[] } {
    const arrays = Object.fromEntries(columnNames.map((name) => [name, this[name]])) as Omit<PlanColumnsData, "extras">;
    return { data: { ...arrays, extras: [...this.extras] }, transfer: columnNames.map((name) => this[name].buffer as ArrayBuffer) };
  }

  /** Columns from {@link PlanColumns.toMessage} data. */
  static fromMessage(data: PlanColumnsData): PlanColumns {
    const out = new PlanColumns(0);
    for (const name of columnNames) (out as unknown as Record<string, unknown>)[name] = data[name];
    for (const [i, extra] of data.extras) out.extras.set(i, extra);
    return out;
  }

  constructor(n: number) {
    this.channel = new Uint32Array(n);
    this.kind = new Uint8Array(n);
    this.present = new Uint8Array(n);
    this.open = new Uint8Array(n);
    this.localMs = new Float64Array(n);
    this.calls = new Float64Array(n);
    this.ahtSeconds = new Float64Array(n);
    this.requiredAgents = new Float64Array(n);
    this.scheduledAgents = new Float64Array(n);
    this.shrinkage = new Float64Array(n);
    this.occupancy = new Float64Array(n);
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Float64Array(n);
    this.e = new Float64Array(n);
  }

  /** Stores interval `i`: a queue solution `m` (voice, chat), deferred work `d`, or neither (closed). */
  set(
    i: number,
    channel: number,
    open: boolean,
    localMs: number,
    calls: number,
    ahtSeconds: number,
    requiredAgents: number,
    scheduledAgents: number,
    shrinkage: number,
    occupancy: number,
    m: QueueSolution | null,
    d: { backlog: number; completed: number; answeredWithinTarget: number | null } | null,
  ): void {
    this.channel[i] = channel;
    this.kind[i] = m !== null ? 1 : d !== null ? 2 : 0;
    this.open[i] = open ? 1 : 0;
    this.localMs[i] = localMs;
    this.calls[i] = calls;
    this.ahtSeconds[i] = ahtSeconds;
    this.requiredAgents[i] = requiredAgents;
    this.scheduledAgents[i] = scheduledAgents;
    this.shrinkage[i] = shrinkage;
    this.occupancy[i] = occupancy;
    if (m !== null) {
      this.a[i] = m.serviceLevel;
      this.b[i] = m.asaSeconds;
      this.c[i] = m.waitProbability;
      if (m.abandonProbability !== null) {
        this.e[i] = m.abandonProbability;
        this.present[i] = 1;
      }
    } else if (d !== null) {
      this.a[i] = d.backlog;
      this.b[i] = d.completed;
      if (d.answeredWithinTarget !== null) {
        this.c[i] = d.answeredWithinTarget;
        this.present[i] = 2;
      }
    }
  }

  /** Interval `i` as the public object (every field in a fixed order, as before the columns). */
  interval(i: number, names: readonly string[], types: readonly ChannelType[], intervalSeconds: number, intervalHours: number): StaffingInterval {
    const kind = this.kind[i]!;
    const q = kind === 1;
    const dw = kind === 2;
    const calls = this.calls[i]!;
    const aht = this.ahtSeconds[i]!;
    const requiredAgents = this.requiredAgents[i]!;
    const shrink = this.shrinkage[i]!;
    const occupancy = this.occupancy[i]!;
    const channel = this.channel[i]!;
    const extras = this.extras.size === 0 ? undefined : this.extras.get(i);
    const fields = {
      localMs: this.localMs[i]!,
      channel: names[channel]!,
      channelType: types[channel]!,
      open: this.open[i] === 1,
      calls,
      ahtSeconds: aht,
      trafficErlangs: (calls * aht) / intervalSeconds,
      requiredAgents,
      scheduledAgents: this.scheduledAgents[i]!,
      shrinkage: shrink,
      serviceLevel: q ? this.a[i]! : null,
      asaSeconds: q ? this.b[i]! : null,
      occupancy,
      waitProbability: q ? this.c[i]! : null,
      abandonProbability: q && this.present[i] === 1 ? this.e[i]! : null,
      backlog: dw ? this.a[i]! : null,
      completed: dw ? this.b[i]! : null,
      answeredWithinTarget: dw && this.present[i] === 2 ? this.c[i]! : null,
      agentHoursOnContacts: occupancy * requiredAgents * intervalHours,
      requiredAgentHours: requiredAgents * intervalHours,
      scheduledHours: (requiredAgents * intervalHours) / (1 - shrink),
    };
    // Spreading `undefined` costs a copy per interval: the extras only where there are any.
    return extras === undefined ? fields : { ...extras, ...fields };
  }

  /**
   * Adds interval `i` to an accumulator, as `add` does with the interval object (the same
   * expressions, so the same sums to the last bit).
   */
  addTo(acc: Accumulator, i: number, intervalHours: number): void {
    const kind = this.kind[i]!;
    const calls = this.calls[i]!;
    const requiredAgents = this.requiredAgents[i]!;
    const shrink = this.shrinkage[i]!;
    acc.calls += calls;
    acc.onContacts += this.occupancy[i]! * requiredAgents * intervalHours;
    acc.requiredHours += requiredAgents * intervalHours;
    acc.scheduledHours += (requiredAgents * intervalHours) / (1 - shrink);
    if (kind === 1 && calls > 0) {
      acc.slCalls += calls;
      acc.slSum += this.a[i]! * calls;
      acc.asaSum += this.b[i]! * calls;
      if (this.present[i] === 1) {
        acc.abCalls += calls;
        acc.abSum += this.e[i]! * calls;
      }
    }
    if (kind === 2) {
      const completed = this.b[i]!;
      acc.completed += completed;
      acc.within += completed * (this.present[i] === 2 ? this.c[i]! : 0);
    }
    const localMs = this.localMs[i]!;
    if (localMs !== acc.at) {
      acc.at = localMs;
      acc.sumRequired = 0;
      acc.sumScheduled = 0;
    }
    acc.sumRequired += requiredAgents;
    acc.sumScheduled += this.scheduledAgents[i]!;
    if (acc.sumRequired > acc.peakRequired) acc.peakRequired = acc.sumRequired;
    if (acc.sumScheduled > acc.peakScheduled) acc.peakScheduled = acc.sumScheduled;
  }
}
