import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian's chromium lives (`.ci/run` installs it); `$CHROMIUM_PATH` overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new Error(`the browser test needs Chromium (Debian package "chromium"); looked in ${candidates.join(", ")}`);
  }
  return found;
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** What a page showed: console errors, page errors, failed requests, and each chart's drawn size. */
export interface PageCheck {
  readonly consoleErrors: readonly string[];
  readonly pageErrors: readonly string[];
  readonly failedRequests: readonly string[];
  readonly charts: readonly { id: string; width: number; height: number; marks: number }[];
}

/** Opens a file in headless Chromium, records problems, measures every `svg[data-chart]`, and saves a full-page screenshot. */
export async function checkPageInBrowser(fileUrl: string, screenshotPath: string): Promise<PageCheck> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    await page.goto(fileUrl, { waitUntil: "load" });
    const charts = await page.$$eval("svg[data-chart]", (nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return {
          id: node.getAttribute("data-chart") ?? "",
          width: box.width,
          height: box.height,
          marks: node.querySelectorAll("path, rect, line").length,
        };
      }),
    );
    await page.screenshot({ path: screenshotPath, fullPage: true });
    return { consoleErrors, pageErrors, failedRequests, charts };
  } finally {
    await browser.close();
  }
}
