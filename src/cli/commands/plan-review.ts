import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { WfmError } from "../../errors.js";
import { readCalibrationFile } from "../../io/calibration-config.js";
import { readTextFile } from "../../io/read-file.js";
import type { ReportSection } from "../../io/report/document.js";
import { lastMonthReviewSection, parseReviewJson } from "../../io/report/review-report.js";
import type { PlanMonthOptions } from "../../plan/plan-month.js";
import type { CliIo } from "../io.js";

/**
 * `wfm plan --calibration FILE`: the plan's options with last month's calibration attached
 * (`planMonth` applies it to the forecast and the staffing config).
 */
export function withCalibration(options: PlanMonthOptions, file: string | undefined, io: CliIo): PlanMonthOptions {
  if (file === undefined) return options;
  const calibration = readCalibrationFile(file, { cwd: io.cwd, option: "--calibration" });
  return { ...options, calibration };
}

/**
 * `wfm plan --review FOLDER`: the "Last month: plan vs actual" section from the review.json of a
 * `wfm review --out FOLDER`, and the file read (so the output never replaces it).
 */
export function readLastMonthReview(folder: string | undefined, io: CliIo): { section: ReportSection; inputs: string[] } | null {
  if (folder === undefined) return null;
  const file = join(folder, "review.json");
  if (!existsSync(resolve(io.cwd, file))) {
    throw new WfmError({ code: "file-not-found", option: "--review", message: `${folder} has no review.json; give the folder wfm review --out wrote`, value: folder });
  }
  const review = parseReviewJson(readTextFile(file, { cwd: io.cwd, option: "--review" }), file);
  return { section: lastMonthReviewSection(review), inputs: [resolve(io.cwd, file)] };
}
