/**
 * Target (issue 3): a year of 5-minute intervals (105,120 rows) parses and validates in under 1 s.
 * Run: npx tsx benchmarks/io-volume-csv.ts
 */
import { formatLocalTimestamp } from "../src/calendar/local-time.js";
import { parseVolumeCsv } from "../src/io/volume-csv.js";
import { measure } from "./measure.js";

const start = Date.UTC(2025, 0, 1);
const rows = 365 * 288;
const lines = ["timestamp,calls,ahtSeconds"];
for (let i = 0; i < rows; i++) {
  const localMs = start + i * 300_000;
  lines.push(`${formatLocalTimestamp(localMs)},${(i * 7919) % 53},${180 + ((i * 31) % 240)}`);
}
const text = `${lines.join("\n")}\n`;

measure(`parse + validate a year of 5-minute intervals (${rows} rows)`, () => parseVolumeCsv(text, { file: "year.csv" }), {
  targetSeconds: 1,
  minSeconds: 3,
  warmup: 1,
});
