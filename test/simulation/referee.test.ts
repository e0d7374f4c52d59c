import { describe, expect, it } from "vitest";
import { erlangA, erlangC } from "../../src/queueing/index.js";
import { simulate, steadyQueueOptions, type SimulatedEstimate } from "../../src/simulation/index.js";
import { chatQueue } from "../../src/staffing/chat.js";

// The simulator as the referee of the analytic models: on a grid of steady queues from 1 to 1,000
// Erlangs (short and long patience, light and heavy load) the exact Erlang C, Erlang A and chat-chain
// figures must lie within 3 standard errors of the simulation's replication mean. Each case runs
// 20 replications of about 10,000 contacts after a warm-up of 20 handle times at the same load.

const REPLICATIONS = 20;
const CONTACTS_PER_REPLICATION = 10_000;

function steady(erlangs: number, ahtSeconds: number, agents: number, extra: { patienceSeconds?: number; concurrency?: number; handleTimeFactorPerExtraChat?: number; ahtCv?: number } = {}) {
  const callsPerInterval = (erlangs * 1800) / ahtSeconds;
  const hours = CONTACTS_PER_REPLICATION / (callsPerInterval * 2);
  return {
    callsPerInterval,
    options: steadyQueueOptions({
      callsPerInterval,
      intervalSeconds: 1800,
      ahtSeconds,
      agents,
      hours,
      replications: REPLICATIONS,
      seed: 20261201,
      targetAnswerSeconds: 20,
      ...(extra.concurrency !== undefined ? { chatRouting: "balanced" as const } : {}),
      ...extra,
    }),
  };
}

function check(rows: string[], label: string, figure: string, model: number, sim: SimulatedEstimate): boolean {
  const gap = Math.abs(model - sim.mean!);
  const ok = gap <= 3 * sim.standardError! + 1e-12;
  rows.push(`${ok ? "ok  " : "FAIL"} ${label} ${figure}: model ${model.toFixed(5)} sim ${sim.mean!.toFixed(5)} ± ${sim.standardError!.toFixed(5)} SE (${(gap / Math.max(sim.standardError!, 1e-12)).toFixed(2)} SE)`);
  return ok;
}

const erlangCCases: readonly [number, number, number][] = [
  // [Erlangs, AHT s, agents]
  [1, 180, 2],
  [2, 240, 4],
  [5, 300, 7],
  [10, 180, 13],
  [20, 180, 23],
  [50, 300, 55],
  [100, 180, 107],
  [200, 240, 210],
  [500, 180, 515],
  [1000, 180, 1025],
];

const erlangACases: readonly [number, number, number, number][] = [
  // [Erlangs, AHT s, agents, patience s]
  [1, 180, 1, 60],
  [2, 120, 3, 30],
  [5, 300, 5, 120],
  [10, 180, 9, 300],
  [20, 180, 22, 180],
  [50, 240, 48, 60],
  [100, 180, 98, 600],
  [200, 180, 210, 120],
  [500, 300, 490, 300],
  [1000, 180, 1000, 180],
];

describe("referee: Erlang C (M/M/N) against simulation, 1 to 1,000 Erlangs", () => {
  it.each(erlangCCases)("A = %d Erlangs, AHT %d s, N = %d", (erlangs, ahtSeconds, agents) => {
    const { callsPerInterval, options } = steady(erlangs, ahtSeconds, agents);
    const sim = simulate(options);
    const model = erlangC({ callsPerInterval, intervalSeconds: 1800, ahtSeconds, agents, targetAnswerSeconds: 20 });
    const v = sim.period.contactTypes[0]!;
    const rows: string[] = [];
    const label = `C A=${erlangs} N=${agents}`;
    const ok = [
      check(rows, label, "SL", model.serviceLevel, v.serviceLevel),
      check(rows, label, "P(wait)", model.waitProbability, v.waitProbability),
      check(rows, label, "ASA", model.asaSeconds, v.asaSeconds),
      check(rows, label, "occupancy", model.occupancy, sim.period.agentGroups[0]!.occupancy),
    ];
    expect(ok.every(Boolean), rows.join("\n")).toBe(true);
  });
});

describe("referee: Erlang A (M/M/N+M) against simulation, 1 to 1,000 Erlangs", () => {
  it.each(erlangACases)("A = %d Erlangs, AHT %d s, N = %d, patience %d s", (erlangs, ahtSeconds, agents, patienceSeconds) => {
    const { callsPerInterval, options } = steady(erlangs, ahtSeconds, agents, { patienceSeconds });
    const sim = simulate(options);
    const model = erlangA({ callsPerInterval, intervalSeconds: 1800, ahtSeconds, agents, patienceSeconds, targetAnswerSeconds: 20 });
    const v = sim.period.contactTypes[0]!;
    const rows: string[] = [];
    const label = `A A=${erlangs} N=${agents} pat=${patienceSeconds}`;
    const ok = [
      check(rows, label, "SL", model.serviceLevel, v.serviceLevel),
      check(rows, label, "P(wait)", model.waitProbability, v.waitProbability),
      check(rows, label, "abandon", model.abandonProbability, v.abandonRate),
      check(rows, label, "mean wait", model.asaSeconds, v.meanWaitSeconds),
      check(rows, label, "occupancy", model.occupancy, sim.period.agentGroups[0]!.occupancy),
    ];
    expect(ok.every(Boolean), rows.join("\n")).toBe(true);
  });
});

describe("referee: the chat chain (concurrency, balanced load) against simulation", () => {
  const chatCases: readonly [number, number, number, number, number][] = [
    // [chats per 30 min, solo AHT s, agents, concurrency, factor]
    [120, 600, 22, 3, 0.25],
    [40, 300, 5, 2, 0.2],
    [400, 400, 52, 3, 0.3],
    [80, 480, 8, 3, 0],
  ];
  it.each(chatCases)("%d chats / 30 min, AHT %d s, N = %d, k = %d, f = %d", (calls, ahtSeconds, agents, concurrency, factor) => {
    const { options } = steady((calls * ahtSeconds) / 1800, ahtSeconds, agents, { concurrency, handleTimeFactorPerExtraChat: factor });
    const sim = simulate(options);
    const model = chatQueue({ callsPerInterval: calls, intervalSeconds: 1800, ahtSeconds, agents, concurrency, handleTimeFactorPerExtraChat: factor, targetAnswerSeconds: 20 });
    const v = sim.period.contactTypes[0]!;
    const rows: string[] = [];
    const label = `chat N=${agents} k=${concurrency} f=${factor}`;
    const ok = [
      check(rows, label, "SL", model.serviceLevel, v.serviceLevel),
      check(rows, label, "P(wait)", model.waitProbability, v.waitProbability),
      check(rows, label, "ASA", model.asaSeconds, v.asaSeconds),
      check(rows, label, "occupancy", model.occupancy, sim.period.agentGroups[0]!.occupancy),
    ];
    expect(ok.every(Boolean), rows.join("\n")).toBe(true);
  });
});
