import type { LocaleFormat } from "../io/locale/index.js";

/**
 * How `wfm erlang` writes its figures (the plain, premium and call-back paths share these).
 *
 * @module
 */

/**
 * A fraction as a percentage: one decimal from 1% up (more when that would round a value below
 * 100% up to "100.0%"), two significant digits below 1%; in the locale's digits.
 *
 * @example
 * ```ts
 * erlangPercent(0.99996, localeFormat("en")); //=> "99.996%"
 * ```
 */
export function erlangPercent(fraction: number, lf: LocaleFormat): string {
  if (!Number.isFinite(fraction)) return "-";
  const value = fraction * 100;
  if (value === 0) return lf.digits("0%");
  if (value < 1) return lf.digits(`${Number(value.toPrecision(2))}%`);
  let decimals = 1;
  while (value < 100 && Number(value.toFixed(decimals)) >= 100 && decimals < 12) decimals++;
  return lf.digits(`${value.toFixed(decimals)}%`);
}

/**
 * Seconds with one decimal below 100 s, whole seconds above; "infinite" in the locale's words.
 *
 * @example
 * ```ts
 * erlangSeconds(7.04, localeFormat("en")); //=> "7.0 s"
 * ```
 */
export function erlangSeconds(value: number, lf: LocaleFormat): string {
  if (!Number.isFinite(value)) return lf.messages.erlang.infinite;
  return lf.messages.erlang.seconds(lf.digits(value.toFixed(value >= 100 ? 0 : 1)));
}
