import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRoster } from "../../src/roster/check.js";
import { startChanges, type RosterAgent, type RosterProblem, type RosterRules } from "../../src/roster/problem.js";
import { rosterParts, solveRoster } from "../../src/roster/solve.js";
import { testAgent } from "./agent-fixture.js";

const agent = (id: string, overrides: Partial<RosterAgent> = {}): RosterAgent => testAgent(id, { hourlyCost: 0, ...overrides });

const rules = (overrides: Partial<RosterRules> = {}): RosterRules => ({
  minRestMinutes: 660,
  forbiddenSuccessions: [],
  shortfallWeight: 1000,
  excessWeight: 5,
  nightFairnessWeight: 0,
  weekendFairnessWeight: 0,
  costWeight: 0,
  ...overrides,
});

/** A week from a Monday: Early with a window of starts 07:00 and 08:00 (family Early), Late 15:00, Night 23:00; 8 h each. */
const week = (overrides: Partial<RosterProblem> = {}): RosterProblem => ({
  days: 7,
  firstWeekday: 0,
  templates: [
    { name: "Early@07:00", family: "Early", startMinute: 420, lengthMinutes: 480, paidMinutes: 480, night: false },
    { name: "Early@08:00", family: "Early", startMinute: 480, lengthMinutes: 480, paidMinutes: 480, night: false },
    { name: "Late", startMinute: 900, lengthMinutes: 480, paidMinutes: 480, night: false },
    { name: "Night", startMinute: 1380, lengthMinutes: 480, paidMinutes: 480, night: true },
  ],
  agents: [agent("a")],
  requests: [],
  demand: [],
  rules: rules(),
  ...overrides,
});

const row = (text: string) => [...text].map((c) => ({ E: "Early@07:00", F: "Early@08:00", L: "Late", N: "Night", ".": "" })[c]!);
const messages = (p: RosterProblem, text: string) => checkRoster(p, { a: row(text) }).violations.map((v) => v.message);

describe("startChanges", () => {
  it("counts the bands of a week's starts beyond the first (hand-counted)", () => {
    expect(startChanges([], 0)).toBe(0);
    expect(startChanges([420, 420, 420], 0)).toBe(0);
    expect(startChanges([420, 480, 900], 60)).toBe(1); // 07:00-08:00 | 15:00
    expect(startChanges([420, 480, 900], 0)).toBe(2);
    expect(startChanges([1380, 420, 900, 480], 480)).toBe(1); // 07:00-15:00 | 23:00
  });

  it("law: order does not matter, and a wider band never needs more changes", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1439 }), { maxLength: 7 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (starts, d1, d2) => {
        const [narrow, wide] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(startChanges([...starts].reverse(), narrow)).toBe(startChanges(starts, narrow));
        expect(startChanges(starts, wide)).toBeLessThanOrEqual(startChanges(starts, narrow));
        expect(startChanges(starts, 1439)).toBe(0);
      }),
      { seed: 15 },
    );
  });
});

describe("checkRoster: rest on the clock across days off, succession scopes, stable starts, start windows", () => {
  it("measures rest across a day off: Late (ends 23:00), a day off, Early 07:00 rests 32 h", () => {
    const p = week({ rules: rules({ minRestMinutes: 36 * 60 }) });
    // 2 x 1440 + 420 - (900 + 480) = 1920 minutes
    expect(messages(p, "L.E....")).toEqual(["a: 1920 minutes of rest between Late on day 0 and Early@07:00 on day 2, at least 2160"]);
    // Early 07:00-15:00, a day off, Early 07:00: 2880 + 420 - 900 = 2400 >= 2160
    expect(messages(p, "E.E....")).toEqual([]);
  });

  it("calendar-day successions: Night then Early the next day is forbidden, across a day off it is not", () => {
    const p = week({ rules: rules({ minRestMinutes: 0, forbiddenSuccessions: [["Night", "Early"]] }) });
    expect(messages(p, "NF.....")).toEqual(["a: Early@08:00 on day 1 may not follow Night (day 0)"]);
    expect(messages(p, "N.E....")).toEqual([]);
  });

  it("working-day successions: Night then the next shift worked Early is forbidden across days off too", () => {
    const p = week({ rules: rules({ minRestMinutes: 0, forbiddenSuccessions: [["Night", "Early"]], forbiddenSuccessionScope: "working-days" }) });
    expect(messages(p, "N..E...")).toEqual(["a: Early@07:00 on day 3 may not follow Night (day 0)"]);
    expect(messages(p, "N.L.E..")).toEqual([]);
  });

  it("stable starts: hard breaks the roster, soft prices each change", () => {
    const hard = week({ rules: rules({ stableStarts: { maxStartDifferenceMinutes: 60 } }) });
    expect(checkRoster(hard, { a: row("EF.....") }).violations).toEqual([]);
    expect(checkRoster(hard, { a: row("EF..L..") }).violations.map((v) => v.rule)).toEqual(["stable-starts"]);
    const soft = week({ rules: rules({ stableStarts: { maxStartDifferenceMinutes: 0, penaltyPerChange: 7 } }) });
    const check = checkRoster(soft, { a: row("EF..L..") });
    expect(check.violations).toEqual([]);
    expect(check.startChanges).toBe(2);
    expect(check.objective).toBe(14);
  });

  it("demand and requests name the family: either start of Early fills Early", () => {
    const p = week({ demand: [{ day: 0, template: "Early", agents: 1 }], requests: [{ agent: "a", day: 1, kind: "on", template: "Early", weight: 3 }] });
    expect(checkRoster(p, { a: row("FE.....") }).objective).toBe(0);
    expect(checkRoster(p, { a: row("L......") }).objective).toBe(1000 + 3);
  });
});

/** Exhaustive search over one agent's week, scored by the checker. */
function bruteForce(problem: RosterProblem): number | null {
  const options = ["", ...problem.templates.map((t) => t.name)];
  let best: number | null = null;
  for (let code = 0; code < options.length ** problem.days; code++) {
    const days: string[] = [];
    for (let d = 0, c = code; d < problem.days; d++, c = Math.floor(c / options.length)) days.push(options[c % options.length]!);
    const check = checkRoster(problem, { a: days });
    if (check.feasible && (best === null || check.objective < best - 1e-9)) best = check.objective;
  }
  return best;
}

describe("solveRoster with start windows, stable starts, rest across days off and succession scopes", () => {
  it("law: on random one-agent weeks the MIP optimum equals exhaustive search (the roster chooses the start)", async () => {
    const instance = fc
      .record({
        minRest: fc.constantFrom(660, 1500, 2000),
        scope: fc.constantFrom("calendar-days" as const, "working-days" as const),
        pair: fc.constantFrom<[string, string][]>([["Night", "Early"]], [["Late", "Early"]], []),
        stable: fc.option(fc.record({ maxStartDifferenceMinutes: fc.constantFrom(0, 60, 480), penaltyPerChange: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }), { nil: undefined }),
        minOff: fc.integer({ min: 1, max: 2 }),
        demand: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), template: fc.constantFrom("Early", "Late", "Night"), agents: fc.integer({ min: 0, max: 1 }) }), { maxLength: 6 }),
        prefs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), kind: fc.constantFrom("on" as const, "off" as const), template: fc.constantFrom("Early", "Late", undefined), weight: fc.integer({ min: 1, max: 9 }) }), { maxLength: 3 }),
      })
      .map((r): RosterProblem => {
        const seen = new Set<string>();
        return week({
          agents: [agent("a", { minConsecutiveDaysOff: r.minOff })],
          requests: r.prefs.map((x) => ({ agent: "a", day: x.day, kind: x.kind, weight: x.weight, ...(x.template === undefined ? {} : { template: x.template }) })),
          demand: r.demand.filter((d) => !seen.has(`${d.day}/${d.template}`) && seen.add(`${d.day}/${d.template}`)),
          rules: rules({
            minRestMinutes: r.minRest,
            forbiddenSuccessions: r.pair,
            forbiddenSuccessionScope: r.scope,
            ...(r.stable === undefined ? {} : { stableStarts: r.stable.penaltyPerChange === undefined ? { maxStartDifferenceMinutes: r.stable.maxStartDifferenceMinutes } : r.stable }),
          }),
        });
      });
    await fc.assert(
      fc.asyncProperty(instance, async (p) => {
        const expected = bruteForce(p);
        const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
        expect(result.objective).toBeCloseTo(expected!, 6);
        expect(checkRoster(p, result.roster!).violations).toEqual([]);
      }),
      { numRuns: 12, seed: 15 },
    );
  }, 300_000);

  it("rosters a window template at the start the rest rule and stable starts need", async () => {
    // Late on Monday ends 23:00; with 10 hours of rest Tuesday's Early can only start at 09:00, and a
    // start change costs 1: all four Early shifts start at 09:00 (bands 09:00 and 15:00: one change)
    const p = week({
      templates: [
        { name: "Early@07:00", family: "Early", startMinute: 420, lengthMinutes: 480, paidMinutes: 480, night: false },
        { name: "Early@08:00", family: "Early", startMinute: 480, lengthMinutes: 480, paidMinutes: 480, night: false },
        { name: "Early@09:00", family: "Early", startMinute: 540, lengthMinutes: 480, paidMinutes: 480, night: false },
        { name: "Late", startMinute: 900, lengthMinutes: 480, paidMinutes: 480, night: false },
      ],
      demand: [{ day: 0, template: "Late", agents: 1 }, ...[1, 2, 3, 4].map((day) => ({ day, template: "Early", agents: 1 }))],
      rules: rules({ minRestMinutes: 600, stableStarts: { maxStartDifferenceMinutes: 0, penaltyPerChange: 1 } }),
    });
    const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(result.roster!.a).toEqual(["Late", "Early@09:00", "Early@09:00", "Early@09:00", "Early@09:00", "", ""]);
    expect(result.objective).toBe(1);
    expect(checkRoster(p, result.roster!).violations).toEqual([]);
  });
});

describe("rosterParts", () => {
  it("splits teams with their own demand, and keeps agents together when a demand row takes any team", () => {
    const base = week({ agents: [agent("a"), agent("b", { team: "chat" }), agent("c", { team: "chat" })] });
    const split = rosterParts({ ...base, demand: [{ day: 0, template: "Early", team: "calls", agents: 1 }, { day: 0, template: "Late", team: "chat", agents: 1 }] });
    expect(split.map((part) => part.agents.map((x) => x.id))).toEqual([["a"], ["b", "c"]]);
    expect(split.map((part) => part.demand.map((d) => d.team))).toEqual([["calls"], ["chat"]]);
    expect(rosterParts({ ...base, demand: [{ day: 0, template: "Early", agents: 1 }] })).toHaveLength(1);
  });

  it("law: the parts' checker objectives add up to the whole roster's", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("E", "L", "N", "."), { minLength: 21, maxLength: 21 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }), (cells, days) => {
        const base = week({
          agents: [agent("a"), agent("b", { team: "chat" }), agent("c", { team: "chat" })],
          demand: days.map((day, k) => ({ day, template: k % 2 === 0 ? "Early" : "Night", team: k % 3 === 0 ? "calls" : "chat", agents: 1 + (k % 2) })),
          rules: rules({ nightFairnessWeight: 10, weekendFairnessWeight: 3 }),
        });
        const roster = { a: row(cells.slice(0, 7).join("")), b: row(cells.slice(7, 14).join("")), c: row(cells.slice(14).join("")) };
        const parts = rosterParts(base);
        const sum = parts.reduce((total, part) => total + checkRoster(part, Object.fromEntries(part.agents.map((x) => [x.id, roster[x.id as "a"]]))).objective, 0);
        expect(sum).toBeCloseTo(checkRoster(base, roster).objective, 9);
      }),
      { seed: 15 },
    );
  });
});
