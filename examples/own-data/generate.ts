/**
 * Generates `examples/own-data/acd-export.csv`: a volume export as a contact-centre ACD writes it,
 * for the "Using your own data" walk-through (`wfm init`, then `wfm plan`). Seeded and
 * deterministic: running it again writes the same bytes.
 *
 *   npx tsx examples/own-data/generate.ts
 *
 * The centre is open Monday-Saturday 08:00-20:00; the export has 30-minute intervals from Monday
 * 2026-10-05 to Saturday 2026-11-28, `;`-separated with CRLF line ends, a `Date` and an
 * `Interval` column (`08:00 - 08:30`), the calls offered and the average handle time as
 * `hh:mm:ss`. Calls are Poisson around an intraday curve with a late-morning and an afternoon
 * peak, Monday busiest; handle times 2:50-3:30 with noise.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { poissonSample, seededRandom } from "../../src/staffing/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const random = seededRandom(20261005);
const two = (n: number) => String(n).padStart(2, "0");
const clock = (minute: number) => `${two(Math.floor(minute / 60))}:${two(minute % 60)}`;

// Calls per half hour at 08:00 ... 19:30 on an ordinary weekday.
const curve = [18, 26, 34, 40, 44, 46, 45, 40, 34, 32, 36, 41, 44, 42, 38, 33, 28, 24, 21, 18, 15, 12, 10, 8];
const weekday = [0, 1.15, 1.0, 0.97, 0.95, 0.9, 0.6]; // Sunday (closed) ... Saturday

const rows = ["Date;Interval;Offered;AHT"];
for (let d = 0; d < 55; d++) {
  const day = new Date(Date.UTC(2026, 9, 5 + d));
  const dow = day.getUTCDay();
  if (dow === 0) continue;
  curve.forEach((mean, slot) => {
    const start = 8 * 60 + slot * 30;
    const calls = poissonSample(mean * weekday[dow]!, random);
    const aht = Math.round(180 + 15 * Math.sin(slot / 4) + (random() - 0.5) * 20);
    rows.push(`${day.toISOString().slice(0, 10)};${clock(start)} - ${clock(start + 30)};${calls};00:${two(Math.floor(aht / 60))}:${two(aht % 60)}`);
  });
}
writeFileSync(join(here, "acd-export.csv"), `${rows.join("\r\n")}\r\n`);
