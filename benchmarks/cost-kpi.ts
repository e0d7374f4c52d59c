/**
 * Times a month of KPIs: a 15-minute interval report of October 2026 for three channels
 * (31 x 96 x 3 = 8,928 rows), parsed from CSV and reported per day, hour and month.
 *
 *   npx tsx benchmarks/cost-kpi.ts
 */
import { formatLocalTimestamp } from "../src/calendar/index.js";
import { kpiReport } from "../src/cost/index.js";
import { parseCsv } from "../src/io/csv.js";
import { kpiCsvColumns, parseKpiCsv } from "../src/io/kpi-csv.js";
import { measure } from "./measure.js";

const lines = ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget,shortAbandoned,handleSeconds,waitSeconds,staffedSeconds,orders"];
let seed = 7;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let day = 1; day <= 31; day++) {
  for (let q = 0; q < 96; q++) {
    const stamp = formatLocalTimestamp(Date.UTC(2026, 9, day, 0, q * 15));
    const orders = Math.round(200 + 300 * next());
    for (const channel of ["voice", "chat", "email"]) {
      const offered = Math.round(10 + 90 * next());
      const abandoned = Math.round(offered * 0.05 * next());
      const answered = offered - abandoned;
      lines.push(`${stamp},${channel},${offered},${answered},${abandoned},${Math.round(answered * 0.8)},${Math.round(abandoned / 3)},${answered * 240},${answered * 12},${Math.ceil(answered / 3) * 900},${orders}`);
    }
  }
}
const text = `${lines.join("\n")}\n`;
const file = parseKpiCsv(text, { file: "bench.csv" });

measure("kpiReport, a month of 15-minute intervals x 3 channels (8,928 rows)", () => kpiReport({ intervals: file.intervals, orders: file.orders }), { targetSeconds: 0.02, minSeconds: 2 });
measure("parse + kpiReport, the same month from CSV text", () => kpiReport(parseKpiCsv(text, { file: "bench.csv" })), { targetSeconds: 0.1, minSeconds: 3 });
// Where the parsing time goes: the shared CSV reader (csv-parse with line info) vs the KPI checks.
measure("  of which parseCsv (shared reader, csv-parse)", () => parseCsv(text, { file: "bench.csv", columns: kpiCsvColumns }), { targetSeconds: 0.1, minSeconds: 2 });
