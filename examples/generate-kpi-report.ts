/**
 * Generates the example inputs of `wfm kpi` and `wfm cost`: last month's interval report of a
 * 24x7 voice + chat support centre (examples/kpi-report.csv, September and October 2026, hourly,
 * so the report can show October against September) and its ticket export (examples/tickets.csv).
 * Seeded and deterministic: running it again writes the same bytes.
 *
 *   npx tsx examples/generate-kpi-report.ts
 *
 * The centre is the one of examples/volumes-month.csv one month earlier: about 2,900 calls and
 * 1,250 chats on a weekday in October (September 4% lower), Monday busiest, Sunday quietest, a
 * late-morning and an afternoon peak and a quiet night. Each hour is staffed close to an 80/20 plan
 * with day-to-day error (some hours short by up to 15%), and the outcome follows Erlang C at the
 * agents actually staffed: answered within 20 s, answer wait, and abandons that grow as service
 * worsens (a quarter of them within 5 s, "short abandons"). Chat agents hold up to 3 chats.
 * Orders (one e-commerce order generates about 0.24 contacts) are written on both channel rows of
 * an hour, once per interval.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLocalTimestamp } from "../src/calendar/index.js";
import { erlangC } from "../src/queueing/index.js";
import { poissonSample, seededRandom } from "../src/staffing/index.js";

const here = dirname(fileURLToPath(import.meta.url));

const random = seededRandom(20261001);

function normal(): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const poisson = (mean: number) => poissonSample(mean, random);

const binomial = (n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
};

const normalise = (weights: number[]) => {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / sum);
};
const voiceCurve = normalise([1.2, 0.8, 0.6, 0.5, 0.5, 0.7, 1.5, 3.0, 5.5, 7.5, 8.4, 8.2, 7.0, 6.8, 7.6, 7.8, 7.2, 6.2, 5.0, 4.0, 3.2, 2.6, 2.0, 1.5]);
const chatCurve = normalise([1.8, 1.2, 0.8, 0.6, 0.5, 0.6, 1.0, 2.0, 3.8, 5.4, 6.4, 6.6, 6.2, 6.2, 6.6, 6.8, 6.6, 6.2, 6.0, 6.0, 5.8, 5.0, 3.8, 2.6]);
const week = [0.68, 1.15, 1.06, 1.0, 0.98, 0.95, 0.74]; // index 0 = Sunday
const concurrency = 3;

interface Channel {
  readonly name: "voice" | "chat";
  readonly perWeekday: number;
  readonly curve: readonly number[];
  readonly ahtSeconds: number;
}
const channels: readonly Channel[] = [
  { name: "voice", perWeekday: 2900, curve: voiceCurve, ahtSeconds: 285 },
  { name: "chat", perWeekday: 1250, curve: chatCurve, ahtSeconds: 440 },
];

const header = "timestamp,channel,offered,answered,abandoned,answeredWithinTarget,shortAbandoned,handleSeconds,waitSeconds,staffedSeconds,orders";
const lines = [header];
const months = [
  { month: 9, growth: 0.96 },
  { month: 10, growth: 1 },
];
for (const { month, growth } of months) {
  const days = new Date(Date.UTC(2026, month, 0)).getUTCDate();
  for (let day = 1; day <= days; day++) {
    const weekday = new Date(Date.UTC(2026, month - 1, day)).getUTCDay();
    // A day's planning error: the whole day a little over or under staffed.
    const dayError = 0.04 * normal();
    for (let hour = 0; hour < 24; hour++) {
      const localMs = Date.UTC(2026, month - 1, day, hour);
      const rows: string[] = [];
      let contacts = 0;
      for (const c of channels) {
        const offered = poisson(c.perWeekday * growth * week[weekday]! * c.curve[hour]!);
        contacts += offered;
        const aht = c.ahtSeconds * (1 + 0.03 * normal()) * (hour < 6 ? 1.05 : 1);
        // Chat: an agent holds `concurrency` chats, each a little slower; as a queue it behaves
        // roughly like one server per chat slot with the solo handle time.
        const slotAht = c.name === "chat" ? aht * 1.25 : aht;
        const traffic = (offered * slotAht) / 3600;
        const planned = Math.max(c.name === "chat" ? 1 : 2, Math.ceil((traffic + 1.2 * Math.sqrt(traffic) + 0.5) / (c.name === "chat" ? concurrency : 1)));
        const hourError = Math.min(0.05, Math.max(-0.15, dayError + 0.05 * normal()));
        const agents = Math.max(1, Math.round(planned * (1 + hourError)));
        const servers = c.name === "chat" ? agents * concurrency : agents;
        let serviceLevel = 1;
        let asa = 0;
        if (offered > 0) {
          const m = erlangC({ trafficErlangs: Math.max(traffic, 1e-9), ahtSeconds: slotAht, agents: servers, targetAnswerSeconds: c.name === "chat" ? 60 : 20 });
          serviceLevel = m.serviceLevel;
          asa = Number.isFinite(m.asaSeconds) ? Math.min(m.asaSeconds, 240) : 240;
        }
        const abandonRate = Math.min(0.4, 0.012 + 0.18 * (1 - serviceLevel));
        const abandoned = binomial(offered, abandonRate);
        const answered = offered - abandoned;
        const withinTarget = Math.min(answered, binomial(offered, serviceLevel));
        const shortAbandoned = binomial(abandoned, 0.25);
        const handleSeconds = Math.round(answered * aht);
        const waitSeconds = Math.round(answered * asa * (0.9 + 0.2 * random()));
        const staffedSeconds = agents * 3600;
        rows.push(`${formatLocalTimestamp(localMs)},${c.name},${offered},${answered},${abandoned},${withinTarget},${shortAbandoned},${handleSeconds},${waitSeconds},${staffedSeconds}`);
      }
      const orders = Math.round((contacts / 0.24) * (1 + 0.05 * normal()));
      for (const row of rows) lines.push(`${row},${orders}`);
    }
  }
}
writeFileSync(join(here, "kpi-report.csv"), `${lines.join("\n")}\n`);

// Ticket export: cases opened from chats and calls that need follow-up, Sept-Oct 2026.
const ticketLines = ["id,createdAt,resolvedAt,contacts"];
let id = 100000;
const end = Date.UTC(2026, 10, 1); // the export is taken on 2026-11-01 00:00
for (const { month, growth } of months) {
  const days = new Date(Date.UTC(2026, month, 0)).getUTCDate();
  for (let day = 1; day <= days; day++) {
    const weekday = new Date(Date.UTC(2026, month - 1, day)).getUTCDay();
    const count = poisson(140 * growth * week[weekday]!);
    const created: number[] = [];
    for (let k = 0; k < count; k++) {
      // Created mostly in opening-heavy hours: draw an hour from the chat curve.
      let u = random();
      let hour = 0;
      while (hour < 23 && u > chatCurve[hour]!) u -= chatCurve[hour++]!;
      created.push(Date.UTC(2026, month - 1, day, hour, Math.floor(random() * 60)));
    }
    created.sort((a, b) => a - b);
    for (const createdMs of created) {
      const firstContact = random() < (month === 10 ? 0.74 : 0.71);
      // Time to resolution: log-normal, median 2.5 h at the first contact, 20 h otherwise.
      const hours = Math.exp(Math.log(firstContact ? 2.5 : 20) + 0.9 * normal());
      const resolvedMs = createdMs + Math.round(hours * 60) * 60_000;
      const contacts = firstContact ? 1 : 2 + Math.floor(random() * random() * 4);
      const resolved = resolvedMs <= end ? formatLocalTimestamp(resolvedMs) : "";
      ticketLines.push(`T${id++},${formatLocalTimestamp(createdMs)},${resolved},${contacts}`);
    }
  }
}
writeFileSync(join(here, "tickets.csv"), `${ticketLines.join("\n")}\n`);
console.log(`wrote examples/kpi-report.csv (${lines.length - 1} rows) and examples/tickets.csv (${ticketLines.length - 1} tickets)`);
