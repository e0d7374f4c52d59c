/**
 * The config readers (zod schemas) and the schema printer, in one module that the commands import
 * on first use through {@link loadConfigReaders}.
 * @module
 */
export { z } from "zod";
export { readCostConfig } from "../io/cost-config.js";
export { loadPlanConfig } from "../io/plan-config.js";
export { readScenarioConfig } from "../io/scenario-config.js";
export { readScheduleResult } from "../io/schedule-result.js";
export { configSchemas } from "../io/schemas.js";
export { readShiftsConfig } from "../io/shifts-config.js";
export { readStaffingConfig } from "../io/staffing-config.js";
