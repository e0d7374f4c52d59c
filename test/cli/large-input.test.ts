/**
 * Data-sized inputs never go through an argument spread (`Math.min(...rows)` overflows the call
 * stack near 125,000 rows): 300,000 rows through the commands that reduce over every row.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const rowCount = 300_000;
const two = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};

/** 300,000 five-minute rows ending at 2026-11-30T23:55 (a daily shape, no randomness). */
function writeHistory(dir: string): string {
  const end = Date.UTC(2026, 11, 1);
  const lines = ["timestamp,calls"];
  for (let i = rowCount; i >= 1; i--) {
    const ms = end - i * 300_000;
    const hour = new Date(ms).getUTCHours();
    lines.push(`${stamp(ms)},${hour >= 8 && hour < 20 ? 10 + (hour % 5) : 2}`);
  }
  const path = join(dir, "history.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("300,000-row inputs", () => {
  it("wfm forecast reads a 300,000-row history (2.9 years of 5-minute data) without overflowing the stack", async () => {
    const dir = tempDir();
    writeHistory(dir);
    const run = await runCli(["forecast", "history.csv", "--month", "2026-12", "--out", "f.csv"], { cwd: dir });
    expect(run.stderr).toMatch(/^gregorian month 2026-12: 8928 intervals/);
    expect(run.status).toBe(0);
  }, 120_000);
});
