/**
 * Times the month's review on the bundled example: November 2026, hourly voice and chat (1,440
 * plan intervals, 16 queue-model evaluations each for the Shapley attribution, and the Erlang A
 * patience fit by bisection), from the plan folder and the interval report already read.
 * Reports CPU time (process.cpuUsage), as the machine is shared.
 *
 *   npx tsx benchmarks/review-month.ts
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readKpiCsv } from "../src/io/kpi-csv.js";
import { readPlanFolder } from "../src/io/plan-folder.js";
import { reviewMonth } from "../src/review/index.js";
import { reportOnce } from "./measure.js";

const example = join(dirname(fileURLToPath(import.meta.url)), "..", "examples", "review");
const { plan } = readPlanFolder("plan-2026-11", { cwd: example });
const actual = readKpiCsv("actual-2026-11.csv", { cwd: example });

reviewMonth({ plan, actual: { intervals: actual.intervals, orders: actual.orders } }); // warm-up
const runs = 5;
const before = process.cpuUsage();
for (let i = 0; i < runs; i++) reviewMonth({ plan, actual: { intervals: actual.intervals, orders: actual.orders } });
const used = process.cpuUsage(before);
reportOnce(`reviewMonth, a month of hourly voice + chat (1,440 intervals x 16 evaluations + patience fit), CPU time per run (mean of ${runs})`, (used.user + used.system) / 1e6 / runs, 1);
