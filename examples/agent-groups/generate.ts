/**
 * Generates the agent-group example of `wfm staff` and `wfm schedule` (volumes.csv): one Monday,
 * 07:00 to 21:00, hourly, of two voice queues (billing calls at 240 s, technical calls at 420 s)
 * with a morning and an afternoon peak. Deterministic: running it again writes the same bytes.
 * staffing.json (two groups: billing agents, and a technical team that also takes billing calls,
 * 25% slower on them) and shifts.json (early and late shifts with a meal break) are written by hand.
 * Also teams-email.json, the input of `wfm teams` for the same day's billing calls and an email
 * queue (deferred work answered within 4 hours) served by a back office or blended with calls.
 *
 * Also volumes-channels.csv: the billing calls, emails and chats of that day, for `wfm staff` with
 * examples/agent-groups/staffing-channels.json (agent groups serving chat and deferred channels).
 *
 *   npx tsx examples/agent-groups/generate.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const rows = ["timestamp,channel,calls,ahtSeconds"];
for (let hour = 7; hour < 21; hour++) {
  const billing = Math.round(20 + 60 * Math.exp(-((hour - 11) ** 2) / 6) + 40 * Math.exp(-((hour - 16) ** 2) / 5));
  const tech = Math.round(10 + 30 * Math.exp(-((hour - 12) ** 2) / 8) + 20 * Math.exp(-((hour - 17) ** 2) / 5));
  const at = `2026-12-07T${String(hour).padStart(2, "0")}:00`;
  rows.push(`${at},billing,${billing},240`, `${at},tech,${tech},420`);
}
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "volumes.csv"), `${rows.join("\n")}\n`);

// The same day's billing calls with emails (deferred: answered within 4 hours), for wfm teams.
const billing = rows.slice(1).filter((r) => r.split(",")[1] === "billing").map((r) => Number(r.split(",")[2]));
const emails = billing.map((_, t) => (t < 11 ? 10 + (t % 3) : 0)); // none after 18:00
const teams = {
  intervalMinutes: 60,
  contactTypes: [
    { name: "billing", volumes: billing, ahtSeconds: 240, targetServiceLevel: 0.8, targetAnswerSeconds: 20 },
    { name: "email", volumes: emails, ahtSeconds: 480, targetServiceLevel: 0.9, targetAnswerSeconds: 14400, deferred: true },
  ],
  agentGroups: [
    { name: "billing team", skills: ["billing"], costPerHour: 20 },
    { name: "back office", skills: ["email"], costPerHour: 18 },
  ],
  costPerHour: 20,
  crossTrainingPremium: 0.05,
};
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "teams-email.json"), `${JSON.stringify(teams, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(", ")}]`)}\n`);

// The same day's billing calls, emails and chats as channels of wfm staff (staffing-channels.json,
// written by hand: billing and email blended in one group, chats in a chat desk of two at a time).
const chats = billing.map((calls) => Math.round(calls * 0.4));
const channelRows = ["timestamp,channel,calls,ahtSeconds"];
billing.forEach((calls, t) => {
  const at = `2026-12-07T${String(7 + t).padStart(2, "0")}:00`;
  channelRows.push(`${at},billing,${calls},240`, `${at},email,${emails[t]},480`, `${at},chat,${chats[t]},420`);
});
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "volumes-channels.csv"), `${channelRows.join("\n")}\n`);
