import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { AuditKeyError, loadAuditKey, type LoadedAuditKey } from "./audit/audit-key.js";
import { AuditKeyMismatchError } from "./audit/audit-key-mismatch.js";
import { BackendStartError, errorCode } from "./start-error.js";
import type { BackendStore } from "./store/backend-store.js";
import { StoreVersionError } from "./store/migrate.js";
import { redactDatabaseUrl, withoutPassword } from "./store/pg/database-url.js";
import { openPgStore } from "./store/pg/pg-store.js";
import { openSqliteStore } from "./store/sqlite-store.js";
import { SOLE_INSTANCE, type Leadership } from "./store/leadership.js";
import { PgLeaderLock } from "./store/pg/leader-lock.js";

/** How often an instance that does not lead tries to take the lead (the leader's death is noticed within this). */
const LEADER_RETRY_MS = 2000;

export interface StoreChoice {
  dataDir: string;
  auditKeyFile: string | undefined;
  /** SQLite only. */
  quotaBytes: number | undefined;
  /** postgres://…: PostgreSQL; undefined: SQLite in dataDir. */
  databaseUrl: string | undefined;
}

function auditKeyOf(choice: StoreChoice, logger: Logger): LoadedAuditKey {
  let auditKey: LoadedAuditKey;
  try {
    auditKey = loadAuditKey({ env: process.env["IOC_AUDIT_KEY"], file: choice.auditKeyFile, dataDir: choice.dataDir, create: true });
  } catch (error) {
    if (error instanceof AuditKeyError) throw new BackendStartError("audit_key", error.message, { cause: error });
    throw error;
  }
  if (auditKey.created && choice.auditKeyFile === undefined) {
    logger.warn({ file: auditKey.source }, "made the audit key beside the store; a real city keeps it elsewhere (--audit-key-file on another disk, or IOC_AUDIT_KEY)");
  }
  return auditKey;
}

/** What went wrong reaching PostgreSQL, in one sentence, never with the password. */
function databaseProblem(error: unknown, databaseUrl: string): BackendStartError {
  const where = redactDatabaseUrl(databaseUrl);
  const code = errorCode(error);
  const message = withoutPassword(error instanceof Error ? error.message : String(error), databaseUrl);
  const sentence =
    code === "ECONNREFUSED"
      ? `Cannot reach the database server at ${where}: nothing answers there (is PostgreSQL running, and is that its address and port?).`
      : code === "28P01" || code === "28000"
        ? `The database server at ${where} refused the user or password: check the user in --database-url and PGPASSWORD or ~/.pgpass.`
        : code === "3D000"
          ? `The database in ${where} does not exist: create it first (see the backend README, "PostgreSQL").`
          : `Cannot use the database at ${where}: ${message}.`;
  return new BackendStartError("database", sentence, { cause: error });
}

export interface OpenedStore {
  store: BackendStore;
  /** Who runs the simulator: this instance alone on SQLite; on PostgreSQL, whoever holds the lead. */
  leadership: Leadership;
  /** The audit trail's HMAC key; it also signs evidence manifests. */
  auditKey: Buffer;
}

/** The store the backend runs on: SQLite in the data directory, or PostgreSQL with --database-url. */
export async function openBackendStore(choice: StoreChoice, logger: Logger): Promise<OpenedStore> {
  try {
    mkdirSync(choice.dataDir, { recursive: true });
  } catch (error) {
    throw new BackendStartError("data_dir", `Cannot create the data directory ${choice.dataDir}: ${errorCode(error) ?? String(error)}.`, { cause: error });
  }
  const auditKey = auditKeyOf(choice, logger);
  const onListenerError = (error: unknown) => logger.error({ err: error }, "change listener failed");
  try {
    if (choice.databaseUrl === undefined) {
      const store = openSqliteStore({
        auditKey: auditKey.key,
        filename: join(choice.dataDir, "ioc-backend.sqlite"),
        onListenerError,
        ...(choice.quotaBytes === undefined ? {} : { quotaBytes: choice.quotaBytes }),
      });
      return { store, leadership: SOLE_INSTANCE, auditKey: auditKey.key };
    }
    const databaseUrl = choice.databaseUrl;
    const store = await openPgStore({ connectionString: databaseUrl, auditKey: auditKey.key, onListenerError }).catch((error: unknown) => {
      if (error instanceof StoreVersionError || error instanceof AuditKeyMismatchError) throw error;
      throw databaseProblem(error, databaseUrl);
    });
    logger.info({ database: redactDatabaseUrl(databaseUrl) }, "store on PostgreSQL");
    const leadership = new PgLeaderLock(databaseUrl, LEADER_RETRY_MS, (error) => logger.warn({ err: error }, "simulator lead lock: connection problem"));
    return { store, leadership, auditKey: auditKey.key };
  } catch (error) {
    if (error instanceof StoreVersionError) throw new BackendStartError("store_version", error.message, { cause: error });
    if (error instanceof AuditKeyMismatchError) throw new BackendStartError("audit_key", error.message, { cause: error });
    throw error;
  }
}
