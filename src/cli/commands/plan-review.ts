import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { WfmError } from "../../errors.js";
import { readCalibrationFile } from "../../io/calibration-config.js";
import { readKpiCsv } from "../../io/kpi-csv.js";
import { readPlanFolder } from "../../io/plan-folder.js";
import { readTextFile } from "../../io/read-file.js";
import type { Locale } from "../../io/locale/index.js";
import type { ReportSection } from "../../io/report/document.js";
import { lastMonthReviewSection, parseReviewJson } from "../../io/report/review-report.js";
import type { PlanMonthOptions } from "../../plan/plan-month.js";
import { reviewMonth } from "../../review/review-month.js";
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
 * `wfm review --out FOLDER`; or, with `--review-actual REPORT.csv`, FOLDER is last month's plan
 * folder and the review is made here. Returns the files read (so the output never replaces them).
 * @throws {WfmError} `invalid-option`, `invalid-file` or `file-not-found`, one line per problem naming the field or option.
 */
export function readLastMonthReview(folder: string | undefined, actual: string | undefined, io: CliIo, locale: Locale = "en"): { section: ReportSection; inputs: string[] } | null {
  if (folder === undefined) {
    if (actual !== undefined) throw new WfmError({ code: "invalid-option", option: "--review-actual", message: "needs --review LAST_PLAN_DIR (the plan the report is compared with)" });
    return null;
  }
  if (actual !== undefined) {
    const plan = readPlanFolder(folder, { cwd: io.cwd, option: "--review" });
    const report = readKpiCsv(actual, { cwd: io.cwd, option: "--review-actual" });
    let review;
    try {
      review = reviewMonth({ plan: plan.plan, actual: { intervals: report.intervals, orders: report.orders }, simulation: { replications: 0 }, names: { plan: `the plan ${folder}`, actual } });
    } catch (error) {
      if (error instanceof WfmError && error.code === "invalid-argument" && error.path[0] === "actual") throw new WfmError({ code: "invalid-file", option: "--review-actual", message: error.message, value: actual });
      throw error;
    }
    return { section: lastMonthReviewSection(review, locale), inputs: [resolve(io.cwd, plan.summaryFile), resolve(io.cwd, actual)] };
  }
  const file = join(folder, "review.json");
  if (!existsSync(resolve(io.cwd, file))) {
    throw new WfmError({ code: "file-not-found", option: "--review", message: `${folder} has no review.json; give the folder wfm review --out wrote`, value: folder });
  }
  const review = parseReviewJson(readTextFile(file, { cwd: io.cwd, option: "--review" }), file);
  return { section: lastMonthReviewSection(review, locale), inputs: [resolve(io.cwd, file)] };
}
