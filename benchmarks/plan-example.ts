/**
 * Target (issue 7): `wfm plan` on the bundled example runs in under 15 s on a 2-core machine.
 * Times the whole command in-process (reading, planning with the two teams solved in parallel
 * worker threads, the report with its charts, writing the folder).
 * Run: npx tsx benchmarks/plan-example.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import { reportOnce } from "./measure.js";

const out = join(mkdtempSync(join(tmpdir(), "wfm-bench-plan-")), "plan");
const started = performance.now();
const status = await main(["plan", "--config", "examples/plan/plan.json", "--out", out], {
  stdout: () => undefined,
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stderrIsTTY: false,
});
if (status !== 0) process.exit(status);
reportOnce("wfm plan on examples/plan (December 2026, voice + chat, schedule, cost, 6 scenarios)", (performance.now() - started) / 1000, 15);
