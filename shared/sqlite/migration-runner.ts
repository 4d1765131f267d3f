/**
 * The one migration runner for every SQLite database of the product (the backend's store, the
 * console's cache): one migration per schema version, in order, each in its own transaction with
 * its user_version, and a database written by a newer version refused untouched. It works on any
 * SQLite handle of this shape (better-sqlite3's), so it runs wherever the database is opened.
 */
export interface SqliteHandle {
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple: boolean }): unknown;
  transaction(fn: () => void): () => void;
}

/**
 * One schema version: the statements that take the database from version-1 to version, then `up`
 * for what SQL alone cannot do, in the same transaction.
 */
export interface Migration<Db extends SqliteHandle = SqliteHandle, Context = void> {
  version: number;
  name: string;
  statements?: readonly string[];
  up?: (db: Db, context: Context) => void;
}

/** The database was written by a newer version of the program; it is left as it is. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    message: string,
  ) {
    super(message);
    this.name = "SchemaTooNewError";
  }
}

/** Versions must be 1, 2, 3, ... in order, or an upgrade could silently skip one. */
export function checkMigrationOrder(migrations: ReadonlyArray<{ version: number; name: string }>): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
  });
}

/**
 * Brings the database to the newest version of `migrations`. A failure leaves the previous version
 * intact. Returns the versions applied. `tooNew` words the refusal for a newer database.
 */
export function runMigrations<Db extends SqliteHandle, Context>(
  db: Db,
  migrations: ReadonlyArray<Migration<Db, Context>>,
  context: Context,
  tooNew: (found: number, supported: number) => SchemaTooNewError,
): number[] {
  checkMigrationOrder(migrations);
  const latest = migrations.length;
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > latest) throw tooNew(current, latest);
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      for (const statement of migration.statements ?? []) db.exec(statement);
      migration.up?.(db, context);
      // PRAGMA takes no bound parameters; the version is an integer we control.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
