import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

/** Result of running `wfm` in-process. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `wfm ...argv` in-process with captured output, in `cwd` (a fresh temp folder by default). */
export async function runCli(argv: readonly string[], options: { cwd?: string; stderrIsTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? process.cwd(),
    stderrIsTTY: options.stderrIsTTY ?? false,
  });
  return { status, stdout, stderr };
}

/** A new empty temporary folder. */
export function tempDir(prefix = "wfm-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
