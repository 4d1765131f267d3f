import type { Migration } from "./types.js";

/**
 * Sensors' readings at full resolution, one row per reading the change feed carried, kept for a
 * day (SENSOR_READINGS_KEPT_HOURS). Read by sensor and time (the primary key), dropped by time
 * (its index). The sensors' latest readings already in the cache become their first rows.
 */
export const migration005: Migration = {
  version: 5,
  name: "sensor-readings",
  up(db) {
    db.exec(`
      CREATE TABLE sensor_readings (
        sensor_id TEXT NOT NULL,
        at TEXT NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (sensor_id, at)
      ) WITHOUT ROWID;
      CREATE INDEX sensor_readings_by_time ON sensor_readings (at);
      INSERT OR IGNORE INTO sensor_readings (sensor_id, at, value)
        SELECT id, json_extract(data, '$.lastAt'), json_extract(data, '$.lastValue') FROM entities
        WHERE kind = 'sensor' AND json_extract(data, '$.lastAt') IS NOT NULL AND json_extract(data, '$.lastValue') IS NOT NULL;
    `);
  },
};
