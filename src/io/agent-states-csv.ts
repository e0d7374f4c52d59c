import { parseLocalTimestamp } from "../calendar/local-time.js";
import type { AgentScheduleSegment, AgentStateSegment } from "../review/adherence.js";
import { ProblemList, parseCsv, type CsvRecord } from "./csv.js";
import { readTextFile } from "./read-file.js";

function readSegments(text: string, file: string, kind: "state" | "activity"): { agent: string; team?: string; startLocalMs: number; endLocalMs: number; value: string }[] {
  const table = parseCsv(text, {
    file,
    columns: [
      { name: "agent", aliases: ["agentId", "login", "employee", "name"], required: true },
      { name: "start", aliases: ["startTime", "from", "begin"], required: true },
      { name: "end", aliases: ["endTime", "to", "until"], required: true },
      kind === "state" ? { name: "state", aliases: ["status", "reasonCode", "activity"], required: true } : { name: "activity", aliases: ["state", "scheduled", "type"], required: true },
      { name: "team", aliases: ["group", "skillGroup"] },
    ],
  });
  const col = (n: string) => table.columns.get(n);
  const problems = new ProblemList();
  const out: { agent: string; team?: string; startLocalMs: number; endLocalMs: number; value: string }[] = [];
  const time = (record: CsvRecord, index: number, name: string) => {
    const cell = record.cells[index] ?? "";
    const parsed = parseLocalTimestamp(cell);
    if (parsed === null) problems.add({ code: "invalid-csv", file, line: record.line, column: index + 1, message: `${name} ${JSON.stringify(cell)} is not a date-time such as 2026-12-01T08:00`, value: cell });
    return parsed?.localMs ?? null;
  };
  for (const record of table.records) {
    const agent = (record.cells[col("agent")!] ?? "").trim();
    if (agent === "") problems.add({ code: "invalid-csv", file, line: record.line, column: col("agent")! + 1, message: "agent is empty" });
    const start = time(record, col("start")!, "start");
    const end = time(record, col("end")!, "end");
    const value = (record.cells[col(kind)!] ?? "").trim();
    if (value === "") problems.add({ code: "invalid-csv", file, line: record.line, column: col(kind)! + 1, message: `${kind} is empty` });
    if (start === null || end === null || agent === "" || value === "") continue;
    if (end < start) {
      problems.add({ code: "invalid-csv", file, line: record.line, column: col("end")! + 1, message: "end is before start" });
      continue;
    }
    const team = col("team") === undefined ? undefined : (record.cells[col("team")!] ?? "").trim() || undefined;
    out.push({ agent, ...(team === undefined ? {} : { team }), startLocalMs: start, endLocalMs: end, value });
  }
  problems.throwIfAny();
  return out;
}

/**
 * Parses an agent state log: `agent,start,end,state` rows (optional `team`), timestamps local.
 *
 * @throws {WfmError} `invalid-csv`, one problem per bad cell
 *
 * @example
 * ```ts
 * parseAgentStatesCsv("agent,start,end,state\na1,2026-12-01T08:00,2026-12-01T08:30,available\n", { file: "s.csv" })[0].state; //=> "available"
 * ```
 */
export function parseAgentStatesCsv(text: string, options: { readonly file: string }): AgentStateSegment[] {
  return readSegments(text, options.file, "state").map(({ value, ...rest }) => ({ ...rest, state: value }));
}

/**
 * Parses the agents' schedule: `agent,start,end,activity` rows (work, break, meeting, training, off).
 *
 * @throws {WfmError} `invalid-csv`, one problem per bad cell
 */
export function parseAgentScheduleCsv(text: string, options: { readonly file: string }): AgentScheduleSegment[] {
  return readSegments(text, options.file, "activity").map(({ value, team: _team, ...rest }) => ({ ...rest, activity: value }));
}

/** Reads an agent state log named on the command line ({@link parseAgentStatesCsv}). */
export function readAgentStatesCsv(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): AgentStateSegment[] {
  return parseAgentStatesCsv(readTextFile(path, options), { file: path });
}

/** Reads an agent schedule named on the command line ({@link parseAgentScheduleCsv}). */
export function readAgentScheduleCsv(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): AgentScheduleSegment[] {
  return parseAgentScheduleCsv(readTextFile(path, options), { file: path });
}
