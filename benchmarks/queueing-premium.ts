/**
 * Premium-service queueing benchmarks (issue #13), CPU time per call (process.cpuUsage, so a busy
 * shared machine does not inflate them), each next to its target:
 * 1. priority classes, 2 classes at 100 Erlangs: metrics < 1 ms; required agents (per-class targets) < 20 ms;
 * 2. Erlang X at 100 Erlangs (patience, 60% redials, 120 lines): < 5 ms per evaluation;
 * 3. a month of 15-minute intervals (30 x 96 = 2,880) with two classes staffed: < 5 s in total;
 * 4. call-back offers (above 60 s, 40% take-up, 3600 s deadline) at 40 Erlangs: metrics with the
 *    in-time share < 20 ms; required agents for 80/20 inbound and 95% of call-backs in time
 *    < 50 ms (our targets: an interactive `wfm erlang`, and a month of intervals in about a minute);
 *    the same month as 3. with call-backs staffed: < 60 s.
 * 5. classes with their own AHT (the exact chain, one call each; no closed form) and the best
 *    blending reserve (all R against bisection), against a month's per-interval budget (5 s / 2,880).
 *
 * Run: npx tsx benchmarks/queueing-premium.ts
 */
import { bestOutboundReserve, callbackQueue, erlangX, priorityQueue, requiredAgentsCallback, requiredAgentsPriority } from "../src/queueing/index.js";
import { seededRandom } from "../src/staffing/random.js";
import { report } from "./measure.js";

let sink = 0;

/** Mean CPU seconds per call of fn, after a warm-up, over at least minCpuSeconds. */
function cpuPerCall(fn: () => number, minCpuSeconds = 1): { seconds: number; iterations: number } {
  for (let i = 0; i < 5; i++) sink += fn();
  const start = process.cpuUsage();
  let iterations = 0;
  let used = 0;
  do {
    sink += fn();
    iterations++;
    const u = process.cpuUsage(start);
    used = (u.user + u.system) / 1e6;
  } while (used < minCpuSeconds);
  return { seconds: used / iterations, iterations };
}

function bench(name: string, fn: () => number, targetSeconds: number, minCpuSeconds = 1): void {
  const { seconds, iterations } = cpuPerCall(fn, minCpuSeconds);
  report({ name: `${name} (CPU)`, meanSeconds: seconds, iterations, targetSeconds, met: seconds < targetSeconds });
}

const twoClasses = [
  { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
  { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
];

bench("priority classes, 2 classes at 100 Erlangs, metrics at 107 agents (no patience)", () => priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 107, classes: twoClasses }).serviceLevel, 1e-3);
bench("priority classes, 2 classes at 100 Erlangs, metrics at 97 agents (patience 120 s)", () => priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 97, patienceSeconds: 120, classes: twoClasses }).serviceLevel, 1e-3);
bench("priority classes, required agents for VIP 90/10 + regular 80/20 at 100 Erlangs (no patience)", () => requiredAgentsPriority({ trafficErlangs: 100, ahtSeconds: 180, classes: twoClasses }).agents ?? 0, 20e-3);
bench("priority classes, required agents for VIP 90/10 + regular 80/20 at 100 Erlangs (patience 120 s)", () => requiredAgentsPriority({ trafficErlangs: 100, ahtSeconds: 180, patienceSeconds: 120, classes: twoClasses }).agents ?? 0, 20e-3);
bench("Erlang X at 100 Erlangs, 100 agents, patience 120 s, 60% redials, 120 lines", () => erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, redialShare: 0.6, lines: 120 }).serviceLevel, 5e-3);
bench("Erlang X at 100 Erlangs, 100 agents, patience 120 s, 60% redials, unlimited lines", () => erlangX({ trafficErlangs: 100, ahtSeconds: 180, agents: 100, patienceSeconds: 120, redialShare: 0.6 }).serviceLevel, 5e-3);

// A month of 15-minute intervals: a daily profile (night low, two peaks) times a seeded noise,
// 0-1,000 calls per interval (0-200 Erlangs at AHT 180 s), two classes with their own targets.
const random = seededRandom(13);
const month = Array.from({ length: 30 * 96 }, (_, i) => {
  const hour = (i % 96) / 4;
  const profile = 0.1 + Math.exp(-((hour - 11) ** 2) / 8) + 0.8 * Math.exp(-((hour - 16) ** 2) / 6);
  return Math.round(profile * 450 * (0.85 + 0.3 * random()));
});
for (const patience of [undefined, 120]) {
  const start = process.cpuUsage();
  let agentHours = 0;
  for (const calls of month) {
    const r = requiredAgentsPriority({ callsPerInterval: calls, intervalSeconds: 900, ahtSeconds: 180, classes: twoClasses, ...(patience !== undefined ? { patienceSeconds: patience } : {}) });
    agentHours += (r.agents ?? 0) / 4;
  }
  const u = process.cpuUsage(start);
  const seconds = (u.user + u.system) / 1e6;
  sink += agentHours;
  report({
    name: `a month of 15-min intervals (2,880, up to ${Math.max(...month)} calls each), two classes staffed${patience !== undefined ? ", patience 120 s" : ""} (${Math.round(agentHours)} agent-hours) (CPU)`,
    meanSeconds: seconds,
    iterations: 1,
    targetSeconds: 5,
    met: seconds < 5,
  });
}
const offer = { callbackThresholdSeconds: 60, takeUpShare: 0.4, callbackDeadlineSeconds: 3600 };
bench("call-back offers at 40 Erlangs, 42 agents (no patience): metrics with the in-time share", () => callbackQueue({ trafficErlangs: 40, ahtSeconds: 180, agents: 42, ...offer }).callbacksInTimeShare, 20e-3);
bench("call-back offers at 40 Erlangs, 41 agents (patience 180 s): metrics with the in-time share", () => callbackQueue({ trafficErlangs: 40, ahtSeconds: 180, agents: 41, patienceSeconds: 180, ...offer }).callbacksInTimeShare, 20e-3);
bench("call-back offers at 40 Erlangs: required agents for 80/20 inbound + 95% call-backs in time (no patience)", () => requiredAgentsCallback({ trafficErlangs: 40, ahtSeconds: 180, ...offer, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 }).agents ?? 0, 50e-3);
bench("call-back offers at 40 Erlangs: required agents for 80/20 inbound + 95% call-backs in time (patience 180 s)", () => requiredAgentsCallback({ trafficErlangs: 40, ahtSeconds: 180, patienceSeconds: 180, ...offer, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 }).agents ?? 0, 50e-3);
{
  const start = process.cpuUsage();
  let agentHours = 0;
  for (const calls of month) {
    const r = requiredAgentsCallback({ callsPerInterval: calls, intervalSeconds: 900, ahtSeconds: 180, patienceSeconds: 180, ...offer, targetServiceLevel: 0.8, targetCallbacksInTimeShare: 0.95 });
    agentHours += (r.agents ?? 0) / 4;
  }
  const u = process.cpuUsage(start);
  const seconds = (u.user + u.system) / 1e6;
  sink += agentHours;
  report({ name: `a month of 15-min intervals (2,880), call-backs above 60 s staffed for 80/20 + 95% in time, patience 180 s (${Math.round(agentHours)} agent-hours) (CPU)`, meanSeconds: seconds, iterations: 1, targetSeconds: 60, met: seconds < 60 });
}

// Classes with their own handle time or patience: the exact chain (no closed form). One call each
// (seconds per call at this size); the 1 ms / 20 ms targets are for shared handle times.
const ownAht = [
  { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10, ahtSeconds: 240 },
  { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
];
for (const [label, run, target] of [
  ["priority chain, 2 classes at 100 Erlangs, VIP AHT 240 s vs 180 s, patience 120 s: metrics at 103 agents", () => priorityQueue({ trafficErlangs: 100, ahtSeconds: 180, agents: 103, patienceSeconds: 120, classes: ownAht }).chain?.states ?? 0, 1e-3],
  ["priority chain, 2 classes at 10 Erlangs, VIP AHT 240 s vs 180 s, patience 120 s: required agents", () => requiredAgentsPriority({ trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 120, classes: ownAht }).agents ?? 0, 20e-3],
] as const) {
  const start = process.cpuUsage();
  const value = run();
  const u = process.cpuUsage(start);
  sink += value;
  const seconds = (u.user + u.system) / 1e6;
  report({ name: `${label} (CPU, one call)`, meanSeconds: seconds, iterations: 1, targetSeconds: target, met: seconds < target });
}

// Blending: the best reserve for 30 agents at 25 Erlangs (AHT 180 s, outbound 300 s), the whole
// curve R = 0..N against bisection on R (what the staffing plan uses per interval).
for (const search of ["all", "bisection"] as const) {
  const start = process.cpuUsage();
  const r = bestOutboundReserve({ trafficErlangs: 25, ahtSeconds: 180, agents: 30, outboundAhtSeconds: 300, targetServiceLevel: 0.8, search });
  const u = process.cpuUsage(start);
  sink += r.outboundReserveAgents ?? 0;
  const seconds = (u.user + u.system) / 1e6;
  report({ name: `bestOutboundReserve at 25 Erlangs on 30 agents, search "${search}" (${r.byReserve.length} blending solves) (CPU, one call)`, meanSeconds: seconds, iterations: 1, targetSeconds: 5 / 2880, met: seconds < 5 / 2880 });
}
if (sink === Number.NEGATIVE_INFINITY) console.log("");
