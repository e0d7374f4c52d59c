import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { teamsConfigFromJson } from "../../src/io/teams-config.js";
import { loadHighsRuntime } from "../../src/schedule/solve.js";
import { compareTeamDesigns } from "../../src/skills/compare.js";
import { teamDesignGroups } from "../../src/skills/designs.js";
import type { ContactType } from "../../src/skills/model.js";
import { problemsOf } from "../support/problems.js";

const highs = await loadHighsRuntime();
const type = (name: string, volumes: number[] | undefined, extra: Partial<ContactType> = {}): ContactType => ({
  name,
  ...(volumes === undefined ? {} : { volumes }),
  ahtSeconds: 300,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  ...extra,
});

describe("teamDesignGroups", () => {
  const types = [type("a", [1]), type("b", [1]), type("c", [1], { escalation: { share: 0.1, to: "desk" } }), type("desk", undefined)];
  it("dedicated: one group per first-line type, and the tier-2 helpdesk", () => {
    expect(teamDesignGroups({ design: "dedicated", contactTypes: types }).map((g) => g.skills)).toEqual([["a"], ["b"], ["c"], ["desk"]]);
  });
  it("pooled: one group for the first line, priced per extra skill", () => {
    const groups = teamDesignGroups({ design: "pooled", contactTypes: types, costPerHour: 20, crossTrainingPremium: 0.05 });
    expect(groups.map((g) => [g.skills, g.costPerHour])).toEqual([
      [["a", "b", "c"], 22],
      [["desk"], 20],
    ]);
  });
  it("cross-trained: the dedicated groups plus a chain of two-skill groups", () => {
    const groups = teamDesignGroups({ design: "cross-trained", contactTypes: types });
    expect(groups.map((g) => g.name)).toEqual(["a", "b", "c", "a+b", "b+c", "c+a", "desk"]);
  });
  it("rejects a negative premium", () => {
    expect(() => teamDesignGroups({ design: "pooled", contactTypes: types, crossTrainingPremium: -0.1 })).toThrow("teamDesignGroups: crossTrainingPremium must be a finite fraction >= 0, got -0.1");
  });
});

describe("compareTeamDesigns", () => {
  const contactTypes = [type("a", [80, 40]), type("b", [60, 90], { ahtSeconds: 420 })];
  it("FTE = agent-hours / (1 - shrinkage) / FTE hours of the whole days covered; the same seed gives the same result", async () => {
    const options = { intervalMinutes: 30, contactTypes, shrinkage: 0.25, hoursPerFtePerMonth: 150, simulation: { replications: 8 }, highs };
    const first = await compareTeamDesigns(options);
    const second = await compareTeamDesigns(options);
    expect(second).toEqual(first);
    const fteHours = (150 * 12) / 365.25; // one day
    expect(first.hoursPerFte).toBeCloseTo(fteHours, 12);
    for (const d of first.designs) {
      expect(d.fte).toBeCloseTo(d.agentHours / 0.75 / fteHours, 12);
      expect(d.cost).toBeCloseTo(d.staffing.groups.reduce((s, g) => s + g.cost, 0), 9);
    }
    const cross = first.designs.find((d) => d.design === "cross-trained")!;
    expect(cross.crossTrainedShare).toBeGreaterThanOrEqual(0.2 - 1e-9);
    expect(first.designs[1]!.agentHours).toBeLessThanOrEqual(first.designs[0]!.agentHours);
  });
  it("rejects a design it cannot build", async () => {
    const error = await compareTeamDesigns({ intervalMinutes: 30, contactTypes, designs: ["current"], highs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WfmError);
    expect((error as WfmError).message).toBe('compareTeamDesigns: designs[0] must be one of dedicated, pooled, cross-trained, got "current"');
  });
});

describe("teams.json", () => {
  it("reports volumes of different lengths and duplicate names, each with its path", () => {
    expect(
      problemsOf(() =>
        teamsConfigFromJson(
          { intervalMinutes: 15, contactTypes: [type("a", [1, 2]), type("a", [1])], agentGroups: [{ name: "g", skills: ["a"] }, { name: "g", skills: ["a"] }] },
          "t.json",
        ),
      ),
    ).toEqual([
      't.json: contactTypes[1].name: duplicate contact type "a"',
      "t.json: contactTypes[1].volumes: has 1 intervals, the first type 2",
      't.json: agentGroups[1].name: duplicate agent group "g"',
    ]);
  });
});
