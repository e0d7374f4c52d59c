/**
 * The bad-input battery: one row per case. Each case runs `wfm ...argv` in a fresh folder holding
 * the base files below (plus the case's own `files`), and pins the exit status and the first line
 * of stderr, which names the place (file:line:column, the config field, the flag or the path);
 * the runner (bad-input.test.ts) also checks that stdout is empty and that the folder is exactly
 * as before: no output, no partial output, no changed input. Add a case by adding a row.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/shared.js";

/** One bad input. */
export interface BadInputCase {
  /** What is wrong, in a few words (the test name). */
  readonly name: string;
  /** The arguments after `wfm`. */
  readonly argv: readonly string[];
  /** Files written into the folder before the run (a name ending in "/" is an empty folder); they override the base files. */
  readonly files?: Readonly<Record<string, string>>;
  /** Expected exit status. @defaultValue 2 */
  readonly status?: number;
  /** Expected first line of stderr: exact text, or a pattern. */
  readonly first: string | RegExp;
}

const two = (n: number) => String(n).padStart(2, "0");
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};
const hourly = (startMs: number, hours: number, row: (ms: number, i: number) => string) =>
  Array.from({ length: hours }, (_, i) => `${stamp(startMs + i * 3_600_000)},${row(startMs + i * 3_600_000, i)}`);

/** Two days of hourly voice volumes, 2026-12-07 and 08. */
const volumes = ["timestamp,calls,ahtSeconds", ...hourly(Date.UTC(2026, 11, 7), 48, (_, i) => `${20 + (i % 24)},180`), ""].join("\n");
/** Three weeks of hourly history ending 2026-11-30T23:00. */
const history = ["timestamp,calls", ...hourly(Date.UTC(2026, 10, 10), 21 * 24, (ms) => String(10 + new Date(ms).getUTCHours())), ""].join("\n");
/** One day of hourly requirements, 2026-12-07. */
const requirements = ["timestamp,agents", ...hourly(Date.UTC(2026, 11, 7), 24, (_, i) => String(2 + (i % 3))), ""].join("\n");
const example = (name: string) => readFileSync(join(repoRoot, "examples", name), "utf8");
const shifts = JSON.stringify({ templates: [{ name: "day", earliestStart: "00:00", latestStart: "23:00", lengthMinutes: 480 }] });

/** Files every case starts with. */
export const baseFiles: Readonly<Record<string, string>> = {
  "v.csv": volumes,
  "h.csv": history,
  "r.csv": requirements,
  "staffing.json": example("staffing.json"),
  "shifts.json": shifts,
  "cost.json": example("cost.json"),
  "kpi.csv": ["timestamp,channel,offered,answered,abandoned,answeredWithinTarget,handleSeconds,staffedSeconds", ...hourly(Date.UTC(2026, 10, 2), 48, () => "voice,30,28,2,24,5040,10800"), ""].join("\n"),
  "plan.json": JSON.stringify({ month: "2026-12", history: "h.csv", staffing: JSON.parse(example("staffing.json")), schedule: { settings: JSON.parse(shifts) } }),
};

const erlang = ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20"];
const staff = ["staff", "v.csv", "--config", "staffing.json"];
const schedule = ["schedule", "r.csv", "--shifts", "shifts.json", "--time-limit", "5"];
const forecast = ["forecast", "h.csv", "--month", "2026-12"];
const cost = ["cost", "--config", "cost.json", "--staffed-hours", "1600"];
const kpi = ["kpi", "kpi.csv"];
const csv = (header: string, ...rows: string[]) => [header, ...rows, ""].join("\n");
const h = (day: number, hour: number) => stamp(Date.UTC(2026, 11, day, hour));

export const badInputCases: readonly BadInputCase[] = [
  // --- the command line: commands, flags, numbers -------------------------------------------
  { name: "unknown command", argv: ["erlnag"], first: "" },
  { name: "unknown flag", argv: [...erlang, "--colour"], first: "" },
  { name: "erlang: calls not a number", argv: ["erlang", "--calls", "abc", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: negative calls", argv: ["erlang", "--calls", "-5", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: calls 1e308", argv: ["erlang", "--calls", "1e308", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: calls Infinity", argv: ["erlang", "--calls", "Infinity", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: calls empty", argv: ["erlang", "--calls", "", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: calls in hex", argv: ["erlang", "--calls", "0x64", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: AHT 0 with calls", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "0", "--target", "80/20"], first: "" },
  { name: "erlang: interval 0", argv: ["erlang", "--calls", "100", "--interval", "0", "--aht", "180", "--target", "80/20"], first: "" },
  { name: "erlang: no AHT", argv: ["erlang", "--calls", "100", "--interval", "30", "--target", "80/20"], first: "" },
  { name: "erlang: target without seconds", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80"], first: "" },
  { name: "erlang: target above 100%", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "101/20"], first: "" },
  { name: "erlang: negative answer time", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/-1"], first: "" },
  { name: "erlang: occupancy cap above 100%", argv: [...erlang, "--max-occupancy", "150"], first: "" },
  { name: "erlang: occupancy cap not a number", argv: [...erlang, "--max-occupancy", "high"], first: "" },
  { name: "erlang: unknown model", argv: [...erlang, "--model", "erlang-x"], first: "" },
  { name: "erlang: fractional agents", argv: [...erlang, "--agents", "1.5"], first: "" },
  { name: "erlang: negative agents", argv: [...erlang, "--agents", "-1"], first: "" },
  { name: "erlang: patience 0", argv: [...erlang, "--patience", "0"], first: "" },
  { name: "erlang: traffic and calls", argv: [...erlang, "--traffic", "10"], first: "" },
  { name: "erlang: blocking cap with Erlang C", argv: [...erlang, "--max-blocking", "1"], first: "" },
  { name: "erlang: abandonment cap without patience", argv: [...erlang, "--max-abandon", "5"], first: "" },
  { name: "erlang: shrinkage 100%", argv: [...erlang, "--shrinkage", "100"], first: "" },
  { name: "erlang: unknown format", argv: [...erlang, "--format", "xml"], first: "" },
  { name: "erlang: negative ASA", argv: [...erlang, "--max-asa", "-3"], first: "" },
  { name: "schema: unknown name", argv: ["schema", "rota"], first: "" },

  // --- wfm staff -----------------------------------------------------------------------------
  { name: "staff: volumes missing", argv: ["staff", "missing.csv", "--config", "staffing.json"], first: "" },
  { name: "staff: volumes is a folder", argv: ["staff", "dir", "--config", "staffing.json"], files: { "dir/": "" }, first: "" },
  { name: "staff: config missing", argv: ["staff", "v.csv", "--config", "nope.json"], first: "" },
  { name: "staff: config not JSON", argv: staff, files: { "staffing.json": "{ channels: " }, first: "" },
  { name: "staff: config empty", argv: staff, files: { "staffing.json": "" }, first: "" },
  { name: "staff: config field of the wrong type", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: "80%" } } }) }, first: "" },
  { name: "staff: config unknown key", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8 } }, colour: "red" }) }, first: "" },
  { name: "staff: config 100% service level", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 1, targetAnswerSeconds: 20 } } }) }, first: "" },
  { name: "staff: config service level 80 (percent, not a fraction)", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 80, targetAnswerSeconds: 20 } } }) }, first: "" },
  { name: "staff: config negative patience", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, patienceSeconds: -1 } } }) }, first: "" },
  { name: "staff: calls not a number", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},ten,180`) }, first: "" },
  { name: "staff: negative calls", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},-4,180`) }, first: "" },
  { name: "staff: calls 1e308", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},1e308,180`, `${h(7, 9)},10,180`) }, first: "" },
  { name: "staff: AHT 0 with calls", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,0`, `${h(7, 9)},10,180`) }, first: "" },
  { name: "staff: a 300,000-character cell is quoted only in part", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},${"9".repeat(300_000)}x,180`, `${h(7, 9)},10,180`) }, first: "" },
  { name: "staff: timestamp not a date", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, "tomorrow,10,180") }, first: "" },
  { name: "staff: duplicate interval", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},10,180`, `${h(7, 9)},10,180`) }, first: "" },
  { name: "staff: rows out of order", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 10)},10,180`, `${h(7, 9)},10,180`) }, first: "" },
  { name: "staff: gap", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},10,180`, `${h(7, 12)},10,180`) }, first: "" },
  { name: "staff: off-grid row", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},10,180`, "2026-12-07T09:17,10,180", `${h(7, 10)},10,180`) }, first: "" },
  { name: "staff: header only", argv: staff, files: { "v.csv": "timestamp,calls,ahtSeconds\n" }, first: "" },
  { name: "staff: empty file", argv: staff, files: { "v.csv": "" }, first: "" },
  { name: "staff: no calls column", argv: staff, files: { "v.csv": csv("timestamp,ahtSeconds", `${h(7, 8)},180`) }, first: "" },
  { name: "staff: unknown channel", argv: staff, files: { "v.csv": csv("timestamp,channel,calls,ahtSeconds", `${h(7, 8)},fax,10,180`, `${h(7, 9)},fax,10,180`) }, first: "" },
  { name: "staff: --out is the volumes file", argv: [...staff, "--out", "v.csv"], first: "" },
  { name: "staff: --out is the config", argv: [...staff, "--out", "./staffing.json"], first: "" },
  { name: "staff: --out in a missing folder", argv: [...staff, "--out", "no/such/folder/out.csv"], first: "" },
  { name: "staff: --out is a folder", argv: [...staff, "--out", "dir"], files: { "dir/": "" }, first: "" },
  { name: "staff: bad --target", argv: [...staff, "--target", "80-20"], first: "" },
  { name: "staff: --shrinkage 100", argv: [...staff, "--shrinkage", "100"], first: "" },
  { name: "staff: --aht 0", argv: [...staff, "--aht", "0"], first: "" },
  { name: "staff: --interval 7", argv: [...staff, "--interval", "7"], first: "" },
  { name: "staff: --max-occupancy 0", argv: [...staff, "--max-occupancy", "0"], first: "" },
  { name: "staff: --hours-per-fte -1", argv: [...staff, "--hours-per-fte", "-1"], first: "" },
  { name: "staff: unknown format", argv: [...staff, "--format", "xlsx"], first: "" },

  // --- wfm schedule --------------------------------------------------------------------------
  { name: "schedule: no requirements", argv: ["schedule", "--shifts", "shifts.json"], first: "" },
  { name: "schedule: no --shifts", argv: ["schedule", "r.csv"], first: "" },
  { name: "schedule: requirements missing", argv: ["schedule", "nope.csv", "--shifts", "shifts.json"], first: "" },
  { name: "schedule: shifts missing", argv: ["schedule", "r.csv", "--shifts", "nope.json"], first: "" },
  { name: "schedule: shifts not JSON", argv: schedule, files: { "shifts.json": "[" }, first: "" },
  { name: "schedule: template longer than 24 hours", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "long", earliestStart: "00:00", lengthMinutes: 1500 }] }) }, first: "" },
  { name: "schedule: template of 0 minutes", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "none", earliestStart: "00:00", lengthMinutes: 0 }] }) }, first: "" },
  { name: "schedule: start time 24:00", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "day", earliestStart: "24:00", lengthMinutes: 480 }] }) }, first: "" },
  { name: "schedule: no templates", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [] }) }, first: "" },
  { name: "schedule: --out and --coverage name one file", argv: [...schedule, "--out", "s.csv", "--coverage", "./s.csv"], first: "" },
  { name: "schedule: --out and --coverage name one existing file", argv: [...schedule, "--out", "s.csv", "--coverage", "s.csv"], files: { "s.csv": "keep me\n" }, first: "" },
  { name: "schedule: --out is the requirements", argv: [...schedule, "--out", "r.csv"], first: "" },
  { name: "schedule: --coverage is the shift config", argv: [...schedule, "--coverage", "shifts.json"], first: "" },
  { name: "schedule: --coverage in a missing folder (and --out fine)", argv: [...schedule, "--out", "s.csv", "--coverage", "none/c.csv"], first: "" },
  { name: "schedule: --out is a folder (and --coverage fine)", argv: [...schedule, "--coverage", "c.csv", "--out", "dir"], files: { "dir/": "" }, first: "" },
  { name: "schedule: stray off-grid row in hourly requirements", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, "2026-12-07T08:01,3", `${h(7, 9)},3`, `${h(7, 10)},3`) }, first: "" },
  { name: "schedule: missing hour in requirements", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},3`, `${h(7, 11)},3`) }, first: "" },
  { name: "schedule: duplicate requirement row", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},3`, `${h(7, 9)},4`) }, first: "" },
  { name: "schedule: requirement rows out of order", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 10)},3`, `${h(7, 9)},4`) }, first: "" },
  { name: "schedule: agents not a number", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},many`) }, first: "" },
  { name: "schedule: no agents column", argv: schedule, files: { "r.csv": csv("timestamp,calls", `${h(7, 8)},3`) }, first: "" },
  { name: "schedule: --time-limit 0", argv: ["schedule", "r.csv", "--shifts", "shifts.json", "--time-limit", "0"], first: "" },
  { name: "schedule: --gap 100", argv: [...schedule, "--gap", "100"], first: "" },
  { name: "schedule: unknown format", argv: [...schedule, "--format", "pdf"], first: "" },
  { name: "schedule: --dbai missing", argv: ["schedule", "--dbai", "nope.txt"], first: "" },
  { name: "schedule: --dbai is a folder", argv: ["schedule", "--dbai", "dir"], files: { "dir/": "" }, first: "" },
  { name: "schedule: --dbai with a requirements file", argv: ["schedule", "r.csv", "--dbai", "x.txt"], files: { "x.txt": "" }, first: "" },
  { name: "schedule: --dbai not an instance", argv: ["schedule", "--dbai", "x.txt"], files: { "x.txt": "hello\n" }, first: "" },

  // --- wfm forecast --------------------------------------------------------------------------
  { name: "forecast: history missing", argv: ["forecast", "nope.csv", "--month", "2026-12"], first: "" },
  { name: "forecast: no month", argv: ["forecast", "h.csv"], first: "" },
  { name: "forecast: month 13", argv: ["forecast", "h.csv", "--month", "2026-13"], first: "" },
  { name: "forecast: month not a month", argv: ["forecast", "h.csv", "--month", "December"], first: "" },
  { name: "forecast: unknown calendar", argv: [...forecast, "--calendar", "mayan"], first: "" },
  { name: "forecast: --start with --month", argv: [...forecast, "--start", "2026-12-01"], first: "" },
  { name: "forecast: --days 0", argv: ["forecast", "h.csv", "--start", "2026-12-01", "--days", "0"], first: "" },
  { name: "forecast: unknown method", argv: [...forecast, "--method", "magic"], first: "" },
  { name: "forecast: quantile 0.3", argv: [...forecast, "--quantile", "0.3"], first: "" },
  { name: "forecast: quantile 1", argv: [...forecast, "--quantile", "1"], first: "" },
  { name: "forecast: holidays missing", argv: [...forecast, "--holidays", "nope.csv"], first: "" },
  { name: "forecast: orders missing", argv: [...forecast, "--method", "driver", "--orders", "nope.csv", "--orders-target", "1000"], first: "" },
  { name: "forecast: --out is the history", argv: [...forecast, "--out", "h.csv"], first: "" },
  { name: "forecast: --out in a missing folder", argv: [...forecast, "--out", "none/f.csv"], first: "" },
  { name: "forecast: history after the month", argv: ["forecast", "h.csv", "--month", "2026-10"], first: "" },
  { name: "forecast: history of 3 days", argv: forecast, files: { "h.csv": ["timestamp,calls", ...hourly(Date.UTC(2026, 10, 28), 72, () => "5"), ""].join("\n") }, first: "" },
  { name: "forecast: bad calls cell", argv: forecast, files: { "h.csv": csv("timestamp,calls", `${h(1, 8)},5`, `${h(1, 9)},lots`) }, first: "" },
  { name: "forecast: unknown week start", argv: [...forecast, "--format", "table", "--week-start", "funday"], first: "" },
  { name: "forecast: unknown format", argv: [...forecast, "--format", "parquet"], first: "" },

  // --- wfm cost ------------------------------------------------------------------------------
  { name: "cost: config missing", argv: ["cost", "--config", "nope.json", "--staffed-hours", "1600"], first: "" },
  { name: "cost: config not JSON", argv: cost, files: { "cost.json": "currency: USD" }, first: "" },
  { name: "cost: config wage not decimal text", argv: cost, files: { "cost.json": JSON.stringify({ currency: "USD", sites: [{ name: "hq", agentSharePercent: 100, monthlyWage: "lots" }] }) }, first: "" },
  { name: "cost: no inputs", argv: ["cost", "--config", "cost.json"], first: "" },
  { name: "cost: negative staffed hours", argv: ["cost", "--config", "cost.json", "--staffed-hours", "-1"], first: "" },
  { name: "cost: staffed hours not a number", argv: ["cost", "--config", "cost.json", "--staffed-hours", "many"], first: "" },
  { name: "cost: --volumes without --staffing", argv: ["cost", "--config", "cost.json", "--volumes", "v.csv"], first: "" },
  { name: "cost: --kpi missing", argv: ["cost", "--config", "cost.json", "--kpi", "nope.csv"], first: "" },
  { name: "cost: bad --contacts list", argv: [...cost, "--contacts", "voice"], first: "" },
  { name: "cost: negative orders", argv: [...cost, "--orders", "-5"], first: "" },
  { name: "cost: --out is the config", argv: [...cost, "--out", "cost.json"], first: "" },
  { name: "cost: --schedule missing", argv: ["cost", "--config", "cost.json", "--volumes", "v.csv", "--staffing", "staffing.json", "--schedule", "nope.json"], first: "" },
  { name: "cost: unknown format", argv: [...cost, "--format", "docx"], first: "" },

  // --- wfm kpi -------------------------------------------------------------------------------
  { name: "kpi: report missing", argv: ["kpi", "nope.csv"], first: "" },
  { name: "kpi: month not a month", argv: [...kpi, "--month", "11/2026"], first: "" },
  { name: "kpi: unknown period", argv: [...kpi, "--by", "year"], first: "" },
  { name: "kpi: negative target seconds", argv: [...kpi, "--target-seconds", "-1"], first: "" },
  { name: "kpi: --out is the report", argv: [...kpi, "--out", "kpi.csv"], first: "" },
  { name: "kpi: tickets missing", argv: [...kpi, "--tickets", "nope.csv"], first: "" },
  { name: "kpi: answered above offered", argv: kpi, files: { "kpi.csv": csv("timestamp,channel,offered,answered", `${h(7, 8)},voice,10,12`) }, first: "" },
  { name: "kpi: bad offered cell", argv: kpi, files: { "kpi.csv": csv("timestamp,channel,offered,answered", `${h(7, 8)},voice,x,2`) }, first: "" },

  // --- wfm plan ------------------------------------------------------------------------------
  { name: "plan: config missing", argv: ["plan", "--config", "nope.json", "--out", "out"], first: "" },
  { name: "plan: config not JSON", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": "{" }, first: "" },
  { name: "plan: output folder exists and is not empty", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "out/keep.txt": "mine\n" }, first: "" },
  { name: "plan: output is a file", argv: ["plan", "--config", "plan.json", "--out", "v.csv"], first: "" },
  { name: "plan: month 2026-00", argv: ["plan", "--config", "plan.json", "--out", "out", "--month", "2026-00"], first: "" },
  { name: "plan: unknown calendar", argv: ["plan", "--config", "plan.json", "--out", "out", "--calendar", "julian"], first: "" },
  { name: "plan: --history missing", argv: ["plan", "--config", "plan.json", "--out", "out", "--history", "nope.csv"], first: "" },
  { name: "plan: negative orders target", argv: ["plan", "--config", "plan.json", "--out", "out", "--orders-target", "-1"], first: "" },
  { name: "plan: config names a missing history", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": JSON.stringify({ month: "2026-12", history: "gone.csv", staffing: JSON.parse(example("staffing.json")) }) }, first: "" },
  { name: "plan: config 100% service level", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": JSON.stringify({ month: "2026-12", history: "h.csv", staffing: { channels: { voice: { type: "voice", targetServiceLevel: 1, targetAnswerSeconds: 20 } } } }) }, first: "" },
];
