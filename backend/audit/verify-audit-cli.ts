import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AuditKeyError, loadAuditKey } from "./audit-key.js";
import { openSqliteStore } from "../store/sqlite-store.js";
import type { BackendStore } from "../store/backend-store.js";
import { isPostgresUrl } from "../store/pg/database-url.js";
import { openPgStore } from "../store/pg/pg-store.js";

/**
 * `npm run audit:verify -- --data-dir <backend data dir> [--database-url URL] [--audit-key-file FILE]`: checks the audit
 * trail's HMAC chain with the backend's key, opening the store read-only (it changes nothing, and a
 * store it finds broken stays as it was found). Exit code 0 when intact, 1 when an entry or the head
 * was edited, removed or forged, 2 when it cannot be checked.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string", default: ".cache/backend" }, "audit-key-file": { type: "string" }, "database-url": { type: "string" } } });
  const dataDir = values["data-dir"];
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    console.error("--database-url must be a PostgreSQL URL such as postgres://ioc@db.local:5432/ioc.");
    return 2;
  }
  const file = join(dataDir, "ioc-backend.sqlite");
  if (databaseUrl === undefined && !existsSync(file)) {
    console.error(`No backend store at ${file}: pass the backend's --data-dir.`);
    return 2;
  }
  let key: Buffer;
  try {
    key = loadAuditKey({ env: process.env["IOC_AUDIT_KEY"], file: values["audit-key-file"], dataDir, create: false }).key;
  } catch (error) {
    if (error instanceof AuditKeyError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const store: BackendStore =
    databaseUrl === undefined ? openSqliteStore({ filename: file, auditKey: key, readonly: true }) : await openPgStore({ connectionString: databaseUrl, auditKey: key, readonly: true });
  try {
    const result = await store.verifyAudit();
    if (result.valid) {
      console.log(`Audit trail intact: ${result.entries} entries, every MAC matches.`);
      return 0;
    }
    console.error(`Audit trail BROKEN at entry ${result.firstBadId}: ${result.reason}.`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Cannot check the audit trail: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
