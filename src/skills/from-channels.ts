import { isOpenAt } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";
import type { StaffingConfig, StaffingIntervalInput } from "../staffing/plan.js";
import type { ContactType, SkillModel } from "./model.js";

/**
 * From a channel staffing input (`wfm staff`: the volume rows and `staffing.json` with
 * `agentGroups`) to a skill model: every channel some group serves becomes a contact type with
 * its volume and handle time per interval (0 contacts where the file has no row or the centre is
 * closed; the row's handle time, else the channel's) and its targets: a voice channel with its
 * patience; a chat channel as a chat type with its `concurrency` (default 1) and
 * `handleTimeFactorPerExtraChat` (staffed by `requiredChatAgents`, as `planStaffing` staffs it);
 * a deferred channel (email, tickets) as a deferred type whose answer-time threshold is the
 * channel's `responseSeconds` (default 24 h) and whose target is its `targetServiceLevel`
 * (staffed by `planDeferredWork` inside the transfer program's rows).
 *
 * @module
 */

/** Options of {@link skillModelFromChannels}. */
export interface SkillModelFromChannelsOptions {
  readonly intervals: readonly StaffingIntervalInput[];
  readonly intervalMinutes: number;
  /** The staffing config; must have `agentGroups`. */
  readonly config: StaffingConfig;
}

/** A skill model with the start of each of its intervals. */
export interface ChannelSkillModel {
  readonly model: SkillModel;
  /** Interval starts, wall-clock milliseconds, ascending (one per model interval). */
  readonly localMs: readonly number[];
}

/**
 * Builds the skill model of the channels the config's agent groups serve (see the module comment).
 * Intervals are every start from the first to the last row, one `intervalMinutes` apart.
 *
 * @throws {WfmError} `invalid-argument` when `config.agentGroups` is missing or a skill names a
 *   channel not in the file or not in `config.channels`; a voice or chat channel without a
 *   service-level target; a voice channel with priority classes, redials or lines; a chat channel
 *   with a concurrency above 100 or beside channels of another kind; a deferred channel without `targetServiceLevel`, with an
 *   `initialBacklog`, or with items in intervals the opening hours close
 *
 * @example
 * ```ts
 * skillModelFromChannels({ intervalMinutes: 60,
 *   intervals: [{ localMs: 0, channel: "billing", calls: 40, ahtSeconds: 200 }, { localMs: 0, channel: "tech", calls: 30, ahtSeconds: 400 }],
 *   config: { channels: { billing: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
 *     tech: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } },
 *     agentGroups: [{ name: "all", skills: ["billing", "tech"] }] } }).model.contactTypes.map((c) => c.ahtSecondsByInterval);
 * //=> [[200], [400]]
 * ```
 */
export function skillModelFromChannels(options: SkillModelFromChannelsOptions): ChannelSkillModel {
  requireOptions("skillModelFromChannels", options, ["intervals", "intervalMinutes", "config"]);
  const fn = "staff by agent group";
  const { intervals, intervalMinutes, config } = options;
  const groups = config.agentGroups;
  if (groups === undefined || groups.length === 0) invalidArgument(fn, "config.agentGroups", "a non-empty array", groups);
  const channelsInFile = new Set(intervals.map((row) => row.channel ?? "voice"));
  const names: string[] = [];
  groups.forEach((g, i) =>
    g.skills.forEach((name, k) => {
      const at = `config.agentGroups[${i}].skills[${k}]`;
      const c = config.channels?.[name];
      if (!channelsInFile.has(name)) invalidArgument(fn, at, `a channel of the volume file (${[...channelsInFile].join(", ")})`, name);
      if (c === undefined) invalidArgument(fn, at, "a channel of config.channels (voice, chat or deferred)", name);
      if (c.type === "deferred") {
        if (c.targetServiceLevel === undefined) invalidArgument(fn, at, "a deferred channel with targetServiceLevel (the share answered within responseSeconds) in config.channels", name);
        if ((c.initialBacklog ?? 0) > 0) invalidArgument(fn, at, "a deferred channel without initialBacklog (the skill model starts with no items waiting)", name);
        const closed = intervals.find((row) => (row.channel ?? "voice") === name && row.calls > 0 && !isOpenAt(config.openingHours, row.localMs));
        if (closed !== undefined) invalidArgument(fn, at, "a deferred channel with no items in intervals the openingHours close (the skill model has no closed hours to carry them over)", name);
      } else if (c.targetServiceLevel === undefined || c.targetAnswerSeconds === undefined) {
        invalidArgument(fn, at, `a ${c.type} channel with targetServiceLevel and targetAnswerSeconds in config.channels`, name);
      }
      if (c.type === "voice" && (c.classes !== undefined || c.redialShare !== undefined || c.lines !== undefined)) {
        invalidArgument(fn, at, "a voice channel without priority classes, redials or lines (the skill model has one FIFO queue per channel)", name);
      }
      if (c.type === "chat" && (c.concurrency ?? 1) > 100) invalidArgument(fn, at, "a chat channel with a concurrency of at most 100 (the simulator's limit)", name);
      // A group's agents hold one kind of contact: chat channels only with chats of the same settings.
      const kind = (ch: typeof c) => (ch.type === "chat" ? `chat with concurrency ${ch.concurrency ?? 1} and handleTimeFactorPerExtraChat ${ch.handleTimeFactorPerExtraChat ?? 0}` : "voice or deferred");
      const first = config.channels?.[g.skills[0]!];
      if (k > 0 && first !== undefined && kind(c) !== kind(first)) invalidArgument(fn, at, `a ${kind(first)} channel, as ${g.skills[0]} (a group's agents hold one kind of contact)`, name);
      if (!names.includes(name)) names.push(name);
    }),
  );
  const stepMs = intervalMinutes * 60_000;
  const starts = intervals.map((row) => row.localMs);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const count = Math.round((last - first) / stepMs) + 1;
  const localMs = Array.from({ length: count }, (_, t) => first + t * stepMs);
  const contactTypes: ContactType[] = names.map((name) => {
    const c = config.channels![name]!;
    const volumes = new Array<number>(count).fill(0);
    const byInterval = new Array<number>(count).fill(Number.NaN);
    let calls = 0;
    let work = 0;
    for (const row of intervals) {
      if ((row.channel ?? "voice") !== name) continue;
      const t = Math.round((row.localMs - first) / stepMs);
      if (isOpenAt(config.openingHours, row.localMs)) volumes[t] = row.calls;
      const aht = row.ahtSeconds ?? c.ahtSeconds;
      if (aht !== undefined) {
        byInterval[t] = aht;
        calls += row.calls;
        work += row.calls * aht;
      }
    }
    const ahtSeconds = c.ahtSeconds ?? (calls > 0 ? work / calls : (byInterval.find((v) => !Number.isNaN(v)) ?? Number.NaN));
    const common = { name, volumes, ahtSeconds, ahtSecondsByInterval: byInterval.map((v) => (Number.isNaN(v) ? ahtSeconds : v)) };
    const occupancy = c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy };
    // Deferred work: the response window is the answer-time threshold (default 24 h, as planStaffing's).
    if (c.type === "deferred") return { ...common, deferred: true, targetServiceLevel: c.targetServiceLevel!, targetAnswerSeconds: c.responseSeconds ?? 86_400, ...occupancy };
    const queued = {
      ...common,
      targetServiceLevel: c.targetServiceLevel!,
      targetAnswerSeconds: c.targetAnswerSeconds!,
      ...(c.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: c.targetAsaSeconds }),
      ...occupancy,
    };
    // Chat: always the chat model (concurrency 1 included), as planStaffing staffs a chat channel.
    if (c.type === "chat") {
      return { ...queued, concurrency: c.concurrency ?? 1, ...(c.handleTimeFactorPerExtraChat === undefined ? {} : { handleTimeFactorPerExtraChat: c.handleTimeFactorPerExtraChat }) };
    }
    return { ...queued, ...(c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds }) };
  });
  return {
    model: { intervalMinutes, contactTypes, agentGroups: groups, ...(config.routing === undefined ? {} : { routing: config.routing }) },
    localMs,
  };
}
