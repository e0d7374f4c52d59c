/**
 * Times a month-end cost and a cost with 5 what-if scenarios, each recomputing the staffing plan
 * of a month of hourly voice and chat volumes (30 x 24 x 2 = 1,440 interval solves per plan) with
 * the staffing engine, then the exact decimal cost.
 *
 *   npx tsx benchmarks/cost-scenarios.ts
 */
import { compareScenarios, costBreakdown, staffingPlanner, toMoney, type CostModel, type Scenario } from "../src/cost/index.js";
import type { StaffingConfig, StaffingIntervalInput } from "../src/staffing/plan.js";
import { measure } from "./measure.js";

const curve = [2, 1, 1, 1, 1, 2, 4, 8, 14, 18, 20, 20, 18, 18, 19, 19, 17, 15, 12, 10, 8, 6, 4, 3];
const intervals: StaffingIntervalInput[] = [];
for (let day = 1; day <= 30; day++) {
  for (let hour = 0; hour < 24; hour++) {
    const localMs = Date.UTC(2026, 10, day, hour);
    intervals.push({ localMs, channel: "voice", calls: curve[hour]! * 12, ahtSeconds: 280 });
    intervals.push({ localMs, channel: "chat", calls: curve[hour]! * 5, ahtSeconds: 440 });
  }
}
const config: StaffingConfig = {
  channels: {
    voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 180, maxOccupancy: 0.9 },
    chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 3, handleTimeFactorPerExtraChat: 0.25 },
  },
  shrinkage: { components: [{ name: "breaks", fraction: 0.12 }, { name: "leave", fraction: 0.1 }] },
  hoursPerFtePerMonth: 160,
};
const model: CostModel = {
  currency: "USD",
  minorUnits: 2,
  hoursPerFte: 160,
  employerOverheadRate: toMoney("0.28"),
  sites: [
    { name: "hq", agentShare: 0.8, wage: { amount: toMoney(2400), per: "month" }, seatCostPerMonth: toMoney(310) },
    { name: "regional", agentShare: 0.2, wage: { amount: toMoney("11.20"), per: "hour" }, seatCostPerMonth: toMoney(190) },
  ],
  supportingStaff: [
    { role: "qa", agentsPerPerson: 12, wage: { amount: toMoney(2900), per: "month" } },
    { role: "team-lead", agentsPerPerson: 15, wage: { amount: toMoney(3300), per: "month" } },
  ],
  otherCosts: [
    { name: "telephony", basis: "per-handled-minute", amount: toMoney("0.012"), channel: "voice" },
    { name: "licences", basis: "per-agent-fte", amount: toMoney(95) },
  ],
};
const scenarios: Scenario[] = [
  { name: "self-service", deflect: [{ channel: "voice", fraction: 0.12 }] },
  { name: "automation", aht: [{ channel: "voice", changeSeconds: -25 }] },
  { name: "relocate", relocate: [{ share: 0.3, from: "hq", to: { name: "regional" } }] },
  { name: "remote", remote: [{ site: "hq", remoteShare: 0.4 }] },
  { name: "chat-4", chatConcurrency: 4 },
];
const planner = staffingPlanner({ intervals, intervalMinutes: 60, config, orders: 500000 });
const work = planner({});

measure("costBreakdown of a planned month (exact decimal)", () => costBreakdown({ model, activity: work.activity }), { targetSeconds: 0.001 });
measure("cost + 5 scenarios, each staffing plan recomputed (6 plans x 1,440 intervals)", () => compareScenarios({ model, planner, scenarios }), { targetSeconds: 0.5, minSeconds: 3 });
