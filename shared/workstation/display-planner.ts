import type { DisplayInfo, DisplayRole, Rect, WindowAssignment } from "../domain/workstation.js";
import { clampInto, deskOrder, displayUnder, sameRect, splitColumns, workAreaOf } from "./rect.js";

/**
 * The display planner: which windows a workstation opens, with which role, on which monitor.
 * Pure, so the Electron shell (screen events) and the browser console (Window Management API)
 * plan alike, and the rules are tested as a table.
 */

export interface PlannedWindow {
  /** Stable name of the window ("map", "wall-2"): the shell reuses the window with the same key. */
  key: string;
  role: DisplayRole;
  displayId: string;
  bounds: Rect;
  fullscreen: boolean;
  /** saved: the operator's own placement; default: the planner's; moved: its display is gone. */
  origin: "saved" | "default" | "moved";
}

/** On a two-monitor desk the map takes this share of the monitor it shares with the queue. */
export const MAP_SHARE_WITH_QUEUE = 0.6;

const PANE_ROLES: readonly DisplayRole[] = ["map", "wall", "alarms"];

function planned(key: string, role: DisplayRole, display: DisplayInfo, bounds: Rect, origin: PlannedWindow["origin"]): PlannedWindow {
  return { key, role, displayId: display.id, bounds, fullscreen: false, origin };
}

function primaryOrFirst(ordered: readonly DisplayInfo[]): DisplayInfo {
  return ordered.find((d) => d.primary === true) ?? ordered[0]!;
}

/**
 * One display: everything on it. Two: map and queue side by side on the primary, the wall on the
 * other. Three: map, wall, queue from left to right. More: the rest are extra walls.
 */
export function defaultPlan(displays: readonly DisplayInfo[]): PlannedWindow[] {
  const ordered = deskOrder(displays);
  if (ordered.length === 0) return [];
  if (ordered.length === 1) {
    const only = ordered[0]!;
    return [planned("combined", "combined", only, workAreaOf(only), "default")];
  }
  if (ordered.length === 2) {
    const main = primaryOrFirst(ordered);
    const other = ordered.find((d) => d !== main)!;
    const [left, right] = splitColumns(workAreaOf(main), MAP_SHARE_WITH_QUEUE);
    return [
      planned("map", "map", main, left, "default"),
      planned("alarms", "alarms", main, right, "default"),
      planned("wall", "wall", other, workAreaOf(other), "default"),
    ];
  }
  const roles: DisplayRole[] = ["map", "wall", "alarms"];
  return ordered.map((display, index) => {
    const role = roles[index] ?? "wall";
    const key = index < roles.length ? role : `wall-${index - roles.length + 2}`;
    return planned(key, role, display, workAreaOf(display), "default");
  });
}

function matches(assignment: WindowAssignment, displays: readonly DisplayInfo[]): DisplayInfo | null {
  return displays.find((d) => d.id === assignment.display.id && sameRect(d.bounds, assignment.display.bounds)) ?? null;
}

function freeWallKey(used: ReadonlySet<string>): string {
  if (!used.has("wall")) return "wall";
  let n = 2;
  while (used.has(`wall-${n}`)) n += 1;
  return `wall-${n}`;
}

/**
 * Plans the windows for the displays present now. Saved assignments win where their display is
 * still there (same id, size and position). A window whose display is gone moves to a display
 * nobody uses, else to the least crowded one (primary first): nothing is lost. A display nobody
 * uses gets an extra wall. Without any matching assignment, the defaults apply.
 */
export function planWindows(displays: readonly DisplayInfo[], saved: readonly WindowAssignment[]): PlannedWindow[] {
  const ordered = deskOrder(displays);
  if (ordered.length === 0) return [];
  const seenKeys = new Set<string>();
  const unique = saved.filter((a) => !seenKeys.has(a.key) && seenKeys.add(a.key));
  const kept: PlannedWindow[] = [];
  const lost: WindowAssignment[] = [];
  for (const assignment of unique) {
    const display = matches(assignment, ordered);
    if (display === null) lost.push(assignment);
    else kept.push({ ...planned(assignment.key, assignment.role, display, clampInto(assignment.bounds, workAreaOf(display)), "saved"), fullscreen: assignment.fullscreen });
  }
  if (kept.length === 0) return defaultPlan(ordered);

  const plan = [...kept];
  const windowsOn = (display: DisplayInfo) => plan.filter((w) => w.displayId === display.id).length;
  const primary = primaryOrFirst(ordered);
  const placeElsewhere = (key: string, role: DisplayRole, origin: PlannedWindow["origin"]) => {
    const free = ordered.find((d) => windowsOn(d) === 0);
    // Least crowded; the primary wins a tie (it is where the operator looks first).
    const target = free ?? [primary, ...ordered.filter((d) => d !== primary)].reduce((best, d) => (windowsOn(d) < windowsOn(best) ? d : best));
    plan.push(planned(key, role, target, workAreaOf(target), origin));
  };
  for (const assignment of lost) placeElsewhere(assignment.key, assignment.role, "moved");

  // Saved data from an older layout may lack a pane; every pane must be somewhere.
  const roles = new Set(plan.map((w) => w.role));
  if (!roles.has("combined")) {
    for (const role of PANE_ROLES) if (!roles.has(role)) placeElsewhere(plan.some((w) => w.key === role) ? `${role}-${plan.length}` : role, role, "default");
  }
  for (const display of ordered) {
    if (windowsOn(display) === 0) plan.push(planned(freeWallKey(new Set(plan.map((w) => w.key))), "wall", display, workAreaOf(display), "default"));
  }
  return plan;
}

/** What to remember after planning or after the operator moved a window: its display as it is now. */
export function assignmentsFromPlan(plan: readonly PlannedWindow[], displays: readonly DisplayInfo[]): WindowAssignment[] {
  const out: WindowAssignment[] = [];
  for (const w of plan) {
    const display = displays.find((d) => d.id === w.displayId);
    if (display !== undefined) out.push({ key: w.key, role: w.role, display: { id: display.id, bounds: display.bounds }, bounds: w.bounds, fullscreen: w.fullscreen });
  }
  return out;
}

/**
 * The operator moved or resized a window (or toggled full screen): remember it on the display it now
 * mostly covers. Unknown keys and windows off every display leave the assignments as they were.
 */
export function recordPlacement(
  saved: readonly WindowAssignment[],
  displays: readonly DisplayInfo[],
  placed: { key: string; role: DisplayRole; bounds: Rect; fullscreen: boolean },
): WindowAssignment[] {
  const display = displayUnder(displays, placed.bounds);
  if (display === null) return [...saved];
  const next: WindowAssignment = { key: placed.key, role: placed.role, display: { id: display.id, bounds: display.bounds }, bounds: placed.bounds, fullscreen: placed.fullscreen };
  const index = saved.findIndex((a) => a.key === placed.key);
  return index === -1 ? [...saved, next] : saved.map((a, i) => (i === index ? next : a));
}
