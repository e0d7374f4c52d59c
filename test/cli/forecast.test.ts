import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { syntheticHistory } from "../forecast/synthetic.js";

const day = 86_400_000;
const two = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number, sep = "T") => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}${sep}${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};

/** 16 weeks of hourly history ending 2026-11-28, weekdays 07:00-21:00 only. */
function writeHistory(dir: string, options: { channels?: boolean; aht?: boolean; sep?: string } = {}): string {
  const start = Date.UTC(2026, 7, 9); // Sunday
  const voice = syntheticHistory({ startMs: start, days: 16 * 7, dailyCalls: 1200, seed: 5, openHours: [7, 21], aht: options.aht ?? false });
  const lines = [options.channels ? "timestamp,channel,calls" : options.aht ? "timestamp,calls,ahtSeconds" : "timestamp,calls"];
  for (const p of voice) {
    if (options.channels) {
      lines.push(`${stamp(p.localMs, options.sep)},voice,${p.calls}`);
      lines.push(`${stamp(p.localMs, options.sep)},chat,${Math.round(p.calls / 3)}`);
    } else lines.push(`${stamp(p.localMs, options.sep)},${p.calls}${options.aht ? `,${p.ahtSeconds}` : ""}`);
  }
  const path = join(dir, "history.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("wfm forecast", () => {
  it("writes timestamp,calls,lower,upper for open intervals only, in the input's time format", async () => {
    const dir = tempDir();
    writeHistory(dir, { sep: " " });
    const run = await runCli(["forecast", "history.csv", "--month", "2026-12"], { cwd: dir });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("timestamp,calls,lower,upper");
    // December 2026: 23 weekdays x 14 open hours
    expect(lines.length - 1).toBe(23 * 14);
    expect(lines[1]).toMatch(/^2026-12-01 07:00,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d$/);
    expect(run.stderr).toMatch(/^gregorian month 2026-12: 322 intervals, \d+ contacts, method [a-z-]+ \(backtest WAPE \d+\.\d%, 8 origins\), P80 coverage \d+\.\d%, \d+ anomalous days? left out\n$/);
  });

  it("--start/--days, --method, AHT column, --out written atomically and refused over the input", async () => {
    const dir = tempDir();
    writeHistory(dir, { aht: true });
    const run = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--days", "2", "--method", "seasonal-average", "--out", "f.csv"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const lines = readFileSync(join(dir, "f.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("timestamp,calls,lower,upper,ahtSeconds");
    expect(lines.length - 1).toBe(2 * 14);
    expect(lines[1]!.startsWith("2026-11-30T07:00,")).toBe(true);
    expect(lines[1]!.endsWith(",300.0")).toBe(true);
    const refused = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--out", "history.csv"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("refusing to overwrite the input file");
  });

  it("forecasts each channel and writes the channel column", async () => {
    const dir = tempDir();
    writeHistory(dir, { channels: true });
    const run = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--days", "1", "--method", "top-down"], { cwd: dir });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("timestamp,channel,calls,lower,upper");
    expect(lines.slice(1, 3).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["2026-11-30T07:00,chat", "2026-11-30T07:00,voice"]);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("voice: ") || l.startsWith("chat: "))).toHaveLength(2);
  });

  it("--backtest prints the accuracy table with coverage; --format json has the rows", async () => {
    const dir = tempDir();
    writeHistory(dir);
    const run = await runCli(["forecast", "history.csv", "--month", "2026-12", "--backtest"], { cwd: dir });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^method\s+wape\s+wape \(ordinary days\)\s+mape \(>=10\)\s+bias\s+rmse\s+intervals$/);
    expect(lines.slice(2, 7).map((l) => l.split(/\s+/)[0])).toEqual(["seasonal-naive", "seasonal-average", "holt-winters", "top-down", "combined"]);
    expect(run.stdout).toMatch(/Interval coverage \(leave-one-origin-out\): \d+\.\d% at or below upper \(nominal 80\.0%\)/);
    const json = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--days", "1", "--format", "json", "--quantile", "0.9"], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as { quantile: number; rows: { timestamp: string; calls: number }[]; channels: { method: string }[] };
    expect(parsed.quantile).toBe(0.9);
    expect(parsed.rows).toHaveLength(14);
    expect(parsed.rows[0]!.timestamp).toBe("2026-11-30T07:00");
  });

  it("Persian months and a week starting on Saturday in the table format", async () => {
    const dir = tempDir();
    writeHistory(dir);
    const run = await runCli(["forecast", "history.csv", "--month", "1405-09", "--calendar", "persian", "--format", "table", "--week-start", "saturday"], { cwd: dir });
    expect(run.status).toBe(0);
    // Azar 1405 = 2026-11-22 .. 2026-12-21; history ends 2026-11-28, so the first week is bridged
    expect(run.stderr).toMatch(/^persian month 1405-09: /);
    const lines = run.stdout.split("\n");
    expect(lines[2]).toMatch(/^2026-11-23\s+Mon\s/);
    expect(lines.find((l) => l.startsWith("week of"))).toMatch(/^week of 2026-11-21\s/);
  });

  it("holidays file: closed days get no rows", async () => {
    const dir = tempDir();
    writeHistory(dir);
    writeFileSync(join(dir, "holidays.csv"), "date,label,kind\n2026-12-01,Staff day,closed\n");
    const run = await runCli(["forecast", "history.csv", "--start", "2026-11-30", "--days", "2", "--holidays", "holidays.csv"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("2026-12-01T");
    expect(run.stdout.trim().split("\n")).toHaveLength(1 + 14);
  });

  it("driver method: orders file and target", async () => {
    const dir = tempDir();
    writeHistory(dir);
    const orders = ["date,orders"];
    for (let d = Date.UTC(2026, 7, 9); d < Date.UTC(2026, 10, 29); d += day) {
      const w = new Date(d).getUTCDay();
      orders.push(`${stamp(d).slice(0, 10)},${w === 0 || w === 6 ? 0 : 10_000}`);
    }
    writeFileSync(join(dir, "orders.csv"), `${orders.join("\n")}\n`);
    const run = await runCli(["forecast", "history.csv", "--month", "2026-12", "--method", "driver", "--orders", "orders.csv", "--orders-target", "230000"], { cwd: dir });
    expect(run.status).toBe(0);
    const total = run.stdout.trim().split("\n").slice(1).reduce((s, l) => s + Number(l.split(",")[1]), 0);
    // 23 weekdays x 10,000 orders at ~1,200 x (weekday factor ~1.04) calls per 10,000 orders
    expect(total / 23).toBeGreaterThan(1000);
    expect(total / 23).toBeLessThan(1400);
  });

  it("user mistakes: one line each, exit 2", async () => {
    const dir = tempDir();
    writeHistory(dir);
    const cases: [string[], string][] = [
      [["--month", "2026-13"], '--month: expected YYYY-MM such as 2026-12 (or 1404-09 with --calendar persian), got "2026-13"'],
      [[], "--month: say what to forecast: --month YYYY-MM, or --start YYYY-MM-DD [--days N]"],
      [["--month", "2026-12", "--method", "arima"], '--method: expected one of auto, seasonal-naive, seasonal-average, holt-winters, top-down, driver, combined, got "arima"'],
      [["--month", "2026-12", "--quantile", "0.3"], '--quantile: expected a probability above 0.5 and below 1 such as 0.8, got "0.3"'],
      [["--month", "2026-12", "--week-start", "someday"], '--week-start: expected a day name such as saturday or a number 0-6 (0 = Sunday), got "someday"'],
      [["--month", "2026-12", "--method", "driver"], "--orders-target: --method driver needs --orders-target N (orders planned for the period)"],
      [["--month", "2026-12", "--holidays", "missing.csv"], "--holidays: file not found: missing.csv"],
      [["--month", "2020-01"], "--month: gregorian month 2020-01 starts on 2020-01-01, but the history history.csv starts on 2026-08-10: nothing to learn from"],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(["forecast", "history.csv", ...args], { cwd: dir });
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status: 2, stderr: `${message}\n` });
    }
  });
});

describe("wfm forecast on a short history", () => {
  it("one week of history: no backtest, a Poisson band, notes on stderr", async () => {
    const dir = tempDir();
    const lines = ["timestamp,calls"];
    for (let h = 0; h < 7 * 24; h++) lines.push(`${stamp(Date.UTC(2026, 10, 1) + h * 3_600_000)},${h % 24 >= 8 && h % 24 < 18 ? 20 : 0}`);
    writeFileSync(join(dir, "week.csv"), `${lines.join("\n")}\n`);
    const run = await runCli(["forecast", "week.csv", "--start", "2026-11-08", "--days", "1", "--backtest"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("no backtest: the history is too short (a backtest origin needs 4 weeks of history before it)\n");
    expect(run.stderr).toBe(
      [
        "1 days from 2026-11-08: 24 intervals, 200 contacts, method seasonal-average, 0 anomalous days left out",
        "note: history too short for a backtest; using the seasonal average",
        "note: no backtest errors for the prediction intervals; using a Poisson band",
        "",
      ].join("\n"),
    );
    const csv = await runCli(["forecast", "week.csv", "--start", "2026-11-08", "--days", "1"], { cwd: dir });
    // 20 calls: Poisson band 20 -/+ z(0.8) sqrt(20) = 20 -/+ 0.8416 x 4.4721
    expect(csv.stdout.split("\n")[9]).toBe("2026-11-08T08:00,20.00,16.24,23.76");
  });

  it("less than a week of history is refused", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "two.csv"), "timestamp,calls\n2026-11-01T08:00,5\n2026-11-01T09:00,5\n2026-11-02T08:00,6\n");
    const run = await runCli(["forecast", "two.csv", "--start", "2026-11-08"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("two.csv: at least 7 days of history before 2026-11-08 are needed (one of each weekday), found 2\n");
  });
});

describe("wfm forecast from an old history", () => {
  it("refuses a history that ends years before the month, saying how long, and forecasts from it with --force-history", async () => {
    const dir = tempDir();
    writeHistory(dir); // the last row is on Friday 2026-11-27 (weekdays only)
    // 2026-11-28 (the day after the last row) to 2029-11-28 is 365 + 366 + 365 = 1096 days, + 3 to 2029-12-01 = 1099.
    const refused = await runCli(["forecast", "history.csv", "--month", "2029-12", "--out", "f.csv"], { cwd: dir });
    expect(refused.stderr).toBe(
      "--month: the history history.csv ends on 2026-11-27, 1099 days (about 3.0 years) before the forecast starts on 2029-12-01 (more than 31 days): check the dates and --calendar, or pass --force-history to forecast from it anyway\n",
    );
    expect(refused.status).toBe(2);
    const forced = await runCli(["forecast", "history.csv", "--month", "2029-12", "--force-history", "--out", "f.csv"], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stderr.split("\n")[0]).toBe("note: the history history.csv ends on 2026-11-27, 1099 days (about 3.0 years) before the forecast starts on 2029-12-01; forecasting from it anyway (--force-history)");
  });

  it("takes a history that ends up to 31 days before the period without a word", async () => {
    const dir = tempDir();
    writeHistory(dir); // ends 2026-11-27: 3 days before December, 34 before 2027-01
    expect((await runCli(["forecast", "history.csv", "--month", "2026-12"], { cwd: dir })).stderr).not.toMatch(/history\.csv ends/);
    expect((await runCli(["forecast", "history.csv", "--month", "2027-01"], { cwd: dir })).status).toBe(2);
  });
});
