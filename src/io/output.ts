import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { WfmError } from "../errors.js";

/** Resolves a path and follows links where the file exists, so two spellings compare equal. */
function canonicalPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same folder, then a rename, so a
 * reader never sees half a file and a crash never leaves one. Refuses to write over any of
 * `inputs` (the files the command read), with code `would-overwrite-input`.
 *
 * @param path - the output file
 * @param content - text (UTF-8) or bytes
 * @param options.inputs - files the command read; writing to one of them is refused
 * @param options.option - the option that named the output, for the error message (default `--out`)
 * @throws {WfmError} `would-overwrite-input` or `invalid-file` (folder missing, not writable)
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: { inputs?: readonly string[]; option?: string } = {},
): void {
  const { inputs = [], option = "--out" } = options;
  const target = canonicalPath(path);
  for (const input of inputs) {
    if (canonicalPath(input) === target) {
      throw new WfmError({
        code: "would-overwrite-input",
        option,
        message: `refusing to overwrite the input file ${input}; choose another output path`,
        value: path,
      });
    }
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new WfmError({ code: "invalid-file", option, message: `folder ${dirname(path)} does not exist`, value: path });
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new WfmError({ code: "invalid-file", option, message: `${path} is a folder, not a file`, value: path });
  }
  const temporary = join(folder, `.${basename(target)}.wfm-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new WfmError({ code: "invalid-file", option, message: `cannot write ${path}: ${reason}`, value: path });
  }
}

/**
 * Writes a set of files into a new output folder atomically: everything goes to a temporary sibling
 * folder first, which is renamed into place at the end. An existing non-empty folder is refused
 * unless `force` is set; with `force` the old folder is replaced only after the new one is complete.
 *
 * @param folder - the output folder
 * @param files - file name (no slashes) to content
 * @param options.force - replace an existing folder
 * @param options.inputs - input files that must not live inside the folder being replaced
 * @throws {WfmError} `output-exists`, `would-overwrite-input` or `invalid-file`
 */
export function writeFolderAtomic(
  folder: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: { force?: boolean; inputs?: readonly string[]; option?: string } = {},
): void {
  const { force = false, inputs = [], option = "--out" } = options;
  const target = canonicalPath(folder);
  const exists = existsSync(target);
  if (exists) {
    if (!statSync(target).isDirectory()) {
      throw new WfmError({ code: "invalid-file", option, message: `${folder} exists and is not a folder`, value: folder });
    }
    if (readdirSync(target).length > 0 && !force) {
      throw new WfmError({ code: "output-exists", option, message: `${folder} already exists; pass --force to replace it`, value: folder });
    }
    for (const input of inputs) {
      const inputPath = canonicalPath(input);
      if (inputPath === target || inputPath.startsWith(target + "/")) {
        throw new WfmError({
          code: "would-overwrite-input",
          option,
          message: `refusing to replace ${folder}: it holds the input file ${input}`,
          value: folder,
        });
      }
    }
  }
  const parent = dirname(target);
  if (!existsSync(parent)) mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.${basename(target)}.wfm-tmp-${suffix}`);
  const old = join(parent, `.${basename(target)}.wfm-old-${suffix}`);
  try {
    mkdirSync(staging);
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    if (exists) renameSync(target, old);
    renameSync(staging, target);
    if (exists) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (exists && !existsSync(target) && existsSync(old)) renameSync(old, target);
    const reason = error instanceof Error ? error.message : String(error);
    throw new WfmError({ code: "invalid-file", option, message: `cannot write ${folder}: ${reason}`, value: folder });
  }
}
