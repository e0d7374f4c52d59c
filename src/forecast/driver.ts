/**
 * Driver-based forecasting: contacts = orders x contacts-per-order.
 *
 * The sales plan gives next month's orders; the contact ratio (calls per order) comes from a
 * trailing window of history, overall or per weekday; the month's order target is spread over
 * its days by the weekday profile of past orders. Step 3 of the monthly planning cycle in
 * DOMAIN.md.
 *
 * @module
 */
import { localDayOfWeek, millisecondsInDay } from "../calendar/local-time.js";
import { invalidArgument, requireOptions } from "../errors.js";

/** One day of history: calls and orders. */
export interface DailyDriverPoint {
  /** Local midnight of the day. */
  readonly dateMs: number;
  /** Contacts that day. */
  readonly calls?: number;
  /** Orders that day. */
  readonly orders?: number;
}

/** Contacts per order, overall and per weekday. */
export interface ContactRatio {
  /** sum calls / sum orders over the window. */
  readonly overall: number;
  /** Per weekday (0 = Sunday): sum calls / sum orders on that weekday; the overall ratio when a weekday has no orders. */
  readonly byWeekday: readonly number[];
  /** Days in the window that had both calls and orders. */
  readonly days: number;
}

/**
 * Contact ratio over the last `windowDays` days that have both calls and orders:
 * r = sum calls / sum orders (a ratio of sums, not a mean of daily ratios, so quiet days do not
 * swing it).
 *
 * @param options.history - daily calls and orders, any order
 * @param options.windowDays - trailing window length in days. @defaultValue 28
 * @throws {WfmError} `invalid-argument` when the window has no orders
 * @example
 * ```ts
 * contactRatio({ history: [{ dateMs: 0, calls: 17, orders: 100 }, { dateMs: 86_400_000, calls: 18, orders: 100 }] }).overall;
 * //=> 0.175
 * ```
 */
export function contactRatio(options: { history: readonly DailyDriverPoint[]; windowDays?: number }): ContactRatio {
  requireOptions("contactRatio", options, ["history"]);
  const { history, windowDays = 28 } = options;
  if (!Number.isInteger(windowDays) || windowDays < 1) invalidArgument("contactRatio", "windowDays", "a whole number of at least 1", windowDays);
  const both = history
    .filter((p) => Number.isFinite(p.calls) && Number.isFinite(p.orders))
    .sort((a, b) => a.dateMs - b.dateMs);
  if (both.length === 0) invalidArgument("contactRatio", "history", "days with both calls and orders", 0);
  const lastDay = both[both.length - 1]!.dateMs;
  const window = both.filter((p) => p.dateMs > lastDay - windowDays * millisecondsInDay);
  let calls = 0;
  let orders = 0;
  const wc = new Float64Array(7);
  const wo = new Float64Array(7);
  for (const p of window) {
    calls += p.calls!;
    orders += p.orders!;
    const w = localDayOfWeek(p.dateMs);
    wc[w]! += p.calls!;
    wo[w]! += p.orders!;
  }
  if (!(orders > 0)) invalidArgument("contactRatio", "history", "orders above zero in the window", orders);
  const overall = calls / orders;
  return { overall, byWeekday: Array.from(wo, (o, w) => (o > 0 ? wc[w]! / o : overall)), days: window.length };
}

/**
 * Spreads a month's order target over its days in proportion to the weekday profile of past
 * orders: weight(w) = mean orders on weekday w over the last `profileWeeks` weeks;
 * orders(d) = target x weight(w(d)) / sum over the month's days of weight.
 *
 * @param options.targetOrders - orders planned for the period, >= 0
 * @param options.days - local midnights of the period's days
 * @param options.history - past daily orders
 * @param options.profileWeeks - weeks of history in the profile. @defaultValue 8
 * @throws {WfmError} `invalid-argument` for a negative target, no days, or no past orders
 * @example
 * ```ts
 * // past orders equal on every weekday: a 7-day week gets a seventh each
 * const week = Array.from({ length: 7 }, (_, i) => Date.UTC(2026, 0, 4) + i * 86_400_000);
 * const history = week.map((d) => ({ dateMs: d - 7 * 86_400_000, orders: 50 }));
 * spreadOrderTarget({ targetOrders: 700, days: week, history }).map((d) => d.orders); //=> [100, 100, 100, 100, 100, 100, 100]
 * ```
 */
export function spreadOrderTarget(options: {
  targetOrders: number;
  days: readonly number[];
  history: readonly DailyDriverPoint[];
  profileWeeks?: number;
}): { dateMs: number; orders: number }[] {
  requireOptions("spreadOrderTarget", options);
  const { targetOrders, days, history, profileWeeks = 8 } = options;
  if (!(targetOrders >= 0) || !Number.isFinite(targetOrders)) invalidArgument("spreadOrderTarget", "targetOrders", "a non-negative finite number", targetOrders);
  if (days.length === 0) invalidArgument("spreadOrderTarget", "days", "at least one day", 0);
  const withOrders = history.filter((p) => Number.isFinite(p.orders)).sort((a, b) => a.dateMs - b.dateMs);
  if (withOrders.length === 0) invalidArgument("spreadOrderTarget", "history", "days with orders", 0);
  const last = withOrders[withOrders.length - 1]!.dateMs;
  const sum = new Float64Array(7);
  const count = new Float64Array(7);
  for (const p of withOrders) {
    if (p.dateMs <= last - profileWeeks * 7 * millisecondsInDay) continue;
    const w = localDayOfWeek(p.dateMs);
    sum[w]! += p.orders!;
    count[w]!++;
  }
  const weight = Array.from(sum, (s, w) => (count[w]! > 0 ? s / count[w]! : 0));
  const total = days.reduce((acc, d) => acc + weight[localDayOfWeek(d)]!, 0);
  return days.map((d) => ({ dateMs: d, orders: total > 0 ? (targetOrders * weight[localDayOfWeek(d)]!) / total : targetOrders / days.length }));
}

/**
 * Daily contacts from orders: contacts(d) = orders(d) x r, with r per weekday or overall.
 *
 * @throws {WfmError} `invalid-argument` when the options are not an object or lack `orders` or `ratio`.
 * @example
 * ```ts
 * const ratio = contactRatio({ history: [{ dateMs: 0, calls: 17, orders: 100 }, { dateMs: 86_400_000, calls: 18, orders: 100 }] });
 * contactsFromOrders({ orders: [{ dateMs: 0, orders: 1000 }], ratio }); //=> [{ dateMs: 0, calls: 175 }]
 * ```
 */
export function contactsFromOrders(options: {
  orders: readonly { dateMs: number; orders: number }[];
  ratio: ContactRatio;
  perWeekday?: boolean;
}): { dateMs: number; calls: number }[] {
  requireOptions("contactsFromOrders", options, ["orders", "ratio"]);
  const { orders, ratio, perWeekday = false } = options;
  return orders.map((o) => ({
    dateMs: o.dateMs,
    calls: o.orders * (perWeekday ? ratio.byWeekday[localDayOfWeek(o.dateMs)]! : ratio.overall),
  }));
}
