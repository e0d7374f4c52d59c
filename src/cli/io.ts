/**
 * What a command may touch of the outside world. `main` receives it, so tests run commands
 * in-process with captured output and a temporary working directory.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal (progress lines are printed only then). */
  readonly stderrIsTTY: boolean;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
