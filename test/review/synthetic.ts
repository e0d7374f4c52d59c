import type { KpiInterval } from "../../src/cost/kpi.js";
import { erlangA, erlangC, requiredAgents } from "../../src/queueing/index.js";
import type { ChannelQueueModel } from "../../src/review/model.js";
import type { ReviewPlan, ReviewPlanInterval } from "../../src/review/types.js";
import { poissonSample, seededRandom } from "../../src/staffing/random.js";

/**
 * A synthetic month with a known truth, written independently of src/review: a plan for two
 * weeks of hourly voice and chat built with the queueing functions, and actuals generated from
 * it with planted causes. Every metric of the actuals comes from Erlang A (voice) at the actual
 * inputs, interpolated linearly in agents as the review documents, so the model error is zero
 * and the attribution must explain the whole change.
 */

export const hourMs = 3_600_000;
export const dayMs = 86_400_000;
export const start = Date.UTC(2026, 11, 1);
export const days = 14;
export const planShrinkage = 0.2;
export const planAhtSeconds = 240;
export const planPatienceSeconds = 120;

export const voiceModel: ChannelQueueModel = {
  channel: "voice",
  type: "voice",
  model: "erlang-a",
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  targetAsaSeconds: null,
  maxAbandonProbability: null,
  patienceSeconds: planPatienceSeconds,
  concurrency: 1,
  handleTimeFactorPerExtraChat: 0,
};
export const chatModel: ChannelQueueModel = { ...voiceModel, channel: "chat", type: "chat", model: "chat", patienceSeconds: null, concurrency: 2, targetAnswerSeconds: 60 };

const shape = (hour: number) => (hour < 7 ? 0.2 : hour < 10 ? 0.8 : hour < 18 ? 1 : hour < 22 ? 0.6 : 0.3);

/** Planted causes. */
export interface Truth {
  /** Actual / planned contacts. @defaultValue 1 */
  readonly volumeFactor?: number;
  /** Actual / planned AHT. @defaultValue 1 */
  readonly ahtFactor?: number;
  /** Schedule floor head count minus the staffing plan's, in hours 09-17. @defaultValue 0 */
  readonly scheduleDelta?: number;
  /** Actual shrinkage minus planned. @defaultValue 0 */
  readonly shrinkageDelta?: number;
  /** True patience, seconds. @defaultValue the plan's */
  readonly patienceSeconds?: number;
  /** Draw the offered contacts from a Poisson law (seeded). @defaultValue false */
  readonly poisson?: boolean;
}

/** The plan: voice (and chat) per hour, staffed with requiredAgents at 80/20, 20% shrinkage. */
export function syntheticPlan(options: { withSchedule?: boolean; scheduleDelta?: number; chat?: boolean; days?: number } = {}): ReviewPlan {
  const intervals: ReviewPlanInterval[] = [];
  const coverage = [];
  const dayCount = options.days ?? days;
  for (let h = 0; h < dayCount * 24; h++) {
    const localMs = start + h * hourMs;
    const hour = h % 24;
    const calls = Math.round(60 * shape(hour) * (1 + 0.1 * Math.sin(h / 5)));
    const req = requiredAgents({ model: "erlang-a", callsPerInterval: calls, intervalSeconds: 3600, ahtSeconds: planAhtSeconds, targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: planPatienceSeconds });
    const required = req.feasible ? req.agents : 0;
    const scheduledAgents = Math.ceil(required / (1 - planShrinkage) - 1e-9);
    intervals.push({ localMs, channel: "voice", open: true, forecastCalls: calls, lowerCalls: calls * 0.85, upperCalls: calls * 1.15, calls, ahtSeconds: planAhtSeconds, requiredAgents: required, scheduledAgents, shrinkage: planShrinkage });
    const delta = hour >= 9 && hour < 17 ? (options.scheduleDelta ?? 0) : 0;
    coverage.push({ localMs, team: "voice", required: scheduledAgents, scheduled: scheduledAgents + delta });
    if (options.chat) {
      const chats = Math.round(calls / 2);
      intervals.push({ localMs, channel: "chat", open: true, forecastCalls: chats, lowerCalls: chats * 0.8, upperCalls: chats * 1.2, calls: chats, ahtSeconds: 400, requiredAgents: 5, scheduledAgents: 7, shrinkage: planShrinkage });
    }
  }
  return {
    label: "2026-12",
    startLocalMs: start,
    endLocalMs: start + dayCount * dayMs,
    intervalMinutes: 60,
    models: options.chat ? [voiceModel, chatModel] : [voiceModel],
    intervals,
    ...(options.withSchedule ? { schedule: { slotMinutes: 60, teams: [{ team: "voice", channels: ["voice"], paidHours: 5000 }], coverage } } : {}),
  };
}

/** Linear interpolation in agents, as documented by the review (independent copy). */
export function interpolate(agents: number, metric: (n: number) => number): number {
  const n = Math.floor(agents);
  const w = agents - n;
  return w === 0 ? metric(n) : (1 - w) * metric(n) + w * metric(n + 1);
}

/** Erlang A metrics of one voice interval at fractional agents. */
export function voiceAt(calls: number, ahtSeconds: number, agents: number, patienceSeconds: number): { sl: number; abandon: number } {
  if (calls <= 0) return { sl: 1, abandon: 0 };
  const m = (n: number) => erlangA({ callsPerInterval: calls, intervalSeconds: 3600, ahtSeconds, agents: n, patienceSeconds, targetAnswerSeconds: 20 });
  return { sl: interpolate(agents, (n) => m(n).serviceLevel), abandon: interpolate(agents, (n) => m(n).abandonProbability) };
}

/** The actual interval report of a plan under planted causes (unrounded counts). */
export function syntheticActuals(plan: ReviewPlan, truth: Truth = {}): KpiInterval[] {
  const random = seededRandom(20261201);
  const rows: KpiInterval[] = [];
  const floorOf = new Map((plan.schedule?.coverage ?? []).map((c) => [c.localMs, c.scheduled]));
  for (const p of plan.intervals) {
    const expected = p.calls * (truth.volumeFactor ?? 1);
    const offered = truth.poisson ? poissonSample(expected, random) : expected;
    const aht = p.ahtSeconds * (truth.ahtFactor ?? 1);
    const floor = p.channel === "voice" ? (floorOf.get(p.localMs) ?? p.scheduledAgents) : p.scheduledAgents;
    const staffedAgents = floor * (1 - p.shrinkage - (truth.shrinkageDelta ?? 0));
    let sl = 1;
    let abandon = 0;
    if (p.channel === "voice") ({ sl, abandon } = voiceAt(offered, aht, staffedAgents, truth.patienceSeconds ?? planPatienceSeconds));
    else if (offered > 0) sl = interpolate(staffedAgents, (n) => erlangC({ callsPerInterval: offered, intervalSeconds: 3600, ahtSeconds: aht / 2, agents: n, targetAnswerSeconds: 60 }).serviceLevel);
    const abandoned = offered * abandon;
    const answered = offered - abandoned;
    rows.push({
      localMs: p.localMs,
      channel: p.channel,
      offered,
      answered,
      abandoned,
      answeredWithinTarget: offered * sl,
      handleSeconds: answered * aht,
      staffedSeconds: staffedAgents * 3600,
      waitSeconds: answered * 5,
    });
  }
  return rows;
}
