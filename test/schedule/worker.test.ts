import { describe, expect, it } from "vitest";
import { WfmError } from "../../src/errors.js";
import { defaultWatchdogMarginSeconds, solveInWorker } from "../../src/io/solve-in-worker.js";
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

describe("solveInWorker watchdog", () => {
  it("stops a worker that has not answered by the time limit plus the margin, with a clear solver-failed error", async () => {
    // A 1 ms limit and no margin: the watchdog fires before the worker has even loaded the solver.
    const failure = await solveInWorker(problem, { timeLimitSeconds: 0.001, watchdogMarginSeconds: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WfmError);
    expect((failure as WfmError).code).toBe("solver-failed");
    expect((failure as WfmError).message).toBe("the solver worker did not answer within 0.001 s (time limit 0.001 s + 0 s margin) and was stopped");
  });

  it("defaults the margin to max(15 s, a quarter of the limit)", () => {
    expect(defaultWatchdogMarginSeconds(20)).toBe(15);
    expect(defaultWatchdogMarginSeconds(600)).toBe(150);
  });
});
