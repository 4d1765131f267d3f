import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { backendFetch } from "../../scripts/lib/backend-session.js";

/** Latest version of every entity according to the backend's change feed. */
export async function backendEntities(url: string): Promise<{ entities: Map<string, unknown>; headSeq: number }> {
  const entities = new Map<string, unknown>();
  let after = 0;
  let headSeq = 0;
  for (;;) {
    const page = (await (await backendFetch(`${url}/api/v1/changes?after=${after}&limit=5000`)).json()) as {
      changes: { seq: number; entity: string; id: string; op: string; data: unknown }[];
      hasMore: boolean;
      headSeq: number;
    };
    headSeq = page.headSeq;
    for (const c of page.changes) {
      if (c.op === "delete") entities.delete(`${c.entity}/${c.id}`);
      else entities.set(`${c.entity}/${c.id}`, c.data);
      after = c.seq;
    }
    if (!page.hasMore) return { entities, headSeq };
  }
}

/** What a console's cache holds, read beside the running console (WAL). */
export function cacheEntities(dataDir: string): { entities: Map<string, unknown>; cursor: number; pending: number } {
  // Killed before it even created its cache: nothing there yet.
  if (!existsSync(join(dataDir, "cache.sqlite"))) return { entities: new Map(), cursor: 0, pending: 0 };
  const db = new Database(join(dataDir, "cache.sqlite"), { readonly: true });
  let rows: { kind: string; id: string; data: string }[];
  let cursor: number;
  let pending: number;
  try {
    rows = db.prepare("SELECT kind, id, data FROM entities").all() as { kind: string; id: string; data: string }[];
    cursor = Number((db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").pluck().get() as string | undefined) ?? 0);
    pending = db.prepare("SELECT count(*) FROM outbox").pluck().get() as number;
  } catch (error) {
    // Read by a test while the console is still creating it: nothing there yet.
    if (error instanceof Error && error.message.startsWith("no such table")) return { entities: new Map(), cursor: 0, pending: 0 };
    throw error;
  } finally {
    db.close();
  }
  return { entities: new Map(rows.map((r) => [`${r.kind}/${r.id}`, JSON.parse(r.data) as unknown])), cursor, pending };
}
