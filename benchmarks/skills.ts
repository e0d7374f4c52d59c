/**
 * Multi-skill staffing and team design comparison on a day of 15-minute intervals (96, around
 * the clock) with 3 contact types and 3 agent groups sharing skills, overflow after 10 s.
 * Targets: staffSkills (skill-transfer program + simulation check, 20 replications) under 10 s;
 * compareTeamDesigns of 3 designs under 20 s; the staffing again with a group's own handle time on
 * one type (agentGroups[].ahtSecondsByType) under 10 s. CPU time (user + system) is printed next to the
 * wall time: the machine is shared.
 *
 *   npx tsx benchmarks/skills.ts
 */
import { reportOnce } from "./measure.js";
import { loadHighsRuntime } from "../src/schedule/index.js";
import { compareTeamDesigns, staffSkills, type ContactType } from "../src/skills/index.js";
import { poissonSample, seededRandom } from "../src/staffing/index.js";

const random = seededRandom(96);
const day = (peak: number) =>
  Array.from({ length: 96 }, (_, t) => {
    const hour = t / 4;
    return poissonSample(peak * (0.08 + Math.exp(-((hour - 11) ** 2) / 10) + 0.7 * Math.exp(-((hour - 16) ** 2) / 6)), random);
  });
const contactTypes: ContactType[] = [
  { name: "billing", volumes: day(90), ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
  { name: "technical", volumes: day(60), ahtSeconds: 420, targetServiceLevel: 0.8, targetAnswerSeconds: 30 },
  { name: "sales", volumes: day(40), ahtSeconds: 300, targetServiceLevel: 0.7, targetAnswerSeconds: 20, patienceSeconds: 120 },
];
const agentGroups = [
  { name: "billing", skills: ["billing", "sales"], costPerHour: 22 },
  { name: "technical", skills: ["technical", "billing"], costPerHour: 24 },
  { name: "sales", skills: ["sales"], costPerHour: 20 },
];
const highs = await loadHighsRuntime();
const calls = contactTypes.reduce((s, c) => s + c.volumes!.reduce((a, v) => a + v, 0), 0);
console.log(`${calls} contacts in 96 intervals, 3 types, 3 groups (overflow after 10 s)`);

const time = async <T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
};

const staffed = await time(() => staffSkills({ intervalMinutes: 15, contactTypes, agentGroups, routing: { overflowAfterSeconds: 10 }, highs }));
const s = staffed.value;
const corrected = s.intervals.filter((r) => r.agents.some((x, g) => x !== r.programAgents[g])).length;
console.log(`staffSkills: ${s.agentHours.toFixed(1)} agent-hours, ${corrected} intervals changed by the simulation check; SL ${s.serviceLevels.map((x) => `${x.type} ${(100 * x.mean).toFixed(1)}%`).join(", ")}`);
reportOnce("staffSkills, a day of 15-min intervals, 3 types x 3 groups, CPU time", staffed.cpu, 10);
reportOnce("staffSkills, same, wall time", staffed.wall, 10);

// The same day with handle times per agent group: the technical team 25% slower on billing calls.
const ownTimes = agentGroups.map((g) => (g.name === "technical" ? { ...g, ahtSecondsByType: { billing: 300 } } : g));
const staffedOwn = await time(() => staffSkills({ intervalMinutes: 15, contactTypes, agentGroups: ownTimes, routing: { overflowAfterSeconds: 10 }, highs }));
console.log(`staffSkills, technical team at 300 s on billing: ${staffedOwn.value.agentHours.toFixed(1)} agent-hours; SL ${staffedOwn.value.serviceLevels.map((x) => `${x.type} ${(100 * x.mean).toFixed(1)}%`).join(", ")}`);
reportOnce("staffSkills with handle times per group, same day, CPU time", staffedOwn.cpu, 10);

const compared = await time(() => compareTeamDesigns({ intervalMinutes: 15, contactTypes, costPerHour: 22, crossTrainingPremium: 0.1, highs }));
for (const d of compared.value.designs) {
  console.log(`  ${d.design}: ${d.agentHours.toFixed(1)} agent-hours, peak ${d.peakAgents}, cost ${d.cost.toFixed(0)}; SL ${d.serviceLevels.map((x) => `${x.type} ${(100 * x.mean).toFixed(1)}%`).join(", ")}`);
}
reportOnce("compareTeamDesigns, 3 designs, same day, CPU time", compared.cpu, 20);
reportOnce("compareTeamDesigns, same, wall time", compared.wall, 20);
