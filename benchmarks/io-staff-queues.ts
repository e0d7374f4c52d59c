/**
 * Target (issue 10): reading plus staffing 1,000 queue-months of 15-minute data (about 3 million
 * rows) in under 10 s of CPU and 1 GB of peak memory, linear from 10 to 1,000 queues.
 *
 * Each size runs in its own process (peak memory is per process): the CSV file is written to a
 * temporary folder, then `readVolumeCsv` (the file read, the dialect layer, every check) and
 * `planStaffingInWorkers` (Erlang C per interval and queue, 80/20; the channels of a batch of
 * 300,000 intervals or more on worker threads) run on it, as in `wfm staff`. CPU time is
 * `process.cpuUsage()` of that work: the whole process, worker threads included (the target's
 * figure); the main thread's own CPU is read from /proc/thread-self/stat (Linux) beside it. Peak
 * memory is the process's maximum resident set (`process.resourceUsage().maxRSS`, workers
 * included); the file is written by the parent process, so the generator is not counted.
 * Linearity: CPU per row at the largest size over CPU per row at the smallest (1 is linear; the
 * small sizes carry the fixed costs, so below 1 is usual).
 *
 * Run: npx tsx benchmarks/io-staff-queues.ts            (10, 100, 1,000 queue-months)
 *      npx tsx benchmarks/io-staff-queues.ts 10 100
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatLocalTimestamp } from "../src/calendar/local-time.js";
import { planStaffingInWorkers } from "../src/io/staff-in-workers.js";
import { readVolumeCsv } from "../src/io/volume-csv.js";
import { elementReader, lazyArray } from "../src/staffing/lazy-array.js";

/** CPU seconds of this thread (user + system), from /proc/thread-self/stat; NaN where there is none. */
function threadCpuSeconds(): number {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of the line (utime, stime) in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const daysPerMonth = 30;
const perDay = 96;

/** Writes a month of 15-minute rows for `queues` queues, a chunk of rows at a time. */
function writeFile(path: string, queues: number): void {
  const start = Date.UTC(2026, 10, 1);
  const parts: string[] = ["timestamp,queue,calls,ahtSeconds\n"];
  for (let t = 0; t < daysPerMonth * perDay; t++) {
    const stamp = formatLocalTimestamp(start + t * 900_000);
    let chunk = "";
    for (let q = 0; q < queues; q++) chunk += `${stamp},q${q},${(t * 7919 + q * 104729) % 61},${170 + ((t + q) % 40)}\n`;
    parts.push(chunk);
  }
  writeFileSync(path, parts.join(""));
}

async function runOne(path: string, queues: number): Promise<void> {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const thread0 = threadCpuSeconds();
  const series = readVolumeCsv(path);
  const cpu1 = process.cpuUsage(cpu0);
  const rows = series.rows;
  const rowAt = elementReader(rows);
  const plan = await planStaffingInWorkers({
    intervalMinutes: series.intervalMinutes,
    config: { channels: Object.fromEntries(Array.from({ length: queues }, (_, q) => [`q${q}`, { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 }])) },
    // As `wfm staff` passes them: one input per row, built on access.
    intervals: lazyArray(rows.length, (i) => {
      const r = rowAt(i);
      return { localMs: r.localMs, channel: r.queue!, calls: r.calls, ahtSeconds: r.ahtSeconds! };
    }),
  });
  const cpu2 = process.cpuUsage(cpu0);
  const mainThreadCpuSeconds = threadCpuSeconds() - thread0;
  const wallSeconds = (performance.now() - wall0) / 1000;
  const seconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  console.log(
    JSON.stringify({ queues, rows: rows.length, readCpuSeconds: seconds(cpu1), totalCpuSeconds: seconds(cpu2), mainThreadCpuSeconds, wallSeconds, peakMb: process.resourceUsage().maxRSS / 1024, intervals: plan.intervals.length }),
  );
}

const child = process.argv[2] === "--one";
if (child) {
  await runOne(process.argv[3]!, Number(process.argv[4]));
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const list = sizes.length > 0 ? sizes : [10, 100, 1000];
  console.log(`load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} (2 cores shared)`);
  console.log("queue-months  rows        read CPU s  read+staff CPU s (all threads)  main thread CPU s  wall s  per 1,000 rows (ms)  peak MB  target");
  type Result = { queues: number; rows: number; totalCpuSeconds: number; mainThreadCpuSeconds: number; readCpuSeconds: number; wallSeconds: number; peakMb: number };
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), "wfm-bench-"));
  try {
    for (const queues of list) {
      const path = join(dir, `queues-${queues}.csv`);
      writeFile(path, queues);
      const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--one", path, String(queues)], { encoding: "utf8", maxBuffer: 1 << 20 });
      rmSync(path);
      const r = JSON.parse(out.trim().split("\n").pop()!) as Result;
      results.push(r);
      // The target scaled to the size (linear in the rows): 10 s and 1 GB at 1,000 queue-months.
      const cpuTarget = (10 * queues) / 1000;
      const met = r.totalCpuSeconds < cpuTarget && r.peakMb < 1024;
      console.log(
        `${String(queues).padStart(12)}  ${String(r.rows).padEnd(10)}  ${r.readCpuSeconds.toFixed(2).padStart(10)}  ${r.totalCpuSeconds.toFixed(2).padStart(30)}  ${r.mainThreadCpuSeconds.toFixed(2).padStart(17)}  ${r.wallSeconds.toFixed(2).padStart(6)}  ${((r.totalCpuSeconds / r.rows) * 1e6).toFixed(3).padStart(19)}  ${r.peakMb.toFixed(0).padStart(7)}  < ${cpuTarget.toFixed(1)} s CPU, < 1024 MB: ${met ? "met" : "MISSED"}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const perRow = (r: Result) => r.totalCpuSeconds / r.rows;
  if (results.length > 1) {
    const ratio = perRow(last) / perRow(first);
    console.log(`linearity: CPU per row at ${last.queues} over ${first.queues} queue-months = ${ratio.toFixed(2)} (target <= 1.2: ${ratio <= 1.2 ? "met" : "MISSED"})`);
  }
  const measured = last.queues === 1000;
  const cpu = measured ? last.totalCpuSeconds : (last.totalCpuSeconds / last.queues) * 1000;
  console.log(
    `1,000 queue-months (target < 10 s CPU, < 1 GB peak): ${
      measured
        ? `${cpu.toFixed(1)} s CPU (main thread ${last.mainThreadCpuSeconds.toFixed(1)} s), ${last.wallSeconds.toFixed(1)} s wall, ${last.peakMb.toFixed(0)} MB peak`
        : `${cpu.toFixed(1)} s CPU projected linearly from ${last.queues} (run with 1000 for the measured figure and the peak)`
    }: CPU ${cpu < 10 ? "met" : "MISSED"}${measured ? `, memory ${last.peakMb < 1024 ? "met" : "MISSED"}` : ""}`,
  );
}
