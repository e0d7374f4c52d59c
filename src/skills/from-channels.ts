import { isOpenAt } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";
import type { StaffingConfig, StaffingIntervalInput } from "../staffing/plan.js";
import type { ContactType, SkillModel } from "./model.js";

/**
 * From a channel staffing input (`wfm staff`: the volume rows and `staffing.json` with
 * `agentGroups`) to a skill model: every voice channel some group serves becomes a contact type
 * with its volume and handle time per interval (0 contacts where the file has no row or the
 * centre is closed; the row's handle time, else the channel's), its targets and patience.
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
 *   channel that is not a voice channel with a service-level target in the file
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
      const c = config.channels?.[name];
      if (!channelsInFile.has(name)) invalidArgument(fn, `config.agentGroups[${i}].skills[${k}]`, `a channel of the volume file (${[...channelsInFile].join(", ")})`, name);
      if (c === undefined || c.type !== "voice" || c.targetServiceLevel === undefined || c.targetAnswerSeconds === undefined) {
        invalidArgument(fn, `config.agentGroups[${i}].skills[${k}]`, "a voice channel with targetServiceLevel and targetAnswerSeconds in config.channels", name);
      }
      if (c.classes !== undefined || c.redialShare !== undefined || c.lines !== undefined) {
        invalidArgument(fn, `config.agentGroups[${i}].skills[${k}]`, "a voice channel without priority classes, redials or lines (the skill model has one FIFO queue per channel)", name);
      }
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
    if (c.type !== "voice") throw new Error("unreachable");
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
    return {
      name,
      volumes,
      ahtSeconds,
      ahtSecondsByInterval: byInterval.map((v) => (Number.isNaN(v) ? ahtSeconds : v)),
      targetServiceLevel: c.targetServiceLevel!,
      targetAnswerSeconds: c.targetAnswerSeconds!,
      ...(c.targetAsaSeconds === undefined ? {} : { targetAsaSeconds: c.targetAsaSeconds }),
      ...(c.maxOccupancy === undefined ? {} : { maxOccupancy: c.maxOccupancy }),
      ...(c.patienceSeconds === undefined ? {} : { patienceSeconds: c.patienceSeconds }),
    };
  });
  return {
    model: { intervalMinutes, contactTypes, agentGroups: groups, ...(config.routing === undefined ? {} : { routing: config.routing }) },
    localMs,
  };
}
