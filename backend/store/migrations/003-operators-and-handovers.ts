import type { Migration } from "./migration.js";

/**
 * Operator sign-in and shift handovers. Passwords are kept only as scrypt hashes
 * ("scrypt$N$r$p$salt$hash", see backend/auth/password-hash.ts). A handover is one row, written by
 * the outgoing operator and completed by the incoming one; both steps are also in the audit trail.
 */
export const operatorsAndHandoversMigration: Migration = {
  version: 3,
  name: "operators-and-handovers",
  statements: [
    `CREATE TABLE operator_credentials (
       operator_id TEXT PRIMARY KEY,
       password_hash TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE TABLE handovers (
       id TEXT PRIMARY KEY,
       written_at TEXT NOT NULL,
       from_operator_id TEXT NOT NULL,
       data TEXT NOT NULL,
       acknowledged_at TEXT
     )`,
    // "The newest handover nobody acknowledged" is what every incoming operator asks for.
    `CREATE INDEX handovers_pending ON handovers (acknowledged_at, written_at)`,
  ],
};
