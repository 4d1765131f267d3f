import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CacheStore } from "../../electron/core/cache/cache-store.js";
import { migrate } from "../../electron/core/cache/migrate.js";
import { MIGRATIONS } from "../../electron/core/cache/migrations/index.js";
import { answerSensorReadings } from "../../electron/core/dashboards/domain-requests.js";
import { encodeValidated } from "../../electron/core/sync/decoded-page.js";
import { validateChanges } from "../../electron/core/sync/validate-changes.js";
import type { Sensor } from "../../shared/domain/sensor.js";

const NOW = "2026-12-04T10:00:00.000Z";
const minutesAgo = (m: number): string => new Date(Date.parse(NOW) - m * 60_000).toISOString();

function sensor(id: string, lastAt: string | null, lastValue: number | null): Sensor {
  return { id, name: `Trạm ${id}`, kind: "air_quality", wardCode: "06817", location: [106.78, 21.04], unit: "µg/m³", lastValue, lastAt };
}

/** Each record of the list as one change of the feed, applied in one page at `at`. */
function applySensors(store: CacheStore, records: readonly Sensor[], firstSeq: number, at = NOW): void {
  const batch = encodeValidated(validateChanges(records.map((data, i) => ({ seq: firstSeq + i, entity: "sensor", op: "upsert", id: data.id, at: data.lastAt ?? at, data }))));
  expect(batch.quarantined).toEqual([]);
  store.applyChanges(batch.rows, batch.quarantined, firstSeq + records.length - 1, at);
}

function memoryStore(): { db: Database.Database; store: CacheStore } {
  const db = new Database(":memory:");
  migrate(db);
  return { db, store: new CacheStore(db) };
}

describe("sensor readings at full resolution in the cache", () => {
  it("keeps every reading the feed carried, in order, only the last day's, and each once", () => {
    const { store } = memoryStore();
    // A catch-up page carries every reading of a sensor, not only its latest state.
    applySensors(store, [sensor("s1", minutesAgo(25 * 60), 40), sensor("s1", minutesAgo(30), 41.5), sensor("s1", minutesAgo(20), 43), sensor("s2", minutesAgo(10), 7), sensor("s1", null, null)], 1);
    applySensors(store, [sensor("s1", minutesAgo(20), 43), sensor("s1", minutesAgo(5), 44.2)], 10);
    expect(store.sensorReadings("s1", minutesAgo(48 * 60), NOW, 100)).toEqual([
      { at: minutesAgo(30), value: 41.5 },
      { at: minutesAgo(20), value: 43 },
      { at: minutesAgo(5), value: 44.2 },
    ]);
    expect(store.sensorReadings("s2", minutesAgo(60), NOW, 100)).toEqual([{ at: minutesAgo(10), value: 7 }]);
    // Over the bound, the newest readings, still oldest first.
    expect(store.sensorReadings("s1", minutesAgo(60), NOW, 2).map((r) => r.value)).toEqual([43, 44.2]);
    // The sensor's record is the latest one, as before.
    expect(store.get("sensor", "s1")?.lastValue).toBe(44.2);
  });

  it("drops readings past the cut-off, and reads and drops through its indexes", () => {
    const { db, store } = memoryStore();
    applySensors(store, [sensor("s1", minutesAgo(120), 1), sensor("s1", minutesAgo(60), 2), sensor("s1", minutesAgo(1), 3)], 1);
    expect(store.pruneSensorReadings(minutesAgo(90))).toBe(1);
    expect(store.sensorReadings("s1", minutesAgo(24 * 60), NOW, 100).map((r) => r.value)).toEqual([2, 3]);
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("x", "y", "z").concat());
    expect(plan("SELECT at, value FROM sensor_readings WHERE sensor_id = ? AND at >= ? AND at < ?")).toMatch(/SEARCH sensor_readings USING PRIMARY KEY \(sensor_id=\? AND at>\? AND at<\?\)/);
    expect(JSON.stringify(db.prepare("EXPLAIN QUERY PLAN DELETE FROM sensor_readings WHERE at < ?").all("x"))).toContain("sensor_readings_by_time");
  });

  it("a cache from before keeps its sensors' latest readings as their first", () => {
    const db = new Database(":memory:");
    migrate(db, MIGRATIONS.filter((m) => m.version < 5));
    db.prepare("INSERT INTO entities (kind, id, data, seq) VALUES ('sensor', ?, ?, 1)").run("s1", JSON.stringify(sensor("s1", minutesAgo(3), 12.5)));
    db.prepare("INSERT INTO entities (kind, id, data, seq) VALUES ('sensor', ?, ?, 2)").run("s2", JSON.stringify(sensor("s2", null, null)));
    migrate(db);
    const store = new CacheStore(db);
    expect(store.sensorReadings("s1", minutesAgo(60), NOW, 10)).toEqual([{ at: minutesAgo(3), value: 12.5 }]);
    expect(store.sensorReadings("s2", minutesAgo(60), NOW, 10)).toEqual([]);
  });

  it("answers a signed-in operator's request for a period in order, and no one else", () => {
    const { store } = memoryStore();
    applySensors(store, [sensor("s1", minutesAgo(30), 41.5)], 1);
    const request = { type: "sensor.readings" as const, sensorId: "s1", from: minutesAgo(60), to: NOW };
    expect(answerSensorReadings(request, store, true)).toEqual({ ok: true, value: [{ at: minutesAgo(30), value: 41.5 }] });
    const signedOut = answerSensorReadings(request, store, false);
    expect(signedOut.ok ? null : signedOut.error.kind).toBe("unauthenticated");
    const backwards = answerSensorReadings({ ...request, from: NOW, to: minutesAgo(60) }, store, true);
    expect(backwards.ok ? null : backwards.error.kind).toBe("invalid_request");
  });
});
