import { Command, CommanderError } from "commander";
import { WfmError, formatProblem } from "../errors.js";
import { commands } from "./commands/index.js";
import { processIo, type CliIo } from "./io.js";

/** The package version, injected by tsup at build time (falls back for tests run from source). */
declare const __WFM_VERSION__: string | undefined;
const version = typeof __WFM_VERSION__ === "string" ? __WFM_VERSION__ : "0.0.0-dev";

/**
 * Runs the `wfm` command line in-process and resolves to its exit status.
 *
 * - 0: success;
 * - 2: a user mistake (bad flag, bad file, bad config): one line per problem on stderr, no stack;
 * - 1: a bug: the stack is printed.
 *
 * @param argv - the arguments after `wfm`, e.g. `["erlang", "--calls", "100"]`
 * @param io - where output goes; defaults to the real process
 *
 * @example
 * ```ts
 * const status = await main(["erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--target", "80/20"]);
 * //=> 0
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command("wfm")
    .description("Workforce management for contact centres: staffing, forecasts, schedules and costs.")
    .version(version, "-V, --version")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, "wfm: ")),
    });
  for (const command of commands) command.register(program, io);
  program.commands.forEach((sub) => {
    sub.exitOverride();
    sub.configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, `wfm ${sub.name()}: `)),
    });
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Turns a thrown value into output and an exit status (see {@link main}). */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
      return 0;
    }
    // commander has already printed its one-line message through configureOutput.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof WfmError) {
    for (const problem of error.problems) io.stderr(`${formatProblem(problem)}\n`);
    return 2;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`wfm: internal error (please report it):\n${stack}\n`);
  return 1;
}
