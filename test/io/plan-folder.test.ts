import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAgentScheduleCsv, parseAgentStatesCsv } from "../../src/io/agent-states-csv.js";
import { parsePlanSummary } from "../../src/io/plan-folder.js";

const summaryPath = resolve(import.meta.dirname, "../../examples/review/plan-2026-11/summary.json");

describe("parsePlanSummary", () => {
  const text = readFileSync(summaryPath, "utf8");

  it("reads the example plan: every staffing interval with its forecast band, the models and the schedule", () => {
    const plan = parsePlanSummary(text, "summary.json");
    const raw = JSON.parse(text);
    expect(plan.label).toBe("2026-11");
    expect(plan.intervals.length).toBe(raw.staffing.intervals.length);
    expect(plan.models.map((m) => m.model)).toEqual(["erlang-a", "chat"]);
    const first = raw.forecast.intervals.find((f: { channel: string }) => f.channel === plan.intervals[0]!.channel);
    expect(plan.intervals[0]).toMatchObject({ forecastCalls: first.calls, lowerCalls: first.lower, upperCalls: first.upper, open: true });
    // the schedule runs on the 30-minute grid its meal breaks need
    expect(plan.schedule!.slotMinutes).toBe(30);
    expect(plan.cost!.currency).toBe("USD");
  });

  it("refuses a summary written before the plan recorded its queue models, with the fix", () => {
    const raw = JSON.parse(text);
    delete raw.staffing.models;
    expect(() => parsePlanSummary(JSON.stringify(raw), "old/summary.json")).toThrow(
      "old/summary.json: staffing.models: this plan was written by an older wfm plan without the channels' queue models; re-run wfm plan for the month",
    );
  });

  it("names the field of a summary that is not a plan", () => {
    expect(() => parsePlanSummary('{"period": {}}', "x.json")).toThrow(/^x\.json: period\.label: /);
  });
});

describe("agent state and schedule CSVs", () => {
  it("reads states with an optional team, and schedules", () => {
    const states = parseAgentStatesCsv("Agent,Start,End,State,Team\na1,2026-11-02T08:00,2026-11-02T08:30,On-Contact,day\n", { file: "s.csv" });
    expect(states).toEqual([{ agent: "a1", team: "day", startLocalMs: Date.UTC(2026, 10, 2, 8), endLocalMs: Date.UTC(2026, 10, 2, 8, 30), state: "On-Contact" }]);
    const schedule = parseAgentScheduleCsv("agent,start,end,activity\na1,2026-11-02 08:00,2026-11-02 12:00,work\n", { file: "p.csv" });
    expect(schedule[0]).toMatchObject({ agent: "a1", activity: "work", endLocalMs: Date.UTC(2026, 10, 2, 12) });
  });

  it("reports every bad cell with its line and column", () => {
    expect(() => parseAgentStatesCsv("agent,start,end,state\na1,soon,2026-11-02T08:30,\na2,2026-11-02T09:00,2026-11-02T08:00,break\n", { file: "s.csv" })).toThrow(
      's.csv:2:2: start "soon" is not a date-time such as 2026-12-01T08:00\ns.csv:2:4: state is empty\ns.csv:3:3: end is before start',
    );
  });
});
