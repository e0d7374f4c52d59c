import type { z } from "zod";
import { calibrationConfigSchema } from "./calibration-config.js";
import { costConfigSchema } from "./cost-config.js";
import { planConfigSchema } from "./plan-config.js";
import { rosterConfigSchema } from "./roster-input.js";
import { scenarioConfigSchema } from "./scenario-config.js";
import { shiftsConfigSchema } from "./shifts-config.js";
import { staffingConfigSchema } from "./staffing-config.js";
import { teamsConfigSchema } from "./teams-config.js";

/**
 * The config schemas that `wfm schema NAME` prints as JSON Schema, by name. The JSON Schema
 * for editors and the validation the commands run come from the same zod object.
 * Add a config by importing its schema and adding one entry.
 */
export const configSchemas: Readonly<Record<string, z.ZodType>> = {
  calibration: calibrationConfigSchema,
  cost: costConfigSchema,
  plan: planConfigSchema,
  roster: rosterConfigSchema,
  scenarios: scenarioConfigSchema,
  shifts: shiftsConfigSchema,
  staffing: staffingConfigSchema,
  teams: teamsConfigSchema,
};
