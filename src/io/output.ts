import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
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

/** What marks a folder as a command's own output, so `--force` may replace it. */
export interface OutputMarker {
  /** Name of the marker file written into the folder, e.g. `.wfm-plan`. */
  readonly file: string;
  /** The command, for messages and the marker's content, e.g. `wfm plan`. */
  readonly command: string;
  /**
   * File names an output of an earlier version (before the marker) held; a folder holding only
   * these, `summary` among them, is recognised too.
   */
  readonly legacyFiles?: readonly string[];
  /** The file every legacy output has. */
  readonly legacyRequired?: string;
}

const listed = (names: readonly string[]) => {
  const shown = names.slice(0, 8).join(", ");
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
};

/**
 * Checks an output folder before a command does any work: it may be absent or empty; with
 * `force` it may also be a previous output of the same command (its marker file lists every
 * file in it). Anything else is refused with a message listing what the folder holds, so
 * `--force` never deletes a file the command did not write.
 *
 * @param folder - the output folder as the user wrote it
 * @param options.force - whether `--force` was given
 * @param options.inputs - input files, which must not lie inside the folder
 * @param options.marker - how the command's own outputs are recognised
 * @param options.forceFlag - whether the command has a `--force` flag to suggest. @defaultValue true
 * @throws {WfmError} `output-exists`, `would-overwrite-input` or `invalid-file`
 * @example
 * ```ts
 * checkOutputFolder("plan-output", { force: true, marker: { file: ".wfm-plan", command: "wfm plan" } }); // ok when absent
 * ```
 */
export function checkOutputFolder(
  folder: string,
  options: { force?: boolean; inputs?: readonly string[]; option?: string; marker?: OutputMarker; cwd?: string; forceFlag?: boolean } = {},
): void {
  const { force = false, inputs = [], option = "--out", marker, cwd = process.cwd(), forceFlag = true } = options;
  const target = canonicalPath(resolve(cwd, folder));
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    throw new WfmError({ code: "invalid-file", option, message: `${folder} exists and is not a folder`, value: folder });
  }
  const entries = readdirSync(target).sort();
  if (entries.length === 0) return;
  if (!force) {
    const fix = forceFlag ? "pass --force to replace it" : "choose a new folder";
    throw new WfmError({ code: "output-exists", option, message: `${folder} already exists; ${fix}`, value: folder });
  }
  for (const input of inputs) {
    const inputPath = canonicalPath(input);
    if (inputPath === target || inputPath.startsWith(target + "/")) {
      throw new WfmError({ code: "would-overwrite-input", option, message: `refusing to replace ${folder}: it holds the input file ${input}`, value: folder });
    }
  }
  if (marker === undefined) return;
  let own: readonly string[] | null = null;
  if (entries.includes(marker.file)) {
    try {
      const content = JSON.parse(readFileSync(join(target, marker.file), "utf8")) as { command?: unknown; files?: unknown };
      if (content.command === marker.command && Array.isArray(content.files) && content.files.every((f) => typeof f === "string")) own = [marker.file, ...(content.files as string[])];
    } catch {
      own = null;
    }
  } else if (marker.legacyFiles !== undefined && marker.legacyRequired !== undefined && entries.includes(marker.legacyRequired)) {
    own = marker.legacyFiles;
  }
  if (own === null) {
    throw new WfmError({
      code: "output-exists",
      option,
      message: `refusing to replace ${folder}: it is not a ${marker.command} output (no ${marker.file} file) and holds ${listed(entries)}; choose another folder`,
      value: folder,
    });
  }
  const foreign = entries.filter((name) => !own.includes(name));
  if (foreign.length > 0) {
    throw new WfmError({
      code: "output-exists",
      option,
      message: `refusing to replace ${folder}: besides a ${marker.command} output it holds ${listed(foreign)}, which ${marker.command} did not write; move ${foreign.length === 1 ? "it" : "them"} or choose another folder`,
      value: folder,
    });
  }
}

/**
 * Writes a set of files into a new output folder atomically: everything goes to a temporary sibling
 * folder first, which is renamed into place at the end. An existing non-empty folder is refused
 * unless `force` is set; with `force` the old folder is replaced only after the new one is complete,
 * and only when it is the same command's output (see {@link checkOutputFolder}); with `marker`
 * the marker file listing the files is written into the folder.
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
  options: { force?: boolean; inputs?: readonly string[]; option?: string; marker?: OutputMarker } = {},
): void {
  const { force = false, inputs = [], option = "--out", marker } = options;
  const target = canonicalPath(folder);
  const exists = existsSync(target);
  // Checked again at write time: the folder may have changed while the command worked.
  checkOutputFolder(folder, { force, inputs, option, ...(marker === undefined ? {} : { marker }) });
  if (marker !== undefined) {
    files = new Map([...files, [marker.file, `${JSON.stringify({ command: marker.command, files: [...files.keys()] }, null, 2)}\n`]]);
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
