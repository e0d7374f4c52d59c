import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, existsSync } from "node:fs";
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
/** Text given as a sequence of chunks (e.g. a generator of CSV lines a few thousand at a time). */
export interface TextChunks {
  readonly chunks: Iterable<string>;
}

/** Writes `content` to a new file at `path`. */
function writeContent(path: string, content: OutputFile["content"]): void {
  if (typeof content === "string" || content instanceof Uint8Array) {
    writeFileSync(path, content);
    return;
  }
  const fd = openSync(path, "w");
  try {
    for (const chunk of content.chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export interface OutputFile {
  readonly path: string;
  /** Text (UTF-8), bytes, or text in chunks (written one after the other, never joined: for outputs of hundreds of megabytes). */
  readonly content: string | Uint8Array | TextChunks;
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
      writeContent(temporary, file.content);
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
 * @param content - text (UTF-8), bytes, or text in chunks (`{ chunks }`, written as they come)
 * @param options.inputs - files the command read; writing to one of them is refused
 * @param options.option - the option that named the output, for the error message (default `--out`)
 * @throws {WfmError} `would-overwrite-input` or `invalid-file` (folder missing, not writable)
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array | TextChunks,
  options: { inputs?: readonly string[]; option?: string } = {},
): void {
  writeFilesAtomic([{ path, content, option: options.option ?? "--out" }], options.inputs === undefined ? {} : { inputs: options.inputs });
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
      if (content.command === marker.command && Array.isArray(content.files) && content.files.every((f) => typeof f === "string")) own = [marker.file, ...(content.files as string[]).map((f) => f.split("/")[0]!)];
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
 * @param files - file name to content; a name may hold one or more subfolders (`calendar/a1.ics`),
 *   created inside the folder
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
    for (const [name, content] of files) {
      if (name.includes("/")) mkdirSync(join(staging, dirname(name)), { recursive: true });
      writeFileSync(join(staging, name), content);
    }
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
