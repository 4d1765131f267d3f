import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { findPgProgram } from "../../backend/store/pg/pg-binaries.js";
import { freePort } from "./free-port.js";

/**
 * A PostgreSQL server for tests and benches: initdb in a temp directory, loopback on a free port,
 * its unix socket in that directory, stopped and removed by `stop()` (and at process exit, so a
 * failing test leaves nothing running). `initdb` and `postgres` refuse to run as root, so as root
 * (CI) the server runs as the unprivileged `postgres` user Debian's package creates.
 */
export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database (no password: trust on loopback only). */
  adminUrl: string;
  port: number;
  /** Where pg_dump, psql and friends of this server's version live. */
  binDir: string;
  /** A fresh empty database; its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export class PostgresUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PostgresUnavailableError";
  }
}

const SUPERUSER = "ioc";

/** The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function findPostgresBinDir(): string | null {
  const initdb = findPgProgram("initdb");
  return initdb !== null && existsSync(join(dirname(initdb), "pg_ctl")) && existsSync(join(dirname(initdb), "postgres")) ? dirname(initdb) : null;
}

interface RunAs {
  /** Prefix that runs a command as the server's user ([] when we are not root). */
  prefix: string[];
  uid: number;
  gid: number;
}

function unprivilegedUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const fields = line?.split(":");
  if (fields === undefined || fields[2] === undefined || fields[3] === undefined) {
    throw new PostgresUnavailableError("PostgreSQL refuses to run as root and this machine has no 'postgres' user to run it as: install Debian's postgresql package (sudo npm run setup:system).");
  }
  const uid = Number(fields[2]);
  const gid = Number(fields[3]);
  const prefix = existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser") ? ["runuser", "-u", "postgres", "--"] : ["setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--init-groups"];
  return { prefix, uid, gid };
}

function run(runAs: RunAs | null, command: string, args: string[], what: string): void {
  const argv = [...(runAs?.prefix ?? []), command, ...args];
  const result = spawnSync(argv[0] ?? command, argv.slice(1), { encoding: "utf8", timeout: 60_000 });
  if (result.error !== undefined || result.status !== 0) {
    const detail = (result.stderr || result.stdout || result.error?.message || "").trim().split("\n").slice(-3).join(" ");
    throw new PostgresUnavailableError(`Could not ${what}: ${detail}`);
  }
}

let databaseCounter = 0;

/** Starts a throwaway server; throws PostgresUnavailableError (one sentence) when that cannot be done. */
export async function startThrowawayPostgres(options: { fsync?: boolean } = {}): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  if (binDir === null) {
    throw new PostgresUnavailableError("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH): run 'sudo npm run setup:system' to install Debian's postgresql package.");
  }
  const runAs = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), "ioc-pg-"));
  if (runAs !== null) chownSync(dir, runAs.uid, runAs.gid);
  const dataDir = join(dir, "data");
  const port = await freePort();
  let started = false;
  const stopNow = (): void => {
    if (started) {
      const argv = [...(runAs?.prefix ?? []), join(binDir, "pg_ctl"), "stop", "-D", dataDir, "-m", "immediate", "-w"];
      spawnSync(argv[0] ?? "pg_ctl", argv.slice(1), { timeout: 30_000 });
    }
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopNow);
  try {
    run(runAs, join(binDir, "initdb"), ["-D", dataDir, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initialise a PostgreSQL data directory");
    // Only loopback and the socket in our own directory: nothing else on the machine sees it.
    const serverOptions = [`-p ${port}`, "-h 127.0.0.1", `-k ${dir}`, "-c max_connections=200", "-c shared_buffers=32MB", ...(options.fsync === true ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"])].join(" ");
    run(runAs, join(binDir, "pg_ctl"), ["start", "-D", dataDir, "-w", "-t", "60", "-l", join(dir, "server.log"), "-o", serverOptions], "start a throwaway PostgreSQL server");
    started = true;
  } catch (error) {
    stopNow();
    process.removeListener("exit", stopNow);
    throw error;
  }
  const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    binDir,
    async createDatabase(name) {
      const database = name ?? `ioc_test_${process.pid}_${++databaseCounter}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
    },
    async stop() {
      stopNow();
      process.removeListener("exit", stopNow);
    },
  };
}
