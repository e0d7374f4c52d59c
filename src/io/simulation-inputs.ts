import { join } from "node:path";
import { z } from "zod";
import { formatLocalTimestamp, parseLocalTimestamp } from "../calendar/local-time.js";
import { WfmError, type Problem } from "../errors.js";
import type { PlanChannelModel, PlanSimulationInput } from "../plan/plan-simulation.js";
import { parseCsv, ProblemList } from "./csv.js";
import { readJsonFile, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";

/**
 * Readers of what `wfm simulate` simulates: a plan folder's `summary.json`, a staffing CSV's agents
 * per interval and channel, and a schedule's agents on the floor per interval.
 *
 * @module
 */

const modelSchema = z.object({
  channel: z.string(),
  type: z.enum(["voice", "chat"]),
  patienceSeconds: z.number().positive().nullable(),
  concurrency: z.number().int().min(1),
  handleTimeFactorPerExtraChat: z.number().min(0),
  targetAnswerSeconds: z.number().min(0),
});
const intervalSchema = z.object({
  timestamp: z.string(),
  channel: z.string(),
  calls: z.number().min(0),
  ahtSeconds: z.number().min(0),
  agents: z.number().min(0),
  modelServiceLevel: z.number().nullable(),
});
const summarySchema = z.object({
  period: z.object({ intervalMinutes: z.number().positive() }),
  simulation: z.object({
    models: z.array(modelSchema),
    staffing: z.object({ intervals: z.array(intervalSchema) }),
    schedule: z.object({ intervals: z.array(intervalSchema) }).nullable(),
  }),
});

/** What `--plan DIR` simulates: the plan's channel models and one basis's intervals. */
export interface PlanSimulationFile {
  readonly file: string;
  readonly intervalMinutes: number;
  readonly models: readonly PlanChannelModel[];
  readonly basis: "staffing" | "schedule";
  readonly inputs: readonly PlanSimulationInput[];
}

/**
 * Reads `summary.json` of a `wfm plan` folder: the channel models and the staffing plan's (or the
 * schedule's) agents on contacts per interval.
 *
 * @throws {WfmError} `file-not-found`, `invalid-file`, or `invalid-config` when the folder's plan
 *   has no simulation section (planned with `--replications 0`) or no schedule for `basis: "schedule"`
 *
 * @example
 * ```ts
 * readPlanSimulation("plan-output").basis; //=> "schedule" (the plan has a schedule)
 * ```
 */
export function readPlanSimulation(dir: string, options: { readonly cwd?: string; readonly basis?: "staffing" | "schedule" } = {}): PlanSimulationFile {
  const file = join(dir, "summary.json");
  const parsed = summarySchema.safeParse(readJsonFile(file, { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), option: "--plan" }));
  if (!parsed.success) {
    throw new WfmError(zodProblems(parsed.error, file).map((p) => ({ ...p, message: `${p.message} (expected the summary.json of wfm plan, planned with simulation)` })));
  }
  const sim = parsed.data.simulation;
  const basis = options.basis ?? (sim.schedule === null ? "staffing" : "schedule");
  if (basis === "schedule" && sim.schedule === null) {
    throw new WfmError({ code: "invalid-option", option: "--basis", message: `the plan in ${dir} has no schedule: use --basis staffing`, value: basis });
  }
  return {
    file,
    intervalMinutes: parsed.data.period.intervalMinutes,
    models: sim.models,
    basis,
    inputs: basis === "schedule" ? sim.schedule!.intervals : sim.staffing.intervals,
  };
}

/** Agents on contacts per interval and channel, from the CSV of `wfm staff --format csv`. */
export interface StaffingAgentsCsv {
  readonly file: string;
  /** `"timestamp|channel"` → required agents. */
  readonly agents: ReadonlyMap<string, number>;
}

/**
 * Reads the agents on contacts (`requiredAgents`, or `agents`) per interval and channel from a
 * staffing CSV (`timestamp,channel,...,requiredAgents,...`; no channel column = `voice`).
 *
 * @throws {WfmError} `invalid-csv` with file:line:column per bad cell
 *
 * @example
 * ```ts
 * readStaffingAgentsCsv("requirements.csv").agents.get("2026-11-01T00:00|voice"); //=> 4
 * ```
 */
export function readStaffingAgentsCsv(path: string, options: { readonly cwd?: string } = {}): StaffingAgentsCsv {
  const text = readTextFile(path, { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), option: "--staffing" });
  const table = parseCsv(text, {
    file: path,
    columns: [
      { name: "timestamp", aliases: ["time", "datetime", "interval", "start"], required: true },
      { name: "channel", aliases: ["media"] },
      { name: "requiredAgents", aliases: ["required"] },
      { name: "agents", aliases: ["staff", "headcount"] },
    ],
  });
  const column = (["requiredAgents", "agents"] as const).find((c) => table.columns.has(c));
  if (column === undefined) {
    throw new WfmError({ code: "invalid-csv", file: path, line: 1, message: `missing the agents column: expected requiredAgents (as wfm staff --format csv writes) or agents; header is ${JSON.stringify(table.header.join(","))}` });
  }
  const problems = new ProblemList();
  const ts = table.columns.get("timestamp")!;
  const ch = table.columns.get("channel");
  const ag = table.columns.get(column)!;
  const agents = new Map<string, number>();
  for (const record of table.records) {
    const stamp = parseLocalTimestamp(record.cells[ts]!);
    if (stamp === null) {
      problems.add({ code: "invalid-csv", file: path, line: record.line, column: ts + 1, message: `timestamp must be YYYY-MM-DDTHH:MM, got ${JSON.stringify(record.cells[ts])}` });
      continue;
    }
    const value = Number(record.cells[ag]);
    if (record.cells[ag] === "" || !Number.isInteger(value) || value < 0) {
      problems.add({ code: "invalid-csv", file: path, line: record.line, column: ag + 1, message: `${column} must be a whole number >= 0, got ${JSON.stringify(record.cells[ag])}` });
      continue;
    }
    const channel = ch === undefined ? "voice" : record.cells[ch]!;
    agents.set(`${formatLocalTimestamp(stamp.localMs)}|${channel}`, value);
  }
  problems.throwIfAny();
  return { file: path, agents };
}

const scheduleSchema = z.object({
  shifts: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      agents: z.number().int().min(0),
      breaks: z.array(z.object({ start: z.string(), end: z.string(), agents: z.number().int().min(0) })),
    }),
  ),
});

/** Agents on the floor per interval from a schedule. */
export interface ScheduleFloor {
  readonly file: string;
  /** First shift start and last shift end, wall-clock ms. */
  readonly fromLocalMs: number;
  readonly toLocalMs: number;
  /** Mean agents on the floor over [startLocalMs, startLocalMs + intervalMs), breaks out, rounded down. */
  floorAt(startLocalMs: number, intervalMs: number): number;
}

/**
 * Reads the shifts of `wfm schedule --format json` (start, end, agents, breaks).
 *
 * @throws {WfmError} `invalid-config` when the file is not a schedule result
 *
 * @example
 * ```ts
 * readScheduleFloor("schedule.json").floorAt(Date.UTC(2026, 10, 2, 8), 3_600_000); //=> agents on the floor 08:00-09:00
 * ```
 */
export function readScheduleFloor(path: string, options: { readonly cwd?: string } = {}): ScheduleFloor {
  const parsed = scheduleSchema.safeParse(readJsonFile(path, { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), option: "--schedule" }));
  if (!parsed.success) {
    throw new WfmError(zodProblems(parsed.error, path).map((p) => ({ ...p, message: `${p.message} (expected the JSON of wfm schedule --format json)` })));
  }
  const problems: Problem[] = [];
  const ms = (text: string, where: (string | number)[]) => {
    const t = parseLocalTimestamp(text);
    if (t === null) problems.push({ code: "invalid-config", file: path, path: where, message: `expected a timestamp YYYY-MM-DDTHH:MM, got ${JSON.stringify(text)}`, value: text });
    return t?.localMs ?? 0;
  };
  const spans: { from: number; to: number; agents: number }[] = [];
  parsed.data.shifts.forEach((s, i) => {
    spans.push({ from: ms(s.start, ["shifts", i, "start"]), to: ms(s.end, ["shifts", i, "end"]), agents: s.agents });
    s.breaks.forEach((b, j) => spans.push({ from: ms(b.start, ["shifts", i, "breaks", j, "start"]), to: ms(b.end, ["shifts", i, "breaks", j, "end"]), agents: -b.agents }));
  });
  if (problems.length > 0) throw new WfmError(problems);
  const shifts = spans.filter((s) => s.agents > 0);
  return {
    file: path,
    fromLocalMs: shifts.length === 0 ? 0 : Math.min(...shifts.map((s) => s.from)),
    toLocalMs: shifts.length === 0 ? 0 : Math.max(...shifts.map((s) => s.to)),
    floorAt(startLocalMs, intervalMs) {
      const end = startLocalMs + intervalMs;
      let agentMs = 0;
      for (const s of spans) {
        const overlap = Math.min(end, s.to) - Math.max(startLocalMs, s.from);
        if (overlap > 0) agentMs += s.agents * overlap;
      }
      return Math.max(0, Math.floor(agentMs / intervalMs + 1e-9));
    },
  };
}
