import { auditHeadMac, GENESIS_HASH } from "../../../audit/audit-chain.js";
import type { PgMigration } from "./migration.js";

/**
 * The schema the SQLite store reached in its five versions, in one: entities and their numbered
 * changes, idempotency keys per operator, the keyed audit chain and its MACed head, credentials,
 * handovers and sessions. Records stay TEXT (ASCII JSON) so catch-up pages are spliced from the
 * stored bytes; jsonb would reformat them.
 */
export const pgInitialMigration: PgMigration = {
  version: 1,
  name: "initial",
  statements: [
    `CREATE TABLE entities (
       kind TEXT NOT NULL,
       id TEXT NOT NULL,
       data TEXT NOT NULL,
       seq BIGINT NOT NULL,
       PRIMARY KEY (kind, id)
     )`,
    // seq is assigned by the store under the change log's lock, not by a sequence: a sequence hands
    // numbers out in one order and transactions commit in another, which would let a reader's cursor
    // pass a change that commits later.
    `CREATE TABLE changes (
       seq BIGINT PRIMARY KEY,
       entity TEXT NOT NULL,
       op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
       id TEXT NOT NULL,
       at TEXT NOT NULL,
       data TEXT
     )`,
    `CREATE TABLE applied_actions_by_operator (
       operator_id TEXT NOT NULL,
       idempotency_key TEXT NOT NULL,
       request_hash TEXT NOT NULL,
       response TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (operator_id, idempotency_key)
     )`,
    `CREATE TABLE audit_log (
       id BIGINT PRIMARY KEY,
       at TEXT NOT NULL,
       operator_id TEXT NOT NULL,
       action TEXT NOT NULL,
       target_kind TEXT,
       target_id TEXT,
       outcome TEXT NOT NULL,
       detail TEXT NOT NULL,
       prev_hash TEXT,
       hash TEXT
     )`,
    `CREATE INDEX audit_log_by_operator ON audit_log (operator_id, at)`,
    `CREATE TABLE audit_head (
       singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
       last_id BIGINT NOT NULL,
       hash TEXT NOT NULL,
       mac TEXT
     )`,
    `CREATE TABLE operator_credentials (
       operator_id TEXT PRIMARY KEY,
       password_hash TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       must_change BOOLEAN NOT NULL DEFAULT FALSE
     )`,
    `CREATE TABLE handovers (
       id TEXT PRIMARY KEY,
       written_at TEXT NOT NULL,
       from_operator_id TEXT NOT NULL,
       data TEXT NOT NULL,
       acknowledged_at TEXT
     )`,
    `CREATE INDEX handovers_pending ON handovers (acknowledged_at, written_at)`,
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
    `CREATE INDEX sessions_by_workstation ON sessions (workstation_id, revoked_at)`,
    `CREATE INDEX sessions_live ON sessions (revoked_at, expires_at)`,
  ],
  async run(client, { auditKey }) {
    // An empty trail still has a MACed head: a store opened with another key is refused from the start.
    await client.query("INSERT INTO audit_head (singleton, last_id, hash, mac) VALUES (1, 0, $1, $2)", [GENESIS_HASH, auditHeadMac(auditKey, 0, GENESIS_HASH)]);
  },
};
