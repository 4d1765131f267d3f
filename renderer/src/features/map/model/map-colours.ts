import type { AlarmPriority } from "../../../../../shared/domain/alarm.js";
import type { CameraStatus } from "../../../../../shared/domain/camera.js";
import { assertNever } from "../../../../../shared/result.js";

export type Rgba = [number, number, number, number];

/**
 * Priority colours, the same as the alarm queue's CSS (--p-critical etc.). Colour is
 * never the only cue: the queue adds shapes and text, the map adds size and outline.
 */
export const PRIORITY_RGB: Record<AlarmPriority, [number, number, number]> = {
  critical: [255, 69, 77],
  high: [255, 148, 41],
  medium: [245, 208, 32],
  low: [77, 166, 255],
};

export function alarmFill(priority: AlarmPriority, unacknowledged: boolean): Rgba {
  const [r, g, b] = PRIORITY_RGB[priority];
  return [r, g, b, unacknowledged ? 240 : 150];
}

/** Bigger dots for what matters more, so priority reads without colour. */
export function alarmRadiusPx(priority: AlarmPriority): number {
  switch (priority) {
    case "critical":
      return 11;
    case "high":
      return 9;
    case "medium":
      return 7.5;
    case "low":
      return 6.5;
    default:
      return assertNever(priority);
  }
}

export const CAMERA_RGBA: Record<CameraStatus, Rgba> = {
  online: [56, 214, 190, 235],
  offline: [120, 130, 148, 200],
};
