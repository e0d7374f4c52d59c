import { costModelFromConfig } from "../../src/io/cost-config.js";
import { scenariosFromConfig } from "../../src/io/scenario-config.js";
import { shiftsConfigFromJson } from "../../src/io/shifts-config.js";
import { staffingConfigFromJson } from "../../src/io/staffing-config.js";
import type { PlanMonthOptions } from "../../src/plan/plan-month.js";

const hourMs = 3_600_000;
const dayMs = 86_400_000;

const two = (n: number) => String(n).padStart(2, "0");

/** History rows as the CSV a plan reads: `timestamp,channel,calls,ahtSeconds`, local `YYYY-MM-DDTHH:00` stamps. */
export function historyCsv(rows: readonly { localMs: number; channel: string; calls: number; ahtSeconds: number }[]): string {
  const stamp = (ms: number) => {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:00`;
  };
  return `timestamp,channel,calls,ahtSeconds\n${rows.map((r) => `${stamp(r.localMs)},${r.channel},${r.calls},${r.ahtSeconds}`).join("\n")}\n`;
}

/** Five weeks of hourly voice and chat history with a daily and weekly shape (no randomness). */
export function smallHistory(start = Date.UTC(2026, 10, 2)): { localMs: number; calls: number; ahtSeconds: number; channel: string }[] {
  const rows = [];
  for (let h = 0; h < 35 * 24; h++) {
    const localMs = start + h * hourMs;
    const hour = h % 24;
    const weekday = Math.floor(h / 24) % 7;
    const daily = hour < 7 ? 0.15 : hour < 10 ? 0.7 : hour < 18 ? 1 : hour < 22 ? 0.6 : 0.25;
    const weekly = weekday >= 5 ? 0.7 : 1;
    const wiggle = 1 + 0.05 * Math.sin(h * 1.7);
    rows.push({ localMs, calls: Math.round(40 * daily * weekly * wiggle), ahtSeconds: 240, channel: "voice" });
    rows.push({ localMs, calls: Math.round(15 * daily * weekly * wiggle), ahtSeconds: 420, channel: "chat" });
  }
  return rows;
}

/** A one-week plan after {@link smallHistory}: staffing, shifts without breaks, cost and one scenario. */
export function smallPlanOptions(): PlanMonthOptions {
  const start = Date.UTC(2026, 10, 2) + 35 * dayMs;
  const staffing = staffingConfigFromJson(
    {
      channels: {
        voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, patienceSeconds: 120, minimumAgents: 1 },
        chat: { type: "chat", targetServiceLevel: 0.8, targetAnswerSeconds: 60, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, minimumAgents: 1 },
      },
      shrinkage: { components: [{ name: "absence", kind: "unplanned", fraction: 0.1 }] },
      hoursPerFtePerMonth: 160,
    },
    "staffing",
  );
  const shifts = shiftsConfigFromJson(
    {
      templates: [
        { name: "early", earliestStart: "06:00", latestStart: "09:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 20 },
        { name: "late", earliestStart: "13:00", latestStart: "16:00", startStepMinutes: 60, lengthMinutes: 480, costPerPaidHour: 22 },
        { name: "night", earliestStart: "22:00", latestStart: "22:00", lengthMinutes: 480, costPerPaidHour: 26 },
      ],
      coverage: { mode: "soft", shortfallPenaltyPerAgentHour: 200 },
    },
    "shifts",
  );
  const model = costModelFromConfig(
    {
      currency: "USD",
      hoursPerFte: 160,
      employerOverheadPercent: "25",
      sites: [{ name: "hq", agentSharePercent: "100", hourlyWage: "15.50", seatCostPerMonth: "300" }],
      supportingStaff: [{ role: "teamLead", agentsPerPerson: 15, monthlyWage: "3300" }],
      otherCosts: [{ name: "telephony", perHandledMinute: "0.012", channel: "voice" }],
    },
    "cost",
  );
  const scenarios = scenariosFromConfig({ scenarios: [{ name: "deflect-20", deflect: [{ channel: "voice", percent: 20 }] }] }, "scenarios");
  return {
    name: "Test centre",
    period: { label: "week 1", calendar: "gregorian", startLocalMs: start, endLocalMs: start + 7 * dayMs },
    history: { rows: smallHistory(), intervalMinutes: 60 },
    orders: { daily: [], target: 7000 },
    forecast: { method: "seasonal-average" },
    staffing,
    schedule: { settings: shifts.settings, timeLimitSeconds: 20, relativeGap: 0 },
    cost: { model, scenarios },
  };
}
