import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

/** Two days of 15-minute rows for 6 queues (whole and fractional figures). */
function volumes(): string {
  const lines = ["timestamp,queue,calls,ahtSeconds"];
  for (let t = 0; t < 192; t++) {
    const stamp = new Date(Date.UTC(2026, 11, 1) + t * 900_000).toISOString().slice(0, 16);
    for (let q = 0; q < 6; q++) lines.push(`${stamp},q${q},${(t * 7 + q * 13) % 40}${q % 2 === 1 ? ".5" : ""},${150 + ((t + q) % 50)}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("wfm staff on worker threads", () => {
  afterEach(() => {
    delete process.env.WFM_STAFF_WORKER_MIN_INTERVALS;
    delete process.env.WFM_STAFF_WORKER_CHUNK_INTERVALS;
  });

  it("writes the same bytes with the queues staffed on worker threads as in one thread", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "v.csv"), volumes());
    for (const format of ["csv", "json", "table"]) {
      const args = ["staff", "v.csv", "--target", "80/20", "--shrinkage", "30", "--format", format];
      const alone = await runCli(args, { cwd });
      expect(alone.status).toBe(0);
      // Every batch through the workers, one queue per chunk.
      process.env.WFM_STAFF_WORKER_MIN_INTERVALS = "0";
      process.env.WFM_STAFF_WORKER_CHUNK_INTERVALS = "192";
      const threaded = await runCli(args, { cwd });
      delete process.env.WFM_STAFF_WORKER_MIN_INTERVALS;
      delete process.env.WFM_STAFF_WORKER_CHUNK_INTERVALS;
      expect(threaded.status).toBe(0);
      expect(threaded.stdout).toBe(alone.stdout);
      expect(threaded.stderr).toBe(alone.stderr);
    }
  });
});
