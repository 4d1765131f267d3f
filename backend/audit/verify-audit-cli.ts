import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openSqliteStore } from "../store/sqlite-store.js";

/**
 * `npm run audit:verify -- --data-dir <backend data dir>`: checks the audit trail's hash chain.
 * Exit code 0 when intact, 1 when an entry was edited or removed, 2 when it cannot be checked.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string", default: ".cache/backend" } } });
  const file = join(values["data-dir"], "ioc-backend.sqlite");
  if (!existsSync(file)) {
    console.error(`No backend store at ${file}: pass the backend's --data-dir.`);
    return 2;
  }
  const store = openSqliteStore({ filename: file });
  try {
    const result = await store.verifyAudit();
    if (result.valid) {
      console.log(`Audit trail intact: ${result.entries} entries, every hash matches.`);
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
