/**
 * The core runs in a browser: the packed package's core entry, bundled for the browser by esbuild
 * with no flags, loaded into headless Chromium (Debian package `chromium`, installed by .ci/run),
 * computes requiredAgents and planStaffing there. Part of the second suite: it needs a browser.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser.js";
import { packedConsumer } from "./support/packed.js";
import { sharedDir } from "./support/shared.js";

sharedDir();
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const consumer = packedConsumer();
  const { build } = await import("esbuild");
  writeFileSync(join(consumer.dir, "page.mjs"), 'import { requiredAgents, planStaffing } from "wfm-kit"; globalThis.wfm = { requiredAgents, planStaffing };\n');
  const bundle = await build({ entryPoints: [join(consumer.dir, "page.mjs")], bundle: true, platform: "browser", format: "iife", write: false, absWorkingDir: consumer.dir, logLevel: "silent", outdir: join(consumer.dir, "out") });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.setContent("<!doctype html><title>wfm-kit</title>");
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the core bundled for a browser, in headless Chromium", () => {
  it("computes requiredAgents: 100 calls per 30 min, AHT 180 s, 80/20 needs 14 agents (Erlang C tables)", async () => {
    const agents = await page.evaluate(() => {
      const w = (globalThis as unknown as { wfm: { requiredAgents: (o: object) => { agents: number | null } } }).wfm;
      return w.requiredAgents({ callsPerInterval: 100, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetAnswerSeconds: 20 }).agents;
    });
    expect(agents).toBe(14);
    expect(pageErrors).toEqual([]);
  });

  it("computes planStaffing: 14 required, 20 scheduled after 30% shrinkage (ceil(14 / 0.7)), 10 scheduled hours", async () => {
    const plan = await page.evaluate(() => {
      const w = (globalThis as unknown as { wfm: { planStaffing: (o: object) => { intervals: { requiredAgents: number; scheduledAgents: number }[]; totals: { all: { scheduledHours: number } } } } }).wfm;
      const p = w.planStaffing({
        intervalMinutes: 30,
        intervals: [{ localMs: Date.UTC(2026, 11, 1, 9), channel: "voice", calls: 100, ahtSeconds: 180 }],
        config: { channels: { voice: { type: "voice", targetServiceLevel: 0.8, targetAnswerSeconds: 20 } }, shrinkage: { components: [{ name: "breaks", fraction: 0.3 }] } },
      });
      return { required: p.intervals[0]!.requiredAgents, scheduled: p.intervals[0]!.scheduledAgents, hours: p.totals.all.scheduledHours };
    });
    // 14 / 0.7 agents x 0.5 h = 10 h (scheduled hours are not rounded).
    expect(plan).toEqual({ required: 14, scheduled: 20, hours: 10 });
    expect(pageErrors).toEqual([]);
  });
});
