/**
 * Generates the example month for `wfm staff`: hourly voice and chat volumes of a 24x7
 * e-commerce support centre (examples/volumes-month.csv) and its staffing config
 * (examples/staffing.json). Seeded and deterministic: running it again writes the same bytes.
 *
 *   npx tsx examples/generate-history.ts
 *
 * The shape: ~3,000 calls and ~1,300 chats on a weekday; Monday busiest, Sunday quietest
 * (weekly factors 1.15 ... 0.68); an intraday curve with a late-morning and an afternoon peak and
 * a quiet night (1% of the day per hour at 04:00), chat peaking later in the evening; counts drawn
 * from a Poisson distribution around the curve; handle times with a small night and Monday
 * premium and ±3% noise.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLocalTimestamp } from "../src/calendar/index.js";
import { poissonSample, seededRandom } from "../src/staffing/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const random = seededRandom(20261101);

const poisson = (mean: number) => poissonSample(mean, random);

// Share of the day's contacts per hour (00..23); each curve sums to 1.
const normalise = (weights: number[]) => {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
};
const voiceCurve = normalise([1.2, 0.8, 0.6, 0.5, 0.5, 0.7, 1.5, 3.0, 5.5, 7.5, 8.4, 8.2, 7.0, 6.8, 7.6, 7.8, 7.2, 6.2, 5.0, 4.0, 3.2, 2.6, 2.0, 1.5]);
const chatCurve = normalise([1.8, 1.2, 0.8, 0.6, 0.5, 0.6, 1.0, 2.0, 3.8, 5.4, 6.4, 6.6, 6.2, 6.2, 6.6, 6.8, 6.6, 6.2, 6.0, 6.0, 5.8, 5.0, 3.8, 2.6]);
// Weekly factors, index 0 = Sunday.
const week = [0.68, 1.15, 1.06, 1.0, 0.98, 0.95, 0.74];
const voicePerWeekday = 3000;
const chatPerWeekday = 1300;

const year = 2026;
const month = 11; // November 2026: 30 days, starting on a Sunday
const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
const lines = ["timestamp,channel,calls,ahtSeconds"];
for (let day = 1; day <= days; day++) {
  for (let hour = 0; hour < 24; hour++) {
    const localMs = Date.UTC(year, month - 1, day, hour);
    const weekday = new Date(localMs).getUTCDay();
    // A slow upward trend over the month (+4%) on top of the weekly pattern.
    const trend = 1 + (0.04 * (day - 1)) / (days - 1);
    const night = hour < 7 || hour >= 22;
    const voiceAht = 265 * (night ? 1.1 : 1) * (weekday === 1 ? 1.05 : 1) * (0.97 + 0.06 * random());
    const chatAht = 410 * (night ? 1.08 : 1) * (0.97 + 0.06 * random());
    const voice = poisson(voicePerWeekday * week[weekday]! * trend * voiceCurve[hour]!);
    const chat = poisson(chatPerWeekday * week[weekday]! * trend * chatCurve[hour]!);
    const timestamp = formatLocalTimestamp(localMs);
    lines.push(`${timestamp},voice,${voice},${Math.round(voiceAht)}`);
    lines.push(`${timestamp},chat,${chat},${Math.round(chatAht)}`);
  }
}
writeFileSync(join(here, "volumes-month.csv"), `${lines.join("\n")}\n`);

const staffing = {
  channels: {
    voice: {
      type: "voice",
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      patienceSeconds: 180,
      maxOccupancy: 0.9,
      minimumAgents: 2,
    },
    chat: {
      type: "chat",
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 60,
      concurrency: 3,
      handleTimeFactorPerExtraChat: 0.25,
      maxOccupancy: 0.9,
      minimumAgents: 1,
    },
  },
  shrinkage: {
    method: "additive",
    components: [
      { name: "breaks", kind: "planned", fraction: 0.0833 },
      { name: "meetings", kind: "planned", fraction: 0.02, byDayOfWeek: { saturday: 0, sunday: 0 } },
      { name: "training", kind: "planned", fraction: 0.03, byDayOfWeek: { saturday: 0, sunday: 0 } },
      {
        name: "coaching",
        kind: "planned",
        fraction: 0,
        byHourOfDay: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0, 0, 0, 0, 0, 0, 0],
      },
      { name: "leave", kind: "planned", fraction: 0.08 },
      { name: "absence", kind: "unplanned", fraction: 0.05 },
    ],
  },
  supportRatios: [
    { role: "qa", agentsPerRole: 12 },
    { role: "team-lead", agentsPerRole: 15 },
  ],
  fixedRoles: [
    { role: "wfm", headcount: 2 },
    { role: "reporting", headcount: 1 },
    { role: "complaints", headcount: 2 },
  ],
  hoursPerFtePerMonth: 160,
};
writeFileSync(join(here, "staffing.json"), `${JSON.stringify(staffing, null, 2)}\n`);
console.log(`wrote examples/volumes-month.csv (${lines.length - 1} rows) and examples/staffing.json`);
