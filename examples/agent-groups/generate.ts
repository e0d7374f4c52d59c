/**
 * Generates the agent-group example of `wfm staff` and `wfm schedule` (volumes.csv): one Monday,
 * 07:00 to 21:00, hourly, of two voice queues (billing calls at 240 s, technical calls at 420 s)
 * with a morning and an afternoon peak. Deterministic: running it again writes the same bytes.
 * staffing.json (two groups: billing agents, and a technical team that also takes billing calls,
 * 25% slower on them) and shifts.json (early and late shifts with a meal break) are written by hand.
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
