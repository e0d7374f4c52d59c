/**
 * A month of 15-minute intervals for three channels (voice Erlang A, chat with concurrency 3,
 * email with a 24-hour window): 30 × 96 × 3 = 8,640 interval solves per plan.
 * Target: under 50 ms of compute per plan. Volumes are fractional (forecast-like), so the
 * per-channel cache of identical (calls, AHT) pairs does not help.
 *
 *   npx tsx benchmarks/staffing-month.ts
 */
import { measure, reportOnce } from "./measure.js";
import { planStaffing, seededRandom, type StaffingConfig, type StaffingIntervalInput } from "../src/staffing/index.js";

const random = seededRandom(42);
const intervals: StaffingIntervalInput[] = [];
const days = 30;
for (let day = 0; day < days; day++) {
  for (let slot = 0; slot < 96; slot++) {
    const localMs = Date.UTC(2026, 10, 1 + day, 0, slot * 15);
    const hour = slot / 4;
    const curve = 0.15 + Math.exp(-((hour - 11) ** 2) / 18) + 0.8 * Math.exp(-((hour - 16) ** 2) / 12);
    const weekly = [0.7, 1.15, 1.05, 1, 0.98, 0.95, 0.75][new Date(localMs).getUTCDay()]!;
    intervals.push({ localMs, channel: "voice", calls: 90 * curve * weekly * (0.9 + 0.2 * random()), ahtSeconds: 250 + 40 * random() });
    intervals.push({ localMs, channel: "chat", calls: 40 * curve * weekly * (0.9 + 0.2 * random()), ahtSeconds: 380 + 60 * random() });
    intervals.push({ localMs, channel: "email", calls: 25 * curve * weekly * (0.9 + 0.2 * random()), ahtSeconds: 300 + 60 * random() });
  }
}
const config: StaffingConfig = {
  channels: {
    voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 180, maxOccupancy: 0.9 },
    chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 3, handleTimeFactorPerExtraChat: 0.25 },
    email: { type: "deferred", responseSeconds: 86_400 },
  },
  shrinkage: { components: [{ name: "breaks", fraction: 0.1 }, { name: "absence", kind: "unplanned", fraction: 0.08 }] },
};
const run = () => planStaffing({ intervalMinutes: 15, intervals, config });
const plan = run();
console.log(`${plan.intervals.length} interval solves; peak ${plan.totals.all.peakRequiredAgents} agents; ${plan.totals.agentFte.toFixed(1)} agent FTE`);
measure("planStaffing, a month of 15-min intervals, voice (Erlang A) + chat (k=3) + email", run, { targetSeconds: 0.05, minSeconds: 3 });
// CPU time of the process per plan (robust when other jobs share the machine; wall-clock above).
const cpuRuns = 20;
const cpuStart = process.cpuUsage();
for (let i = 0; i < cpuRuns; i++) run();
const cpu = process.cpuUsage(cpuStart);
reportOnce("planStaffing month, CPU time per plan (user + system, mean of 20)", (cpu.user + cpu.system) / 1e6 / cpuRuns, 0.05);
const voiceC = { ...config, channels: { ...config.channels, voice: { type: "voice" as const, targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0.9 } } };
measure("planStaffing, same month with voice on Erlang C", () => planStaffing({ intervalMinutes: 15, intervals, config: voiceC }), { targetSeconds: 0.05, minSeconds: 3 });
