/**
 * Plans the bundled example and saves a screenshot of its HTML report for the README
 * (docs/report.png). Needs Debian's chromium. Run: npx tsx scripts/screenshot-report.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../src/cli/main.js";
import { launchChromium } from "../test/support/browser.js";

const out = join(mkdtempSync(join(tmpdir(), "wfm-shot-")), "plan");
const status = await main(["plan", "--config", "examples/plan/plan.json", "--out", out]);
if (status !== 0) process.exit(status);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(out, "report.html")).href);
  await page.screenshot({ path: "docs/report.png", fullPage: false });
  console.log("wrote docs/report.png");
} finally {
  await browser.close();
}
