import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { solveInWorker } from "../../src/io/solve-in-worker.js";
import { solveShiftProblem, type ShiftProblem } from "../../src/schedule/index.js";

const breakRule = { name: "break", earliestStartOffset: 1, latestStartOffset: 2, durationIntervals: 1 };
const problem: ShiftProblem = {
  intervalMinutes: 60,
  required: [1, 1, 1, 1],
  cyclic: false,
  templateNames: ["shift"],
  columns: [{ template: 0, group: 0, day: 0, startInterval: 0, lengthIntervals: 4, cost: 10, paidHours: 4, breaks: [breakRule] }],
  groupCount: 1,
  groupPenalty: 0,
  shortfallCostPerInterval: 100,
  excessCostPerInterval: 1,
  hardCoverage: false,
};

describe("solveInWorker", () => {
  it("returns the same verified schedule from a worker thread as in-process (objective 22)", async () => {
    const inWorker = await solveInWorker(problem, { timeLimitSeconds: 10, relativeGap: 0 });
    const inProcess = await solveShiftProblem(problem, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(inWorker.verified!.objective).toBe(22);
    expect(inWorker.assignment).toEqual(inProcess.assignment);
    expect(inWorker.status).toBe("optimal");
  });

  it("rejects with a cancelled WfmError when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(solveInWorker(problem, { signal: controller.signal })).rejects.toThrow(WfmError);
  });
});
