import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildRosterProblem, parseAgentsCsv, rosterConfigSchema } from "../../src/io/roster-input.js";
import { rosterCalendars, rosterHtml, shiftType, shiftTypeColours } from "../../src/io/roster-outputs.js";
import { rosterSummary } from "../../src/roster/summary.js";

const config = rosterConfigSchema.parse({
  startDate: "2026-03-28",
  days: 4,
  templates: [
    { name: "Early", start: "07:00", lengthMinutes: 480, breaks: "lunch 11:00-11:30" },
    { name: "Mid", start: "10:00", lengthMinutes: 480 },
    { name: "Late", start: "15:00", lengthMinutes: 480 },
    { name: "Night", start: "22:00", lengthMinutes: 540 },
  ],
});
const agents = parseAgentsCsv("id,name,team\na1,Ana,calls\nb/2,Ben,chat\n", { file: "agents.csv" });
const { problem, startDateMs } = buildRosterProblem({
  config,
  configFile: "roster.json",
  agents,
  requests: [{ agent: "a1", date: "2026-03-31", kind: "leave", weight: 0, line: 2 }],
});
const roster = { a1: ["Early", "Night", "", ""], "b/2": ["Mid", "Late", "Early", "Night"] };

/** Events of one .ics text, parsed with ical.js (an independent parser). */
function events(text: string): { uid: string; start: string; end: string; zone: string; description: string }[] {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toString(), end: e.endDate.toString(), zone: String(v.getFirstProperty("dtstart")!.getParameter("tzid") ?? "floating"), description: e.description };
  });
}

describe("rosterCalendars", () => {
  it("writes one file per agent, each shift once with its wall-clock start and end (floating)", () => {
    const files = rosterCalendars({ problem, roster, startDateMs });
    expect([...files.keys()]).toEqual(["calendar/a1.ics", "calendar/b_2.ics"]);
    expect(events(files.get("calendar/a1.ics")!)).toEqual([
      { uid: "a1/2026-03-28@wfm-kit", start: "2026-03-28T07:00:00", end: "2026-03-28T15:00:00", zone: "floating", description: "breaks: lunch 11:00-11:30" },
      { uid: "a1/2026-03-29@wfm-kit", start: "2026-03-29T22:00:00", end: "2026-03-30T07:00:00", zone: "floating", description: "no breaks listed" },
    ]);
    expect(events(files.get("calendar/b_2.ics")!).map((e) => e.uid)).toEqual(["b/2/2026-03-28@wfm-kit", "b/2/2026-03-29@wfm-kit", "b/2/2026-03-30@wfm-kit", "b/2/2026-03-31@wfm-kit"]);
  });

  it("carries the centre's time zone as TZID, wall-clock times unchanged across a DST change", () => {
    const files = rosterCalendars({ problem, roster, startDateMs, timeZone: "Europe/London" });
    const a1 = events(files.get("calendar/a1.ics")!);
    // 2026-03-29 is the UK's spring-forward day: the night still starts 22:00 and ends 07:00 local.
    expect(a1.map((e) => [e.zone, e.start, e.end])).toEqual([
      ["Europe/London", "2026-03-28T07:00:00", "2026-03-28T15:00:00"],
      ["Europe/London", "2026-03-29T22:00:00", "2026-03-30T07:00:00"],
    ]);
    // DTSTAMP is UTC, as RFC 5545 requires, and the same for every run.
    expect(files.get("calendar/a1.ics")!).toContain("DTSTAMP:20260328T000000Z");
  });

  it("gives the same bytes for the same roster", () => {
    expect(rosterCalendars({ problem, roster, startDateMs })).toEqual(rosterCalendars({ problem, roster, startDateMs }));
  });
});

describe("shiftType", () => {
  it("classes by start and the night flag", () => {
    expect(problem.templates.map((t) => shiftType(t))).toEqual(["morning", "day", "evening", "night"]);
  });
  it("is night for every night-flagged template, whatever the start (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (startMinute) => shiftType({ startMinute, night: true }) === "night"));
  });
});

describe("roster.html", () => {
  const html = rosterHtml({ problem, roster, startDateMs, summary: rosterSummary(problem, roster) });
  const grid = html.split("<caption>Team calendar (agents x days)</caption>")[1]!.split("</table>")[0]!;
  const body = grid.split("<tbody>")[1]!;
  const rows = body.split("<tr>").slice(1);

  it("has one row per agent and one cell per day, coloured by shift type", () => {
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row.match(/<td/g)!.length).toBe(1 + problem.days);
    const cells = (row: string) => [...row.matchAll(/<td(?: style="background:(#[0-9a-f]{6})")?>([^<]*)<\/td>/g)].map((m) => [m[2], m[1] ?? null]);
    expect(cells(rows[0]!)).toEqual([
      ["a1", null],
      ["Early", shiftTypeColours.morning],
      ["Night", shiftTypeColours.night],
      ["", null],
      ["leave", shiftTypeColours.leave],
    ]);
    expect(cells(rows[1]!).slice(1)).toEqual([
      ["Mid", shiftTypeColours.day],
      ["Late", shiftTypeColours.evening],
      ["Early", shiftTypeColours.morning],
      ["Night", shiftTypeColours.night],
    ]);
    expect(grid).toContain("<th>28 Sa</th><th>29 Su</th><th>30 Mo</th><th>31 Tu</th>");
  });

  it("has a legend and a per-agent summary row per agent", () => {
    expect(html).toContain("<caption>Legend</caption>");
    const perAgent = html.split("<caption>Per agent</caption>")[1]!.split("</table>")[0]!;
    expect(perAgent.split("<tbody>")[1]!.split("<tr>").length - 1).toBe(2);
    // a1: Early (8 h) + Night (9 h), one night, one weekend (Sat and Sun worked), leave on the 31st
    expect(perAgent).toContain('<td>a1</td><td>Ana</td><td>calls</td><td class="num">2</td><td class="num">17.0</td><td class="num">1</td><td class="num">1</td><td class="num">1</td>');
  });

  it("is deterministic", () => {
    expect(rosterHtml({ problem, roster, startDateMs, summary: rosterSummary(problem, roster) })).toBe(html);
  });
});
