import type Database from "better-sqlite3";
import type { Migration as SqliteMigration } from "../../../../shared/sqlite/migration-runner.js";

/** One version of the cache's schema (shared/sqlite/migration-runner.ts runs them). */
export type Migration = SqliteMigration<Database.Database>;
