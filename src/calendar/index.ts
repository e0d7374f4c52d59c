/**
 * calendar: local wall-clock timestamps, weekdays and opening hours.
 * @module
 */
export {
  millisecondsInMinute,
  millisecondsInHour,
  millisecondsInDay,
  minutesInDay,
  isoMinuteStyle,
  parseLocalTimestamp,
  formatLocalTimestamp,
  formatLocalDate,
  localDayOfWeek,
  localMinuteOfDay,
  localStartOfDay,
  dayNames,
  isOpenAt,
} from "./local-time.js";
export type { TimestampStyle, ParsedLocalTimestamp, DayName, OpeningHours, OpeningRange } from "./local-time.js";
export { parseDayOfWeek, startOfLocalWeek, defaultWeekendDays, isLocalWeekend, weekdayOrder, dayOfWeekName } from "./week.js";
export type { DayOfWeek } from "./week.js";
export { planningMonth, calendarDayOfMonth, persianDateToLocalMs } from "./planning-month.js";
export type { PlanningCalendar, PlanningMonth } from "./planning-month.js";
export { validateOpeningHours, inferOpeningHours, formatOpeningHours, openingHoursToJson } from "./opening-hours.js";
export type { InferredOpeningHours, OpeningHoursWords } from "./opening-hours.js";
