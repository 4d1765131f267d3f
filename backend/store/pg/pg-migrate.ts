import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { checkMigrationOrder, StoreVersionError } from "../migrate.js";
import type { MigrationContext } from "../migrations/migration.js";
import type { PgMigration } from "./migrations/migration.js";

/** Session-level advisory lock key: two instances starting at once migrate one after the other. */
const MIGRATION_LOCK = 0x10c_0001;
const VersionRowSchema = z.object({ version: z.coerce.number().int() });

export const NEWER_PG_SCHEMA_ADVICE = "Run that newer backend, or point --database-url at another database.";

/** The schema version a database is at (0: never migrated). */
export async function pgSchemaVersion(db: Pool | PoolClient): Promise<number> {
  const exists = await db.query("SELECT to_regclass('ioc_schema_version') IS NOT NULL AS present");
  if (exists.rows[0]?.present !== true) return 0;
  const result = await db.query("SELECT version FROM ioc_schema_version WHERE singleton = 1");
  return result.rows[0] === undefined ? 0 : VersionRowSchema.parse(result.rows[0]).version;
}

/**
 * Brings the database up to the newest version. Each migration runs in its own transaction
 * together with its version row, so a failure leaves the previous version intact; a database at
 * a newer version than `migrations` knows is refused (StoreVersionError). Returns the version reached.
 */
export async function migratePg(pool: Pool, migrations: readonly PgMigration[], context: MigrationContext): Promise<number> {
  checkMigrationOrder(migrations);
  const latest = migrations.length;
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS ioc_schema_version (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), version INTEGER NOT NULL)");
      // On the locked connection: the pool may have no other.
      const current = await pgSchemaVersion(client);
      if (current > latest) throw new StoreVersionError(current, latest, NEWER_PG_SCHEMA_ADVICE);
      for (const migration of migrations.slice(current)) {
        await client.query("BEGIN");
        try {
          for (const statement of migration.statements) await client.query(statement);
          await migration.run?.(client, context);
          await client.query(
            "INSERT INTO ioc_schema_version (singleton, version) VALUES (1, $1) ON CONFLICT (singleton) DO UPDATE SET version = excluded.version",
            [migration.version],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return latest;
}
