import { Decimal as DecimalJs } from "decimal.js";
import { invalidArgument } from "../errors.js";

/**
 * Exact money for wfm-kit: decimal.js numbers with 40 significant digits.
 *
 * Money is a decimal from input to output. An amount is read from its decimal text (`"12.35"`, or
 * the number 12.35 through its shortest round-trip text, never through its binary value
 * 12.3499999999999996447...), added and multiplied exactly (sums of amounts with up to 40
 * significant digits have no rounding at all), divided to 40 significant digits, and rounded to
 * the currency's minor units once, when a report is written ({@link roundMoney},
 * {@link allocateRounded}).
 *
 * The decimal.js constructor is a private clone (`Decimal.clone({ precision: 40 })`), so nothing
 * here changes, or depends on, the global decimal.js settings of an application that embeds
 * wfm-kit.
 *
 * @module
 */

const MoneyDecimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/** An exact decimal amount (a decimal.js instance with 40 significant digits). */
export type Money = DecimalJs;

/** What {@link toMoney} accepts: decimal text, a finite number (read through its shortest decimal text), or a decimal. */
export type MoneyInput = string | number | DecimalJs;

const decimalText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts decimal text or a number to {@link Money} without binary rounding: a number is read
 * through its shortest round-trip text, so `12.35` becomes exactly 12.35.
 *
 * @param value - `"12.35"`, `"1e3"`, `12.35`, or a decimal
 * @param field - the field named in the error message @defaultValue "amount"
 * @throws {WfmError} `invalid-argument` for text that is not a plain decimal number, NaN or
 *   Infinity
 *
 * @example
 * ```ts
 * toMoney("12.35").toString(); //=> "12.35"
 * toMoney(0.1).plus(toMoney(0.2)).toString(); //=> "0.3"
 * toMoney("abc"); // throws WfmError: toMoney: amount must be a decimal number such as "12.35", got "abc"
 * ```
 */
export function toMoney(value: MoneyInput, field = "amount"): Money {
  if (DecimalJs.isDecimal(value)) {
    const d = value as DecimalJs;
    if (!d.isFinite()) invalidArgument("toMoney", field, "a finite decimal number", d.toString());
    return new MoneyDecimal(d);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) invalidArgument("toMoney", field, "a finite number", value);
    return new MoneyDecimal(String(value));
  }
  if (typeof value === "string" && decimalText.test(value.trim())) return new MoneyDecimal(value.trim());
  return invalidArgument("toMoney", field, 'a decimal number such as "12.35"', value);
}

/** Zero as {@link Money}. */
export const zeroMoney: Money = new MoneyDecimal(0);

/**
 * Sum of amounts, exact (no rounding while the result has at most 40 significant digits).
 *
 * @throws {WfmError} `invalid-argument` when `amounts` is not valid (the message says what it must be).
 * @example
 * ```ts
 * sumMoney([toMoney("0.1"), toMoney("0.2")]).toString(); //=> "0.3"
 * sumMoney([]).toString(); //=> "0"
 * ```
 */
export function sumMoney(amounts: readonly Money[]): Money {
  if (!Array.isArray(amounts)) invalidArgument("sumMoney", "amounts", "an array of amounts", amounts);
  let total = zeroMoney;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** How a half minor unit is rounded at output: away from zero (commercial rounding) or to even (banker's rounding). */
export type MoneyRounding = "half-up" | "half-even";

/**
 * Minor units (decimals) of common currencies, ISO 4217: IRR and the Iranian toman IRT have none in
 * practice, USD and EUR two, a few Gulf currencies three. Any code may be given its own minor units
 * in a cost config.
 */
export const currencyMinorUnits: Readonly<Record<string, number>> = {
  IRR: 0,
  IRT: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  AED: 2,
  TRY: 2,
  INR: 2,
  CNY: 2,
  SEK: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
};

function decimalRounding(rounding: MoneyRounding): DecimalJs.Rounding {
  return rounding === "half-even" ? DecimalJs.ROUND_HALF_EVEN : DecimalJs.ROUND_HALF_UP;
}

/**
 * Rounds an amount to `minorUnits` decimals, returned as fixed-point text (`"1234.50"`).
 *
 * @param amount - the exact amount
 * @param minorUnits - decimals of the currency (0 for IRR, 2 for USD), 0..10
 * @param rounding - @defaultValue "half-up" (half a minor unit away from zero)
 * @throws {WfmError} `invalid-argument` when minorUnits is not a whole number in 0..10
 *
 * @example
 * ```ts
 * roundMoney(toMoney("2.345"), 2); //=> "2.35"
 * roundMoney(toMoney("2.345"), 2, "half-even"); //=> "2.34"
 * roundMoney(toMoney("1234.5"), 0); //=> "1235"
 * roundMoney(toMoney("-0.001"), 2); //=> "0.00" (never "-0.00")
 * ```
 */
export function roundMoney(amount: Money, minorUnits: number, rounding: MoneyRounding = "half-up"): string {
  checkMinorUnits("roundMoney", minorUnits);
  return fixedText(amount.toDecimalPlaces(minorUnits, decimalRounding(rounding)), minorUnits);
}

/** Fixed-point text of a rounded amount, never "-0.00". */
function fixedText(rounded: Money, minorUnits: number): string {
  return (rounded.isZero() ? zeroMoney : rounded).toFixed(minorUnits);
}

function checkMinorUnits(fn: string, minorUnits: number): void {
  if (!Number.isInteger(minorUnits) || minorUnits < 0 || minorUnits > 10) {
    invalidArgument(fn, "minorUnits", "a whole number from 0 to 10", minorUnits);
  }
}

/**
 * Rounds a list of amounts to minor units so that the rounded parts add up **exactly** to the
 * rounded total (largest-remainder rounding, also called Hamilton's method): each part is first
 * rounded toward zero, and the minor units still missing from the rounded total go, one each, to
 * the parts that lost most, ties to the earlier part.
 *
 * Every rounded part is within one minor unit of its exact value.
 *
 * @param amounts - exact parts (of one sign, or mixed; the law holds either way)
 * @param minorUnits - decimals, 0..10
 * @param rounding - how the total is rounded @defaultValue "half-up"
 * @returns `{ total, parts }` as fixed-point text; the parts sum to the total exactly
 * @throws {WfmError} `invalid-argument` when minorUnits is not a whole number in 0..10
 *
 * @example
 * ```ts
 * allocateRounded([toMoney("1.005"), toMoney("1.005"), toMoney("1.005")], 2);
 * //=> { total: "3.02", parts: ["1.01", "1.01", "1.00"] }
 * ```
 */
export function allocateRounded(
  amounts: readonly Money[],
  minorUnits: number,
  rounding: MoneyRounding = "half-up",
): { readonly total: string; readonly parts: readonly string[] } {
  checkMinorUnits("allocateRounded", minorUnits);
  const exactTotal = sumMoney(amounts);
  const total = exactTotal.toDecimalPlaces(minorUnits, decimalRounding(rounding));
  const unit = new MoneyDecimal(1).dividedBy(new MoneyDecimal(10).pow(minorUnits));
  const floors = amounts.map((a) => a.toDecimalPlaces(minorUnits, DecimalJs.ROUND_FLOOR));
  // Whole minor units still to hand out: never negative, since the floors sum to at most
  // floor(exact total) <= rounded total.
  let missing = total.minus(sumMoney(floors)).dividedBy(unit).round().toNumber();
  const order = amounts
    .map((a, index) => ({ index, remainder: a.minus(floors[index]!) }))
    .sort((x, y) => y.remainder.comparedTo(x.remainder) || x.index - y.index);
  const parts = [...floors];
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) {
    const i = order[k]!.index;
    parts[i] = parts[i]!.plus(unit);
  }
  return { total: fixedText(total, minorUnits), parts: parts.map((p) => fixedText(p, minorUnits)) };
}

/**
 * Exact quotient of an amount by a count or quantity, to 40 significant digits (the only inexact
 * step: `q x divisor` equals `amount` within one unit in the 40th digit). Returns `null` for a zero
 * divisor, a rate that does not exist (no contacts, no orders), never a zero.
 *
 * @param amount - the money amount
 * @param divisor - a finite number (minutes, contacts, orders), read through its decimal text
 *
 * @throws {WfmError} `invalid-argument` when `amount` or `divisor` are not valid (the message says what each must be).
 * @example
 * ```ts
 * divideMoney(toMoney("100"), 8)?.toString(); //=> "12.5"
 * divideMoney(toMoney("100"), 0); //=> null
 * ```
 */
export function divideMoney(amount: Money, divisor: number | Money): Money | null {
  if (!(amount instanceof DecimalJs)) invalidArgument("divideMoney", "amount", "an amount (toMoney)", amount);
  if (!(typeof divisor === "number" || divisor instanceof DecimalJs)) invalidArgument("divideMoney", "divisor", "a number or an amount", divisor);
  const d = typeof divisor === "number" ? toMoney(divisor, "divisor") : divisor;
  if (d.isZero()) return null;
  return amount.dividedBy(d);
}
