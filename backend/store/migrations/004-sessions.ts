import type { Migration } from "./migration.js";

/**
 * Operator sessions: only the SHA-256 of each token is stored, so a copy of the database opens no
 * session. A one-time password (the first supervisor's, or one a supervisor set) must be replaced
 * at the first sign-in.
 */
export const sessionsMigration: Migration = {
  version: 4,
  name: "sessions",
  statements: [
    `CREATE TABLE sessions (
       id TEXT PRIMARY KEY,
       token_hash TEXT NOT NULL UNIQUE,
       stream_token_hash TEXT NOT NULL UNIQUE,
       operator_id TEXT NOT NULL,
       workstation_id TEXT NOT NULL,
       address TEXT NOT NULL,
       created_at TEXT NOT NULL,
       last_seen_at TEXT NOT NULL,
       expires_at TEXT NOT NULL,
       revoked_at TEXT,
       revoked_reason TEXT
     )`,
    // Live sessions of a workstation are revoked when another operator signs in there.
    `CREATE INDEX sessions_by_workstation ON sessions (workstation_id, revoked_at)`,
    `CREATE INDEX sessions_live ON sessions (revoked_at, expires_at)`,
    `ALTER TABLE operator_credentials ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0`,
  ],
};
