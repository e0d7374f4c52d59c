/**
 * The bad-input battery across every command (cases in bad-input-cases.ts, one row each): per
 * case the exit status, the first line of the message (which names the place), nothing on
 * stdout, and the folder exactly as before the run: no output, no partial output, no changed input.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { badInputCases, baseFiles, type BadInputCase } from "./bad-input-cases.js";

/** Every file and folder under `dir` with its content ("" for folders), sorted. */
function snapshot(dir: string, prefix = ""): [string, string][] {
  const entries: [string, string][] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const relative = join(prefix, name);
    if (statSync(join(dir, relative)).isDirectory()) entries.push([`${relative}/`, ""], ...snapshot(dir, relative));
    else entries.push([relative, readFileSync(join(dir, relative), "latin1")]);
  }
  return entries;
}

function setUp(c: BadInputCase): string {
  const dir = tempDir("wfm-bad-input-");
  for (const [name, content] of Object.entries({ ...baseFiles, ...c.files })) {
    if (name.endsWith("/")) mkdirSync(join(dir, name), { recursive: true });
    else {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
  }
  return dir;
}

/** Runs one case: the status, stderr's first line, stdout, and the folder before and after. */
export async function runCase(c: BadInputCase): Promise<{ status: number; first: string; stdout: string; stderrLines: number; before: [string, string][]; after: [string, string][] }> {
  const dir = setUp(c);
  const before = snapshot(dir);
  const run = await runCli(c.argv, { cwd: dir });
  return { status: run.status, first: run.stderr.split("\n")[0]!, stdout: run.stdout, stderrLines: run.stderr.split("\n").length, before, after: snapshot(dir) };
}

describe("bad input, across every command", () => {
  it("has at least 100 cases, each with a distinct name", () => {
    expect(badInputCases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(badInputCases.map((c) => c.name)).size).toBe(badInputCases.length);
  });

  it.each(badInputCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const result = await runCase(c);
    if (typeof c.first === "string") expect(result.first).toBe(c.first);
    else expect(result.first).toMatch(c.first);
    expect(result.first.length, "the message quotes at most a short prefix of any input").toBeLessThan(400);
    expect(result.status).toBe(c.status ?? 2);
    expect(result.stdout).toBe("");
    expect(result.after).toEqual(result.before);
  }, 60_000);
});
