/**
 * The `wfm` command line as a library: `main(argv, io)` runs it in-process.
 * @module
 */
export { main, reportError } from "./main.js";
export type { CliIo } from "./io.js";
export { processIo } from "./io.js";
