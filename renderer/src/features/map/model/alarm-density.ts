import type { Alarm } from "../../../../../shared/domain/alarm.js";
import type { LonLat } from "../../../../../shared/domain/geo.js";

export const REPLAY_HOURS = 24;
export const WINDOW_CHOICES_H = [1, 3, 6] as const;
export type WindowHours = (typeof WINDOW_CHOICES_H)[number];
/** The slider moves in half hours: 48 steps over the last day. */
export const SLIDER_STEP_H = 0.5;

const HOUR_MS = 3_600_000;

export interface DensityWindow {
  /** Inclusive start and end, epoch ms. */
  fromMs: number;
  toMs: number;
}

/** The window ending `hoursAgo` before now, `windowHours` long. */
export function densityWindow(nowMs: number, hoursAgo: number, windowHours: number): DensityWindow {
  const clampedAgo = Math.max(0, Math.min(REPLAY_HOURS, hoursAgo));
  const toMs = nowMs - clampedAgo * HOUR_MS;
  return { fromMs: toMs - windowHours * HOUR_MS, toMs };
}

export interface DensityPoint {
  position: LonLat;
  /** Critical alarms weigh more: density of what matters, not just of noise. */
  weight: number;
}

const WEIGHT = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/** Alarms raised inside the window, with their weights; any state (cleared ones count too: this is history). */
export function alarmsInWindow(alarms: Iterable<Alarm>, window: DensityWindow): DensityPoint[] {
  const points: DensityPoint[] = [];
  for (const alarm of alarms) {
    const raised = Date.parse(alarm.raisedAt);
    if (Number.isNaN(raised) || raised < window.fromMs || raised > window.toMs) continue;
    points.push({ position: alarm.location, weight: WEIGHT[alarm.priority] });
  }
  return points;
}

/** The next slider position when replaying: forward in time (fewer hours ago), wrapping to the start. */
export function nextReplayStep(hoursAgo: number): number {
  const next = hoursAgo - SLIDER_STEP_H;
  return next < 0 ? REPLAY_HOURS : next;
}
