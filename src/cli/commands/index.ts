import type { CommandModule } from "../command.js";
import { costCommand } from "./cost.js";
import { erlangCommand } from "./erlang.js";
import { forecastCommand } from "./forecast.js";
import { kpiCommand } from "./kpi.js";
import { scheduleCommand } from "./schedule.js";
import { schemaCommand } from "./schema.js";
import { staffCommand } from "./staff.js";

/**
 * Every `wfm` sub-command, in the order `wfm --help` lists them.
 * Add a command by importing its module and appending it here.
 */
export const commands: readonly CommandModule[] = [erlangCommand, forecastCommand, staffCommand, scheduleCommand, kpiCommand, costCommand, schemaCommand];
