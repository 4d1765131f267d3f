import type { Alarm } from "../../../../../shared/domain/alarm.js";

/** EEMUA 191's window: alarm rates are judged per 10 minutes. */
export const RATE_WINDOW_MS = 10 * 60_000;

/**
 * EEMUA 191 benchmarks per operator: about 1 alarm per 10 minutes is manageable; more than 10
 * per 10 minutes is a flood, where the officer can no longer handle each alarm on its merits.
 */
export const MANAGEABLE_PER_WINDOW = 1;
export const FLOOD_PER_WINDOW = 10;

export type RateLevel = "manageable" | "demanding" | "flood";

export function rateLevel(perWindow: number): RateLevel {
  if (perWindow > FLOOD_PER_WINDOW) return "flood";
  if (perWindow > MANAGEABLE_PER_WINDOW) return "demanding";
  return "manageable";
}

/** Pure: alarms raised in the 10 minutes up to `now` (raisedAt in the window, future clock skew included). */
export function alarmsInWindow(alarms: Iterable<Alarm>, now: number): number {
  const since = new Date(now - RATE_WINDOW_MS).toISOString();
  let count = 0;
  for (const alarm of alarms) if (alarm.raisedAt >= since) count += 1;
  return count;
}
