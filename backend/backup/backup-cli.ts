import { assertNever } from "../../shared/result.js";
import { BACKUP_USAGE, parseBackupArgs, type BackupCommand } from "./backup-args.js";
import type { BackupResult } from "./backup-result.js";
import { backupPgStore, restorePgStore } from "./pg-backup.js";
import { backupSqliteStore, restoreSqliteStore } from "./sqlite-backup.js";

async function perform(command: Exclude<BackupCommand, { mode: "help" }>): Promise<BackupResult<string>> {
  const { store } = command;
  switch (command.mode) {
    case "backup": {
      const done = store.kind === "sqlite" ? await backupSqliteStore(store.dataDir, command.out) : await backupPgStore(store.databaseUrl, command.out);
      return done.ok ? { ok: true, value: `Backup written to ${command.out}.` } : done;
    }
    case "restore": {
      const done = store.kind === "sqlite" ? await restoreSqliteStore(command.from, store.dataDir) : await restorePgStore(command.from, store.databaseUrl);
      return done.ok ? { ok: true, value: `Restored ${command.from} (schema version ${done.value.schemaVersion}). Start the backend with the audit key this store was written with.` } : done;
    }
    default:
      return assertNever(command);
  }
}

/** `npm run backup -- --out FILE [--data-dir DIR | --database-url URL]`, and `--restore FILE`. Exit 0 done, 1 failed, 2 bad usage. */
async function main(): Promise<number> {
  const parsed = parseBackupArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${BACKUP_USAGE}\n`);
    return 2;
  }
  if (parsed.value.mode === "help") {
    process.stdout.write(`${BACKUP_USAGE}\n`);
    return 0;
  }
  const result = await perform(parsed.value);
  if (!result.ok) {
    process.stderr.write(`${result.error.message}\n`);
    return 1;
  }
  process.stdout.write(`${result.value}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`The backup stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
