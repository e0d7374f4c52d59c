import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { parseDbaiInstance } from "../../src/io/dbai.js";
import { dbaiCandidateShifts, evaluateDbaiSolution, solveDbai } from "../../src/schedule/dbai.js";

/**
 * A one-day instance in the DBAI layout (hand-made, not from the benchmark): 2 agents 06-14,
 * 1 agent 14-22. Its optimum is hand-computable: 2 x (06:00, 480) + 1 x (14:00, 480), no
 * deviation, 2 distinct shifts, fitness 60 x 2 = 120.
 */
const requirements = [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
const tiny = `#MinuteInterval:
60

#DaysPerCycle:
1

#FlagCyclical: yes or no
yes

#Requirements:
${requirements.join(" ")}

#Number of shift templates
2

#Shift templates
#Abbr, Full name, Start, + Minutes,  -Minutes, Length, +Minutes, -Minutes, available days
F Frühschicht 6:0 60 60 480 60 60 *
S Spätschicht 14:0 60 60 480 60 60 *

#Duties per week: Lower limit, Upper limit
4.8 5

# Average number of hours per week
 38

# Weights about the criteria
#UnderCover:
1

#Overcover:
1

#DutiesPerWeek:
0

#Shifts:
60

#Fitness of assumed optimal Solution:
# 120

#Optimal Solution:
#Shift Start Length Duties:
# 1:  6:0    480       2
# 2:  14:0    480       1
`;

describe("parseDbaiInstance", () => {
  it("reads every section, Latin-1 names included", () => {
    const instance = parseDbaiInstance(tiny, { file: "tiny.txt" });
    expect(instance.intervalMinutes).toBe(60);
    expect(instance.daysPerCycle).toBe(1);
    expect(instance.cyclic).toBe(true);
    expect(instance.requirements).toEqual(requirements);
    expect(instance.shiftTypes.map((t) => t.name)).toEqual(["Frühschicht", "Spätschicht"]);
    expect(instance.shiftTypes[0]).toMatchObject({ startMinute: 360, startPlusMinutes: 60, startMinusMinutes: 60, lengthMinutes: 480, days: [true] });
    expect(instance.dutiesPerWeek).toEqual({ lower: 4.8, upper: 5 });
    expect(instance.averageHoursPerWeek).toBe(38);
    expect(instance.weights).toEqual({ underCover: 1, overCover: 1, dutiesPerWeek: 0, shifts: 60 });
    expect(instance.statedFitness).toBe(120);
    expect(instance.embeddedSolution).toEqual([
      { startMinute: 360, lengthMinutes: 480, counts: [2] },
      { startMinute: 840, lengthMinutes: 480, counts: [1] },
    ]);
  });

  it("reports every bad section with its line", () => {
    const broken = tiny.replace("60\n\n#DaysPerCycle", "7\n\n#DaysPerCycle").replace("F Frühschicht 6:0", "F Frühschicht six").replace("\nyes\n", "\nmaybe\n");
    try {
      parseDbaiInstance(broken, { file: "bad.txt" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WfmError);
      expect((error as WfmError).message.split("\n")).toEqual([
        'bad.txt:2: MinuteInterval must be a whole number of minutes dividing 1440, got "7"',
        'bad.txt:8: FlagCyclical must be yes or no, got "maybe"',
        'bad.txt:18: shift template F: start must be H:M, got "six"',
      ]);
    }
  });

  it("reads a file whose fitness line is empty (random set 3): no stated fitness, the solution still read", () => {
    for (const empty of ["#", "", "# "]) {
      const instance = parseDbaiInstance(tiny.replace("# 120\n", `${empty}\n`), { file: "set3.txt" });
      expect(instance.statedFitness).toBeNull();
      expect(instance.embeddedSolution).toHaveLength(2);
    }
    const withoutSolution = parseDbaiInstance(tiny.replace("# 120\n", "#\n").replace(/#Optimal Solution:[\s\S]*$/, ""), { file: "set3.txt" });
    expect(withoutSolution.statedFitness).toBeNull();
    expect(withoutSolution.embeddedSolution).toBeNull();
  });

  it("names a missing section", () => {
    expect(() => parseDbaiInstance(tiny.replace(/#Requirements:\n.*\n/, ""), { file: "x.txt" })).toThrow("x.txt: missing section Requirements");
  });
});

describe("DBAI evaluation and solve", () => {
  const instance = parseDbaiInstance(tiny, { file: "tiny.txt" });

  it("evaluates the embedded solution: no deviation, 2 shifts, fitness 120", () => {
    const evaluation = evaluateDbaiSolution(instance, instance.embeddedSolution!);
    expect(evaluation).toMatchObject({ shortageMinutes: 0, excessMinutes: 0, distinctShifts: 2, duties: 3, objective: 120 });
    // 3 duties x 38 h x 60 / 1440 worked minutes
    expect(evaluation.averageDutiesPerWeek).toBeCloseTo((3 * 38 * 60) / 1440, 12);
  });

  it("counts shortage and excess in minutes: one agent 06-14 only leaves 8 + 8 agent-hours short", () => {
    const evaluation = evaluateDbaiSolution(instance, [{ startMinute: 360, lengthMinutes: 480, counts: [1] }]);
    expect(evaluation.shortageMinutes).toBe(16 * 60);
    expect(evaluation.excessMinutes).toBe(0);
    expect(evaluation.objective).toBe(16 * 60 + 60);
  });

  it("enumerates 3 starts x 3 lengths per shift type", () => {
    expect(dbaiCandidateShifts(instance)).toHaveLength(18);
  });

  it("solves to the hand-computed optimum 120", async () => {
    const result = await solveDbai(instance, { timeLimitSeconds: 10 });
    expect(result.objective).toBe(120);
    expect(result.shifts).toEqual(instance.embeddedSolution);
    expect(result.status).toBe("optimal");
  });
});
