/**
 * roster: named agents on shifts over the month (contracts, leave, preferences, rest, fairness),
 * the exact MIP with its elastic explanation of conflicts, the independent checker, and the
 * Curtois & Qu staff-rostering benchmark (reader in `io`, compact model and its search, branch and
 * price on lines of work, evaluator).
 * @module
 */
export { familyOf, isWeekendDay, restMinutes, startChanges, weekendsOf, weeksOf } from "./problem.js";
export type { Roster, RosterAgent, RosterDemand, RosterProblem, RosterRequest, RosterRules, RosterTemplate } from "./problem.js";
export { checkRoster } from "./check.js";
export type { RosterCheck, RosterRule, RosterViolation } from "./check.js";
export { buildRosterModel } from "./model.js";
export type { BuildRosterModelOptions, FairnessGroup, FairnessLevel, RosterModel, RosterSlack } from "./model.js";
export { greedyRoster, rosterParts, solveRoster } from "./solve.js";
export type { RosterConflict, RosterResult, SolveRosterOptions } from "./solve.js";
export { rosterSummary } from "./summary.js";
export type { AgentSummary } from "./summary.js";
export { solveWithNeighbourhoods } from "./lns.js";
export type { MipRunner, NeighbourhoodSolveOptions } from "./lns.js";
export { MipBuilder, addWorkRestPath } from "./model-builder.js";
export type { LinearTerms, WorkRestPathOptions } from "./model-builder.js";
export type { BenchmarkCover, BenchmarkEmployee, BenchmarkRequest, BenchmarkRoster, BenchmarkShiftType, RosterBenchmark } from "./benchmark.js";
export { evaluateRosterBenchmark } from "./benchmark-evaluate.js";
export type { BenchmarkEvaluation, BenchmarkViolation } from "./benchmark-evaluate.js";
export { buildRosterBenchmarkModel, solveRosterBenchmark } from "./benchmark-solve.js";
export { constructRosterBenchmark } from "./benchmark-construct.js";
export { searchRosterBenchmark } from "./benchmark-lns.js";
export type { BenchmarkSearchOptions, BenchmarkSearchResult } from "./benchmark-lns.js";
export type { ConstructRosterBenchmarkOptions } from "./benchmark-construct.js";
export type { RosterBenchmarkLayout, RosterBenchmarkModel, RosterBenchmarkResult, SolveRosterBenchmarkOptions } from "./benchmark-solve.js";
export { cheapestLines, lineStateCount } from "./benchmark-lines.js";
export type { BenchmarkLine, PricedLine } from "./benchmark-lines.js";
export { LinePool, branchAndPrice, columnGenerationFits, generateColumns, improveByBranchAndPrice, masterModel } from "./benchmark-columns.js";
export type {
  BranchAndPriceOptions,
  BranchAndPriceResult,
  GenerateColumnsOptions,
  GeneratedColumns,
  ImproveByBranchAndPriceOptions,
  LineMask,
  MasterModel,
} from "./benchmark-columns.js";
