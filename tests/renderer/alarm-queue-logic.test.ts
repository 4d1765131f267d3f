import { describe, expect, it } from "vitest";
import { cityDay, formatTimeOrDateTime } from "../../renderer/src/format/city-time.js";
import { queueKeyAction } from "../../renderer/src/features/alarms/model/queue-keys.js";
import { activeQueue, indexOfSelection, moveSelection } from "../../renderer/src/features/alarms/model/queue-order.js";
import { alarm } from "./fixtures.js";

describe("activeQueue", () => {
  it("keeps only active states, newest critical first", () => {
    const queue = activeQueue([
      alarm({ id: "low-new", priority: "low", raisedAt: "2026-11-25T12:00:00.000Z" }),
      alarm({ id: "crit-old", priority: "critical", raisedAt: "2026-11-25T09:00:00.000Z" }),
      alarm({ id: "crit-new", priority: "critical", raisedAt: "2026-11-25T11:00:00.000Z", state: "acknowledged" }),
      alarm({ id: "done", priority: "critical", state: "normal" }),
      alarm({ id: "oos", priority: "critical", state: "out_of_service" }),
      alarm({ id: "high", priority: "high", state: "rtn_unacknowledged" }),
    ]);
    expect(queue.map((a) => a.id)).toEqual(["crit-new", "crit-old", "high", "low-new"]);
  });
});

describe("selection", () => {
  it("moves within bounds and starts at an end from nothing", () => {
    expect(moveSelection(-1, 1, 5)).toBe(0);
    expect(moveSelection(-1, -1, 5)).toBe(4);
    expect(moveSelection(3, 8, 5)).toBe(4);
    expect(moveSelection(0, -1, 5)).toBe(0);
    expect(moveSelection(2, 1, 0)).toBe(-1);
  });

  it("follows the selected alarm when the list reorders, else keeps the position", () => {
    const queue = [alarm({ id: "a" }), alarm({ id: "b" }), alarm({ id: "c" })];
    expect(indexOfSelection(queue, "c", 0)).toBe(2);
    expect(indexOfSelection(queue, "gone", 1)).toBe(1);
    expect(indexOfSelection(queue, "gone", 7)).toBe(2);
    expect(indexOfSelection(queue, null, -1)).toBe(-1);
    // Cleared on purpose (Alt+X, another window): the queue must not pick the old position again.
    expect(indexOfSelection(queue, null, 1)).toBe(-1);
    expect(indexOfSelection([], "a", 0)).toBe(-1);
  });

  it("maps keys to actions and leaves modified keys alone", () => {
    const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
      queueKeyAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(key("ArrowDown")).toEqual({ kind: "move", by: 1 });
    expect(key("ArrowUp")).toEqual({ kind: "move", by: -1 });
    expect(key("Home")).toEqual({ kind: "jump", to: "first" });
    expect(key("Enter")).toEqual({ kind: "acknowledge" });
    expect(key("a")).toEqual({ kind: "acknowledge" });
    expect(key("A")).toEqual({ kind: "acknowledge" });
    expect(key("a", { ctrlKey: true })).toBeNull();
    expect(key("x")).toBeNull();
  });
});

describe("alarm times in city time", () => {
  it("uses the city's calendar day, not UTC's", () => {
    // 18:30 UTC is 01:30 the next day in Hồ Chí Minh time (UTC+7).
    expect(cityDay("2026-11-25T18:30:00.000Z")).toBe("2026-11-26");
    expect(cityDay("2026-11-25T16:59:59.000Z")).toBe("2026-11-25");
  });

  it("shows only the time for today's alarms and the date for older ones", () => {
    const today = cityDay("2026-11-25T15:41:07.000Z");
    expect(formatTimeOrDateTime("2026-11-25T15:41:07.000Z", today, "vi-VN")).toBe("22:41:07");
    expect(formatTimeOrDateTime("2026-11-24T15:41:07.000Z", today, "vi-VN")).toContain("24/11/2026");
  });
});
