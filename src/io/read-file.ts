import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { WfmError } from "../errors.js";

/**
 * Reads a UTF-8 text file named on the command line or in a config.
 *
 * @param path - the path as the user wrote it (used in messages)
 * @param options.cwd - folder to resolve a relative path against
 * @param options.option - the option or argument that named it, e.g. `--config`
 * @throws {WfmError} `file-not-found` or `invalid-file`, naming the option
 */
export function readTextFile(path: string, options: { cwd?: string; option?: string } = {}): string {
  const { cwd = process.cwd(), option } = options;
  const absolute = resolve(cwd, path);
  const where = option === undefined ? {} : { option };
  let isFile = false;
  try {
    isFile = statSync(absolute).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WfmError({ code: "file-not-found", ...where, message: `file not found: ${path}`, value: path });
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", ...where, message: `cannot read ${path}: ${reason}`, value: path });
  }
  if (!isFile) throw new WfmError({ code: "invalid-file", ...where, message: `${path} is not a file`, value: path });
  try {
    return readFileSync(absolute, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", ...where, message: `cannot read ${path}: ${reason}`, value: path });
  }
}
