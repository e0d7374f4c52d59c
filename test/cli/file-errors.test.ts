/**
 * File-system errors other than "not found" (permissions, I/O) are one line naming the path, never
 * a stack. The machine's tests run as root, which reads any file, so the read is made to fail with
 * the error Node raises for a file without read permission.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const denied = new Set<string>();
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const deny = (path: unknown) => {
    if (typeof path === "string" && denied.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES", errno: -13, syscall: "open", path });
    }
  };
  return {
    ...fs,
    readFileSync: ((path: unknown, ...rest: unknown[]) => {
      deny(path);
      return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFileSync,
  };
});

const { runCli, tempDir } = await import("../support/cli.js");

afterEach(() => denied.clear());

describe("unreadable files", () => {
  it("wfm schedule --dbai: one line naming the option and the path", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.txt"), "anything\n");
    denied.add(join(dir, "x.txt"));
    const run = await runCli(["schedule", "--dbai", "x.txt"], { cwd: dir });
    expect(run.stderr).toBe(`--dbai: cannot read x.txt: EACCES: permission denied, open '${join(dir, "x.txt")}'\n`);
    expect(run.status).toBe(2);
  });

  it("a volume file: one line naming the path", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "v.csv"), "timestamp,calls\n2026-12-07T08:00,1\n");
    denied.add(join(dir, "v.csv"));
    const run = await runCli(["staff", "v.csv", "--target", "80/20", "--aht", "180"], { cwd: dir });
    expect(run.stderr.split("\n")[0]).toBe(`cannot read v.csv: EACCES: permission denied, open '${join(dir, "v.csv")}'`);
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.status).toBe(2);
  });
});
