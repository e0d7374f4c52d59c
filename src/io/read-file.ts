import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { WfmError } from "../errors.js";

/**
 * Largest input file read, in bytes (256 MiB). Inputs are read whole (a string in memory), so a
 * larger file is refused before a byte of it is read, with its size in the message. A year of
 * 15-minute intervals for 1,000 queues is about 3 million rows, about 120 MB.
 */
export const maxInputBytes = 256 * 1024 * 1024;

/**
 * Decodes a file's bytes as text: UTF-8 (an Excel byte-order mark is dropped), or UTF-16 LE/BE
 * when a byte-order mark declares it. Anything that is not valid UTF-8 is an error naming the
 * line and column of the first bad byte: a Latin-1 or Windows-1252 export would otherwise turn
 * `é` into U+FFFD without a word.
 *
 * @param bytes - the file's content
 * @param file - the name used in problems
 * @throws {WfmError} `invalid-file` for text that is not UTF-8 (and carries no UTF-16 BOM)
 *
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "a.csv"); //=> "a"
 * decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), "a.csv"); //=> "a"
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (body[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder("utf-8").decode(body.subarray(lineStart, bad)).length + 1;
    const hex = body[bad]!.toString(16).toUpperCase().padStart(2, "0");
    throw new WfmError({
      code: "invalid-file",
      file,
      line,
      column,
      message: `the file is not UTF-8 text (byte 0x${hex}); save it as UTF-8 (Excel: "CSV UTF-8") or UTF-16 with a byte-order mark`,
    });
  }
}

/** Byte offset of the first byte that does not continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/**
 * Reads a text file named on the command line or in a config (encodings: {@link decodeText};
 * size limit: {@link maxInputBytes}).
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
  let size = 0;
  let isFile = false;
  try {
    const stat = statSync(absolute);
    isFile = stat.isFile();
    size = stat.size;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WfmError({ code: "file-not-found", ...where, message: `file not found: ${path}`, value: path });
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", ...where, message: `cannot read ${path}: ${reason}`, value: path });
  }
  if (!isFile) throw new WfmError({ code: "invalid-file", ...where, message: `${path} is not a file`, value: path });
  if (size > maxInputBytes) {
    throw new WfmError({
      code: "invalid-file",
      ...where,
      message: `${path} is ${(size / 1024 / 1024).toFixed(0)} MiB; inputs above ${maxInputBytes / 1024 / 1024} MiB are refused (split it by queue or by month)`,
      value: path,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WfmError({ code: "invalid-file", ...where, message: `cannot read ${path}: ${reason}`, value: path });
  }
  return decodeText(bytes, path);
}
