import type Database from "better-sqlite3";
import { runMigrations, SchemaTooNewError } from "../../shared/sqlite/migration-runner.js";
import type { Migration, MigrationContext } from "./migrations/migration.js";

export { checkMigrationOrder } from "../../shared/sqlite/migration-runner.js";

/** The data directory (or database) was written by a newer backend; we must not touch it. */
export class StoreVersionError extends SchemaTooNewError {
  constructor(found: number, supported: number, advice = "Run that newer backend, or use another --data-dir.") {
    super(found, supported, `The database has schema version ${found}, but this IOC backend only knows versions up to ${supported}: it was written by a newer backend. ${advice}`);
    this.name = "StoreVersionError";
  }
}

/** Brings the store up to the newest version (see shared/sqlite/migration-runner.ts). Returns the version reached. */
export function migrate(db: Database.Database, migrations: readonly Migration[], context: MigrationContext): number {
  runMigrations(db, migrations, context, (found, supported) => new StoreVersionError(found, supported));
  return migrations.length;
}
