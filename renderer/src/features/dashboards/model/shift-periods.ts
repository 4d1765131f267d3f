import { cityDayStart } from "../../../../../shared/dashboards/aggregate.js";

const HOUR_MS = 3_600_000;
/** A shift in the control room is eight hours. */
export const SHIFT_MS = 8 * HOUR_MS;

/** The centre's three shifts, by their start in city time (06:00, 14:00, 22:00), or the last eight hours. */
export const SHIFT_CHOICES = ["last8h", "06", "14", "22"] as const;
export type ShiftChoice = (typeof SHIFT_CHOICES)[number];

/**
 * Pure: the period a shift report covers. A named shift is its latest start at or before `now`
 * (city time, UTC+7 all year), to its end, or to now while it is still running.
 */
export function shiftPeriod(choice: ShiftChoice, now: Date): { from: Date; to: Date } {
  if (choice === "last8h") return { from: new Date(now.getTime() - SHIFT_MS), to: now };
  let from = cityDayStart(now).getTime() + Number(choice) * HOUR_MS;
  if (from > now.getTime()) from -= 24 * HOUR_MS;
  return { from: new Date(from), to: new Date(Math.min(from + SHIFT_MS, now.getTime())) };
}
