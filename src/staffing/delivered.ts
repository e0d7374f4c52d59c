import { requireOptions, invalidArgument } from "../errors.js";
import { erlangA } from "../queueing/erlang-a.js";
import { erlangC } from "../queueing/erlang-c.js";
import { chatQueue } from "./chat.js";
import { defaultChannelType, type ChannelConfig } from "./plan.js";

/** Options of {@link deliveredService}. */
export interface DeliveredServiceOptions {
  /** Contacts arriving in the interval, >= 0. */
  readonly callsPerInterval: number;
  /** Interval length, seconds (> 0). */
  readonly intervalSeconds: number;
  /** Average handle time, seconds (> 0). */
  readonly ahtSeconds: number;
  /** Agents the schedule puts on the floor in the interval (working, not on break), >= 0; may be fractional (a mean over slots). */
  readonly scheduledAgents: number;
  /**
   * Shrinkage of the interval: the share of the scheduled agents' time not on contacts (absence,
   * meetings, training), a fraction in [0, 1).
   * @defaultValue 0
   */
  readonly shrinkage?: number;
  /** The channel's name (its type by name when `channel` is absent: "chat" is chat, "email" deferred). @defaultValue "voice" */
  readonly channelName?: string;
  /** The channel's config: its type, model (patience for Erlang A, concurrency for chat) and target time. */
  readonly channel?: ChannelConfig;
  /** Answer-time threshold T, seconds, when the channel config gives none. @defaultValue 20 */
  readonly targetAnswerSeconds?: number;
}

/** What a schedule delivers in one interval. */
export interface DeliveredService {
  /** Agents on contacts: floor(scheduledAgents x (1 - shrinkage)). */
  readonly agentsOnContacts: number;
  /** Service level by the channel's own model (Erlang C; Erlang A with patience; the chat chain with concurrency). */
  readonly serviceLevel: number;
  /** Average speed of answer, seconds (Infinity when the queue is unstable). */
  readonly asaSeconds: number;
  /** The model used. */
  readonly model: "erlang-c" | "erlang-a" | "chat";
}

/**
 * The service a schedule delivers in one interval: the scheduled agents on the floor, less the
 * interval's shrinkage (agents = floor(N (1 - s)), the same netting as the staffing plan's
 * scheduled = ceil(required / (1 - s))), through the channel's own queueing model: Erlang A when
 * the voice channel has a patience, the chat chain (concurrency, slower extra chats) for chat,
 * Erlang C otherwise. `wfm schedule` and `wfm plan` both report this figure. Deferred channels
 * (email, tickets) have no interval service level: null.
 *
 * @throws {WfmError} `invalid-argument` for a missing or out-of-range option
 * @example
 * ```ts
 * // 100 calls per 30 min, AHT 180 s: 20 agents scheduled at 30% shrinkage are 14 on contacts.
 * deliveredService({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, scheduledAgents: 20, shrinkage: 0.3 })?.agentsOnContacts; //=> 14
 * deliveredService({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, scheduledAgents: 20, shrinkage: 0.3 })?.serviceLevel; //=> 0.8883520...
 * ```
 * @see Koole, "Call Center Optimization" (2013), ch. 4-5 (Erlang C and A); shrinkage as in the staffing plan.
 */
export function deliveredService(options: DeliveredServiceOptions): DeliveredService | null {
  const fn = "deliveredService";
  requireOptions(fn, options, ["callsPerInterval", "intervalSeconds", "ahtSeconds", "scheduledAgents"]);
  const { callsPerInterval: calls, intervalSeconds, ahtSeconds, scheduledAgents, shrinkage = 0, channelName = "voice", channel } = options;
  if (!(Number.isFinite(calls) && calls >= 0)) invalidArgument(fn, "callsPerInterval", "a finite number >= 0", calls);
  if (!(Number.isFinite(scheduledAgents) && scheduledAgents >= 0)) invalidArgument(fn, "scheduledAgents", "a finite number >= 0", scheduledAgents);
  if (!(typeof shrinkage === "number" && shrinkage >= 0 && shrinkage < 1)) invalidArgument(fn, "shrinkage", "a fraction from 0 up to (not including) 1", shrinkage);
  const type = channel?.type ?? defaultChannelType(channelName);
  if (type === "deferred") return null;
  // + 1e-9: 20 x 0.7 is 13.999999999999998 in float64, and 14 agents are on contacts.
  const agents = Math.floor(scheduledAgents * (1 - shrinkage) + 1e-9);
  if (calls === 0) return { agentsOnContacts: agents, serviceLevel: 1, asaSeconds: 0, model: "erlang-c" };
  const targetAnswerSeconds = channel !== undefined && channel.type !== "deferred" && channel.targetAnswerSeconds !== undefined ? channel.targetAnswerSeconds : (options.targetAnswerSeconds ?? 20);
  const base = { callsPerInterval: calls, intervalSeconds, ahtSeconds, agents, targetAnswerSeconds };
  if (channel?.type === "chat") {
    const m = chatQueue({ ...base, concurrency: channel.concurrency ?? 1, handleTimeFactorPerExtraChat: channel.handleTimeFactorPerExtraChat ?? 0 });
    return { agentsOnContacts: agents, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, model: "chat" };
  }
  if (channel?.type === "voice" && channel.patienceSeconds !== undefined) {
    const m = erlangA({ ...base, patienceSeconds: channel.patienceSeconds });
    return { agentsOnContacts: agents, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, model: "erlang-a" };
  }
  const m = erlangC(base);
  return { agentsOnContacts: agents, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, model: "erlang-c" };
}
