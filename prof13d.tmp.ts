import { planStaffing, seededRandom, type StaffingIntervalInput } from "./src/staffing/index.js";
const random = seededRandom(7);
const intervals: StaffingIntervalInput[] = [];
for (let day = 0; day < 30; day++) for (let slot = 0; slot < 96; slot++) {
  const hour = slot / 4;
  const curve = 0.15 + Math.exp(-((hour - 11) ** 2) / 18) + 0.8 * Math.exp(-((hour - 16) ** 2) / 12);
  intervals.push({ localMs: Date.UTC(2026, 10, 1 + day, 0, slot * 15), channel: "voice", calls: 90 * curve * (0.9 + 0.2 * random()), ahtSeconds: 250 + 40 * random() });
}
const days = Number(process.argv[2] ?? 1);
const s = process.cpuUsage();
const plan = planStaffing({ intervalMinutes: 15, intervals: intervals.slice(0, 96 * days), config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, outbound: { ahtSeconds: 300, contactsPerInterval: 25 } } } } });
const c = process.cpuUsage(s);
console.log(days, "days", (c.user + c.system) / 1e6, "s CPU", plan.totals.all.peakRequiredAgents, plan.intervals.reduce((s, r) => s + (r.outbound?.contacts ?? 0), 0));
console.log((globalThis as any).EV, (globalThis as any).DB, (globalThis as any).ST);
