import { invalidArgument, requireOptions } from "../errors.js";
import { erlangA } from "../queueing/erlang-a.js";
import { erlangC } from "../queueing/erlang-c.js";
import { chatQueue } from "../staffing/chat.js";
import { defaultChannelType, type ChannelType, type StaffingConfig } from "../staffing/plan.js";

/**
 * The queueing model a plan used for one channel, as plain data (it is written into the plan's
 * summary.json so that `wfm review` re-evaluates the very model the plan staffed with).
 */
export interface ChannelQueueModel {
  readonly channel: string;
  readonly type: ChannelType;
  /** `"erlang-c"`, `"erlang-a"` (voice with a patience), `"chat"` or `"deferred"` (no queue model). */
  readonly model: "erlang-c" | "erlang-a" | "chat" | "deferred";
  /** Share to answer within T, fraction; `null` for deferred work. */
  readonly targetServiceLevel: number | null;
  /** T, seconds; `null` for deferred work. */
  readonly targetAnswerSeconds: number | null;
  /** Highest ASA allowed, seconds, or `null`. */
  readonly targetAsaSeconds: number | null;
  /** Highest abandonment allowed (Erlang A), fraction, or `null`. */
  readonly maxAbandonProbability: number | null;
  /** Mean patience (Erlang A), seconds, or `null`. */
  readonly patienceSeconds: number | null;
  /** Chats one agent holds at once (1 for voice). */
  readonly concurrency: number;
  /** Extra handle time per extra concurrent chat, fraction of AHT (0 for voice). */
  readonly handleTimeFactorPerExtraChat: number;
}

/**
 * The queueing model of each channel in a staffing config, as {@link ChannelQueueModel} data.
 *
 * @param options.config - the plan's staffing config
 * @param options.channels - channel names (a channel missing from the config gets its default type)
 * @throws {WfmError} `invalid-argument` when options is not an object or config or channels is missing
 *
 * @example
 * ```ts
 * channelQueueModels({ config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 90 } } }, channels: ["voice"] })[0].model;
 * //=> "erlang-a"
 * ```
 */
export function channelQueueModels(options: { readonly config: StaffingConfig; readonly channels: readonly string[] }): ChannelQueueModel[] {
  requireOptions("channelQueueModels", options, ["config", "channels"]);
  return options.channels.map((channel) => {
    const c = options.config.channels?.[channel];
    const type = c?.type ?? defaultChannelType(channel);
    if (c === undefined || c.type === "deferred" || type === "deferred") {
      return {
        channel,
        type,
        model: type === "deferred" ? "deferred" : type === "chat" ? "chat" : "erlang-c",
        targetServiceLevel: null,
        targetAnswerSeconds: type === "deferred" ? null : 20,
        targetAsaSeconds: null,
        maxAbandonProbability: null,
        patienceSeconds: null,
        concurrency: 1,
        handleTimeFactorPerExtraChat: 0,
      } satisfies ChannelQueueModel;
    }
    const voice = c.type === "voice" ? c : undefined;
    const chat = c.type === "chat" ? c : undefined;
    return {
      channel,
      type,
      model: chat !== undefined ? "chat" : voice?.patienceSeconds !== undefined ? "erlang-a" : "erlang-c",
      targetServiceLevel: c.targetServiceLevel ?? null,
      targetAnswerSeconds: c.targetAnswerSeconds ?? 20,
      targetAsaSeconds: c.targetAsaSeconds ?? null,
      maxAbandonProbability: voice?.maxAbandonProbability ?? null,
      patienceSeconds: voice?.patienceSeconds ?? null,
      concurrency: chat?.concurrency ?? 1,
      handleTimeFactorPerExtraChat: chat?.handleTimeFactorPerExtraChat ?? 0,
    } satisfies ChannelQueueModel;
  });
}

/** What a queue model predicts for one interval. */
export interface QueuePrediction {
  /** Answered within T / offered, fraction. */
  readonly serviceLevel: number;
  /** Mean wait over all offered, seconds (Infinity for an unstable Erlang C or chat queue). */
  readonly asaSeconds: number;
  /** Share abandoning (Erlang A), else 0. */
  readonly abandonProbability: number;
}

/** Options of {@link predictQueue}. */
export interface PredictQueueOptions {
  readonly model: ChannelQueueModel;
  /** Contacts offered in the interval, >= 0. */
  readonly callsPerInterval: number;
  /** Interval length, seconds, > 0. */
  readonly intervalSeconds: number;
  /** Handle time, seconds, > 0. */
  readonly ahtSeconds: number;
  /** Agents on contacts, >= 0; fractional values interpolate linearly between the whole numbers around them. */
  readonly agents: number;
  /** Mean patience to use instead of the model's, seconds (forces Erlang A for voice). @defaultValue the model's */
  readonly patienceSeconds?: number;
}

function whole(options: PredictQueueOptions, agents: number): QueuePrediction {
  const { model, callsPerInterval, intervalSeconds, ahtSeconds } = options;
  const targetAnswerSeconds = model.targetAnswerSeconds ?? 20;
  const patience = options.patienceSeconds ?? model.patienceSeconds;
  if (model.model === "chat") {
    const r = chatQueue({ callsPerInterval, intervalSeconds, ahtSeconds, agents, concurrency: model.concurrency, handleTimeFactorPerExtraChat: model.handleTimeFactorPerExtraChat, targetAnswerSeconds });
    return { serviceLevel: r.serviceLevel, asaSeconds: r.asaSeconds, abandonProbability: 0 };
  }
  if (patience !== null && patience !== undefined) {
    const r = erlangA({ callsPerInterval, intervalSeconds, ahtSeconds, agents, patienceSeconds: patience, targetAnswerSeconds });
    return { serviceLevel: r.serviceLevel, asaSeconds: r.asaSeconds, abandonProbability: r.abandonProbability };
  }
  const r = erlangC({ callsPerInterval, intervalSeconds, ahtSeconds, agents, targetAnswerSeconds });
  return { serviceLevel: r.serviceLevel, asaSeconds: r.asaSeconds, abandonProbability: 0 };
}

/**
 * Service level, ASA and abandonment a channel's queue model predicts for one interval, with a
 * fractional number of agents (actual staffed time / interval length is rarely whole): the
 * metrics at N = floor(a) and N + 1 are interpolated linearly, m(a) = (1 - w) m(N) + w m(N + 1),
 * w = a - N. With no contacts the service level is 1 and the waits 0.
 *
 * Models: Erlang C (Erlang 1917), Erlang A (Palm 1943; Mandelbaum & Zeltyn 2007) when the channel
 * or `patienceSeconds` gives a patience, the chat concurrency chain of `chatQueue`. Deferred work
 * has no queue model and throws.
 *
 * @throws {WfmError} `invalid-argument` when options is not an object or model, callsPerInterval,
 *   intervalSeconds, ahtSeconds or agents is missing; for a deferred channel or inputs out of the models' domains
 *
 * @example
 * ```ts
 * const model = channelQueueModels({ config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } } }, channels: ["voice"] })[0];
 * predictQueue({ model, callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 13 }).serviceLevel; //=> 0.7956 (Erlang C)
 * predictQueue({ model, callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, agents: 12.5 }).serviceLevel; //=> halfway between N = 12 and 13
 * ```
 */
export function predictQueue(options: PredictQueueOptions): QueuePrediction {
  requireOptions("predictQueue", options, ["model", "callsPerInterval", "intervalSeconds", "ahtSeconds", "agents"]);
  const { model, callsPerInterval, agents } = options;
  if (model.model === "deferred") invalidArgument("predictQueue", "model", "a queued channel (voice or chat)", model.channel);
  if (!(Number.isFinite(agents) && agents >= 0)) invalidArgument("predictQueue", "agents", "a finite number >= 0", agents);
  if (!(Number.isFinite(callsPerInterval) && callsPerInterval >= 0)) invalidArgument("predictQueue", "callsPerInterval", "a finite number >= 0", callsPerInterval);
  if (callsPerInterval === 0) return { serviceLevel: 1, asaSeconds: 0, abandonProbability: 0 };
  const n = Math.floor(agents + 1e-12);
  const w = Math.max(0, agents - n);
  const low = whole(options, n);
  if (w < 1e-12) return low;
  const high = whole(options, n + 1);
  const mix = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? (1 - w) * a + w * b : Number.isFinite(b) && w >= 1 ? b : Infinity);
  return {
    serviceLevel: (1 - w) * low.serviceLevel + w * high.serviceLevel,
    asaSeconds: mix(low.asaSeconds, high.asaSeconds),
    abandonProbability: (1 - w) * low.abandonProbability + w * high.abandonProbability,
  };
}
