/**
 * Start-up cost of the `wfm` command: CPU time (user + system, read by the child process itself at
 * exit) of `wfm --version` and of a one-interval `wfm erlang`, against a bare `node -e 0` in the
 * same run, as a ratio (target: within 3x). The command runs from the built `bin/wfm.js` (run
 * `npm run build` first). Median of 15 runs each, interleaved so that load on the shared machine
 * hits every command alike.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "wfm.js");
if (!existsSync(join(root, "dist", "cli.js"))) throw new Error("run `npm run build` first: the benchmark runs bin/wfm.js on dist/");

// Registered before the program: at exit, writes the process's own CPU time to file descriptor 3.
const hook = `data:text/javascript,${encodeURIComponent('import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeSync(3, String(u.user + u.system)); });')}`;

function cpuSeconds(args: readonly string[]): { cpu: number; wall: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", hook, ...args], { stdio: ["ignore", "ignore", "pipe", "pipe"], cwd: root });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return { cpu: Number(String(run.output[3])) / 1e6, wall };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const commands: Record<string, readonly string[]> = {
  "node -e 0": ["-e", "0"],
  "wfm --version": [bin, "--version"],
  "wfm erlang (one interval)": [bin, "erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20"],
};
const runs = 15;
const cpu: Record<string, number[]> = {};
const wall: Record<string, number[]> = {};
for (const name of Object.keys(commands)) cpuSeconds(commands[name]!); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t = cpuSeconds(args);
    (cpu[name] ??= []).push(t.cpu);
    (wall[name] ??= []).push(t.wall);
  }
}
const base = median(cpu["node -e 0"]!);
for (const name of Object.keys(commands)) {
  const c = median(cpu[name]!);
  const ratio = c / base;
  const target = name === "node -e 0" ? "" : ` (target <= 3.0x) ${ratio <= 3 ? "met" : "MISSED"}`;
  console.log(`${name}: CPU ${(c * 1000).toFixed(0)} ms, wall ${(median(wall[name]!) * 1000).toFixed(0)} ms, median of ${runs}; ${ratio.toFixed(2)}x node -e 0${target}`);
}
