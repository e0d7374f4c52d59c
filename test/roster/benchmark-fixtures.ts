import type { RosterBenchmark } from "../../src/roster/benchmark.js";

/** A one-week instance in the Curtois & Qu text format (CRLF line endings, as the published files). */
export const tinyText = [
  "# a comment",
  "SECTION_HORIZON",
  "7",
  "",
  "SECTION_SHIFTS",
  "# ShiftID, Length in mins, Shifts which cannot follow this shift | separated",
  "D,480,",
  "N,600,D",
  "",
  "SECTION_STAFF",
  "A,D=7|N=2,2400,960,3,2,2,1",
  "B,D=7|N=0,2400,480,5,1,1,1",
  "",
  "SECTION_DAYS_OFF",
  "A,3",
  "",
  "SECTION_SHIFT_ON_REQUESTS",
  "B,0,D,2",
  "",
  "SECTION_SHIFT_OFF_REQUESTS",
  "A,1,N,3",
  "",
  "SECTION_COVER",
  "0,D,1,100,1",
  "1,N,1,100,1",
  "5,D,2,100,1",
  "",
].join("\r\n");

/** A bare instance: one shift type D (480 min), employees with loose contracts, nothing else. */
export function bareInstance(overrides: Partial<RosterBenchmark> = {}): RosterBenchmark {
  return {
    horizonDays: 14,
    shifts: [
      { id: "D", lengthMinutes: 480, forbiddenNext: [] },
      { id: "N", lengthMinutes: 480, forbiddenNext: ["D"] },
    ],
    employees: [
      {
        id: "A",
        maxShifts: { D: 14, N: 2 },
        maxTotalMinutes: 14 * 480,
        minTotalMinutes: 0,
        maxConsecutiveShifts: 5,
        minConsecutiveShifts: 2,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
      },
    ],
    daysOff: { A: [9] },
    shiftOnRequests: [],
    shiftOffRequests: [],
    cover: [],
    ...overrides,
  };
}
