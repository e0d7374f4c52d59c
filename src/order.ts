/**
 * Orders two strings by their UTF-16 code units: the same order on every machine.
 *
 * `String.prototype.localeCompare` without a locale follows the ICU default of the machine that
 * runs it (a Swedish or Lithuanian default orders some letters differently), so sorting with it
 * would make the bytes of a report depend on where it was written. Every sort whose order reaches
 * an output uses this comparator instead.
 *
 * @param a - The first string.
 * @param b - The second string.
 * @returns A negative number when `a` sorts first, a positive one when `b` does, 0 when equal.
 * @example
 * ["b", "B", "a"].sort(compareText);
 * //=> ["B", "a", "b"]
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
