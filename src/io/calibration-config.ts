import { z } from "zod";
import { dayNames } from "../calendar/local-time.js";
import { WfmError } from "../errors.js";
import type { PlanCalibration } from "../review/calibration.js";
import { parseJsonText, zodProblems } from "./json.js";
import { readTextFile } from "./read-file.js";

const fraction = z.number().min(0).lt(1, { message: "must be below 1 (a fraction: 0.3 means 30%)" });

/**
 * `calibration.json`: what `wfm review` writes and `wfm plan --calibration` applies. Ratios are
 * fractions, as in the staffing config.
 */
export const calibrationConfigSchema = z
  .object({
    $schema: z.string().optional(),
    month: z.string().min(1).describe("The month reviewed, e.g. 2026-12"),
    channels: z
      .record(
        z.string().min(1),
        z
          .object({
            volumeFactor: z.number().positive().optional().describe("multiply the forecast (point and band) by this: last month's actual / forecast contacts"),
            patienceSeconds: z.number().positive().optional().describe("mean caller patience fitted by Erlang A to last month's abandons (voice: staffs with Erlang A)"),
            shrinkage: fraction.optional().describe("shrinkage the channel really had (1 - staffed / scheduled floor time), 0.2 = 20%"),
            plannedShrinkage: fraction.optional().describe("shrinkage the reviewed plan assumed; the channel's components are scaled by shrinkage / plannedShrinkage"),
            ahtSecondsByIntervalOfWeek: z
              .partialRecord(z.enum(dayNames), z.record(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "expected HH:MM" }), z.number().positive()))
              .optional()
              .describe("actual AHT by day name and interval start HH:MM, seconds; replaces the forecast's AHT where given"),
            serviceLevelModelError: z.number().min(-1).max(1).optional().describe("achieved - model SL last month, contact-weighted (information, not applied)"),
          })
          .strict(),
      )
      .describe("per channel name; a channel left out is planned as before"),
  })
  .strict();

/** `calibration.json` as written. */
export type CalibrationConfigInput = z.input<typeof calibrationConfigSchema>;

/**
 * Validates a parsed calibration file.
 *
 * @throws {WfmError} `invalid-config`, one problem per bad field, naming the file and field
 */
export function calibrationFromJson(value: unknown, file: string): PlanCalibration {
  const parsed = calibrationConfigSchema.safeParse(value);
  if (!parsed.success) throw new WfmError(zodProblems(parsed.error, file));
  const { $schema: _schema, ...rest } = parsed.data;
  return rest as PlanCalibration;
}

/** Reads `calibration.json` named on the command line ({@link calibrationFromJson}). */
export function readCalibrationFile(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): PlanCalibration {
  return calibrationFromJson(parseJsonText(readTextFile(path, options), path), path);
}
