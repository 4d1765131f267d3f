import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { migrate } from "../../electron/core/cache/migrate.js";
import type { EncodedChange } from "../../electron/core/sync/decoded-page.js";
import { CLEARED_ALARM_ON_SCREEN_MS, pruneClearedAlarms } from "../../shared/alarm-retention.js";
import type { Alarm } from "../../shared/domain/alarm.js";
import { makeAlarm } from "./fixtures.js";

const NOW = Date.parse("2026-12-04T06:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

describe("retention of cleared alarms", () => {
  const alarms = new Map<string, Alarm>([
    ["old-cleared", makeAlarm({ id: "old-cleared", state: "normal", updatedAt: hoursAgo(30) })],
    ["recent-cleared", makeAlarm({ id: "recent-cleared", state: "normal", updatedAt: hoursAgo(2) })],
    ["old-open", makeAlarm({ id: "old-open", state: "unacknowledged", updatedAt: hoursAgo(300) })],
    ["old-in-incident", makeAlarm({ id: "old-in-incident", state: "normal", updatedAt: hoursAgo(30) })],
  ]);

  it("on screen: drops alarms cleared more than a day ago, never open ones or those an incident names", () => {
    const kept = pruneClearedAlarms(alarms, [{ alarmIds: ["old-in-incident"] }], NOW);
    expect([...kept.keys()].sort()).toEqual(["old-in-incident", "old-open", "recent-cleared"]);
    expect(CLEARED_ALARM_ON_SCREEN_MS).toBe(24 * 3_600_000);
  });

  it("returns the same map when nothing goes, so the screens see no change", () => {
    expect(pruneClearedAlarms(alarms, [], Date.parse(hoursAgo(28)))).toBe(alarms);
  });

  it("in the cache: deletes old cleared alarms but keeps those named by incidents or waiting in the outbox", () => {
    const db = new Database(":memory:");
    migrate(db);
    const store = new CacheStore(db);
    const rows: EncodedChange[] = [...alarms.values(), makeAlarm({ id: "old-queued", state: "normal", updatedAt: hoursAgo(40) })].map((alarm, i) => ({ seq: i + 1, entity: "alarm" as const, op: "upsert" as const, id: alarm.id, dataJson: JSON.stringify(alarm) }));
    rows.push({ seq: 10, entity: "incident", op: "upsert", id: "inc-1", dataJson: JSON.stringify({ id: "inc-1", alarmIds: ["old-in-incident"] }) });
    store.applyChanges(rows, [], 10, hoursAgo(0));
    expect(store.enqueueCommands([{ idempotencyKey: "k1", operatorId: "op-01", at: hoursAgo(0), command: { type: "comment", target: { kind: "alarm", id: "old-queued" }, text: "x" } }]).ok).toBe(true);
    expect(store.pruneClearedAlarms(hoursAgo(24))).toBe(1);
    const left = db.prepare("SELECT id FROM entities WHERE kind = 'alarm' ORDER BY id").pluck().all();
    expect(left).toEqual(["old-in-incident", "old-open", "old-queued", "recent-cleared"]);
    const plan = db.prepare("EXPLAIN QUERY PLAN DELETE FROM entities WHERE kind = 'alarm' AND json_extract(data, '$.state') = 'normal'").all() as Array<{ detail: string }>;
    // The kind is the primary key's first column: the scan is of alarms only, not every entity.
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/USING (PRIMARY KEY|INDEX)/);
  });
});
