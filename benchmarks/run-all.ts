/**
 * Runs every benchmark in this folder, one after the other, each in its own process so that one
 * benchmark's warm JIT or WebAssembly heap does not flatter the next. Each prints its figures
 * next to their targets. Run: npm run bench (the DBAI set-2 table takes about 8 minutes and the
 * schedule cases about 8 more, the Curtois & Qu rostering table up to 100; --quick skips the DBAI
 * and rostering tables and runs only the week, peak-1,000 and example-plan schedule cases).
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const skip = new Set(["measure.ts", "run-all.ts", "schedule-instances.ts", ...(quick ? ["schedule-dbai.ts", "roster-benchmark.ts"] : [])]);
const quickArgs: Record<string, string[]> = { "schedule-speed.ts": ["--only", "week,peak1000,plan"], "io-staff-queues.ts": ["10", "100"] };
for (const file of readdirSync(here).filter((f) => f.endsWith(".ts") && !skip.has(f)).sort()) {
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, ["--import", "tsx", join(here, file), ...(quick ? (quickArgs[file] ?? []) : [])], { stdio: "inherit" });
}
