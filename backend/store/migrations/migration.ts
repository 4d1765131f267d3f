import type Database from "better-sqlite3";
import type { Migration as SqliteMigration } from "../../../shared/sqlite/migration-runner.js";

/** What a migration that computes (rather than only declares) may need. */
export interface MigrationContext {
  /** The audit trail's HMAC key (see backend/audit/audit-key.ts). */
  auditKey: Buffer;
}

/** One version of the store's schema (shared/sqlite/migration-runner.ts runs them). */
export type Migration = SqliteMigration<Database.Database, MigrationContext>;
