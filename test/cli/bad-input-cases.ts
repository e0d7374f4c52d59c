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
  "plan.json": JSON.stringify({ month: "2026-12", history: "h.csv", staffing: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, ahtSeconds: 180 } } }, shifts: "shifts.json" }),
};

const erlang = ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20"];
const staff = ["staff", "v.csv", "--config", "staffing.json"];
const schedule = ["schedule", "r.csv", "--shifts", "shifts.json", "--time-limit", "5"];
const forecast = ["forecast", "h.csv", "--month", "2026-12"];
const cost = ["cost", "--config", "cost.json", "--staffed-hours", "1600", "--peak-agents", "12"];
const kpi = ["kpi", "kpi.csv"];
const csv = (header: string, ...rows: string[]) => [header, ...rows, ""].join("\n");
const h = (day: number, hour: number) => stamp(Date.UTC(2026, 11, day, hour));
/** Hourly volume rows of 2026-12-07 from `from` to `to` o'clock (10 calls, AHT 180 s). */
const volumeRows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${h(7, from + i)},10,180`);
/** Hourly requirement rows of 2026-12-07 from `from` to `to` o'clock (3 agents). */
const requirementRows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${h(7, from + i)},3`);

/** A first line naming a path inside the case's temporary folder: `before`, the folder's absolute path, then `after` (the path inside it and the rest). */
function inTemp(before: string, after: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`^${escape(before)}/\\S*?/wfm-bad-input-[^/]+/${escape(after)}$`);
}

export const badInputCases: readonly BadInputCase[] = [
  // --- the command line: commands, flags, numbers -------------------------------------------
  { name: "unknown command", argv: ["erlnag"], first: "wfm: unknown command 'erlnag'" },
  { name: "unknown flag", argv: [...erlang, "--colour"], first: "wfm erlang: unknown option '--colour'" },
  { name: "erlang: calls not a number", argv: ["erlang", "--calls", "abc", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"abc\"" },
  { name: "erlang: negative calls", argv: ["erlang", "--calls", "-5", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"-5\"" },
  { name: "erlang: calls 1e308", argv: ["erlang", "--calls", "1e308", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: callsPerInterval must be small enough for a finite traffic, got 1e+308" },
  { name: "erlang: calls Infinity", argv: ["erlang", "--calls", "Infinity", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"Infinity\"" },
  { name: "erlang: call-back share above 100%", argv: [...erlang, "--callback-threshold", "60", "--callback-share", "140"], first: '--callback-share: expected a percentage from 0 to 100 such as 85 or 85%, got "140"' },
  { name: "erlang: negative call-back deadline", argv: [...erlang, "--callback-threshold", "60", "--callback-share", "40", "--callback-deadline", "-5"], first: '--callback-deadline: expected a number greater than 0, got "-5"' },
  { name: "erlang: call-back threshold with no share", argv: [...erlang, "--callback-threshold", "60"], first: "--callback-share: required with --callback-threshold: the percentage of offered callers who take the call-back, e.g. 40" },
  { name: "erlang: call-back with calls 1e308", argv: ["erlang", "--calls", "1e308", "--interval", "30", "--aht", "180", "--target", "80/20", "--callback-threshold", "60", "--callback-share", "40"], first: "--calls: callsPerInterval must be small enough for a finite traffic, got 1e+308" },
  { name: "erlang: calls empty", argv: ["erlang", "--calls", "", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"\"" },
  { name: "erlang: calls in hex", argv: ["erlang", "--calls", "0x64", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"0x64\"" },
  { name: "erlang: AHT 0 with calls", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "0", "--target", "80/20"], first: "--aht: expected a number greater than 0, got \"0\"" },
  { name: "erlang: interval 0", argv: ["erlang", "--calls", "100", "--interval", "0", "--aht", "180", "--target", "80/20"], first: "--interval: expected a number greater than 0, got \"0\"" },
  { name: "erlang: no AHT", argv: ["erlang", "--calls", "100", "--interval", "30", "--target", "80/20"], first: "--aht: required: average handle time in seconds, e.g. 180" },
  { name: "erlang: target without seconds", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80"], first: "--target: expected PERCENT/SECONDS such as 80/20, got \"80\"" },
  { name: "erlang: target above 100%", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "101/20"], first: "--target: expected PERCENT/SECONDS such as 80/20, got \"101/20\"" },
  { name: "erlang: negative answer time", argv: ["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/-1"], first: "--target: expected PERCENT/SECONDS such as 80/20, got \"80/-1\"" },
  { name: "erlang: occupancy cap above 100%", argv: [...erlang, "--max-occupancy", "150"], first: "--max-occupancy: expected a percentage from 0 to 100 such as 85 or 85%, got \"150\"" },
  { name: "erlang: occupancy cap not a number", argv: [...erlang, "--max-occupancy", "high"], first: "--max-occupancy: expected a percentage from 0 to 100 such as 85 or 85%, got \"high\"" },
  { name: "erlang: unknown model", argv: [...erlang, "--model", "erlang-q"], first: "--model: expected one of erlang-b, erlang-c, erlang-a, erlang-x, got \"erlang-q\"" },
  { name: "erlang: fractional agents", argv: [...erlang, "--agents", "1.5"], first: "--agents: expected a whole number of at least 0, got \"1.5\"" },
  { name: "erlang: negative agents", argv: [...erlang, "--agents", "-1"], first: "--agents: expected a whole number of at least 0, got \"-1\"" },
  { name: "erlang: patience 0", argv: [...erlang, "--patience", "0"], first: "--patience: expected a number greater than 0, got \"0\"" },
  { name: "erlang: traffic and calls", argv: [...erlang, "--traffic", "10"], first: "--calls: give either --traffic or --calls with --interval, not both" },
  { name: "erlang: blocking cap with Erlang C", argv: [...erlang, "--max-blocking", "1"], first: "--max-blocking: only applies to --model erlang-b" },
  { name: "erlang: abandonment cap without patience", argv: [...erlang, "--max-abandon", "5"], first: "--max-abandon: only applies to Erlang A: add --patience SECONDS" },
  { name: "erlang: shrinkage 100%", argv: [...erlang, "--shrinkage", "100"], first: "--shrinkage: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got \"100\"" },
  { name: "erlang: unknown format", argv: [...erlang, "--format", "xml"], first: "--format: expected one of table, json, got \"xml\"" },
  { name: "erlang: negative ASA", argv: [...erlang, "--max-asa", "-3"], first: "--max-asa: expected a number of at least 0, got \"-3\"" },
  { name: "schema: unknown name", argv: ["schema", "rota"], first: "wfm schema: unknown config \"rota\"; expected one of calibration, cost, plan, roster, scenarios, shifts, staffing, teams" },

  // --- wfm staff -----------------------------------------------------------------------------
  { name: "staff: volumes missing", argv: ["staff", "missing.csv", "--config", "staffing.json"], first: "file not found: missing.csv" },
  { name: "staff: volumes is a folder", argv: ["staff", "dir", "--config", "staffing.json"], files: { "dir/": "" }, first: "dir is not a file" },
  { name: "staff: config missing", argv: ["staff", "v.csv", "--config", "nope.json"], first: "--config: file not found: nope.json" },
  { name: "staff: config not JSON", argv: staff, files: { "staffing.json": "{ channels: " }, first: "staffing.json:1:3: not valid JSON: Expected property name or '}'" },
  { name: "staff: config empty", argv: staff, files: { "staffing.json": "" }, first: "staffing.json: not valid JSON: Unexpected end of JSON input" },
  { name: "staff: config field of the wrong type", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: "80%" } } }) }, first: "staffing.json: channels.voice.targetServiceLevel: Invalid input: expected number, received string" },
  { name: "staff: config unknown key", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8 } }, colour: "red" }) }, first: "staffing.json: Unrecognized key: \"colour\"" },
  { name: "staff: config 100% service level", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 1, targetAnswerSeconds: 20 } } }) }, first: "staffing.json: channels.voice.targetServiceLevel: voice 2026-12-07T00:00: a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive" },
  { name: "staff: config service level 80 (percent, not a fraction)", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 80, targetAnswerSeconds: 20 } } }) }, first: "staffing.json: channels.voice.targetServiceLevel: 80 would read as 8000% (this field is a fraction); write 0.8 for 80%" },
  { name: "staff: config negative patience", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, patienceSeconds: -1 } } }) }, first: "staffing.json: channels.voice.patienceSeconds: Too small: expected number to be >0" },
  { name: "staff: calls not a number", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},ten,180`) }, first: "v.csv:3:2: calls must be a non-negative number, got \"ten\"" },
  { name: "staff: negative calls", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},-4,180`) }, first: "v.csv:3:2: calls must be a non-negative number, got \"-4\"" },
  { name: "staff: calls 1e308", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},1e308,180`, `${h(7, 9)},10,180`) }, first: "v.csv:2: voice 2026-12-07T08:00: callsPerInterval must be small enough for a finite traffic, got 1e+308" },
  { name: "staff: AHT 0 with calls", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,0`, `${h(7, 9)},10,180`) }, first: "v.csv:2: ahtSeconds must be a positive finite number, got 0" },
  { name: "staff: a 300,000-character cell is quoted only in part", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},${"9".repeat(300_000)}x,180`, `${h(7, 9)},10,180`) }, first: "v.csv:2:2: calls must be a non-negative number, got \"999999999999999999999999999999999999999999999999999999999999...\" (300001 characters)" },
  { name: "staff: timestamp not a date", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, "tomorrow,10,180") }, first: "v.csv:3:1: timestamp \"tomorrow\" is not a date-time; expected e.g. 2026-12-01T08:00 or 2026-12-01 08:00 (other forms: --date-format)" },
  { name: "staff: duplicate interval", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},10,180`, `${h(7, 9)},10,180`) }, first: "v.csv:4:1: duplicate interval 2026-12-07T09:00: line 3 has it too" },
  { name: "staff: rows out of order", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", ...volumeRows(0, 7), `${h(7, 9)},10,180`, `${h(7, 8)},10,180`, ...volumeRows(10, 12)) }, first: "v.csv:10:1: gap in the series: interval 2026-12-07T08:00 is missing before this row; opening hours inferred from the file: Mon 00:00-13:00, Tue-Sun closed (if the centre was closed then, set openingHours in the staffing config)" },
  { name: "staff: gap", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", `${h(7, 8)},10,180`, `${h(7, 9)},10,180`, `${h(7, 12)},10,180`) }, first: "v.csv:4:1: gap in the series: 2 intervals from 2026-12-07T10:00 are missing before this row; opening hours inferred from the file: Mon 08:00-13:00, Tue-Sun closed (if the centre was closed then, set openingHours in the staffing config)" },
  { name: "staff: off-grid row", argv: staff, files: { "v.csv": csv("timestamp,calls,ahtSeconds", ...volumeRows(0, 9), "2026-12-07T09:17,10,180", ...volumeRows(10, 12)) }, first: "v.csv:12:1: timestamp 2026-12-07T09:17 does not start a 60-minute interval (wrong interval length?)" },
  { name: "staff: header only", argv: staff, files: { "v.csv": "timestamp,calls,ahtSeconds\n" }, first: "v.csv:2: no data rows after the header" },
  { name: "staff: empty file", argv: staff, files: { "v.csv": "" }, first: "v.csv:1: the file is empty; expected a header row" },
  { name: "staff: no calls column", argv: staff, files: { "v.csv": csv("timestamp,ahtSeconds", `${h(7, 8)},180`) }, first: "v.csv:1: missing required column calls (accepted headers: \"calls\", \"volume\", \"contacts\", \"offered\", \"count\", \"arrivals\"); header is \"timestamp,ahtSeconds\"" },
  { name: "staff: unknown channel", argv: staff, files: { "v.csv": csv("timestamp,channel,calls,ahtSeconds", `${h(7, 8)},fax,10,180`, `${h(7, 9)},fax,10,180`) }, first: "--target: channel \"fax\" has no service-level target: pass --target 80/20 or set channels.fax.targetServiceLevel and targetAnswerSeconds in staffing.json" },
  { name: "staff: --out is the volumes file", argv: [...staff, "--out", "v.csv"], first: inTemp("--out: refusing to overwrite the input file ", "v.csv; choose another output path") },
  { name: "staff: --out is the config", argv: [...staff, "--out", "./staffing.json"], first: inTemp("--out: refusing to overwrite the input file ", "staffing.json; choose another output path") },
  { name: "staff: --out in a missing folder", argv: [...staff, "--out", "no/such/folder/out.csv"], first: inTemp("--out: folder ", "no/such/folder does not exist") },
  { name: "staff: --out is a folder", argv: [...staff, "--out", "dir"], files: { "dir/": "" }, first: inTemp("--out: ", "dir is a folder, not a file") },
  { name: "staff: bad --target", argv: [...staff, "--target", "80-20"], first: "--target: expected PERCENT/SECONDS such as 80/20, got \"80-20\"" },
  { name: "staff: --shrinkage 100", argv: [...staff, "--shrinkage", "100"], first: "--shrinkage: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got \"100\"" },
  { name: "staff: --aht 0", argv: [...staff, "--aht", "0"], first: "--aht: expected a number greater than 0, got \"0\"" },
  { name: "staff: --interval 7", argv: [...staff, "--interval", "7"], first: "v.csv:3:1: timestamp 2026-12-07T01:00 does not start a 7-minute interval (wrong interval length?)" },
  { name: "staff: --max-occupancy 0", argv: [...staff, "--max-occupancy", "0"], first: "--max-occupancy: expected a percentage above 0, got \"0\"" },
  { name: "staff: --hours-per-fte -1", argv: [...staff, "--hours-per-fte", "-1"], first: "--hours-per-fte: expected a number greater than 0, got \"-1\"" },
  { name: "staff: unknown format", argv: [...staff, "--format", "xlsx"], first: "--format: expected one of table, csv, json, md, got \"xlsx\"" },

  // --- wfm schedule --------------------------------------------------------------------------
  { name: "schedule: no requirements", argv: ["schedule", "--shifts", "shifts.json"], first: "wfm schedule: missing the requirements CSV (or pass --dbai FILE)" },
  { name: "schedule: no --shifts", argv: ["schedule", "r.csv"], first: "--shifts: required: the shift config JSON (templates, breaks, penalties); see wfm schema shifts" },
  { name: "schedule: requirements missing", argv: ["schedule", "nope.csv", "--shifts", "shifts.json"], first: "requirements: file not found: nope.csv" },
  { name: "schedule: shifts missing", argv: ["schedule", "r.csv", "--shifts", "nope.json"], first: "--shifts: file not found: nope.json" },
  { name: "schedule: shifts not JSON", argv: schedule, files: { "shifts.json": "[" }, first: "shifts.json: not valid JSON: Unexpected end of JSON input" },
  { name: "schedule: template longer than 24 hours", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "long", earliestStart: "00:00", lengthMinutes: 1500 }] }) }, first: "shifts.json: templates[0].lengthMinutes: a shift lasts at most 24 hours (1440 minutes)" },
  { name: "schedule: template of 0 minutes", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "none", earliestStart: "00:00", lengthMinutes: 0 }] }) }, first: "shifts.json: templates[0].lengthMinutes: Too small: expected number to be >=1" },
  { name: "schedule: start time 24:00", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [{ name: "day", earliestStart: "24:00", lengthMinutes: 480 }] }) }, first: "shifts.json: templates[0].earliestStart: expected a time of day \"HH:MM\" such as \"06:30\"" },
  { name: "schedule: no templates", argv: schedule, files: { "shifts.json": JSON.stringify({ templates: [] }) }, first: "shifts.json: templates: Too small: expected array to have >=1 items" },
  { name: "schedule: --out and --coverage name one file", argv: [...schedule, "--out", "s.csv", "--coverage", "./s.csv"], first: inTemp("--coverage: ", "s.csv is also the --out file; give each output its own path") },
  { name: "schedule: --out and --coverage name one existing file", argv: [...schedule, "--out", "s.csv", "--coverage", "s.csv"], files: { "s.csv": "keep me\n" }, first: inTemp("--coverage: ", "s.csv is also the --out file; give each output its own path") },
  { name: "schedule: --out is the requirements", argv: [...schedule, "--out", "r.csv"], first: inTemp("--out: refusing to overwrite the input file ", "r.csv; choose another output path") },
  { name: "schedule: --coverage is the shift config", argv: [...schedule, "--coverage", "shifts.json"], first: inTemp("--coverage: refusing to overwrite the input file ", "shifts.json; choose another output path") },
  { name: "schedule: --coverage in a missing folder (and --out fine)", argv: [...schedule, "--out", "s.csv", "--coverage", "none/c.csv"], first: inTemp("--coverage: folder ", "none does not exist") },
  { name: "schedule: --out is a folder (and --coverage fine)", argv: [...schedule, "--coverage", "c.csv", "--out", "dir"], files: { "dir/": "" }, first: inTemp("--out: ", "dir is a folder, not a file") },
  { name: "schedule: stray off-grid row in hourly requirements", argv: schedule, files: { "r.csv": csv("timestamp,agents", ...requirementRows(0, 8), "2026-12-07T08:01,3", ...requirementRows(9, 12)) }, first: "r.csv:11:1: timestamp 2026-12-07T08:01 does not start a 60-minute interval (wrong interval length?)" },
  { name: "schedule: missing hour in requirements", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},3`, `${h(7, 11)},3`) }, first: "r.csv:4:1: gap in the series: interval 2026-12-07T10:00 is missing before this row (closed intervals are rows with 0 agents)" },
  { name: "schedule: duplicate requirement row", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},3`, `${h(7, 9)},4`) }, first: "r.csv:4:1: duplicate interval 2026-12-07T09:00: line 3 has it too" },
  { name: "schedule: requirement rows out of order", argv: schedule, files: { "r.csv": csv("timestamp,agents", ...requirementRows(0, 8), `${h(7, 10)},3`, `${h(7, 9)},4`, ...requirementRows(11, 12)) }, first: "r.csv:11:1: gap in the series: interval 2026-12-07T09:00 is missing before this row (closed intervals are rows with 0 agents)" },
  { name: "schedule: agents not a number", argv: schedule, files: { "r.csv": csv("timestamp,agents", `${h(7, 8)},3`, `${h(7, 9)},many`) }, first: "r.csv:3:2: agents must be a non-negative number, got \"many\"" },
  { name: "schedule: no agents column", argv: schedule, files: { "r.csv": csv("timestamp,calls", `${h(7, 8)},3`) }, first: "r.csv:1: missing the agents column: expected scheduledAgents, requiredAgents or agents; header is \"timestamp,calls\"" },
  { name: "schedule: --time-limit 0", argv: ["schedule", "r.csv", "--shifts", "shifts.json", "--time-limit", "0"], first: "--time-limit: expected a number greater than 0, got \"0\"" },
  { name: "schedule: --gap 100", argv: [...schedule, "--gap", "100"], first: "--gap: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got \"100\"" },
  { name: "schedule: unknown format", argv: [...schedule, "--format", "pdf"], first: "--format: expected one of table, csv, json, md, got \"pdf\"" },
  { name: "schedule: --dbai missing", argv: ["schedule", "--dbai", "nope.txt"], first: "--dbai: file not found: nope.txt" },
  { name: "schedule: --dbai is a folder", argv: ["schedule", "--dbai", "dir"], files: { "dir/": "" }, first: "--dbai: dir is not a file" },
  { name: "schedule: --dbai with a requirements file", argv: ["schedule", "r.csv", "--dbai", "x.txt"], files: { "x.txt": "" }, first: "--dbai: solves a benchmark file on its own; drop the requirements file and --shifts" },
  { name: "schedule: --dbai not an instance", argv: ["schedule", "--dbai", "x.txt"], files: { "x.txt": "hello\n" }, first: "x.txt: missing section MinuteInterval" },

  // --- wfm forecast --------------------------------------------------------------------------
  { name: "forecast: history missing", argv: ["forecast", "nope.csv", "--month", "2026-12"], first: "file not found: nope.csv" },
  { name: "forecast: no month", argv: ["forecast", "h.csv"], first: "--month: say what to forecast: --month YYYY-MM, or --start YYYY-MM-DD [--days N]" },
  { name: "forecast: month 13", argv: ["forecast", "h.csv", "--month", "2026-13"], first: "--month: expected YYYY-MM such as 2026-12 (or 1404-09 with --calendar persian), got \"2026-13\"" },
  { name: "forecast: month not a month", argv: ["forecast", "h.csv", "--month", "December"], first: "--month: expected YYYY-MM such as 2026-12 (or 1404-09 with --calendar persian), got \"December\"" },
  { name: "forecast: unknown calendar", argv: [...forecast, "--calendar", "mayan"], first: "--calendar: expected one of gregorian, persian, got \"mayan\"" },
  { name: "forecast: --start with --month", argv: [...forecast, "--start", "2026-12-01"], first: "--month: give either --month or --start with --days, not both" },
  { name: "forecast: --days 0", argv: ["forecast", "h.csv", "--start", "2026-12-01", "--days", "0"], first: "--days: expected a whole number from 1 to 366, got \"0\"" },
  { name: "forecast: unknown method", argv: [...forecast, "--method", "magic"], first: "--method: expected one of auto, seasonal-naive, seasonal-average, holt-winters, top-down, driver, combined, got \"magic\"" },
  { name: "forecast: quantile 0.3", argv: [...forecast, "--quantile", "0.3"], first: "--quantile: expected a probability above 0.5 and below 1 such as 0.8, got \"0.3\"" },
  { name: "forecast: quantile 1", argv: [...forecast, "--quantile", "1"], first: "--quantile: expected a probability above 0.5 and below 1 such as 0.8, got \"1\"" },
  { name: "forecast: holidays missing", argv: [...forecast, "--holidays", "nope.csv"], first: "--holidays: file not found: nope.csv" },
  { name: "forecast: orders missing", argv: [...forecast, "--method", "driver", "--orders", "nope.csv", "--orders-target", "1000"], first: "--orders: file not found: nope.csv" },
  { name: "forecast: --out is the history", argv: [...forecast, "--out", "h.csv"], first: inTemp("--out: refusing to overwrite the input file ", "h.csv; choose another output path") },
  { name: "forecast: --out in a missing folder", argv: [...forecast, "--out", "none/f.csv"], first: inTemp("--out: folder ", "none does not exist") },
  { name: "forecast: history after the month", argv: ["forecast", "h.csv", "--month", "2026-10"], first: "--month: gregorian month 2026-10 starts on 2026-10-01, but the history h.csv starts on 2026-11-10: nothing to learn from" },
  { name: "forecast: history of 3 days", argv: forecast, files: { "h.csv": ["timestamp,calls", ...hourly(Date.UTC(2026, 10, 28), 72, () => "5"), ""].join("\n") }, first: "h.csv: at least 7 days of history before 2026-12-01 are needed (one of each weekday), found 3" },
  { name: "forecast: bad calls cell", argv: forecast, files: { "h.csv": csv("timestamp,calls", `${h(1, 8)},5`, `${h(1, 9)},lots`) }, first: "h.csv:3:2: calls must be a non-negative number, got \"lots\"" },
  { name: "forecast: unknown week start", argv: [...forecast, "--format", "table", "--week-start", "funday"], first: "--week-start: expected a day name such as saturday or a number 0-6 (0 = Sunday), got \"funday\"" },
  { name: "forecast: unknown format", argv: [...forecast, "--format", "parquet"], first: "--format: expected one of csv, json, table, got \"parquet\"" },

  // --- wfm cost ------------------------------------------------------------------------------
  { name: "cost: config missing", argv: ["cost", "--config", "nope.json", "--staffed-hours", "1600"], first: "--config: file not found: nope.json" },
  { name: "cost: config not JSON", argv: cost, files: { "cost.json": "currency: USD" }, first: "cost.json: not valid JSON: Unexpected token 'c', \"currency: USD\" is not valid JSON" },
  { name: "cost: config wage not decimal text", argv: cost, files: { "cost.json": example("cost.json").replace('"monthlyWage": "2400"', '"monthlyWage": "lots"') }, first: "cost.json: sites[0].monthlyWage: expected a decimal amount such as \"12.35\"" },
  { name: "cost: no inputs", argv: ["cost", "--config", "cost.json"], first: "--staffed-hours: give the inputs: --volumes with --staffing (projected), or --kpi report.csv or --staffed-hours HOURS (actual)" },
  { name: "cost: negative staffed hours", argv: ["cost", "--config", "cost.json", "--staffed-hours", "-1"], first: "--staffed-hours: expected a number of at least 0, got \"-1\"" },
  { name: "cost: staffed hours not a number", argv: ["cost", "--config", "cost.json", "--staffed-hours", "many"], first: "--staffed-hours: expected a number of at least 0, got \"many\"" },
  { name: "cost: --volumes without --staffing", argv: ["cost", "--config", "cost.json", "--volumes", "v.csv"], first: "--staffing: --volumes needs --staffing staffing.json (the staffing config: targets, AHT, shrinkage)" },
  { name: "cost: --kpi missing", argv: ["cost", "--config", "cost.json", "--kpi", "nope.csv"], first: "--kpi: file not found: nope.csv" },
  { name: "cost: bad --contacts list", argv: [...cost, "--contacts", "voice"], first: "--contacts: expected CHANNEL=NUMBER pairs such as voice=52000,chat=18000, got \"voice\"" },
  { name: "cost: negative orders", argv: [...cost, "--orders", "-5"], first: "--orders: expected a number of at least 0, got \"-5\"" },
  { name: "cost: --out is the config", argv: [...cost, "--out", "cost.json"], first: inTemp("--out: refusing to overwrite the input file ", "cost.json; choose another output path") },
  { name: "cost: --schedule missing", argv: ["cost", "--config", "cost.json", "--volumes", "v.csv", "--staffing", "staffing.json", "--schedule", "nope.json"], first: "--schedule: file not found: nope.json" },
  { name: "cost: unknown format", argv: [...cost, "--format", "docx"], first: "--format: expected one of table, csv, json, md, got \"docx\"" },

  // --- wfm kpi -------------------------------------------------------------------------------
  { name: "kpi: report missing", argv: ["kpi", "nope.csv"], first: "<report>: file not found: nope.csv" },
  { name: "kpi: month not a month", argv: [...kpi, "--month", "11/2026"], first: "--month: expected a month such as 2026-10, got \"11/2026\"" },
  { name: "kpi: unknown period", argv: [...kpi, "--by", "year"], first: "--by: expected one of month, day, hour, got \"year\"" },
  { name: "kpi: negative target seconds", argv: [...kpi, "--target-seconds", "-1"], first: "--target-seconds: expected a number of at least 0, got \"-1\"" },
  { name: "kpi: --out is the report", argv: [...kpi, "--out", "kpi.csv"], first: inTemp("--out: refusing to overwrite the input file ", "kpi.csv; choose another output path") },
  { name: "kpi: tickets missing", argv: [...kpi, "--tickets", "nope.csv"], first: "--tickets: file not found: nope.csv" },
  { name: "kpi: answered above offered", argv: kpi, files: { "kpi.csv": csv("timestamp,channel,offered,answered", `${h(7, 8)},voice,10,12`) }, first: "kpi.csv:2:4: answered 12 is more than offered 10" },
  { name: "kpi: bad offered cell", argv: kpi, files: { "kpi.csv": csv("timestamp,channel,offered,answered", `${h(7, 8)},voice,x,2`) }, first: "kpi.csv:2:3: offered must be a non-negative number, got \"x\"" },

  // --- wfm plan ------------------------------------------------------------------------------
  { name: "plan: config missing", argv: ["plan", "--config", "nope.json", "--out", "out"], first: "--config: file not found: nope.json" },
  { name: "plan: config not JSON", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": "{" }, first: "plan.json:1:2: not valid JSON: Expected property name or '}'" },
  { name: "plan: output folder exists and is not empty", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "out/keep.txt": "mine\n" }, first: "--out: out already exists; pass --force to replace it" },
  { name: "plan: output is a file", argv: ["plan", "--config", "plan.json", "--out", "v.csv"], first: "--out: v.csv exists and is not a folder" },
  { name: "plan: month 2026-00", argv: ["plan", "--config", "plan.json", "--out", "out", "--month", "2026-00"], first: "plan.json: month: month must be YYYY-MM with a month from 01 to 12, got \"2026-00\"" },
  { name: "plan: unknown calendar", argv: ["plan", "--config", "plan.json", "--out", "out", "--calendar", "julian"], first: "--calendar: expected one of gregorian, persian, got \"julian\"" },
  { name: "plan: --history missing", argv: ["plan", "--config", "plan.json", "--out", "out", "--history", "nope.csv"], first: "file not found: nope.csv" },
  { name: "plan: negative orders target", argv: ["plan", "--config", "plan.json", "--out", "out", "--orders-target", "-1"], first: "--orders-target: expected a number greater than 0, got \"-1\"" },
  { name: "plan: config names a missing history", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": JSON.stringify({ month: "2026-12", history: "gone.csv", staffing: JSON.parse(example("staffing.json")) }) }, first: "file not found: gone.csv" },
  { name: "plan: config 100% service level", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "plan.json": JSON.stringify({ month: "2026-12", history: "h.csv", staffing: { channels: { voice: { type: "voice", targetServiceLevel: 1, targetAnswerSeconds: 20, ahtSeconds: 180 } } } }) }, first: "plan.json: staffing.channels.voice.targetServiceLevel: voice 2026-12-01T00:00: a service level of 100% is never reached: some calls always wait longer than the target time while traffic is positive" },
  { name: "plan: shifts config with a 25-hour template", argv: ["plan", "--config", "plan.json", "--out", "out"], files: { "shifts.json": JSON.stringify({ templates: [{ name: "long", earliestStart: "00:00", lengthMinutes: 1500 }] }) }, first: "shifts.json: templates[0].lengthMinutes: a shift lasts at most 24 hours (1440 minutes)" },
  { name: "plan: history years before the month", argv: ["plan", "--config", "plan.json", "--out", "out", "--month", "2029-12"], first: "--month: the history of the plan ends on 2026-11-30, 1096 days (about 3.0 years) before the forecast starts on 2029-12-01 (more than 31 days): check the dates and --calendar, or pass --force-history to forecast from it anyway" },
  { name: "forecast: history years before the month", argv: ["forecast", "h.csv", "--month", "2029-12", "--out", "f.csv"], first: "--month: the history h.csv ends on 2026-11-30, 1096 days (about 3.0 years) before the forecast starts on 2029-12-01 (more than 31 days): check the dates and --calendar, or pass --force-history to forecast from it anyway" },
  { name: "staff: config with a 0% occupancy cap", argv: staff, files: { "staffing.json": JSON.stringify({ channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20, maxOccupancy: 0 } } }) }, first: "staffing.json: channels.voice.maxOccupancy: Too small: expected number to be >0" },
  { name: "erlang: calls in binary", argv: ["erlang", "--calls", "0b11", "--interval", "30", "--aht", "180", "--target", "80/20"], first: "--calls: expected a number of at least 0, got \"0b11\"" },
  { name: "erlang: shrinkage in hex", argv: [...erlang, "--shrinkage", "0x1e"], first: "--shrinkage: expected a percentage from 0 up to (not including) 100 such as 85 or 85%, got \"0x1e\"" },
  { name: "cost: contacts in hex", argv: [...cost, "--contacts", "voice=0x10"], first: "--contacts: expected CHANNEL=NUMBER pairs such as voice=52000,chat=18000, got \"voice=0x10\"" },
];
