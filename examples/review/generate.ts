/**
 * Generates the bundled example of `wfm review`: the plan wfm plan made for November 2026 (from
 * the September and October history of examples/plan), and what November really brought:
 *
 * - contacts: the example centre's November history (its growth, and Black Friday and Cyber
 *   Monday, which the forecast did not know), plus a planted miss: a promotion nobody told the
 *   planners about raised contacts by 15% from 16 to 22 November;
 * - handle time: the history's, hour by hour;
 * - staffing: the shift schedule's agents on the floor, with a planted shrinkage overrun:
 *   unplanned absence ran 6 points above the plan all month;
 * - service level, abandons and waits: Erlang A for voice with a true mean patience of 75 s (the
 *   plan assumed 90 s), the chat concurrency chain for chat, at the agents actually staffed;
 * - an agent state log and schedule of one day-shift team of 8 voice agents (lateness, long
 *   breaks, one absence), for adherence and conformance.
 *
 * The plan folder is written by `wfm plan` itself (in-process), so it is exactly what a user has.
 * Deterministic: a seeded generator, and the plan is solved to a 1% gap with a fixed seed.
 * Run: npx tsx examples/review/generate.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { chatQueue, erlangA } from "../../src/index.js";
import { poissonSample, seededRandom } from "../../src/staffing/random.js";

const here = dirname(fileURLToPath(import.meta.url));
const random = seededRandom(20261130);

const status = await main(["plan", "--config", "plan-2026-11.json", "--out", "plan-2026-11", "--force"], {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: here,
  stderrIsTTY: false,
});
if (status !== 0) throw new Error(`wfm plan failed with status ${status}`);

interface Summary {
  staffing: { intervals: { timestamp: string; channel: string; shrinkage: number }[] };
  schedule: { coverage: { timestamp: string; team: string; scheduled: number }[] };
}
const summary = JSON.parse(readFileSync(join(here, "plan-2026-11", "summary.json"), "utf8")) as Summary;

// The truth: November of the example history (calls and AHT per hour and channel).
const truth = new Map<string, { calls: number; aht: number }>();
for (const line of readFileSync(join(here, "..", "plan", "history.csv"), "utf8").trim().split("\n").slice(1)) {
  const [timestamp, channel, calls, aht] = line.split(",");
  if (timestamp!.startsWith("2026-11")) truth.set(`${timestamp}|${channel}`, { calls: Number(calls), aht: Number(aht || 0) });
}
const dailyOrders = new Map<string, number>();
for (const line of readFileSync(join(here, "..", "plan", "orders.csv"), "utf8").trim().split("\n").slice(1)) {
  const [date, orders] = line.split(",");
  dailyOrders.set(date!, Number(orders));
}

// Agents on the floor per hour and team (= channel here): the mean of the two half-hour slots.
const floor = new Map<string, number>();
for (const c of summary.schedule.coverage) {
  const hour = `${c.timestamp.slice(0, 13)}:00|${c.team}`;
  floor.set(hour, (floor.get(hour) ?? 0) + c.scheduled / 2);
}

const surge = (timestamp: string) => timestamp >= "2026-11-16" && timestamp < "2026-11-23";
const overrun = 0.06;
const truePatienceSeconds = 75;

/** A metric at a fractional head count: linear between the whole numbers around it. */
const between = (agents: number, at: (n: number) => number) => {
  const n = Math.floor(agents);
  const w = agents - n;
  return w === 0 ? at(n) : (1 - w) * at(n) + w * at(n + 1);
};

const voiceCallsOfDay = new Map<string, number>();
for (const [key, t] of truth) if (key.endsWith("|voice")) voiceCallsOfDay.set(key.slice(0, 10), (voiceCallsOfDay.get(key.slice(0, 10)) ?? 0) + t.calls);

const rows = ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget,handleSeconds,waitSeconds,staffedSeconds,orders"];
for (const i of summary.staffing.intervals) {
  const t = truth.get(`${i.timestamp}|${i.channel}`)!;
  const offered = surge(i.timestamp) ? poissonSample(t.calls * 1.15, random) : t.calls;
  const staffed = (floor.get(`${i.timestamp}|${i.channel}`) ?? 0) * Math.max(0, 1 - i.shrinkage - overrun);
  const aht = t.aht > 0 ? t.aht : i.channel === "voice" ? 300 : 560;
  let abandonFraction = 0;
  let sl = 1;
  let asa = 0;
  if (offered > 0) {
    if (i.channel === "voice") {
      const m = (n: number) => erlangA({ callsPerInterval: offered, intervalSeconds: 3600, ahtSeconds: aht, agents: n, patienceSeconds: truePatienceSeconds, targetAnswerSeconds: 20 });
      abandonFraction = between(staffed, (n) => m(n).abandonProbability);
      sl = between(staffed, (n) => m(n).serviceLevel);
      asa = between(staffed, (n) => m(n).asaSeconds);
    } else {
      const m = (n: number) => chatQueue({ callsPerInterval: offered, intervalSeconds: 3600, ahtSeconds: aht, agents: n, concurrency: 2, handleTimeFactorPerExtraChat: 0.2, targetAnswerSeconds: 60 });
      const stableSl = (n: number) => m(n).serviceLevel;
      sl = between(staffed, stableSl);
      asa = Math.min(3600, between(staffed, (n) => (Number.isFinite(m(n).asaSeconds) ? m(n).asaSeconds : 3600)));
    }
  }
  const abandoned = Math.round(offered * abandonFraction);
  const answered = offered - abandoned;
  const within = Math.min(answered, Math.round(offered * sl));
  const day = i.timestamp.slice(0, 10);
  const voiceNow = truth.get(`${i.timestamp}|voice`)!.calls;
  const orders = Math.round(((dailyOrders.get(day) ?? 0) * voiceNow) / Math.max(1, voiceCallsOfDay.get(day) ?? 1));
  rows.push(`${i.timestamp},${i.channel},${offered},${answered},${abandoned},${within},${answered * aht},${Math.round(offered * asa)},${Math.round(staffed * 3600)},${orders}`);
}
writeFileSync(join(here, "actual-2026-11.csv"), `${rows.join("\n")}\n`);

// One day-shift voice team: 8 agents scheduled 08:00-16:00 on weekdays, lunch 12:00-12:30.
const two = (n: number) => String(n).padStart(2, "0");
const at = (day: number, minute: number) => `2026-11-${two(day)}T${two(Math.floor(minute / 60))}:${two(Math.round(minute) % 60)}`;
const schedule = ["agent,start,end,activity"];
const states = ["agent,team,start,end,state"];
for (let day = 1; day <= 30; day++) {
  const weekday = new Date(Date.UTC(2026, 10, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) continue;
  for (let a = 1; a <= 8; a++) {
    const agent = `A${two(a)}`;
    schedule.push(`${agent},${at(day, 480)},${at(day, 720)},work`, `${agent},${at(day, 720)},${at(day, 750)},break`, `${agent},${at(day, 750)},${at(day, 960)},work`);
    if (random() < 0.04) {
      states.push(`${agent},day-a,${at(day, 480)},${at(day, 960)},offline`);
      continue;
    }
    const late = Math.floor(random() * (a <= 2 ? 25 : 8));
    const breakStart = 720 + Math.floor(random() * 20) - 5;
    const breakEnd = breakStart + 30 + Math.floor(random() * (a <= 2 ? 20 : 6));
    const leave = 960 - Math.floor(random() * 6);
    if (late > 0) states.push(`${agent},day-a,${at(day, 480)},${at(day, 480 + late)},offline`);
    let t = 480 + late;
    const work = (until: number) => {
      while (t < until) {
        const next = Math.min(until, t + 10 + Math.floor(random() * 30));
        states.push(`${agent},day-a,${at(day, t)},${at(day, next)},${random() < 0.7 ? "on-contact" : "available"}`);
        t = next;
      }
    };
    work(breakStart);
    states.push(`${agent},day-a,${at(day, breakStart)},${at(day, breakEnd)},break`);
    t = breakEnd;
    work(leave);
  }
}
writeFileSync(join(here, "agent-schedule.csv"), `${schedule.join("\n")}\n`);
writeFileSync(join(here, "agent-states.csv"), `${states.join("\n")}\n`);
console.log(`wrote plan-2026-11/, ${rows.length - 1} report rows, ${schedule.length - 1} scheduled and ${states.length - 1} state rows to ${here}`);
