import type { Migration } from "./migration.js";

/**
 * Hash-chains the audit trail: each entry carries the hash of the one before it and its own,
 * and audit_head remembers the last entry, so an edited, removed or truncated entry shows
 * (see backend/audit/audit-chain.ts). Version 5 keys the chain with an HMAC.
 */
export const auditHashChainMigration: Migration = {
  version: 2,
  name: "audit-hash-chain",
  statements: [
    `ALTER TABLE audit_log ADD COLUMN prev_hash TEXT`,
    `ALTER TABLE audit_log ADD COLUMN hash TEXT`,
    `CREATE TABLE audit_head (
       singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
       last_id INTEGER NOT NULL,
       hash TEXT NOT NULL
     )`,
  ],
};
