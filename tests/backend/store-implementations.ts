import { randomBytes } from "node:crypto";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { openPgStore } from "../../backend/store/pg/pg-store.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.js";

/**
 * Both stores behind one interface, for suites that must hold for each. The PostgreSQL server is
 * started once per test file, on first use; each store gets a database of its own. Call
 * `stopStoreServers` in afterAll.
 */
export interface StoreImplementation {
  name: "SQLite" | "PostgreSQL";
  /** A new, empty store. */
  open(options?: { auditKey?: Buffer }): Promise<BackendStore>;
}

let server: Promise<ThrowawayPostgres> | null = null;

export function throwawayServer(): Promise<ThrowawayPostgres> {
  server ??= startThrowawayPostgres();
  return server;
}

export async function stopStoreServers(): Promise<void> {
  const running = server;
  server = null;
  if (running !== null) await (await running).stop();
}

/** A fresh database on this file's server: its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  return (await throwawayServer()).createDatabase();
}

export const STORE_IMPLEMENTATIONS: readonly StoreImplementation[] = [
  { name: "SQLite", open: async (options = {}) => openSqliteStore({ filename: ":memory:", ...(options.auditKey === undefined ? {} : { auditKey: options.auditKey }) }) },
  {
    name: "PostgreSQL",
    open: async (options = {}) => openPgStore({ connectionString: await freshDatabaseUrl(), auditKey: options.auditKey ?? randomBytes(32), pollMs: 200 }),
  },
];
