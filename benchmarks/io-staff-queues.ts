/**
 * Target (issue 10): reading plus staffing 1,000 queue-months of 15-minute data (about 3 million
 * rows) in under 10 s of CPU and 1 GB of peak memory, linear from 10 to 1,000 queues.
 *
 * Each size runs in its own process (peak memory is per process): the CSV text is generated, then
 * `parseVolumeCsv` (the dialect layer, every check) and `planStaffing` (Erlang C per interval and
 * queue, 80/20) run on it. CPU time is `process.cpuUsage()` of that work only; peak memory is the
 * process's maximum resident set (`process.resourceUsage().maxRSS`), generator included.
 *
 * Run: npx tsx benchmarks/io-staff-queues.ts            (10, 30, 100 queue-months)
 *      npx tsx benchmarks/io-staff-queues.ts 10 100 1000
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { formatLocalTimestamp } from "../src/calendar/local-time.js";
import { parseVolumeCsv } from "../src/io/volume-csv.js";
import { planStaffing } from "../src/staffing/plan.js";

const daysPerMonth = 30;
const perDay = 96;

function runOne(queues: number): void {
  const start = Date.UTC(2026, 10, 1);
  const parts: string[] = ["timestamp,queue,calls,ahtSeconds\n"];
  for (let t = 0; t < daysPerMonth * perDay; t++) {
    const stamp = formatLocalTimestamp(start + t * 900_000);
    let chunk = "";
    for (let q = 0; q < queues; q++) chunk += `${stamp},q${q},${(t * 7919 + q * 104729) % 61},${170 + ((t + q) % 40)}\n`;
    parts.push(chunk);
  }
  const text = parts.join("");
  parts.length = 0;
  const cpu0 = process.cpuUsage();
  const series = parseVolumeCsv(text, { file: "queues.csv" });
  const cpu1 = process.cpuUsage(cpu0);
  const plan = planStaffing({
    intervalMinutes: series.intervalMinutes,
    config: { channels: Object.fromEntries(Array.from({ length: queues }, (_, q) => [`q${q}`, { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 }])) },
    intervals: series.rows.map((r) => ({ localMs: r.localMs, channel: r.queue!, calls: r.calls, ahtSeconds: r.ahtSeconds! })),
  });
  const cpu2 = process.cpuUsage(cpu0);
  const seconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  console.log(
    JSON.stringify({ queues, rows: series.rows.length, readCpuSeconds: seconds(cpu1), totalCpuSeconds: seconds(cpu2), peakMb: process.resourceUsage().maxRSS / 1024, intervals: plan.intervals.length }),
  );
}

const child = process.argv[2] === "--one";
if (child) {
  runOne(Number(process.argv[3]));
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length > 0 ? sizes : [10, 30, 100];
  console.log("queue-months  rows        read CPU s  read+staff CPU s  per 1,000 rows (ms)  peak MB");
  const results: { queues: number; rows: number; totalCpuSeconds: number; readCpuSeconds: number; peakMb: number }[] = [];
  for (const queues of list) {
    const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--one", String(queues)], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split("\n").pop()!) as (typeof results)[number];
    results.push(r);
    console.log(
      `${String(queues).padStart(12)}  ${String(r.rows).padEnd(10)}  ${r.readCpuSeconds.toFixed(2).padStart(10)}  ${r.totalCpuSeconds.toFixed(2).padStart(16)}  ${((r.totalCpuSeconds / r.rows) * 1e6).toFixed(3).padStart(19)}  ${r.peakMb.toFixed(0).padStart(7)}`,
    );
  }
  const last = results[results.length - 1]!;
  const projected = (last.totalCpuSeconds / last.queues) * 1000;
  console.log(
    `1,000 queue-months (target < 10 s CPU, < 1 GB peak): ${last.queues === 1000 ? `${last.totalCpuSeconds.toFixed(1)} s CPU, ${last.peakMb.toFixed(0)} MB` : `${projected.toFixed(1)} s CPU projected linearly from ${last.queues}`} ${
      (last.queues === 1000 ? last.totalCpuSeconds : projected) < 10 ? "met (CPU)" : "MISSED (CPU)"
    }`,
  );
}
