import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPageInBrowser, type PageCheck } from "../support/browser.js";
import { runCli, tempDir } from "../support/cli.js";
import { repoRoot, sharedDir } from "../support/shared.js";

// The bundled example, planned end to end, then opened in headless Chromium (Debian package
// `chromium`, installed by .ci/run). Part of the second suite: it needs a browser.
sharedDir();
const out = join(tempDir("wfm-plan-report-"), "plan");
const screenshot = join(repoRoot, "test-output", "report.png");
let check: PageCheck;
let html: string;

beforeAll(async () => {
  const run = await runCli(["plan", "--config", join(repoRoot, "examples", "plan", "plan.json"), "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  html = readFileSync(join(out, "report.html"), "utf8");
  mkdirSync(join(repoRoot, "test-output"), { recursive: true });
  check = await checkPageInBrowser(pathToFileURL(join(out, "report.html")).href, screenshot);
});

describe("the HTML report of the bundled example", () => {
  it("opens without console errors, page errors or network requests", () => {
    expect(check.consoleErrors).toEqual([]);
    expect(check.pageErrors).toEqual([]);
    expect(check.failedRequests).toEqual([]);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("draws every chart with a real size and marks", () => {
    const ids = check.charts.map((c) => c.id);
    expect(ids).toEqual(["forecast", "coverage", "heatmap", "cost-breakdown", "scenarios"]);
    for (const chart of check.charts) {
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      expect(chart.marks, chart.id).toBeGreaterThan(10);
    }
  });

  it("shows the headline figures the summary holds", () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(html).toContain(summary.headline.costPerContact);
    expect(html).toContain(summary.headline.costPerOrder);
    expect(html).toContain(`${(summary.headline.serviceLevel * 100).toFixed(1)}%`);
  });
});
