import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRoster, intervalCoverage } from "../../src/roster/check.js";
import type { Roster, RosterProblem } from "../../src/roster/problem.js";
import { buildRosterModel } from "../../src/roster/model.js";
import { solveRoster } from "../../src/roster/solve.js";
import { rosterSummary } from "../../src/roster/summary.js";
import { solveMip } from "../../src/schedule/mip.js";
import { testAgent } from "./agent-fixture.js";

const agent = testAgent;

/** One week from a Monday: Early 07:00-15:00, Late 15:00-23:00, Night 23:00-07:00 (7.5 paid hours each). */
const week = (overrides: Partial<RosterProblem> = {}): RosterProblem => ({
  days: 7,
  firstWeekday: 0,
  templates: [
    { name: "Early", startMinute: 420, lengthMinutes: 480, paidMinutes: 450, night: false },
    { name: "Late", startMinute: 900, lengthMinutes: 480, paidMinutes: 450, night: false },
    { name: "Night", startMinute: 1380, lengthMinutes: 480, paidMinutes: 450, night: true },
  ],
  agents: [agent("a"), agent("b"), agent("c")],
  requests: [],
  demand: [],
  rules: { minRestMinutes: 660, forbiddenSuccessions: [], shortfallWeight: 1000, excessWeight: 5, nightFairnessWeight: 10, weekendFairnessWeight: 10, costWeight: 0 },
  ...overrides,
});

const row = (text: string) => [...text].map((c) => ({ E: "Early", L: "Late", N: "Night", ".": "" })[c]!);

describe("checkRoster: hard rules, checked on the clock", () => {
  it("prices the public-holiday spread per team: most minus fewest holidays worked (a shift starting on the day)", () => {
    const p = week({ holidays: [2, 5], rules: { ...week().rules, holidayFairnessWeight: 7 } });
    // a works both holidays (Wednesday and Saturday), b one (a night starting on Saturday), c none
    const roster = { a: row("..E..E."), b: row(".....N."), c: row("E......") };
    const check = checkRoster(p, roster);
    expect(check.holidaySpread).toBe(2);
    const without = checkRoster({ ...p, holidays: [] }, roster);
    expect(without.holidaySpread).toBe(0);
    expect(check.objective - without.objective).toBe(7 * 2);
    expect(rosterSummary(p, roster).map((s) => s.holidays)).toEqual([2, 1, 0]);
    // another team's agent is compared only with their own team
    const teams = { ...p, agents: [...p.agents, agent("d", { team: "chat" })] };
    expect(checkRoster(teams, { ...roster, d: row("..E..E.") }).holidaySpread).toBe(2);
  });

  it("forbids Late then Early (8 h rest) and Night then Early (0 h) under an 11-hour rest, allows Early then Night", () => {
    const p = week({ agents: [agent("a")] });
    expect(checkRoster(p, { a: row("LE.....") }).violations.map((v) => v.message)).toEqual(["a: 480 minutes of rest between Late on day 0 and Early on day 1, at least 660"]);
    expect(checkRoster(p, { a: row("NE.....") }).violations.map((v) => v.message)).toEqual(["a: 0 minutes of rest between Night on day 0 and Early on day 1, at least 660"]);
    expect(checkRoster(p, { a: row("EN.....") }).violations).toEqual([]);
  });

  it("reports leave, templates, nights, weekly hours, weekends and the hard minimum", () => {
    const p = week({
      agents: [agent("a", { templates: ["Early", "Night"], maxNights: 0, maxMinutesPerWeek: 1800, maxWeekends: 0 })],
      requests: [{ agent: "a", day: 2, kind: "leave", weight: 0 }],
      demand: [{ day: 6, template: "Early", agents: 2, minimum: 2 }],
    });
    const rules = checkRoster(p, { a: row("N.EL.EE") }).violations.map((v) => v.rule);
    expect(rules).toEqual(["leave", "template-not-allowed", "max-minutes-per-week", "max-weekends", "max-nights", "minimum-cover"]);
  });
});

/** Exhaustive search over rosters: every row each agent may work alone, in every combination, scored by the checker. */
function bruteForce(problem: RosterProblem): number | null {
  const options = ["", ...problem.templates.map((t) => t.name)];
  const rows = problem.agents.map((a) => {
    const alone: RosterProblem = { ...problem, agents: [a], demand: [], requests: problem.requests.filter((r) => r.agent === a.id && r.kind === "leave") };
    const out: string[][] = [];
    for (let code = 0; code < options.length ** problem.days; code++) {
      const days: string[] = [];
      for (let d = 0, c = code; d < problem.days; d++, c = Math.floor(c / options.length)) days.push(options[c % options.length]!);
      if (checkRoster(alone, { [a.id]: days }).feasible) out.push(days);
    }
    return out;
  });
  // every combination of one row per agent
  let best: number | null = null;
  const chosen: Record<string, string[]> = {};
  const combine = (k: number): void => {
    if (k === rows.length) {
      const check = checkRoster(problem, chosen);
      if (check.feasible && (best === null || check.objective < best - 1e-9)) best = check.objective;
      return;
    }
    for (const days of rows[k]!) {
      chosen[problem.agents[k]!.id] = days;
      combine(k + 1);
    }
  };
  combine(0);
  return best;
}

describe("solveRoster", () => {
  it("fills a week's demand and every hard rule holds in the roster (independent check)", async () => {
    const p = week({
      agents: [agent("a", { maxNights: 2, minConsecutiveDaysOff: 2, maxConsecutiveDays: 5 }), agent("b", { templates: ["Early", "Late"] }), agent("c", { maxWeekends: 0 })],
      demand: Array.from({ length: 7 }, (_, d) => ({ day: d, template: "Early", agents: 1 })).concat([{ day: 3, template: "Night", agents: 1 }]),
      requests: [
        { agent: "b", day: 0, kind: "leave", weight: 0 },
        { agent: "c", day: 1, kind: "on", template: "Early", weight: 3 },
      ],
    });
    const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(result.status).toBe("optimal");
    const check = checkRoster(p, result.roster!);
    expect(check.violations).toEqual([]);
    expect(check.shortfall).toBe(0);
    expect(result.roster!.c![1]).toBe("Early");
    expect(result.objective).toBe(check.objective);
    expect(result.gap).toBe(0);
  });

  it("law: on random two-agent weeks the MIP optimum equals exhaustive search", async () => {
    const instance = fc
      .record({
        maxNights: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
        maxConsecutive: fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })),
        minOff: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        minHours: fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 22 })),
        maxWeekends: fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })),
        leave: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        demand: fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), template: fc.constantFrom("Early", "Night"), agents: fc.integer({ min: 0, max: 2 }), minimum: fc.integer({ min: 0, max: 1 }) }), { maxLength: 6 }),
        prefs: fc.array(fc.record({ agent: fc.constantFrom("a", "b"), day: fc.integer({ min: 0, max: 6 }), kind: fc.constantFrom("on" as const, "off" as const), weight: fc.integer({ min: 1, max: 9 }) }), { maxLength: 3 }),
      })
      .map((r): RosterProblem => {
        const seen = new Set<string>();
        const base = week();
        return week({
          templates: [base.templates[0]!, base.templates[2]!],
          agents: ["a", "b"].map((id, k) =>
            agent(id, { maxNights: r.maxNights[k]!, maxConsecutiveDays: r.maxConsecutive[k]!, minConsecutiveDaysOff: r.minOff[k]!, minMinutesPerPeriod: r.minHours[k]! * 60, maxWeekends: r.maxWeekends[k]!, team: k === 0 ? "x" : "y" }),
          ),
          requests: [...(r.leave === undefined ? [] : [{ agent: "a", day: r.leave, kind: "leave" as const, weight: 0 }]), ...r.prefs],
          demand: r.demand.filter((d) => !seen.has(`${d.day}/${d.template}`) && seen.add(`${d.day}/${d.template}`)).map((d) => ({ ...d, minimum: Math.min(d.minimum, d.agents) })),
        });
      });
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(instance, async (p) => {
        const expected = bruteForce(p);
        const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
        if (expected === null) {
          expect(result.status).toBe("infeasible");
          expect(result.conflicts.length).toBeGreaterThan(0);
        } else {
          feasible++;
          expect(result.objective).toBeCloseTo(expected, 6);
          expect(checkRoster(p, result.roster as Roster).violations).toEqual([]);
        }
      }),
      { numRuns: 15, seed: 15 },
    );
    expect(feasible).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it("explains infeasibility: leave leaves one agent for a hard minimum of two on Christmas Eve night", async () => {
    const p = week({
      days: 31,
      firstWeekday: 1, // 2026-12-01 is a Tuesday
      demand: [{ day: 23, template: "Night", agents: 2, minimum: 2 }],
      requests: [
        { agent: "a", day: 23, kind: "leave", weight: 0 },
        { agent: "b", day: 23, kind: "leave", weight: 0 },
      ],
    });
    const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(result.status).toBe("infeasible");
    expect(result.roster).toBeNull();
    expect(result.conflictsProven).toBe(true);
    expect(result.conflicts).toEqual([{ rule: "minimum-cover", agent: "", day: 23, template: "Night", unit: "agents", amount: 1 }]);
  });

  it("explains a contract that cannot be met: 40 hours in a week with leave on four days", async () => {
    const p = week({
      agents: [agent("a", { minMinutesPerWeek: 2400 })],
      requests: [0, 1, 2, 3].map((day) => ({ agent: "a", day, kind: "leave" as const, weight: 0 })),
    });
    const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(result.status).toBe("infeasible");
    // three 7.5-hour shifts (Fri, Sat, Sun) give 1350 minutes; 1050 short
    expect(result.conflicts).toEqual([{ rule: "min-minutes-per-week", agent: "a", day: 0, unit: "minutes", amount: 1050 }]);
  });
});

describe("solveRoster: fairness levels and parts side by side", () => {
  it("law: on random three-agent long weekends of one team (night, weekend and holiday spreads priced) the optimum equals exhaustive search", async () => {
    const base = week();
    const instance = fc
      .record({
        maxNights: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
        minHours: fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })),
        leave: fc.option(fc.record({ agent: fc.constantFrom("a", "b", "c"), day: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
        demand: fc.array(fc.record({ day: fc.integer({ min: 0, max: 3 }), template: fc.constantFrom("Early", "Night"), agents: fc.integer({ min: 0, max: 3 }) }), { maxLength: 6 }),
        prefs: fc.array(fc.record({ agent: fc.constantFrom("a", "b", "c"), day: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom("on" as const, "off" as const), weight: fc.integer({ min: 1, max: 9 }) }), { maxLength: 2 }),
        fairness: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 })),
        holidays: fc.subarray([0, 1, 2, 3]),
      })
      .map((r): RosterProblem => {
        const seen = new Set<string>();
        return week({
          days: 4,
          firstWeekday: 4, // Friday to Monday: one weekend
          templates: [base.templates[0]!, base.templates[2]!],
          agents: ["a", "b", "c"].map((id, k) => agent(id, { maxNights: r.maxNights[k]!, minMinutesPerPeriod: r.minHours[k]! * 60 })),
          requests: [...(r.leave === undefined ? [] : [{ ...r.leave, kind: "leave" as const, weight: 0 }]), ...r.prefs],
          demand: r.demand.filter((d) => !seen.has(`${d.day}/${d.template}`) && seen.add(`${d.day}/${d.template}`)),
          rules: { ...base.rules, nightFairnessWeight: r.fairness[0], weekendFairnessWeight: r.fairness[1], holidayFairnessWeight: r.fairness[2] },
          holidays: r.holidays,
        });
      });
    await fc.assert(
      fc.asyncProperty(instance, async (p) => {
        const expected = bruteForce(p);
        const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
        expect(expected).not.toBeNull(); // no hard minimum cover: all days off keeps every rule but minimum hours, which fit in four days
        expect(result.objective).toBeCloseTo(expected!, 6);
        expect(checkRoster(p, result.roster as Roster).violations).toEqual([]);
      }),
      { numRuns: 15, seed: 21 },
    );
  }, 300_000);

  it("holds every member of a fairness group between its levels, and a level no roster can keep leaves no solution", async () => {
    const p = week({
      agents: [agent("a"), agent("b"), agent("c")],
      demand: Array.from({ length: 7 }, (_, d) => ({ day: d, template: "Night", agents: 1 })),
      rules: { ...week().rules, excessWeight: 20 }, // two extra nights (40) cost more than a spread of 1 (10)
    });
    const nights = (values: Float64Array, model: ReturnType<typeof buildRosterModel>) => model.fairness.find((g) => g.kind === "nights")!.counts.map((columns) => columns.reduce((sum, j) => sum + Math.round(values[j]!), 0));
    const free = buildRosterModel(p);
    expect(free.fairness.map((g) => [g.kind, g.team, g.members])).toEqual([
      ["nights", "calls", [0, 1, 2]],
      ["weekends", "calls", [0, 1, 2]],
    ]);
    // seven nights for three agents: 3, 2, 2 at best (spread 1); held at [2, 3] each agent works 2 or 3
    const held = buildRosterModel(p, { fairnessLevels: [{ kind: "nights", team: "calls", low: 2, high: 3 }] });
    const solved = await solveMip(held.data, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(solved.status).toBe("optimal");
    expect([...nights(solved.values!, held)].sort()).toEqual([2, 2, 3]);
    // every agent on exactly 2 nights covers 6 of 7: one night short (1000) is the least cost
    const exact = buildRosterModel(p, { fairnessLevels: [{ kind: "nights", team: "calls", low: 2, high: 2 }] });
    const short = await solveMip(exact.data, { timeLimitSeconds: 20, relativeGap: 0 });
    expect(nights(short.values!, exact)).toEqual([2, 2, 2]);
    expect(short.objective! - solved.objective!).toBeCloseTo(1000 - 10, 6);
    // more nights than the week has days: no roster
    const impossible = buildRosterModel(p, { fairnessLevels: [{ kind: "nights", team: "calls", low: 8, high: 8 }] });
    expect((await solveMip(impossible.data, { timeLimitSeconds: 20, relativeGap: 0 })).status).toBe("infeasible");
  });

  it("solves independent teams side by side (parallelParts) to the same optimum as one at a time, and refuses a bad lane count", async () => {
    const p = week({
      agents: ["x", "y", "z"].flatMap((team) => [agent(`${team}1`, { team, maxNights: 3 }), agent(`${team}2`, { team, maxNights: 3 })]),
      demand: ["x", "y", "z"].flatMap((team) => Array.from({ length: 7 }, (_, d) => ({ day: d, template: d % 2 === 0 ? "Night" : "Early", agents: 1, team }))),
      requests: [{ agent: "y1", day: 5, kind: "off", weight: 4 }],
    });
    const one = await solveRoster(p, { timeLimitSeconds: 30, relativeGap: 0 });
    const two = await solveRoster(p, { timeLimitSeconds: 30, relativeGap: 0, parallelParts: 2 });
    expect(one.status).toBe("optimal");
    expect(two.status).toBe("optimal");
    expect(two.objective).toBeCloseTo(one.objective!, 9);
    expect(checkRoster(p, two.roster!).violations).toEqual([]);
    for (const parallelParts of [0, 1.5, Number.NaN]) {
      await expect(solveRoster(p, { parallelParts })).rejects.toMatchObject({ code: "invalid-argument" });
    }
  });
});

describe("solveRoster with interval demand (integrated: shifts and names chosen together)", () => {
  const base = week();
  const early = { ...base.templates[0]!, breakWindows: [{ startMinute: 240, lengthMinutes: 30 }] }; // break 11:00-11:30

  it("counts presence minute by minute: a break halves its hour, a night runs into the next day, past the period counts nowhere", () => {
    const p = week({ days: 2, templates: [early, base.templates[1]!, base.templates[2]!], agents: [agent("a"), agent("b", { team: "chat" })] });
    const hourly = intervalCoverage(p, { a: ["Early", "Night"], b: ["Late", ""] }, { intervalMinutes: 60, required: [] });
    expect(hourly.length).toBe(48);
    expect(hourly.slice(6, 15)).toEqual([0, 1, 1, 1, 1, 0.5, 1, 1, 1]); // a's Early 07:00-15:00, break 11:00-11:30
    expect(hourly.slice(15, 24)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]); // b's Late 15:00-23:00
    expect(hourly.slice(47)).toEqual([1]); // a's Night from 23:00 on day 1; 00:00-07:00 lies past the period
    const callsOnly = intervalCoverage(p, { a: ["Early", "Night"], b: ["Late", ""] }, { intervalMinutes: 60, required: [], team: "calls" });
    expect(callsOnly.slice(15, 23)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const check = checkRoster({ ...p, intervalDemand: [{ intervalMinutes: 60, required: Array.from({ length: 48 }, (_, i) => (i >= 7 && i < 15 ? 2 : 0)) }] }, { a: ["Early", ""], b: ["", ""] });
    // hours 7-14 want 2 each (16 agent-hours); a gives 7.5 of them
    expect(check.intervalShortfallHours).toBeCloseTo(16 - 7.5, 12);
    expect(check.intervalExcessHours).toBe(0);
    expect(check.objective).toBeCloseTo(100 * 8.5, 9);
  });

  it("law: on random two-agent three-day rosters against an interval curve the MIP optimum equals exhaustive search", async () => {
    const instance = fc
      .record({
        intervalMinutes: fc.constantFrom(60, 120, 240),
        peaks: fc.array(fc.record({ at: fc.integer({ min: 0, max: 71 }), agents: fc.integer({ min: 1, max: 2 }), hours: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 4 }),
        minHours: fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 })),
        weights: fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 5 })),
        sameTeam: fc.boolean(),
      })
      .map((r): RosterProblem => {
        const count = (3 * 1440) / r.intervalMinutes;
        const required = new Array<number>(count).fill(0);
        for (const peak of r.peaks) for (let h = 0; h < peak.hours; h++) {
          const i = Math.floor(((peak.at + h) * 60) / r.intervalMinutes);
          if (i < count) required[i] = Math.max(required[i]!, peak.agents);
        }
        return week({
          days: 3,
          firstWeekday: 4, // Friday to Sunday
          templates: [early, base.templates[2]!],
          agents: ["a", "b"].map((id, k) => agent(id, { minMinutesPerPeriod: r.minHours[k]! * 60, team: r.sameTeam ? "calls" : id })),
          intervalDemand: [{ intervalMinutes: r.intervalMinutes, required }],
          rules: { ...base.rules, intervalShortfallWeight: r.weights[0], intervalExcessWeight: r.weights[1] },
        });
      });
    await fc.assert(
      fc.asyncProperty(instance, async (p) => {
        const expected = bruteForce(p);
        const result = await solveRoster(p, { timeLimitSeconds: 20, relativeGap: 0 });
        expect(expected).not.toBeNull();
        expect(result.objective).toBeCloseTo(expected!, 6);
        expect(checkRoster(p, result.roster as Roster).violations).toEqual([]);
      }),
      { numRuns: 15, seed: 33 },
    );
  }, 300_000);
});
