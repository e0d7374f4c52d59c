import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// 100 calls / 30 min at 180 s, 80/20, 30% shrinkage: 14 required, 20 scheduled
// (../shared/reference/queueing-cases.json, C-CCH-REQ-80-20-shrink30), as in staff.test.ts.
const expected = "2026-12-01T09:00,voice,100,180,10,14,20,";

describe("a planner's own export on the command line", () => {
  it("wfm staff reads a ';' export with day-first dates given by --date-format and hh:mm:ss AHT", async () => {
    const cwd = folderWith({ "v.csv": "Date;Time;Offered;AHT\r\n01/12/2026;09:00;100;00:03:00\r\n01/12/2026;09:30;100;00:03:00\r\n" });
    const run = await runCli(["staff", "v.csv", "--target", "80/20", "--shrinkage", "30", "--format", "csv", "--date-format", "dd/MM/yyyy"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[1]).toMatch(new RegExp(`^${expected}`));
  });

  it("without --date-format the same file fails with exit 2, suggesting the flag", async () => {
    const cwd = folderWith({ "v.csv": "Date;Time;Offered;AHT\n01/12/2026;09:00;100;00:03:00\n01/12/2026;09:30;100;00:03:00\n" });
    const run = await runCli(["staff", "v.csv", "--target", "80/20", "--shrinkage", "30"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'v.csv:2:1: timestamp "01/12/2026" has the day and month in an order wfm does not guess; give it with --date-format (dateFormat in the plan config): --date-format "dd/MM/yyyy" if 01 is the day, --date-format "MM/dd/yyyy" if it is the month (2 rows like it, up to line 3)\n',
    );
  });

  it("a --date-format in another library's tokens is refused naming the flag", async () => {
    const cwd = folderWith({ "v.csv": "timestamp,calls\n2026-12-01T09:00,100\n" });
    const run = await runCli(["staff", "v.csv", "--aht", "180", "--date-format", "DD/MM/YYYY HH:mm"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--date-format: use date-fns tokens: "dd" for the day of the month and "yyyy" for the year (not "DD" and "YYYY")\n');
  });

  it("wfm forecast reads a Solar Hijri history with --calendar persian and refuses it without", async () => {
    const rows = ["timestamp,calls"];
    // 28 days of hourly data from 1 Aban 1405 (2026-10-23), 08:00-16:00.
    for (let d = 1; d <= 28; d++) for (let h = 8; h < 16; h++) rows.push(`1405-08-${String(d).padStart(2, "0")} ${String(h).padStart(2, "0")}:00,${10 + ((d * 7 + h) % 5)}`);
    const cwd = folderWith({ "history.csv": `${rows.join("\n")}\n` });
    const refused = await runCli(["forecast", "history.csv", "--month", "1405-09"], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      'history.csv:2:1: timestamp "1405-08-01 08:00" has the year 1405, a Solar Hijri date; it is read only with --calendar persian (calendar "persian" in the plan config), never as a Gregorian year (224 rows like it, up to line 225)\n',
    );
    const run = await runCli(["forecast", "history.csv", "--month", "1405-09", "--calendar", "persian", "--format", "csv"], { cwd });
    expect(run.status).toBe(0);
    // Azar 1405 starts on 2026-11-22 (planning-month.test.ts); the history ended on 28 Aban = 2026-11-19.
    expect(run.stdout.split("\n")[1]).toMatch(/^2026-11-22 08:00,/);
  });

  it("wfm kpi reads a UTF-16 report and refuses a Latin-1 one naming the line", async () => {
    const text = "timestamp\tchannel\toffered\tanswered\n2026-10-01T08:00\ttéléphone\t10\t8\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const cwd = folderWith({ "r.csv": utf16, "latin1.csv": new Uint8Array(Buffer.from(text, "latin1")) });
    const ok = await runCli(["kpi", "r.csv", "--format", "json"], { cwd });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("téléphone");
    const bad = await runCli(["kpi", "latin1.csv"], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('latin1.csv:2:19: the file is not UTF-8 text (byte 0xE9); save it as UTF-8 (Excel: "CSV UTF-8") or UTF-16 with a byte-order mark\n');
  });

  it("a business-hours centre: wfm forecast output feeds wfm staff with no config, the inferred hours reported", async () => {
    const rows = ["timestamp,calls"];
    // Four weeks of Monday-Friday 08:00-20:00 in 30-minute intervals, from Monday 2026-11-02.
    for (let d = 0; d < 28; d++) {
      const day = new Date(Date.UTC(2026, 10, 2 + d));
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
      for (let m = 8 * 60; m < 20 * 60; m += 30) rows.push(`${day.toISOString().slice(0, 10)}T${String(m / 60 | 0).padStart(2, "0")}:${String(m % 60).padStart(2, "0")},${20 + ((d * 3 + m / 30) % 7)}`);
    }
    const cwd = folderWith({ "history.csv": `${rows.join("\n")}\n` });
    const forecast = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--days", "7", "--out", "forecast.csv"], { cwd });
    expect(forecast.status).toBe(0);
    const staff = await runCli(["staff", "forecast.csv", "--target", "80/20", "--aht", "180", "--format", "json"], { cwd });
    expect(staff.stderr).toBe("");
    expect(staff.status).toBe(0);
    const plan = JSON.parse(staff.stdout) as { intervals: { timestamp: string }[]; notes: string[] };
    // Five weekdays x 24 half-hours.
    expect(plan.intervals).toHaveLength(120);
    expect(plan.notes).toEqual(["opening hours inferred from forecast.csv (no openingHours in the config): Mon-Fri 08:00-20:00, Sat-Sun closed"]);
  });
});
