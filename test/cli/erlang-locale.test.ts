import { describe, expect, it } from "vitest";
import { parseLocalizedNumber } from "../../src/io/locale/index.js";
import { runCli } from "../support/cli.js";

/** Figures of a line (Latin or Persian digits), in order. */
const figures = (line: string) => (line.match(/[0-9۰-۹][0-9۰-۹.٫,٬]*[%٪]?/g) ?? []).map((t) => parseLocalizedNumber(t));

/**
 * Requests covering every row of the tables: solved with shrinkage, Erlang A evaluated and missing,
 * Erlang B, an unstable queue; priority classes, Erlang X and blending, solved and evaluated.
 */
const requests = [
  ["--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20", "--max-asa", "15", "--max-occupancy", "85%", "--shrinkage", "30%"],
  ["--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20", "--patience", "120", "--max-abandon", "5%", "--agents", "9"],
  ["--traffic", "100", "--model", "erlang-b", "--max-blocking", "1%"],
  ["--traffic", "12", "--aht", "180", "--agents", "11", "--target", "80/20"],
  ["--calls", "1000", "--interval", "30", "--aht", "180", "--patience", "120", "--classes", "vip:10%:90/10,regular:80/20", "--shrinkage", "25%"],
  ["--calls", "1000", "--interval", "30", "--aht", "180", "--patience", "120", "--classes", "vip:10%:90/10,regular:80/20", "--agents", "95", "--max-occupancy", "90%"],
  ["--calls", "1000", "--interval", "30", "--aht", "180", "--target", "80/20", "--model", "erlang-x", "--patience", "120", "--redial", "60", "--redial-delay", "300", "--lines", "120"],
  ["--calls", "1000", "--interval", "30", "--aht", "180", "--target", "80/20", "--model", "erlang-x", "--patience", "120", "--redial", "60", "--lines", "120", "--agents", "95", "--max-abandon", "2%"],
  ["--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20", "--agents", "16", "--outbound-reserve", "best"],
  ["--calls", "100", "--interval", "30", "--aht", "180", "--target", "95/20", "--patience", "300", "--agents", "16", "--outbound-reserve", "3"],
];

describe("wfm erlang --locale fa", () => {
  it("prints the same figures as in English, in Persian words and digits", async () => {
    let compared = 0;
    for (const args of requests) {
      const en = await runCli(["erlang", ...args]);
      const fa = await runCli(["erlang", ...args, "--locale", "fa"]);
      expect(fa.stderr).toBe("");
      expect(fa.status).toBe(en.status);
      expect(fa.stdout).not.toMatch(/[0-9]/);
      const enLines = en.stdout.trimEnd().split("\n");
      const faLines = fa.stdout.trimEnd().split("\n");
      expect(faLines.length, args.join(" ")).toBe(enLines.length);
      for (let i = 0; i < enLines.length; i++) {
        // the model row names "Erlang C" / "M/M/N": no figures in either language; the table headings have none either
        expect(figures(faLines[i]!), faLines[i]).toEqual(figures(enLines[i]!));
        compared += figures(enLines[i]!).length;
      }
    }
    expect(compared).toBeGreaterThan(150);
    const fa = await runCli(["erlang", ...requests[0]!, "--locale", "fa"]);
    expect(fa.stdout).toContain("سطح سرویس");
    expect(fa.stdout).toContain("میانگین سرعت پاسخگویی (ASA)");
    expect(fa.stdout).toContain("شرینکیج ۳۰٪");
  });

  it("keeps JSON unchanged; refuses --locale xx with one line", async () => {
    for (const args of requests) {
      const en = await runCli(["erlang", ...args, "--format", "json"]);
      const fa = await runCli(["erlang", ...args, "--format", "json", "--locale", "fa"]);
      expect(fa.stdout).toBe(en.stdout);
    }
    const bad = await runCli(["erlang", ...requests[0]!, "--locale", "xx"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('--locale: expected one of en, fa, got "xx"\n');
  });
});
