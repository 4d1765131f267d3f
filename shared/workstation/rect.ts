import type { DisplayInfo, Rect } from "../domain/workstation.js";

/** Geometry the display planner needs; pure, integer pixels. */

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export function workAreaOf(display: DisplayInfo): Rect {
  return display.workArea ?? display.bounds;
}

/** Splits a rectangle into a left and a right part; `leftShare` in (0, 1). */
export function splitColumns(area: Rect, leftShare: number): [Rect, Rect] {
  const leftWidth = Math.max(1, Math.min(area.width - 1, Math.round(area.width * leftShare)));
  return [
    { x: area.x, y: area.y, width: leftWidth, height: area.height },
    { x: area.x + leftWidth, y: area.y, width: area.width - leftWidth, height: area.height },
  ];
}

/** Moves and shrinks `rect` as little as needed to lie inside `area` (a window never hangs off its screen). */
export function clampInto(rect: Rect, area: Rect): Rect {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  const x = Math.min(Math.max(rect.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(rect.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The display a window is on: the one it overlaps most (a window straddling two belongs to the larger share). */
export function displayUnder(displays: readonly DisplayInfo[], rect: Rect): DisplayInfo | null {
  let best: DisplayInfo | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(display.bounds, rect);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

/** Left to right, then top to bottom, as the operator sees the desk; the id breaks ties so the order is stable. */
export function deskOrder(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
