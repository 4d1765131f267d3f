import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Change } from "../../shared/protocol/backend.js";
import { AuditKeyMismatchError } from "../../backend/audit/audit-key-mismatch.js";
import type { BackendStore, StoredChange } from "../../backend/store/backend-store.js";
import { StoreVersionError } from "../../backend/store/migrate.js";
import { PG_MIGRATIONS } from "../../backend/store/pg/migrations/index.js";
import { openPgStore, type PgStoreOptions } from "../../backend/store/pg/pg-store.js";
import { LOG_LOCK } from "../../backend/store/pg/pg-transaction.js";
import { buildCityModel } from "../../backend/seed/city-model.js";
import { buildSeedWrites, seedOrReconcile } from "../../backend/seed/seed.js";
import { loadUongBiWards } from "../../backend/seed/ward-geodata.js";
import { freshDatabaseUrl, stopStoreServers } from "./store-implementations.js";

const KEY = Buffer.alloc(32, 9);
const opened: Array<BackendStore | pg.Client> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await (item instanceof pg.Client ? item.end() : item.close());
});
afterAll(stopStoreServers);

async function open(url: string, options: Partial<PgStoreOptions> = {}): Promise<BackendStore> {
  const store = await openPgStore({ connectionString: url, auditKey: KEY, pollMs: 200, ...options });
  opened.push(store);
  return store;
}

async function sql(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A server stopped under it must not become an uncaught error of the test file.
  client.on("error", () => undefined);
  await client.connect();
  opened.push(client);
  return client;
}

describe("PostgreSQL store: opening", () => {
  it("keeps what was committed for the next instance, which numbers on from it", async () => {
    const url = await freshDatabaseUrl();
    const first = await open(url);
    await first.commit([{ entity: "ward", op: "upsert", id: "w1", data: { n: 1 } }], [{ at: "2026-12-04T08:00:00.000Z", operatorId: "op-01", action: "a", targetKind: null, targetId: null, outcome: "applied", detail: {} }]);
    await first.close();
    const second = await open(url);
    expect(await second.getEntity("ward", "w1")).toEqual({ data: { n: 1 }, seq: 1 });
    expect((await second.commit([{ entity: "ward", op: "upsert", id: "w2", data: 2 }]))[0]?.seq).toBe(2);
    expect(await second.verifyAudit()).toEqual({ entries: 1, valid: true, firstBadId: null, reason: null });
  });

  it("refuses a database with a newer schema, saying what to do", async () => {
    const url = await freshDatabaseUrl();
    await (await open(url)).close();
    await (await sql(url)).query("UPDATE ioc_schema_version SET version = 99");
    const refused = openPgStore({ connectionString: url, auditKey: KEY });
    await expect(refused).rejects.toBeInstanceOf(StoreVersionError);
    await expect(refused).rejects.toThrow(new RegExp(`schema version 99.*only knows versions up to ${PG_MIGRATIONS.length}.*--database-url`));
  });

  it("refuses another key's audit trail", async () => {
    const url = await freshDatabaseUrl();
    await (await open(url)).close();
    await expect(openPgStore({ connectionString: url, auditKey: randomBytes(32) })).rejects.toBeInstanceOf(AuditKeyMismatchError);
  });

  it("two instances starting at once on an empty database migrate it once", async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = await Promise.all([open(url), open(url)]);
    await a!.commit([{ entity: "ward", op: "upsert", id: "w", data: 1 }]);
    expect(await b!.getEntity("ward", "w")).toEqual({ data: 1, seq: 1 });
    expect((await (await sql(url)).query("SELECT version FROM ioc_schema_version")).rows).toEqual([{ version: PG_MIGRATIONS.length }]);
  });

  it("says in one sentence when the server cannot be reached, without the password", async () => {
    const attempt = openPgStore({ connectionString: "postgres://ioc:secret-pw@127.0.0.1:1/ioc", auditKey: KEY });
    await expect(attempt).rejects.toThrow();
    await attempt.catch((error: unknown) => expect(String(error)).not.toContain("secret-pw"));
  });
});

describe("PostgreSQL store: indexes", () => {
  it("reads changes after a cursor, entities and sessions by their indexes", async () => {
    const url = await freshDatabaseUrl();
    const store = await open(url);
    for (let batch = 0; batch < 10; batch++) {
      await store.commit(Array.from({ length: 500 }, (_, i) => ({ entity: "sensor" as const, op: "upsert" as const, id: `s${batch}-${i}`, data: { i } })));
    }
    const client = await sql(url);
    await client.query(
      "INSERT INTO sessions (id, token_hash, stream_token_hash, operator_id, workstation_id, address, created_at, last_seen_at, expires_at) " +
        "SELECT 's' || n, 't' || n, 'st' || n, 'op-01', 'desk-' || (n % 50), '127.0.0.1', '2026-12-04T08:00:00.000Z', '2026-12-04T08:00:00.000Z', '2026-12-04T20:00:00.000Z' FROM generate_series(1, 3000) AS n",
    );
    await client.query("ANALYZE");
    const plan = async (text: string, values: unknown[]) => (await client.query(`EXPLAIN ${text}`, values)).rows.map((r: Record<string, string>) => Object.values(r)[0]).join("\n");
    expect(await plan("SELECT seq, entity, op, id, at, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2", [4900, 50])).toMatch(/Index Scan using changes_pkey/);
    expect(await plan("SELECT data, seq FROM entities WHERE kind = $1 AND id = $2", ["sensor", "s3-7"])).toMatch(/Index Scan using entities_pkey/);
    expect(await plan("SELECT * FROM sessions WHERE token_hash = $1", ["x"])).toMatch(/sessions_token_hash_key/);
    expect(await plan("SELECT COALESCE(MAX(seq), 0) FROM changes", [])).toMatch(/Index Only Scan Backward using changes_pkey/);
  });
});

/** Every change exactly once, in order, numbered 1..n without a hole. */
function expectWholeLog(seqs: readonly number[], total: number): void {
  expect(seqs.length).toBe(total);
  expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
}

describe("PostgreSQL store: sequence numbers under concurrent writers", () => {
  it("a reader paging from its cursor while 8 connections commit sees every change exactly once", async () => {
    const url = await freshDatabaseUrl();
    const writers = await Promise.all(Array.from({ length: 8 }, () => open(url, { poolSize: 1, followOtherInstances: false })));
    const reader = await open(url, { poolSize: 1, followOtherInstances: false });
    // Another instance's listeners: fed from the log, in order, whoever committed.
    const follower = await open(url);
    const heard: number[] = [];
    follower.onCommit((changes) => heard.push(...changes.map((c) => c.seq)));

    const committed: Change[] = [];
    let writing = true;
    const writing8 = Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < 60; i++) {
          const size = 1 + ((w + i) % 3);
          committed.push(...(await writer.commit(Array.from({ length: size }, (_, k) => ({ entity: "alarm" as const, op: "upsert" as const, id: `w${w}-${i}-${k}`, data: { w, i, k } })))));
        }
      }),
    ).finally(() => {
      writing = false;
    });

    const seen: StoredChange[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const stillWriting = writing;
      const page = await reader.changesAfter(cursor, 37);
      pages += 1;
      for (const change of page) {
        // The next change is always the one right after the cursor: a hole would be skipped for good.
        expect(change.seq).toBe(cursor + 1);
        seen.push(change);
        cursor = change.seq;
      }
      if (page.length === 0 && !stillWriting) break;
    }
    await writing8;

    const total = committed.length;
    expect(total).toBe(8 * 60 * 2);
    expectWholeLog(seen.map((c) => c.seq), total);
    expect(pages).toBeGreaterThan(total / 37);
    const bySeq = new Map(committed.map((c) => [c.seq, c]));
    for (const change of seen) expect(JSON.parse(change.dataJson ?? "null")).toEqual(bySeq.get(change.seq)?.data);
    await expect.poll(() => heard.length, { timeout: 5000 }).toBe(total);
    expectWholeLog(heard, total);
  });
});

describe("PostgreSQL store: several instances", () => {
  it("an instance hears of another's commits even when its notification connection is cut", async () => {
    const url = await freshDatabaseUrl();
    const a = await open(url);
    const b = await open(url);
    const heard: number[] = [];
    b.onCommit((changes) => heard.push(...changes.map((c) => c.seq)));
    await a.commit([{ entity: "ward", op: "upsert", id: "w1", data: 1 }]);
    await expect.poll(() => heard, { timeout: 3000 }).toEqual([1]);
    await (await sql(url)).query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ioc-backend-listen' AND datname = current_database()");
    await a.commit([{ entity: "ward", op: "upsert", id: "w2", data: 2 }]);
    await a.commit([{ entity: "ward", op: "upsert", id: "w3", data: 3 }]);
    await expect.poll(() => heard, { timeout: 5000 }).toEqual([1, 2, 3]);
  });
});

describe("PostgreSQL store: instances starting at once", () => {
  it("seed an empty database once between them", async () => {
    const url = await freshDatabaseUrl();
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)]);
    const model = buildCityModel(loadUongBiWards());
    const context = { now: new Date("2026-12-04T08:00:00.000Z"), publicUrl: "http://127.0.0.1:1", cameraStatus: () => "offline" as const, demo: true };
    const seeded = await Promise.all([a!, b!, c!].map((store) => seedOrReconcile(store, model, context)));
    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect(await a!.headSeq()).toBe(buildSeedWrites(model, context).length);
  });
});

describe("PostgreSQL store: why the log is appended under a lock", () => {
  it("a plain sequence lets a reader's cursor pass a change that commits later (the hazard)", async () => {
    const url = await freshDatabaseUrl();
    const setup = await sql(url);
    await setup.query("CREATE TABLE plain_log (seq BIGSERIAL PRIMARY KEY, note TEXT)");
    const slow = await sql(url);
    const fast = await sql(url);
    await slow.query("BEGIN");
    await slow.query("INSERT INTO plain_log (note) VALUES ('slow')");
    await fast.query("INSERT INTO plain_log (note) VALUES ('fast')");
    const firstRead = (await setup.query("SELECT seq FROM plain_log WHERE seq > 0 ORDER BY seq")).rows.map((r: { seq: string }) => Number(r.seq));
    expect(firstRead).toEqual([2]);
    await slow.query("COMMIT");
    // The reader's cursor is at 2: seq 1 committed behind it and is never read.
    expect((await setup.query("SELECT seq FROM plain_log WHERE seq > 2 ORDER BY seq")).rows).toEqual([]);
  });

  it("the store's commit waits for an append that took its number first, so no later number is ever visible before it", async () => {
    const url = await freshDatabaseUrl();
    const store = await open(url);
    await store.commit([{ entity: "ward", op: "upsert", id: "w1", data: 1 }]);
    const slow = await sql(url);
    // Another instance mid-append: it holds the log lock and has written seq 2, not yet committed.
    await slow.query("BEGIN");
    await slow.query("SELECT pg_advisory_xact_lock($1)", [LOG_LOCK]);
    await slow.query("INSERT INTO changes (seq, entity, op, id, at, data) VALUES (2, 'ward', 'upsert', 'w2', '2026-12-04T08:00:00.000Z', '2')");
    let committed = false;
    const ours = store.commit([{ entity: "ward", op: "upsert", id: "w3", data: 3 }]).then((changes) => {
      committed = true;
      return changes;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(committed).toBe(false);
    expect((await store.changesAfter(1, 10)).map((c) => c.seq)).toEqual([]);
    await slow.query("COMMIT");
    expect((await ours).map((c) => c.seq)).toEqual([3]);
    expect((await store.changesAfter(1, 10)).map((c) => c.seq)).toEqual([2, 3]);
  });
});
