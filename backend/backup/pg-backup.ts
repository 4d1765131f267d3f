import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { pgSchemaVersion } from "../store/pg/pg-migrate.js";
import { findPgProgram } from "../store/pg/pg-binaries.js";
import { redactDatabaseUrl, withoutPassword } from "../store/pg/database-url.js";
import { backupErr, backupOk, type BackupResult } from "./backup-result.js";

/** The URL without its password, and the password for PGPASSWORD: it never goes on a command line (ps shows those). */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env: password === "" ? { ...process.env } : { ...process.env, PGPASSWORD: password } };
}

function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => resolve({ code: null, stderr: error.message }));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

function tool(program: string): BackupResult<string> {
  const found = findPgProgram(program);
  return found === null ? backupErr("tool_missing", `${program} is not installed: install PostgreSQL's client programs (Debian: postgresql-client) or set IOC_PG_BINDIR.`) : backupOk(found);
}

/** pg_dump in its custom format (compressed; pg_restore reads it): a consistent snapshot while instances keep writing. */
export async function backupPgStore(databaseUrl: string, out: string): Promise<BackupResult<{ file: string }>> {
  if (existsSync(out)) return backupErr("target_exists", `${out} already exists: name a new file for the backup.`);
  const pgDump = tool("pg_dump");
  if (!pgDump.ok) return pgDump;
  const { url, env } = connection(databaseUrl);
  const result = await run(pgDump.value, ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${url}`], env);
  if (result.code !== 0) return backupErr("failed", `pg_dump of ${redactDatabaseUrl(databaseUrl)} failed: ${withoutPassword(result.stderr.trim(), databaseUrl)}`);
  return backupOk({ file: out });
}

/**
 * pg_restore into a database with no IOC store in it (create an empty one first), in one
 * transaction: a restore that fails leaves the database as empty as it was.
 */
export async function restorePgStore(from: string, databaseUrl: string): Promise<BackupResult<{ schemaVersion: number }>> {
  if (!existsSync(from)) return backupErr("no_store", `There is no backup at ${from}.`);
  const pgRestore = tool("pg_restore");
  if (!pgRestore.ok) return pgRestore;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    if ((await pgSchemaVersion(pool)) !== 0) {
      return backupErr("target_exists", `${redactDatabaseUrl(databaseUrl)} already holds an IOC store: restore into a new, empty database (createdb), then point --database-url at it.`);
    }
    const { url, env } = connection(databaseUrl);
    const result = await run(pgRestore.value, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, from], env);
    if (result.code !== 0) return backupErr("failed", `pg_restore into ${redactDatabaseUrl(databaseUrl)} failed: ${withoutPassword(result.stderr.trim(), databaseUrl)}`);
    return backupOk({ schemaVersion: await pgSchemaVersion(pool) });
  } catch (error) {
    return backupErr("failed", `Cannot use the database at ${redactDatabaseUrl(databaseUrl)}: ${withoutPassword(error instanceof Error ? error.message : String(error), databaseUrl)}.`);
  } finally {
    await pool.end();
  }
}
