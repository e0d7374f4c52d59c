import { invalidArgument, requireOptions } from "../errors.js";
import type { VolumePoint } from "./types.js";
import { forecastVolume, type ForecastVolumeOptions, type ForecastVolumeResult } from "./forecast.js";

/** A history row of any channel (a volume CSV row has this shape). */
export interface ChannelVolumeRow {
  /** Interval start, wall-clock milliseconds. */
  readonly localMs: number;
  /** Contacts arriving in the interval. */
  readonly calls: number;
  /** Handle time, seconds, when known. */
  readonly ahtSeconds?: number;
  /** Channel name. */
  readonly channel: string;
}

/**
 * Groups history rows into one series per channel, summing rows of the same channel and interval
 * (several queues of one channel) with the handle time weighted by calls.
 *
 * @returns channel -> points sorted by time, channels in order of first appearance
 *
 * @throws {WfmError} `invalid-argument` when `rows` is not valid (the message says what it must be).
 * @example
 * ```ts
 * pointsByChannel([{ localMs: 0, calls: 2, ahtSeconds: 100, channel: "voice" }, { localMs: 0, calls: 2, ahtSeconds: 200, channel: "voice" }]);
 * //=> Map { "voice" => [{ localMs: 0, calls: 4, ahtSeconds: 150 }] }
 * ```
 */
export function pointsByChannel(rows: readonly ChannelVolumeRow[]): Map<string, VolumePoint[]> {
  if (!Array.isArray(rows)) invalidArgument("pointsByChannel", "rows", "an array of volume rows", rows);
  const cells = new Map<string, Map<number, { calls: number; ahtNum: number; ahtDen: number; hasAht: boolean }>>();
  for (const row of rows) {
    let channel = cells.get(row.channel);
    if (!channel) cells.set(row.channel, (channel = new Map()));
    const cell = channel.get(row.localMs) ?? { calls: 0, ahtNum: 0, ahtDen: 0, hasAht: false };
    cell.calls += row.calls;
    if (row.ahtSeconds !== undefined) {
      cell.ahtNum += row.ahtSeconds * Math.max(row.calls, 1e-9);
      cell.ahtDen += Math.max(row.calls, 1e-9);
      cell.hasAht = true;
    }
    channel.set(row.localMs, cell);
  }
  const result = new Map<string, VolumePoint[]>();
  for (const [name, byTime] of cells) {
    result.set(
      name,
      [...byTime.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([localMs, c]) => (c.hasAht ? { localMs, calls: c.calls, ahtSeconds: c.ahtNum / c.ahtDen } : { localMs, calls: c.calls })),
    );
  }
  return result;
}

/** One channel's forecast. */
export interface ChannelForecast {
  readonly channel: string;
  readonly result: ForecastVolumeResult;
}

/**
 * Forecasts every channel of a multi-channel history with the same options (see
 * `forecastVolume`), one independent forecast per channel.
 *
 * @throws {WfmError} as `forecastVolume`
 *
 * @example
 * ```ts
 * forecastByChannel({ rows, intervalMinutes: 60, startLocalMs, endLocalMs }).map((f) => f.channel); //=> ["voice", "chat"]
 * ```
 */
export function forecastByChannel(
  options: Omit<ForecastVolumeOptions, "points"> & { readonly rows: readonly ChannelVolumeRow[] },
): ChannelForecast[] {
  requireOptions("forecastByChannel", options, ["rows"]);
  const { rows, ...rest } = options;
  return [...pointsByChannel(rows)].map(([channel, points]) => ({ channel, result: forecastVolume({ ...rest, points }) }));
}
