import { WfmError, formatProblem } from "../../src/errors.js";

/** Runs `fn`, which must throw a WfmError, and returns its problems as the CLI prints them. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof WfmError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected a WfmError");
}
