import type Database from "better-sqlite3";

/** What a migration that computes (rather than only declares) may need. */
export interface MigrationContext {
  /** The audit trail's HMAC key (see backend/audit/audit-key.ts). */
  auditKey: Buffer;
}

/**
 * One schema version: the statements that take the database from version-1 to version, then
 * `run` for what SQL alone cannot do, in the same transaction.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
  run?: (db: Database.Database, context: MigrationContext) => void;
}
