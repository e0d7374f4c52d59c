/**
 * Queueing benchmarks (issue #2), each printed next to its target:
 * 1. required agents for 80/20 at 1,000 Erlangs (Erlang C): < 2 us;
 * 2. a batch of 1,000 random intervals (10-5,000 calls per 30 min, AHT 180-600 s): < 5 ms in total
 *    (pyworkforce takes about 1.1 s for such a batch);
 * 3. Erlang A required agents at 1,000 Erlangs (patience 300 s, 80/20): < 50 us (pyworkforce: about 9 s).
 * Also times a comparable Erlang A batch and single metric evaluations for context.
 *
 * Run: npx tsx benchmarks/queueing-required-agents.ts
 */
import { erlangA, erlangC, requiredAgents } from "../src/queueing/index.js";
import { seededRandom } from "../src/staffing/random.js";
import { measure } from "./measure.js";

// The library's seeded generator, so every run times the same batch.
const random = seededRandom(2026);
// The batch's options are built once, outside the timed loop (the timing is the engine's).
const batch = Array.from({ length: 1000 }, () => ({
  callsPerInterval: 10 + Math.floor(random() * 4991),
  intervalSeconds: 1800,
  ahtSeconds: 180 + random() * 420,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
}));
const batchErlangA = batch.map((interval) => ({ ...interval, patienceSeconds: 300 }));

let sink = 0;
const at1000 = { trafficErlangs: 1000, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 };
const at1000ErlangA = { ...at1000, patienceSeconds: 300 };
measure("required agents, Erlang C 80/20 at 1,000 Erlangs", () => {
  const r = requiredAgents(at1000);
  sink += r.agents ?? 0;
}, { targetSeconds: 2e-6 });

measure("batch of 1,000 random intervals (10-5,000 calls/30 min, AHT 180-600 s), Erlang C 80/20", () => {
  for (const options of batch) {
    const r = requiredAgents(options);
    sink += r.agents ?? 0;
  }
}, { targetSeconds: 5e-3 });

measure("required agents, Erlang A 80/20 at 1,000 Erlangs, patience 300 s", () => {
  const r = requiredAgents(at1000ErlangA);
  sink += r.agents ?? 0;
}, { targetSeconds: 50e-6 });

measure("comparable batch of 1,000 random intervals, Erlang A 80/20, patience 300 s (no target in the issue; 1,000 x 50 us)", () => {
  for (const options of batchErlangA) {
    const r = requiredAgents(options);
    sink += r.agents ?? 0;
  }
}, { targetSeconds: 50e-3 });

measure("erlangC metrics at 1,011 agents, 1,000 Erlangs (context)", () => {
  sink += erlangC({ trafficErlangs: 1000, ahtSeconds: 180, agents: 1011 }).serviceLevel;
}, { targetSeconds: 2e-6 });

measure("erlangA metrics at 1,000 agents, 1,000 Erlangs, patience 300 s (context)", () => {
  sink += erlangA({ trafficErlangs: 1000, ahtSeconds: 180, agents: 1000, patienceSeconds: 300 }).serviceLevel;
}, { targetSeconds: 50e-6 });

if (sink === 42) console.log("");
