/**
 * A month of 15-minute intervals of one voice channel with two priority classes (VIP 10% at
 * 90/10, regular 90% at 80/20, patience 180 s) and the same month on Erlang X (60% redials,
 * 60 lines): 30 × 96 = 2,880 interval solves per plan. Target (issue 13): under 5 s per plan.
 * Volumes are fractional (forecast-like), so the cache of identical (calls, AHT) pairs does not help.
 *
 *   npx tsx benchmarks/staffing-classes.ts
 */
import { reportOnce } from "./measure.js";
import { planStaffing, seededRandom, type StaffingConfig, type StaffingIntervalInput } from "../src/staffing/index.js";

const random = seededRandom(7);
const intervals: StaffingIntervalInput[] = [];
for (let day = 0; day < 30; day++) {
  for (let slot = 0; slot < 96; slot++) {
    const localMs = Date.UTC(2026, 10, 1 + day, 0, slot * 15);
    const hour = slot / 4;
    const curve = 0.15 + Math.exp(-((hour - 11) ** 2) / 18) + 0.8 * Math.exp(-((hour - 16) ** 2) / 12);
    intervals.push({ localMs, channel: "voice", calls: 90 * curve * (0.9 + 0.2 * random()), ahtSeconds: 250 + 40 * random() });
  }
}
const classes: StaffingConfig = {
  channels: {
    voice: {
      type: "voice",
      patienceSeconds: 180,
      classes: [
        { name: "vip", share: 0.1, targetServiceLevel: 0.9, targetAnswerSeconds: 10 },
        { name: "regular", share: 0.9, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
      ],
    },
  },
};
const erlangX: StaffingConfig = {
  channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 180, redialShare: 0.6, lines: 60 } },
};
for (const [label, config] of [
  ["planStaffing, a month of 15-min intervals, voice with 2 priority classes (Erlang A patience), CPU time per plan", classes],
  ["planStaffing, the same month on Erlang X (60% redials, 60 lines), CPU time per plan", erlangX],
] as const) {
  const start = process.cpuUsage();
  const plan = planStaffing({ intervalMinutes: 15, intervals, config });
  const cpu = process.cpuUsage(start);
  console.log(`${plan.intervals.length} interval solves; peak ${plan.totals.all.peakRequiredAgents} agents`);
  reportOnce(label, (cpu.user + cpu.system) / 1e6, 5);
}

// Call blending: the same voice volumes with an outbound line (80/20 inbound, outbound AHT 300 s,
// 25 contacts per interval), the whole month of 15-minute intervals (2,880 solves: the inbound
// requirement, then the pool meeting the outbound target, each pool with its best reserve). Target
// (issue 13): a month in under 5 s of CPU.
const blended: StaffingConfig = {
  channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, outbound: { ahtSeconds: 300, contactsPerInterval: 25 } } },
};
{
  const start = process.cpuUsage();
  const plan = planStaffing({ intervalMinutes: 15, intervals, config: blended });
  const cpu = process.cpuUsage(start);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const contacts = plan.intervals.reduce((s, r) => s + (r.outbound?.contacts ?? 0), 0);
  console.log(`${plan.intervals.length} blended interval solves; ${Math.round(contacts)} outbound contacts; peak ${plan.totals.all.peakRequiredAgents} agents`);
  reportOnce("planStaffing with an outbound line (blending), a month of 15-min intervals, CPU time per plan", seconds, 5);
}
