import type { DisplayInfo, DisplayRole } from "../../../../../shared/domain/workstation.js";
import { planWindows } from "../../../../../shared/workstation/display-planner.js";

/** What the Window Management API tells about one screen (the fields we use). */
export interface ScreenLike {
  left: number;
  top: number;
  width: number;
  height: number;
  availLeft: number;
  availTop: number;
  availWidth: number;
  availHeight: number;
  isPrimary: boolean;
  label?: string;
}

/** Browsers give no stable screen id: label plus position stands in for one. */
export function displaysFromScreens(screens: readonly ScreenLike[]): DisplayInfo[] {
  return screens.map((s, index) => ({
    id: `${s.label && s.label.length > 0 ? s.label : `screen-${index}`}@${s.left},${s.top}`,
    bounds: { x: Math.round(s.left), y: Math.round(s.top), width: Math.max(1, Math.round(s.width)), height: Math.max(1, Math.round(s.height)) },
    workArea: { x: Math.round(s.availLeft), y: Math.round(s.availTop), width: Math.max(1, Math.round(s.availWidth)), height: Math.max(1, Math.round(s.availHeight)) },
    primary: s.isPrimary,
  }));
}

/** window.open features placing `role` where the planner puts it on these screens; null when it has no place. */
export function placementFeatures(screens: readonly ScreenLike[], role: DisplayRole): string | null {
  const plan = planWindows(displaysFromScreens(screens), []);
  const target = plan.find((w) => w.role === role) ?? plan.find((w) => w.role === "combined");
  if (target === undefined) return null;
  const b = target.bounds;
  return `popup,left=${b.x},top=${b.y},width=${b.width},height=${b.height}`;
}
