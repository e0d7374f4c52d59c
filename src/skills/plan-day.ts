import { requireOptions } from "../errors.js";
import { parseLocalTimestamp } from "../calendar/local-time.js";
import type { StaffingConfig } from "../staffing/plan.js";
import { skillModelFromChannels } from "./from-channels.js";
import type { SkillModel } from "./model.js";

/**
 * The busiest day of a monthly plan as a skill model, for the plan's multi-skill figures: the
 * staffing by agent group and the team design comparison are simulated on that day (a month of
 * intervals would cost thirty times as much, and the busiest day is the one that sizes teams).
 *
 * @module
 */

/** One staffing interval of a plan (the fields `planMonth` reports). */
export interface PlanDayInterval {
  /** Local timestamp `YYYY-MM-DDTHH:MM`. */
  readonly timestamp: string;
  readonly channel: string;
  readonly calls: number;
  readonly ahtSeconds: number;
}

/** The busiest day's model. */
export interface PlanDaySkillModel {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Channels that became contact types (voice, and the chat and deferred channels the groups serve). */
  readonly contactTypes: readonly string[];
  /** Contact types of the day, with the config's agent groups (or one group per type when it has none). */
  readonly model: SkillModel;
}

/**
 * The busiest day (most contacts over the voice channels with a service-level target and the
 * channels the agent groups serve) of a
 * plan's staffing intervals as a skill model; null when fewer than two such channels exist and
 * the config has no agent groups (a single queue needs no team design).
 *
 * @throws {WfmError} as `skillModelFromChannels` (a group skill naming a channel it cannot model)
 *
 * @example
 * ```ts
 * peakDaySkillModel({ intervalMinutes: 60, config: { channels: {
 *   a: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 }, b: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } },
 *   intervals: [{ timestamp: "2026-12-01T09:00", channel: "a", calls: 10, ahtSeconds: 200 },
 *     { timestamp: "2026-12-02T09:00", channel: "a", calls: 30, ahtSeconds: 200 }, { timestamp: "2026-12-02T09:00", channel: "b", calls: 5, ahtSeconds: 300 }] })?.date;
 * //=> "2026-12-02"
 * ```
 */
export function peakDaySkillModel(options: { readonly intervals: readonly PlanDayInterval[]; readonly intervalMinutes: number; readonly config: StaffingConfig }): PlanDaySkillModel | null {
  requireOptions("peakDaySkillModel", options, ["intervals", "intervalMinutes", "config"]);
  const { intervals, intervalMinutes, config } = options;
  const voice = Object.entries(config.channels ?? {})
    .filter(([name, c]) => c.type === "voice" && c.targetServiceLevel !== undefined && c.targetAnswerSeconds !== undefined && intervals.some((row) => row.channel === name))
    .map(([name]) => name);
  if (voice.length < 2 && config.agentGroups === undefined) return null;
  // With agent groups, the chat and deferred channels they serve are contact types too.
  const served = [...voice, ...(config.agentGroups ?? []).flatMap((g) => g.skills).filter((name) => !voice.includes(name))];
  const byDay = new Map<string, number>();
  for (const row of intervals) {
    if (!served.includes(row.channel)) continue;
    const date = row.timestamp.slice(0, 10);
    byDay.set(date, (byDay.get(date) ?? 0) + row.calls);
  }
  let date = "";
  let most = -1;
  for (const [day, calls] of byDay) {
    if (calls > most) (most = calls), (date = day);
  }
  if (date === "") return null;
  const rows = intervals
    .filter((row) => row.timestamp.startsWith(date) && served.includes(row.channel))
    .map((row) => ({ localMs: parseLocalTimestamp(row.timestamp)!.localMs, channel: row.channel, calls: row.calls, ahtSeconds: row.ahtSeconds }));
  const agentGroups = config.agentGroups ?? voice.map((name) => ({ name, skills: [name] }));
  const { model } = skillModelFromChannels({ intervals: rows, intervalMinutes, config: { ...config, agentGroups } });
  return { date, contactTypes: model.contactTypes.map((c) => c.name), model };
}
