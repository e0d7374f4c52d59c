import type { CommandModule } from "../command.js";
import { costCommand } from "./cost.js";
import { erlangCommand } from "./erlang.js";
import { forecastCommand } from "./forecast.js";
import { initCommand } from "./init.js";
import { kpiCommand } from "./kpi.js";
import { planCommand } from "./plan.js";
import { reviewCommand } from "./review.js";
import { rosterCommand } from "./roster.js";
import { scheduleCommand } from "./schedule.js";
import { schemaCommand } from "./schema.js";
import { simulateCommand } from "./simulate.js";
import { staffCommand } from "./staff.js";
import { teamsCommand } from "./teams.js";

/**
 * Every `wfm` sub-command, in the order `wfm --help` lists them: the monthly plan first, then
 * its steps in the order of the cycle, then the config schemas.
 * Add a command by importing its module and appending it here.
 */
export const commands: readonly CommandModule[] = [
  planCommand,
  erlangCommand,
  simulateCommand,
  kpiCommand,
  forecastCommand,
  staffCommand,
  teamsCommand,
  scheduleCommand,
  rosterCommand,
  costCommand,
  reviewCommand,
  schemaCommand,
  initCommand,
];
