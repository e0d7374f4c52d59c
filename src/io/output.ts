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

/** One output file of a command: where, what, and the option that named it. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
  /** The option that named it, for messages. @defaultValue "--out" */
  readonly option?: string;
}

/**
 * Checks the output paths of a command before it does its work: none is one of `inputs`, no two
 * name the same file, each one's folder exists and none is a folder.
 *
 * @throws {WfmError} `would-overwrite-input` or `invalid-file`, naming the option
 */
export function checkOutputPaths(outputs: readonly { readonly path: string; readonly option?: string }[], options: { inputs?: readonly string[] } = {}): void {
  const { inputs = [] } = options;
  const seen = new Map<string, string>();
  for (const { path, option = "--out" } of outputs) {
    const target = canonicalPath(path);
    for (const input of inputs) {
      if (canonicalPath(input) === target) {
        throw new WfmError({ code: "would-overwrite-input", option, message: `refusing to overwrite the input file ${input}; choose another output path`, value: path });
      }
    }
    const other = seen.get(target);
    if (other !== undefined) {
      throw new WfmError({ code: "invalid-file", option, message: `${path} is also the ${other} file; give each output its own path`, value: path });
    }
    seen.set(target, option);
    const folder = dirname(target);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new WfmError({ code: "invalid-file", option, message: `folder ${dirname(path)} does not exist`, value: path });
    }
    if (existsSync(target) && statSync(target).isDirectory()) {
      throw new WfmError({ code: "invalid-file", option, message: `${path} is a folder, not a file`, value: path });
    }
  }
}

/**
 * Writes every output of a command, or none: each goes to a temporary file beside its target
 * first; only when all are written are they renamed into place, and a failure while renaming puts
 * back the files that were there before. Refuses to write over any of `inputs`, and two outputs
 * naming the same file.
 *
 * @throws {WfmError} `would-overwrite-input` or `invalid-file` (folder missing, not writable), naming the option
 */
export function writeFilesAtomic(files: readonly OutputFile[], options: { inputs?: readonly string[] } = {}): void {
  checkOutputPaths(files, options);
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staged: { target: string; temporary: string; backup: string; existed: boolean; file: OutputFile }[] = [];
  const fail = (file: OutputFile, error: unknown): never => {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", option: file.option ?? "--out", message: `cannot write ${file.path}: ${reason}`, value: file.path });
  };
  for (const file of files) {
    const target = canonicalPath(file.path);
    const folder = dirname(target);
    const temporary = join(folder, `.${basename(target)}.wfm-tmp-${suffix}`);
    try {
      writeFileSync(temporary, file.content);
    } catch (error) {
      for (const s of staged) rmSync(s.temporary, { force: true });
      rmSync(temporary, { force: true });
      fail(file, error);
    }
    staged.push({ target, temporary, backup: join(folder, `.${basename(target)}.wfm-old-${suffix}`), existed: existsSync(target), file });
  }
  const done: typeof staged = [];
  for (const s of staged) {
    try {
      if (s.existed) renameSync(s.target, s.backup);
      try {
        renameSync(s.temporary, s.target);
      } catch (error) {
        if (s.existed) renameSync(s.backup, s.target);
        throw error;
      }
      done.push(s);
    } catch (error) {
      // Put back what was there before, and drop what is not yet in place.
      for (const d of done) {
        rmSync(d.target, { force: true });
        if (d.existed) renameSync(d.backup, d.target);
      }
      for (const t of staged) rmSync(t.temporary, { force: true });
      fail(s.file, error);
    }
  }
  for (const d of done) if (d.existed) rmSync(d.backup, { force: true });
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
  writeFilesAtomic([{ path, content, option: options.option ?? "--out" }], options.inputs === undefined ? {} : { inputs: options.inputs });
}

/**
 * Checks an output folder before a command does its work (see {@link writeFolderAtomic}): refuses
 * a path that is a file, a non-empty folder without `force`, and a folder holding an input.
 *
 * @returns whether the folder exists
 * @throws {WfmError} `output-exists`, `would-overwrite-input` or `invalid-file`
 */
export function checkOutputFolder(folder: string, options: { force?: boolean; inputs?: readonly string[]; option?: string } = {}): boolean {
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
  return exists;
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
  const exists = checkOutputFolder(folder, { force, inputs, option });
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
