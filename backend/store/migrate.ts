import type Database from "better-sqlite3";
import type { Migration, MigrationContext } from "./migrations/migration.js";

/** The data directory was written by a newer backend; we must not touch it. */
export class StoreVersionError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    advice = "Run that newer backend, or use another --data-dir.",
  ) {
    super(`The database has schema version ${found}, but this IOC backend only knows versions up to ${supported}: it was written by a newer backend. ${advice}`);
    this.name = "StoreVersionError";
  }
}

/** Versions must be 1, 2, 3, ... in order, or an upgrade could silently skip one. */
export function checkMigrationOrder(migrations: ReadonlyArray<Pick<Migration, "version" | "name">>): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}

/**
 * Brings the database up to the newest version. Each migration runs in its own transaction
 * together with its `PRAGMA user_version`, so a failure leaves the previous version intact.
 * Returns the version reached.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], context: MigrationContext): number {
  checkMigrationOrder(migrations);
  const latest = migrations.length;
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > latest) throw new StoreVersionError(current, latest);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      for (const statement of migration.statements) db.exec(statement);
      migration.run?.(db, context);
      // PRAGMA takes no bound parameters; the version is an integer we control.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
