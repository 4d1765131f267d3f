import type { Migration } from "./types.js";

/** The first cache: server-confirmed entities, the sync cursor, the outbox and sync problems. */
export const migration001: Migration = {
  version: 1,
  name: "initial",
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        alarm_id TEXT NOT NULL,
        request TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE INDEX outbox_by_alarm ON outbox (alarm_id, id);

      CREATE TABLE sync_problems (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        message TEXT NOT NULL,
        raw TEXT
      );
    `);
  },
};
