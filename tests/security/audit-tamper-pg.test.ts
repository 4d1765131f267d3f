import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPgStore } from "../../backend/store/pg/pg-store.js";
import { REPO_ROOT } from "../../scripts/lib/backend-process.js";
import { freshDatabaseUrl, stopStoreServers } from "../backend/store-implementations.js";

const KEY = Buffer.alloc(32, 11);
const dir = mkdtempSync(join(tmpdir(), "ioc-audit-pg-"));
const keyFile = join(dir, "audit.key");
writeFileSync(keyFile, KEY.toString("hex"), { mode: 0o600 });
afterAll(async () => {
  await stopStoreServers();
  rmSync(dir, { recursive: true, force: true });
});

function verify(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "backend/audit/verify-audit-cli.ts", "--database-url", databaseUrl, "--audit-key-file", keyFile],
      { cwd: REPO_ROOT, env: { ...process.env, IOC_AUDIT_KEY: "" } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 2), stdout, stderr }),
    );
  });
}

async function sql(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe("the audit trail on PostgreSQL under tampering", () => {
  it("npm run audit:verify -- --database-url finds it intact, then an edited entry and a removed newest entry, changing nothing itself", async () => {
    const url = await freshDatabaseUrl();
    const store = await openPgStore({ connectionString: url, auditKey: KEY });
    for (let i = 1; i <= 5; i++) {
      await store.commit([], [{ at: `2026-12-04T08:0${i}:00.000Z`, operatorId: "op-01", action: "acknowledge", targetKind: "alarm", targetId: `alm-${i}`, outcome: "applied", detail: { i } }]);
    }
    await store.close();

    const intact = await verify(url);
    expect(intact).toMatchObject({ code: 0, stdout: "Audit trail intact: 5 entries, every MAC matches.\n" });

    await sql(url, "UPDATE audit_log SET outcome = 'rejected' WHERE id = 4");
    const edited = await verify(url);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("BROKEN at entry 4");

    await sql(url, "UPDATE audit_log SET outcome = 'applied' WHERE id = 4");
    await sql(url, "DELETE FROM audit_log WHERE id = 5");
    const truncated = await verify(url);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain("entries at its end were removed");
    // The verifier wrote nothing: the trail is still broken, not re-sealed.
    expect((await verify(url)).code).toBe(1);
  }, 60_000);
});
