import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Where PostgreSQL's programs (initdb, pg_ctl, pg_dump, pg_restore) live: IOC_PG_BINDIR, else the
 * newest of Debian's /usr/lib/postgresql/<major>/bin, else PATH. Null when `program` is nowhere.
 */
export function findPgProgram(program: string, root = "/usr/lib/postgresql"): string | null {
  const fromEnv = process.env["IOC_PG_BINDIR"];
  if (fromEnv !== undefined && existsSync(join(fromEnv, program))) return join(fromEnv, program);
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", program)))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0] !== undefined) return join(root, majors[0], "bin", program);
  }
  for (const dir of (process.env["PATH"] ?? "").split(":")) {
    if (dir !== "" && existsSync(join(dir, program))) return join(dir, program);
  }
  return null;
}
