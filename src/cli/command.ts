import type { Command } from "commander";
import type { CliIo } from "./io.js";

/**
 * One `wfm` sub-command. `register` adds it to the program; its action must be async and may
 * throw {@link WfmError} for user mistakes (printed as one line per problem, exit 2).
 */
export interface CommandModule {
  readonly name: string;
  register(program: Command, io: CliIo): void;
}
