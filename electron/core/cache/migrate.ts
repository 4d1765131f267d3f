import type Database from "better-sqlite3";
import { runMigrations, SchemaTooNewError } from "../../../shared/sqlite/migration-runner.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Migration } from "./migrations/types.js";

export class CacheTooNewError extends SchemaTooNewError {
  constructor(found: number, supported: number) {
    super(
      found,
      supported,
      `The local cache was written by a newer IOC Console (schema ${found}; this version knows up to ${supported}). ` +
        `Update the console, or move the cache file aside to start afresh.`,
    );
    this.name = "CacheTooNewError";
  }
}

/** Brings the cache to the latest schema (see shared/sqlite/migration-runner.ts). Returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  return runMigrations(db, migrations, undefined, (found, supported) => new CacheTooNewError(found, supported));
}
