/**
 * Speed of the exact shift scheduler on the generated instances of issue 17
 * (`benchmarks/schedule-instances.ts`: a seeded 24x7 curve, four 8.5-hour templates, 15-minute
 * intervals, three break windows: two paid 15-minute breaks and a 30-minute meal). Each case
 * prints the status, the gap to the proven bound, CPU seconds (process.cpuUsage, the fair figure on
 * a shared machine) and wall seconds next to its target, and whether the solve stopped at its
 * limit (then its schedule may depend on the machine's speed).
 *
 *   npx tsx benchmarks/schedule-speed.ts                 every case (about 8 minutes on an idle machine)
 *   npx tsx benchmarks/schedule-speed.ts --only week,peak1000
 *   npx tsx benchmarks/schedule-speed.ts --list
 *   npx tsx benchmarks/schedule-speed.ts --wall-factor 4  on a loaded machine: a wall-clock limit of
 *                                                          4x the target, so the CPU time to the gap is measured
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import { solveShiftProblem } from "../src/schedule/index.js";
import { benchmarkProblem, type InstanceSpec } from "./schedule-instances.js";

interface Case {
  readonly key: string;
  readonly name: string;
  readonly spec: InstanceSpec;
  /** Gap the solve aims at and the target's gap. */
  readonly gap: number;
  readonly targetGap: number;
  /** Target seconds (the solve's time limit as well). */
  readonly targetSeconds: number;
}

const cases: Case[] = [
  { key: "week", name: "week, peak 100, 15-min starts, 3 break windows", spec: { days: 7, stepMinutes: 15, peak: 100, breaks: "three" }, gap: 0.01, targetGap: 0.01, targetSeconds: 20 },
  { key: "month30", name: "31-day month, peak 100, 30-min starts, 3 break windows", spec: { days: 31, stepMinutes: 30, peak: 100, breaks: "three" }, gap: 0.01, targetGap: 0.01, targetSeconds: 60 },
  { key: "month15", name: "31-day month, peak 100, 15-min starts, 3 break windows", spec: { days: 31, stepMinutes: 15, peak: 100, breaks: "three" }, gap: 0.02, targetGap: 0.02, targetSeconds: 120 },
  {
    key: "tours",
    name: "4-week month of weekly tours (5 on, 2 consecutive off), peak 100, 30-min starts, 3 break windows",
    spec: { days: 28, stepMinutes: 30, peak: 100, breaks: "three", tours: true },
    gap: 0.02,
    targetGap: 0.02,
    targetSeconds: 120,
  },
  { key: "peak1000", name: "week, peak 1,000, 30-min starts, 3 break windows", spec: { days: 7, stepMinutes: 30, peak: 1000, breaks: "three" }, gap: 0.01, targetGap: 0.01, targetSeconds: 60 },
];

const args = process.argv.slice(2);
if (args.includes("--list")) {
  for (const c of cases) console.log(`${c.key}: ${c.name}`);
  console.log("plan: the bundled example plan (examples/plan/plan.json), both teams within 1% gap inside their 20 s limit");
  process.exit(0);
}
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1]!.split(",")) : null;
const factorIndex = args.indexOf("--wall-factor");
const wallFactor = factorIndex >= 0 ? Number(args[factorIndex + 1]) : 1;

for (const c of cases) {
  if (only !== null && !only.has(c.key)) continue;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const { problem } = benchmarkProblem(c.spec);
  const solution = await solveShiftProblem(problem, { timeLimitSeconds: c.targetSeconds * wallFactor, relativeGap: c.gap });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const gap = solution.gap;
  const met = solution.verified !== null && gap !== null && gap <= c.targetGap + 1e-9 && cpuSeconds < c.targetSeconds;
  console.log(
    `${c.name}: status ${solution.status}${solution.status === "time-limit" ? " (stopped at the limit: the schedule may depend on machine speed)" : ""}, ` +
      `objective ${solution.verified?.objective.toFixed(1) ?? "-"}, bound ${solution.bound?.toFixed(1) ?? "-"}, gap ${gap === null ? "-" : `${(gap * 100).toFixed(2)}%`}; ` +
      `${solution.size.variables} variables, ${solution.size.constraints} rows; ` +
      `CPU ${cpuSeconds.toFixed(1)} s, wall ${wallSeconds.toFixed(1)} s (target: ${(c.targetGap * 100).toFixed(0)}% gap in < ${c.targetSeconds} s) ${met ? "met" : "MISSED"}`,
  );
}

// The bundled example plan: both teams (voice, chat) solved in parallel worker threads with the
// plan's 20 s limit and 1% gap; each must end "optimal" (within the gap), not at its limit, so
// the quick start's figures are the same run after run.
if (only === null || only.has("plan")) {
  const out = join(mkdtempSync(join(tmpdir(), "wfm-bench-schedule-")), "plan");
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const status = await main(["plan", "--config", "examples/plan/plan.json", "--out", out], {
    stdout: () => undefined,
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTTY: false,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (status !== 0) process.exit(status);
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { schedule?: { teams?: { team: string; status: string; gap: number | null; solveSeconds?: number }[] } };
  const teams = summary.schedule?.teams ?? [];
  const allOptimal = teams.length > 0 && teams.every((t) => t.status === "optimal" && t.gap !== null && t.gap <= 0.01);
  console.log(
    `example plan (wfm plan examples/plan/plan.json): ${teams.map((t) => `${t.team} ${t.status} gap ${t.gap === null ? "-" : `${(t.gap * 100).toFixed(2)}%`}`).join(", ")}; ` +
      `whole plan CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads), wall ${wallSeconds.toFixed(1)} s (target: both teams optimal within 1% inside their 20 s limit) ${allOptimal ? "met" : "MISSED"}`,
  );
}
