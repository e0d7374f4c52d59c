/**
 * DBAI shift-design set 2: solves every instance with the exact MIP (time limit per instance,
 * default 60 s) and prints instance, reference value, our value, shifts, time and status.
 *
 *   npx tsx benchmarks/schedule-dbai.ts [--time-limit 60] [--set set2] [--only 1,5,8]
 *
 * Reads the instances from ../shared/bench-shift (or $WFM_SHARED/bench-shift).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDbaiInstance } from "../src/io/dbai.js";
import { solveDbai } from "../src/schedule/dbai.js";
import { sharedFile } from "../test/support/shared.js";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const timeLimitSeconds = Number(option("--time-limit") ?? 60);
const set = option("--set") ?? "set2";
const folder = sharedFile("bench-shift", "dbai-shift-design", set);
const count = set === "set1" ? 200 : 30;
const only = option("--only")?.split(",").map(Number);
const numbers = only ?? Array.from({ length: count }, (_, i) => i + 1);

const rows: string[] = [];
console.log("| instance | slot | reference | ours | shortage min | excess min | shifts | CPU s | wall s | status |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
let reached = 0;
let better = 0;
let total = 0;
let totalCpu = 0;
for (const n of numbers) {
  const file = join(folder, `RandomExample${n}.txt`);
  const instance = parseDbaiInstance(readFileSync(file, "latin1"), { file });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await solveDbai(instance, { timeLimitSeconds });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const reference = instance.statedFitness;
  const ok = reference === null || result.objective <= reference;
  if (ok) reached++;
  if (reference !== null && result.objective < reference) better++;
  total += seconds;
  totalCpu += cpuSeconds;
  const line = `| ${set}/${n} | ${instance.intervalMinutes} | ${reference ?? "-"} | ${result.objective} | ${result.shortageMinutes} | ${result.excessMinutes} | ${result.distinctShifts} | ${cpuSeconds.toFixed(1)} | ${seconds.toFixed(1)} | ${result.status}${ok ? "" : " MISSED"} |`;
  rows.push(line);
  console.log(line);
}
console.log(`\nreached the reference on ${reached}/${numbers.length} (better on ${better}); total CPU ${totalCpu.toFixed(1)} s, wall ${total.toFixed(1)} s, time limit ${timeLimitSeconds} s each`);
