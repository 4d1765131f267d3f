import type { Migration } from "./migration.js";

/**
 * Plain SQL that both SQLite and PostgreSQL accept, except `INTEGER PRIMARY KEY`, which a
 * PostgreSQL migration would spell `BIGSERIAL PRIMARY KEY`.
 */
export const initialMigration: Migration = {
  version: 1,
  name: "initial",
  statements: [
    `CREATE TABLE entities (
       kind TEXT NOT NULL,
       id TEXT NOT NULL,
       data TEXT NOT NULL,
       seq INTEGER NOT NULL,
       PRIMARY KEY (kind, id)
     )`,
    // seq is the rowid: "changes after N" is a range scan of the primary key.
    // Rows are never deleted, so SQLite's max(rowid)+1 assignment is monotonic.
    `CREATE TABLE changes (
       seq INTEGER PRIMARY KEY,
       entity TEXT NOT NULL,
       op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
       id TEXT NOT NULL,
       at TEXT NOT NULL,
       data TEXT
     )`,
    `CREATE TABLE applied_actions (
       idempotency_key TEXT PRIMARY KEY,
       response TEXT NOT NULL,
       at TEXT NOT NULL
     )`,
    `CREATE TABLE audit_log (
       id INTEGER PRIMARY KEY,
       at TEXT NOT NULL,
       operator_id TEXT NOT NULL,
       action TEXT NOT NULL,
       target_kind TEXT,
       target_id TEXT,
       outcome TEXT NOT NULL,
       detail TEXT NOT NULL
     )`,
    `CREATE INDEX audit_log_by_operator ON audit_log (operator_id, at)`,
  ],
};
