/**
 * Column generation on the Curtois & Qu instances (../shared/bench-roster): the root LP of the
 * set-partitioning roster (`generateColumns`, priced by the per-employee dynamic program
 * `cheapestLines`) solved to convergence, its bound next to the proven optimum and the compact
 * model's LP relaxation, and the CPU seconds it took. Target: the root converged in at most 60 CPU s
 * per instance (it is solved again, in part, at every node of branch and price).
 *
 *   npx tsx benchmarks/roster-columns.ts [--only 7,10]
 *
 * CPU seconds are `process.cpuUsage()` of this process (HiGHS runs in this thread); wall seconds
 * and the load are printed too, the machine being shared.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseRosterBenchmark } from "../src/io/roster-benchmark.js";
import { generateColumns } from "../src/roster/benchmark-columns.js";
import { buildRosterBenchmarkModel } from "../src/roster/benchmark-solve.js";
import { solveMip } from "../src/schedule/mip.js";
import { sharedFile } from "../test/support/shared.js";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",").map((n) => `Instance${n.trim()}`) : null;
const rows = readFileSync(sharedFile("bench-roster", "best-known.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))
  .map(([instance, , , , best]) => ({ instance: instance!, best: Number(best) }))
  .filter((row) => only === null || only.includes(row.instance));
const cpuSeconds = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${cpus().length} cores`);
console.log("target: the column-generation root converged in at most 60 CPU s (the bound's ratio to the optimum is shown, not a target)");
console.log("| instance | optimum | compact LP | column-generation bound | bound / optimum | rounds | lines | CPU s | wall s | target |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
let met = 0;
for (const row of rows) {
  const file = sharedFile("bench-roster", "instances", `${row.instance}.txt`);
  const instance = parseRosterBenchmark(readFileSync(file, "utf8"), { file });
  const compact = buildRosterBenchmarkModel(instance).data;
  const lp = await solveMip({ ...compact, integrality: new Int32Array(compact.numCols) }, { timeLimitSeconds: 600, relativeGap: 0, highsOptions: { solver: "ipm" } });
  const cpuStarted = cpuSeconds();
  const wallStarted = performance.now();
  const columns = await generateColumns({ instance, budgetSeconds: 600, clockSeconds: cpuSeconds, converge: true });
  const cpu = cpuSeconds() - cpuStarted;
  const wall = (performance.now() - wallStarted) / 1000;
  const ratio = columns.bound / row.best;
  const ok = columns.converged && cpu <= 60;
  if (ok) met++;
  console.log(
    `| ${row.instance} | ${row.best} | ${lp.objective?.toFixed(1) ?? "-"} | ${columns.bound.toFixed(1)} | ${(ratio * 100).toFixed(2)}% | ${columns.rounds} | ${columns.pool.size} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} | ${ok ? "met" : "MISSED"} |`,
  );
}
console.log(`\ntarget met on ${met}/${rows.length}`);
