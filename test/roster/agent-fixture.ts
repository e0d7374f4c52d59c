import type { RosterAgent } from "../../src/roster/problem.js";

/** An agent with no contract limits (hourly cost 20) for the roster tests; `overrides` sets the rules a test needs. */
export const testAgent = (id: string, overrides: Partial<RosterAgent> = {}): RosterAgent => ({
  id,
  name: id,
  team: "calls",
  templates: [],
  minMinutesPerWeek: 0,
  maxMinutesPerWeek: Infinity,
  minMinutesPerPeriod: 0,
  maxMinutesPerPeriod: Infinity,
  maxShifts: Infinity,
  maxConsecutiveDays: 7,
  minConsecutiveDays: 1,
  minConsecutiveDaysOff: 1,
  maxWeekends: Infinity,
  maxNights: Infinity,
  hourlyCost: 20,
  ...overrides,
});
