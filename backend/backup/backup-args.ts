import { parseArgs } from "node:util";
import { isPostgresUrl } from "../store/pg/database-url.js";

export const BACKUP_USAGE = [
  "Usage: npm run backup -- --out FILE [--data-dir DIR | --database-url URL]",
  "       npm run backup -- --restore FILE [--data-dir DIR | --database-url URL]",
  "  --out FILE          write a backup of the store there (SQLite: a copy of the database; PostgreSQL: pg_dump's custom format)",
  "  --restore FILE      put that backup in place: into a data directory without a store, or an empty database",
  "  --data-dir DIR      the SQLite store's data directory (default .cache/backend)",
  "  --database-url URL  the PostgreSQL store (password from PGPASSWORD or ~/.pgpass, or in the URL)",
].join("\n");

export type StoreLocation = { kind: "sqlite"; dataDir: string } | { kind: "postgres"; databaseUrl: string };
export type BackupCommand = { mode: "backup"; out: string; store: StoreLocation } | { mode: "restore"; from: string; store: StoreLocation } | { mode: "help" };

/** Pure: argv → what to do, or one sentence saying what is wrong (never repeating a database URL). */
export function parseBackupArgs(argv: readonly string[]): { ok: true; value: BackupCommand } | { ok: false; error: string } {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: { out: { type: "string" }, restore: { type: "string" }, "data-dir": { type: "string" }, "database-url": { type: "string" }, help: { type: "boolean", default: false } },
      strict: true,
    }).values;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { ok: true, value: { mode: "help" } };
  const url = values["database-url"];
  if (url !== undefined && values["data-dir"] !== undefined) return { ok: false, error: "Give --data-dir (SQLite) or --database-url (PostgreSQL), not both." };
  if (url !== undefined && !isPostgresUrl(url)) return { ok: false, error: "--database-url must be a PostgreSQL URL such as postgres://ioc@db.local:5432/ioc." };
  const store: StoreLocation = url !== undefined ? { kind: "postgres", databaseUrl: url } : { kind: "sqlite", dataDir: values["data-dir"] ?? ".cache/backend" };
  if ((values.out === undefined) === (values.restore === undefined)) return { ok: false, error: "Say what to do: --out FILE to make a backup, or --restore FILE to put one back." };
  return { ok: true, value: values.out !== undefined ? { mode: "backup", out: values.out, store } : { mode: "restore", from: values.restore ?? "", store } };
}
