import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("wfm main", () => {
  it("prints help and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: wfm");
  });

  it("rejects an unknown command with one line and exit 2", async () => {
    const run = await runCli(["frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("wfm schema lists its configs without loading zod", () => {
  it("names exactly the configs the schemas exist for", async () => {
    const { configNames } = await import("../../src/cli/commands/schema.js");
    const { configSchemas } = await import("../../src/io/schemas.js");
    expect([...configNames]).toEqual(Object.keys(configSchemas).sort());
  });
});
