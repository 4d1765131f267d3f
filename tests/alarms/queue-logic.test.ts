import { describe, expect, it } from "vitest";
import type { Alarm } from "../../shared/domain/alarm.js";
import { allSopSteps, sopFor, SOP_CHECKLISTS } from "../../shared/sop-checklists.js";
import { EMPTY_FILTER, filterAlarms, foldForSearch } from "../../renderer/src/features/alarms/model/alarm-filter.js";
import { chatteringSources, groupBySource, isChattering } from "../../renderer/src/features/alarms/model/alarm-groups.js";
import { alarmsInWindow, rateLevel } from "../../renderer/src/features/alarms/model/alarm-rate.js";
import { hasUnacknowledgedCritical, newAlarms, toneFor } from "../../renderer/src/features/alarms/model/annunciation.js";
import { queueKeyAction } from "../../renderer/src/features/alarms/model/queue-keys.js";
import en from "../../renderer/src/i18n/en.json";
import vi from "../../renderer/src/i18n/vi.json";
import { makeAlarm } from "../shared/fixtures.js";

const key = { altKey: false, ctrlKey: false, metaKey: false };
const describeAlarm = (a: Alarm) => (a.type === "fire_alarm_market" ? "Báo cháy chợ Phường Quang Trung" : "Khác");

describe("queue filters and search", () => {
  const alarms = [
    makeAlarm({ id: "a", priority: "critical", domain: "security", wardCode: "w1", place: "Chợ trung tâm Uông Bí" }),
    makeAlarm({ id: "b", priority: "low", domain: "traffic", wardCode: "w2", type: "traffic_crash_ql18", place: "QL18 Phương Đông", state: "acknowledged" }),
    makeAlarm({ id: "c", priority: "high", domain: "security", wardCode: "w2", type: "citizen_report", place: "Tổ 3", comments: [{ id: "x", operatorId: "o", operatorName: "O", at: "2026-11-25T10:00:00.000Z", text: "Khói đen" }] }),
  ];
  const ids = (f: Partial<typeof EMPTY_FILTER>) => filterAlarms(alarms, { ...EMPTY_FILTER, ...f }, describeAlarm).map((a) => a.id);

  it("filters by priority, state, domain and ward, together", () => {
    expect(ids({ priorities: new Set(["critical", "high"]) })).toEqual(["a", "c"]);
    expect(ids({ states: new Set(["acknowledged"]) })).toEqual(["b"]);
    expect(ids({ domains: new Set(["security"]), wardCode: "w2" })).toEqual(["c"]);
  });

  it("searches without accents or case, in place, translated type and comments", () => {
    expect(foldForSearch("Chợ Đông")).toBe("cho dong");
    expect(ids({ text: "cho trung" })).toEqual(["a"]);
    expect(ids({ text: "quang trung" })).toEqual(["a"]);
    expect(ids({ text: "khoi den" })).toEqual(["c"]);
    expect(ids({ text: "ql18 dong" })).toEqual(["b"]);
    expect(ids({ text: "" })).toEqual(["a", "b", "c"]);
  });
});

describe("grouping and chattering", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, s)).toISOString();
  it("groups repeats of one source with count, first and last time; flags a chattering source", () => {
    const queue = [
      makeAlarm({ id: "r1", source: { kind: "sensor", id: "wl-01" }, type: "river_water_level", raisedAt: at(50) }),
      makeAlarm({ id: "other", source: { kind: "camera", id: "cam-1" }, type: "traffic_crash_ql18", raisedAt: at(40) }),
      makeAlarm({ id: "r2", source: { kind: "sensor", id: "wl-01" }, type: "river_water_level", raisedAt: at(30) }),
      makeAlarm({ id: "r3", source: { kind: "sensor", id: "wl-01" }, type: "river_water_level", raisedAt: at(10) }),
    ];
    const groups = groupBySource(queue);
    expect(groups.map((g) => [g.alarms.map((a) => a.id), g.firstRaisedAt, g.lastRaisedAt, g.chattering])).toEqual([
      [["r1", "r2", "r3"], at(10), at(50), true],
      [["other"], at(40), at(40), false],
    ]);
    expect([...chatteringSources(groups)]).toEqual(["river_water_level|sensor|wl-01"]);
  });

  it("three raises spread over more than a minute are not chattering", () => {
    expect(isChattering([0, 40_000, 80_000])).toBe(false);
    expect(isChattering([0, 40_000, 60_000])).toBe(true);
  });
});

describe("alarm rate (EEMUA 191)", () => {
  it("counts alarms raised in the last 10 minutes and names the level", () => {
    const now = Date.parse("2026-11-25T10:10:00.000Z");
    const alarms = [
      makeAlarm({ raisedAt: "2026-11-25T09:59:59.000Z" }),
      makeAlarm({ raisedAt: "2026-11-25T10:00:00.000Z" }),
      makeAlarm({ raisedAt: "2026-11-25T10:09:00.000Z" }),
    ];
    expect(alarmsInWindow(alarms, now)).toBe(2);
    expect([rateLevel(0), rateLevel(1), rateLevel(2), rateLevel(10), rateLevel(11)]).toEqual(["manageable", "manageable", "demanding", "demanding", "flood"]);
  });
});

describe("annunciation", () => {
  it("nothing is new on the first look; later, new alarms needing attention, highest priority first", () => {
    const before = new Map([["a", makeAlarm({ id: "a" })]]);
    expect(newAlarms(null, before)).toEqual([]);
    const after = new Map([
      ...before,
      ["b", makeAlarm({ id: "b", priority: "low" })],
      ["c", makeAlarm({ id: "c", priority: "high" })],
      ["d", makeAlarm({ id: "d", priority: "critical", state: "acknowledged" })],
    ]);
    const fresh = newAlarms(new Set(before.keys()), after);
    expect(fresh.map((a) => a.id)).toEqual(["c", "b"]);
    expect(toneFor(fresh, 0, 1000)).toBe("high");
  });

  it("silence mutes without acknowledging, and only for its time", () => {
    const fresh = [makeAlarm({ priority: "critical" })];
    expect(toneFor(fresh, 5000, 4999)).toBeNull();
    expect(toneFor(fresh, 5000, 5000)).toBe("critical");
    expect(hasUnacknowledgedCritical(fresh)).toBe(true);
    expect(hasUnacknowledgedCritical([makeAlarm({ priority: "critical", state: "acknowledged" })])).toBe(false);
  });
});

describe("queue keyboard", () => {
  it("Space ticks, O opens, Escape unticks, Enter and A acknowledge", () => {
    expect(queueKeyAction({ ...key, key: " " })).toEqual({ kind: "toggle" });
    expect(queueKeyAction({ ...key, key: "o" })).toEqual({ kind: "open" });
    expect(queueKeyAction({ ...key, key: "Escape" })).toEqual({ kind: "clear" });
    expect(queueKeyAction({ ...key, key: "Enter" })).toEqual({ kind: "acknowledge" });
    expect(queueKeyAction({ ...key, key: "a", ctrlKey: true })).toBeNull();
  });
});

describe("SOP checklists", () => {
  it("every alarm type has a checklist, and every step is translated in both languages", () => {
    expect(sopFor("fire_alarm_market")).toEqual(SOP_CHECKLISTS["fire_alarm_market"]);
    expect(sopFor("unknown_type").length).toBeGreaterThan(0);
    for (const steps of [vi.sop, en.sop] as Array<Record<string, string>>) {
      expect(allSopSteps().filter((step) => typeof steps[step] !== "string")).toEqual([]);
    }
  });
});

describe("incremental queue order", () => {
  it("patching the previous order gives exactly the full sort, through adds, updates and removals", async () => {
    const { activeQueue, updateActiveQueue } = await import("../../renderer/src/features/alarms/model/queue-order.js");
    const priorities = ["critical", "high", "medium", "low"] as const;
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let map = new Map<string, Alarm>();
    let queue: Alarm[] = [];
    for (let round = 0; round < 40; round++) {
      const next = new Map(map);
      for (let i = 0; i < 30; i++) {
        const id = `a${round}-${i}`;
        next.set(id, makeAlarm({ id, priority: priorities[Math.floor(random() * 4)]!, raisedAt: new Date(Date.UTC(2026, 10, 25, 10, Math.floor(random() * 60))).toISOString() }));
      }
      for (const [id, alarm] of [...next].filter(() => random() < 0.03)) {
        const r = random();
        if (r < 0.3) next.delete(id);
        else next.set(id, { ...alarm, state: r < 0.6 ? "normal" : "acknowledged" });
      }
      queue = updateActiveQueue(map, queue, next);
      map = next;
      expect(queue.map((a) => a.id)).toEqual(activeQueue(next.values()).map((a) => a.id));
      expect(queue.every((a) => a === next.get(a.id))).toBe(true);
    }
  });
});
