/**
 * Generates the bundled example of `wfm plan`: three months of history (September to November
 * 2026) of a 24x7 e-commerce support centre with voice and chat, its daily orders, last month's
 * interval report and ticket export, and a calendar of special days. The plan is for December 2026.
 *
 * Deterministic: a seeded generator, so the same script writes the same bytes.
 * Run: npx tsx examples/plan/generate.ts
 *
 * The shape of the data follows what practitioners describe for e-commerce centres: orders peak
 * on Mondays and in the evening, about one contact per five orders, a quiet night that never
 * reaches zero, a Black Friday campaign that doubles the day's contacts.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { erlangA } from "../../src/queueing/index.js";
import { poissonSample, seededRandom } from "../../src/staffing/index.js";

const here = dirname(fileURLToPath(import.meta.url));

const random = seededRandom(20261201);

const poisson = (mean: number) => poissonSample(mean, random);

const two = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:00`;
};
const dateOf = (ms: number) => stamp(ms).slice(0, 10);

const start = Date.UTC(2026, 8, 1); // 2026-09-01
const end = Date.UTC(2026, 11, 1); // 2026-12-01 (exclusive)
const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** Share of a day's orders placed in each hour (evening peak, quiet night). */
const orderHourShape = [
  0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.8, 3.2, 4.6, 5.6, 6.0, 5.8, 5.5, 5.4, 5.5, 5.6, 5.9, 6.4, 7.2, 7.6, 7.0, 4.8, 2.4,
];
const orderHourShares = orderHourShape.map((v) => v / orderHourShape.reduce((a, b) => a + b, 0));
/** Orders by weekday, Sunday first (Monday strongest, Saturday weakest). */
const weekdayFactor = [0.92, 1.14, 1.06, 1.02, 1.0, 0.97, 0.86];
/** Contacts lag orders: customers call during the day, not at midnight. */
const voiceHourShape = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.35, 0.9, 2.6, 4.8, 6.2, 6.6, 6.3, 6.0, 6.1, 6.2, 6.0, 5.8, 5.6, 5.8, 6.0, 5.2, 3.4, 1.3,
];
const chatHourShape = [
  0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.4, 3.0, 4.6, 5.4, 5.8, 5.7, 5.6, 5.6, 5.7, 5.8, 6.0, 6.4, 7.0, 7.2, 6.6, 4.4, 2.2,
];
const shares = (shape: number[]) => shape.map((v) => v / shape.reduce((a, b) => a + b, 0));
const voiceShares = shares(voiceHourShape);
const chatShares = shares(chatHourShape);

const specialDays = new Map<string, { factor: number; label: string; kind: string }>([
  ["2026-11-27", { factor: 2.1, label: "Black Friday", kind: "campaign" }],
  ["2026-11-30", { factor: 1.45, label: "Cyber Monday", kind: "campaign" }],
  ["2026-10-14", { factor: 0.35, label: "Telephony outage (afternoon)", kind: "outage" }],
]);

interface HourRow {
  ms: number;
  voice: number;
  chat: number;
  voiceAht: number;
  chatAht: number;
}

const dailyOrders: { day: string; orders: number }[] = [];
const hours: HourRow[] = [];
for (let day = start; day < end; day += dayMs) {
  const dayIndex = (day - start) / dayMs;
  const weekday = new Date(day).getUTCDay();
  const trend = 1 + 0.0018 * dayIndex; // about +5% a month of growth
  const special = specialDays.get(dateOf(day));
  const orders = Math.round(9_000 * trend * weekdayFactor[weekday]! * (special?.kind === "campaign" ? special.factor : 1) * (0.96 + 0.08 * random()));
  dailyOrders.push({ day: dateOf(day), orders });
  const voiceRatio = 0.16 + 0.01 * Math.sin(dayIndex / 9);
  const chatRatio = 0.07;
  for (let h = 0; h < 24; h++) {
    const ms = day + h * hourMs;
    let factor = 1;
    if (special?.kind === "outage" && h >= 13 && h < 18) factor = special.factor;
    const voice = poisson(orders * voiceRatio * voiceShares[h]! * factor);
    const chat = poisson(orders * chatRatio * chatShares[h]! * factor);
    // Handle time: longer at night (complex cases), shorter at the busy peak.
    const voiceAht = Math.round(290 + 40 * Math.cos(((h - 3) / 24) * 2 * Math.PI) + 12 * (random() - 0.5));
    const chatAht = Math.round(560 + 50 * Math.cos(((h - 3) / 24) * 2 * Math.PI) + 20 * (random() - 0.5));
    hours.push({ ms, voice, chat, voiceAht, chatAht });
  }
}

// history.csv: long format, one row per hour and channel.
const history = ["timestamp,channel,calls,ahtSeconds"];
for (const row of hours) {
  history.push(`${stamp(row.ms)},voice,${row.voice},${row.voice === 0 ? "" : row.voiceAht}`);
  history.push(`${stamp(row.ms)},chat,${row.chat},${row.chat === 0 ? "" : row.chatAht}`);
}
writeFileSync(join(here, "history.csv"), `${history.join("\n")}\n`);

writeFileSync(join(here, "orders.csv"), `date,orders\n${dailyOrders.map((d) => `${d.day},${d.orders}`).join("\n")}\n`);

writeFileSync(
  join(here, "holidays.csv"),
  `date,label,kind\n${[...specialDays].sort(([a], [b]) => a.localeCompare(b)).map(([d, s]) => `${d},${s.label},${s.kind}`).join("\n")}\n`,
);

// Last month's interval report (November), as an ACD exports it. Agents were staffed to a plan
// that was a little short in the evening peak; answered/abandoned follow Erlang A with 90 s
// (voice) and 120 s (chat) mean patience.
const november = Date.UTC(2026, 10, 1);
const report = ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget,handleSeconds,waitSeconds,staffedSeconds,orders"];
for (const row of hours) {
  if (row.ms < november) continue;
  const hour = new Date(row.ms).getUTCHours();
  const day = dateOf(row.ms);
  const dayOrders = dailyOrders.find((d) => d.day === day)!.orders;
  const ordersThisHour = Math.round(dayOrders * orderHourShares[hour]!);
  for (const channel of ["voice", "chat"] as const) {
    const offered = channel === "voice" ? row.voice : row.chat;
    const aht = channel === "voice" ? row.voiceAht : row.chatAht / 2; // chat: 2 concurrent chats per agent
    const patience = channel === "voice" ? 90 : 120;
    const planned = Math.max(2, Math.round(((offered * aht) / 3600) * (hour >= 18 && hour <= 21 ? 1.02 : 1.12) + 1));
    const m = erlangA({ callsPerInterval: Math.max(offered, 0.01), intervalSeconds: 3600, ahtSeconds: aht, agents: planned, patienceSeconds: patience, targetAnswerSeconds: channel === "voice" ? 20 : 60 });
    const abandoned = Math.round(offered * m.abandonProbability);
    const answered = offered - abandoned;
    const within = Math.min(answered, Math.round(offered * m.serviceLevel));
    const handleSeconds = answered * (channel === "voice" ? row.voiceAht : row.chatAht);
    report.push(`${stamp(row.ms)},${channel},${offered},${answered},${abandoned},${within},${handleSeconds},${Math.round(offered * m.asaSeconds)},${planned * 3600},${ordersThisHour}`);
  }
}
writeFileSync(join(here, "kpi-report.csv"), `${report.join("\n")}\n`);

// Ticket export for November: created during the month, most resolved within a day.
const tickets = ["id,createdAt,resolvedAt,contacts"];
let id = 100_000;
for (let day = november; day < end; day += dayMs) {
  const count = 140 + Math.floor(random() * 40);
  for (let i = 0; i < count; i++) {
    const created = day + Math.floor(random() * dayMs / 60_000) * 60_000;
    const hoursToResolve = random() < 0.08 ? null : -Math.log(Math.max(random(), 1e-9)) * 9;
    const contacts = random() < 0.72 ? 1 : random() < 0.75 ? 2 : 3;
    const resolved = hoursToResolve === null ? "" : `${stamp(created + Math.round(hoursToResolve * 60) * 60_000).slice(0, 13)}:${two(new Date(created + Math.round(hoursToResolve * 60) * 60_000).getUTCMinutes())}`;
    tickets.push(`T${id++},${stamp(created).slice(0, 13)}:${two(new Date(created).getUTCMinutes())},${resolved},${contacts}`);
  }
}
writeFileSync(join(here, "tickets.csv"), `${tickets.join("\n")}\n`);

console.log(`wrote ${hours.length * 2} history rows, ${dailyOrders.length} days of orders, ${report.length - 1} report rows, ${tickets.length - 1} tickets to ${here}`);
