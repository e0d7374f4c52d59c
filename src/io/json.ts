import type { z } from "zod";
import { WfmError, type Problem } from "../errors.js";
import { readTextFile } from "./read-file.js";

/**
 * Parses JSON text from a config file; a syntax error becomes a {@link WfmError} naming the file,
 * line and column (where the JavaScript engine reports a position).
 *
 * @throws {WfmError} `invalid-config` for text that is not JSON
 *
 * @example
 * ```ts
 * parseJsonText('{"a": 1}', "c.json"); //=> { a: 1 }
 * parseJsonText('{"a": }', "c.json"); // throws: c.json:1:7: not valid JSON: Unexpected token '}', ...
 * ```
 */
export function parseJsonText(text: string, file: string): unknown {
  const source = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where: Partial<Problem> = {};
    if (at) {
      const before = source.slice(0, Number(at[1]));
      const lines = before.split("\n");
      Object.assign(where, { line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    }
    throw new WfmError({ code: "invalid-config", file, ...where, message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "")}` });
  }
}

/**
 * Reads and parses a JSON config file (see {@link parseJsonText}).
 *
 * @throws {WfmError} `file-not-found`, `invalid-file` or `invalid-config`
 */
export function readJsonFile(path: string, options: { readonly cwd?: string; readonly option?: string } = {}): unknown {
  return parseJsonText(readTextFile(path, options), path);
}

/**
 * Reads JSON keeping the numbers of the given keys as their decimal text (a string), so money
 * never passes through a binary float; other numbers are ordinary numbers. A syntax error is
 * reported with its line and column.
 *
 * @param text - JSON text
 * @param file - name used in problems
 * @param keys - keys whose numeric values stay text
 * @throws {WfmError} `invalid-config` for text that is not JSON
 *
 * @example
 * ```ts
 * parseJsonExact('{"hourlyWage": 12.35, "hoursPerFte": 176}', "c.json", new Set(["hourlyWage"])); //=> { hourlyWage: "12.35", hoursPerFte: 176 }
 * ```
 */
export function parseJsonExact(text: string, file: string, keys: ReadonlySet<string>): unknown {
  const source = text.replace(/^\uFEFF/, "");
  parseJsonText(source, file);
  // Quote the number literals that are values of the exact keys, then parse again.
  let out = "";
  let i = 0;
  let lastString: string | null = null;
  let valueKey: string | null = null;
  const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
      const literal = source.slice(i, j + 1);
      lastString = JSON.parse(literal) as string;
      out += literal;
      i = j + 1;
      continue;
    }
    if (ch === ":") valueKey = lastString;
    else if (ch === "," || ch === "{" || ch === "[") valueKey = null;
    if (ch === "-" || (ch >= "0" && ch <= "9")) {
      numberToken.lastIndex = i;
      const match = numberToken.exec(source)!;
      const token = match[0];
      out += valueKey !== null && keys.has(valueKey) ? `"${token}"` : token;
      i += token.length;
      continue;
    }
    out += ch;
    i++;
  }
  return JSON.parse(out);
}

/**
 * Turns zod issues into problems naming the file and the path of each bad field (a raw zod error
 * never reaches a user).
 *
 * @example
 * ```ts
 * zodProblems(z.object({ currency: z.string() }).safeParse({}).error!, "cost.json")[0];
 * //=> { code: "invalid-config", file: "cost.json", path: ["currency"], message: "Invalid input: expected string, received undefined" }
 * ```
 */
export function zodProblems(error: z.ZodError, file: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    return {
      code: "invalid-config" as const,
      file,
      ...(path.length > 0 ? { path } : {}),
      message: issue.message,
    };
  });
}
