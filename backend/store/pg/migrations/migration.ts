import type { PoolClient } from "pg";
import type { MigrationContext } from "../../migrations/migration.js";

/**
 * One schema version of the PostgreSQL store: the statements that take the database from
 * version-1 to version, then `run` for what SQL alone cannot do, in the same transaction.
 */
export interface PgMigration {
  version: number;
  name: string;
  statements: readonly string[];
  run?: (client: PoolClient, context: MigrationContext) => Promise<void>;
}
