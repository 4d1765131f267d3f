import { describe, expect, it } from "vitest";
import type { DisplayInfo, WindowAssignment } from "../../shared/domain/workstation.js";
import { assignmentsFromPlan, defaultPlan, planWindows, recordPlacement, type PlannedWindow } from "../../shared/workstation/display-planner.js";
import { clampInto, displayUnder } from "../../shared/workstation/rect.js";

/** A 1920×1080 monitor at column `col` of the desk (row 0), or anywhere with explicit bounds. */
function screen(id: string, col: number, extra: Partial<DisplayInfo> = {}): DisplayInfo {
  return { id, bounds: { x: col * 1920, y: 0, width: 1920, height: 1080 }, primary: false, ...extra };
}
const A = screen("A", 0, { primary: true });
const B = screen("B", 1);
const C = screen("C", 2);
const D = screen("D", 3);
const E = screen("E", 4);
const F = screen("F", 5);
/** A display above the others (a wall screen mounted over the desk). */
const TOP = screen("TOP", 0, { bounds: { x: 0, y: -1080, width: 1920, height: 1080 } });
const WITH_TASKBAR = screen("T", 0, { primary: true, workArea: { x: 0, y: 0, width: 1920, height: 1040 } });

/** key → role@display, the shape of a plan the table states compactly. */
function shape(plan: readonly PlannedWindow[]): Record<string, string> {
  return Object.fromEntries(plan.map((w) => [w.key, `${w.role}@${w.displayId}`]));
}

function saved(key: string, role: WindowAssignment["role"], display: DisplayInfo, bounds = display.bounds): WindowAssignment {
  return { key, role, display: { id: display.id, bounds: display.bounds }, bounds, fullscreen: false };
}

describe("defaultPlan: which roles a fresh desk gets", () => {
  const table: { name: string; displays: DisplayInfo[]; expected: Record<string, string> }[] = [
    { name: "no display", displays: [], expected: {} },
    { name: "one display: everything on it", displays: [A], expected: { combined: "combined@A" } },
    { name: "two: map + queue on the primary, wall on the other", displays: [A, B], expected: { map: "map@A", alarms: "alarms@A", wall: "wall@B" } },
    {
      name: "two with the primary on the right",
      displays: [screen("L", 0), screen("R", 1, { primary: true })],
      expected: { map: "map@R", alarms: "alarms@R", wall: "wall@L" },
    },
    { name: "two without a primary: the leftmost hosts map + queue", displays: [screen("L", 0), screen("R", 1)], expected: { map: "map@L", alarms: "alarms@L", wall: "wall@R" } },
    { name: "three: map, wall, queue left to right", displays: [A, B, C], expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C" } },
    { name: "three given in any order", displays: [C, A, B], expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C" } },
    { name: "four: one extra wall", displays: [A, B, C, D], expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C", "wall-2": "wall@D" } },
    {
      name: "six: three extra walls",
      displays: [A, B, C, D, E, F],
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C", "wall-2": "wall@D", "wall-3": "wall@E", "wall-4": "wall@F" },
    },
    { name: "a display above another counts left to right, then top to bottom", displays: [A, TOP, B], expected: { map: "map@TOP", wall: "wall@A", alarms: "alarms@B" } },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(shape(defaultPlan(row.displays))).toEqual(row.expected);
      expect(shape(planWindows(row.displays, []))).toEqual(row.expected);
    });
  }

  it("splits the shared monitor 60/40 without overlap or gap, inside the work area", () => {
    const plan = defaultPlan([WITH_TASKBAR, B]);
    const map = plan.find((w) => w.key === "map")!;
    const alarms = plan.find((w) => w.key === "alarms")!;
    expect(map.bounds).toEqual({ x: 0, y: 0, width: 1152, height: 1040 });
    expect(alarms.bounds).toEqual({ x: 1152, y: 0, width: 768, height: 1040 });
  });

  it("every default window is marked as the planner's and not full screen", () => {
    for (const w of defaultPlan([A, B, C, D])) expect(w).toMatchObject({ origin: "default", fullscreen: false });
  });
});

describe("planWindows: saved assignments, unplugged and added displays", () => {
  const threeSaved = [saved("map", "map", A), saved("wall", "wall", B), saved("alarms", "alarms", C)];
  const swapped = [saved("map", "map", C), saved("wall", "wall", A), saved("alarms", "alarms", B)];
  const table: { name: string; displays: DisplayInfo[]; saved: WindowAssignment[]; expected: Record<string, string>; origins?: Record<string, PlannedWindow["origin"]> }[] = [
    { name: "saved layout restored on the same displays", displays: [A, B, C], saved: swapped, expected: { map: "map@C", wall: "wall@A", alarms: "alarms@B" }, origins: { map: "saved", wall: "saved", alarms: "saved" } },
    {
      name: "a display unplugged: its window moves to the least crowded one, primary first",
      displays: [A, B],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@A" },
      origins: { alarms: "moved" },
    },
    {
      name: "two unplugged: both windows land on the one left",
      displays: [A],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@A", alarms: "alarms@A" },
      origins: { map: "saved", wall: "moved", alarms: "moved" },
    },
    {
      name: "a display replaced by another: the lost window takes the new one",
      displays: [A, B, screen("C2", 2)],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C2" },
      origins: { alarms: "moved" },
    },
    {
      name: "same id but resized: not a match, the window moves",
      displays: [A, B, { ...C, bounds: { x: 3840, y: 0, width: 2560, height: 1440 } }],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C" },
      origins: { alarms: "moved" },
    },
    {
      name: "same id but moved on the desk: not a match",
      displays: [A, B, { ...C, bounds: { x: 3840, y: 200, width: 1920, height: 1080 } }],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C" },
      origins: { alarms: "moved" },
    },
    { name: "no saved display present: defaults", displays: [D, E], saved: threeSaved, expected: { map: "map@D", alarms: "alarms@D", wall: "wall@E" } },
    {
      name: "a display added: it gets an extra wall",
      displays: [A, B, C, D],
      saved: threeSaved,
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C", "wall-2": "wall@D" },
      origins: { "wall-2": "default" },
    },
    {
      name: "a combined window saved, more displays now: the new ones are walls",
      displays: [A, B],
      saved: [saved("combined", "combined", A)],
      expected: { combined: "combined@A", wall: "wall@B" },
    },
    {
      name: "saved data missing a pane: the pane is added",
      displays: [A, B],
      saved: [saved("map", "map", A), saved("wall", "wall", B)],
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@A" },
      origins: { alarms: "default" },
    },
    {
      name: "duplicate keys in saved data: the first wins",
      displays: [A, B, C],
      saved: [...threeSaved, saved("map", "map", B)],
      expected: { map: "map@A", wall: "wall@B", alarms: "alarms@C" },
    },
    {
      name: "two windows saved on one display stay there",
      displays: [A, B],
      saved: [saved("map", "map", A, { x: 0, y: 0, width: 960, height: 1080 }), saved("alarms", "alarms", A, { x: 960, y: 0, width: 960, height: 1080 }), saved("wall", "wall", B)],
      expected: { map: "map@A", alarms: "alarms@A", wall: "wall@B" },
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      const plan = planWindows(row.displays, row.saved);
      expect(shape(plan)).toEqual(row.expected);
      for (const [key, origin] of Object.entries(row.origins ?? {})) expect(plan.find((w) => w.key === key)?.origin, key).toBe(origin);
    });
  }

  it("never loses a pane: each is in its own window or a combined one, on a display that exists", () => {
    const displaySets = [[A], [B], [A, B], [C, D], [A, B, C], [A, B, C, D, E, F], [screen("X", 7)]];
    for (const displays of displaySets) {
      const plan = planWindows(displays, threeSaved);
      const ids = new Set(displays.map((d) => d.id));
      const roles = new Set(plan.map((w) => w.role));
      for (const role of ["map", "wall", "alarms"] as const) expect(roles.has(role) || roles.has("combined"), `${role} on ${[...ids].join(",")}`).toBe(true);
      for (const w of plan) expect(ids.has(w.displayId)).toBe(true);
      expect(new Set(plan.map((w) => w.key)).size).toBe(plan.length);
    }
  });

  it("keeps a saved window's own bounds and full-screen flag, clamped into the work area", () => {
    const big = { ...saved("map", "map", WITH_TASKBAR, { x: -50, y: 900, width: 800, height: 600 }), fullscreen: true };
    const [map] = planWindows([WITH_TASKBAR], [big]);
    expect(map).toMatchObject({ key: "map", fullscreen: true, bounds: { x: 0, y: 440, width: 800, height: 600 } });
  });

  it("a moved window fills the work area of its new display", () => {
    const plan = planWindows([WITH_TASKBAR], [saved("map", "map", WITH_TASKBAR), saved("wall", "wall", B)]);
    expect(plan.find((w) => w.key === "wall")!.bounds).toEqual(WITH_TASKBAR.workArea);
  });
});

describe("remembering placements", () => {
  it("assignmentsFromPlan round-trips: planning again from them gives the same windows", () => {
    const displays = [A, B, C, D];
    const first = planWindows(displays, []);
    const again = planWindows(displays, assignmentsFromPlan(first, displays));
    expect(shape(again)).toEqual(shape(first));
    expect(again.map((w) => w.bounds)).toEqual(first.map((w) => w.bounds));
  });

  it("recordPlacement files a moved window under the display it mostly covers", () => {
    const start = assignmentsFromPlan(planWindows([A, B, C], []), [A, B, C]);
    const next = recordPlacement(start, [A, B, C], { key: "alarms", role: "alarms", bounds: { x: 1800, y: 0, width: 1000, height: 800 }, fullscreen: false });
    expect(next.find((a) => a.key === "alarms")?.display.id).toBe("B");
    expect(shape(planWindows([A, B, C], next))).toMatchObject({ alarms: "alarms@B" });
  });

  it("recordPlacement ignores a window off every display and adds unknown keys", () => {
    const start = [saved("map", "map", A)];
    expect(recordPlacement(start, [A], { key: "map", role: "map", bounds: { x: 9000, y: 9000, width: 10, height: 10 }, fullscreen: false })).toEqual(start);
    expect(recordPlacement(start, [A], { key: "wall", role: "wall", bounds: A.bounds, fullscreen: true })).toHaveLength(2);
  });

  it("geometry helpers: clamp and display under", () => {
    expect(clampInto({ x: 5000, y: 5000, width: 3000, height: 100 }, A.bounds)).toEqual({ x: 0, y: 980, width: 1920, height: 100 });
    expect(displayUnder([A, B], { x: 1000, y: 0, width: 1000, height: 10 })?.id).toBe("A");
    expect(displayUnder([A, B], { x: 1000, y: 0, width: 2000, height: 10 })?.id).toBe("B");
  });
});
