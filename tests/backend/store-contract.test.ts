import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Change } from "../../shared/protocol/backend.js";
import type { BackendStore, IdempotentWork } from "../../backend/store/backend-store.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "./store-implementations.js";

const stores: BackendStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(stopStoreServers);

function counterWork(key: string, value: number, request = { operatorId: "op-01", hash: "same-request" }): IdempotentWork {
  return {
    operatorId: request.operatorId,
    idempotencyKey: key,
    requestHash: request.hash,
    at: new Date().toISOString(),
    reads: [{ kind: "operator", id: "op-01" }],
    decide: ([existing]) => ({
      writes: [{ entity: "operator", op: "upsert", id: "op-01", data: { id: "op-01", name: `v${value}`, role: "operator" } }],
      audit: [{ at: new Date().toISOString(), operatorId: "op-01", action: "test", targetKind: "operator", targetId: "op-01", outcome: "applied", detail: { existed: existing !== null } }],
      respond: (changes) => ({ value, seq: changes[0]?.seq }),
    }),
  };
}

describe.each(STORE_IMPLEMENTATIONS)("$name store", (implementation) => {
  async function memoryStore(): Promise<BackendStore> {
    const store = await implementation.open();
    stores.push(store);
    return store;
  }

  it("gives every write a sequence number shared by the change and the entity", async () => {
    const store = await memoryStore();
    const changes = await store.commit([
      { entity: "operator", op: "upsert", id: "a", data: { n: 1 } },
      { entity: "operator", op: "upsert", id: "b", data: { n: 2 } },
    ]);
    expect(changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(await store.headSeq()).toBe(2);
    expect(await store.getEntity("operator", "b")).toEqual({ data: { n: 2 }, seq: 2 });
    await store.commit([{ entity: "operator", op: "delete", id: "a" }]);
    expect(await store.getEntity("operator", "a")).toBeNull();
    const all = await store.changesAfter(0, 10);
    expect(all.map((c) => [c.seq, c.op, c.id])).toEqual([
      [1, "upsert", "a"],
      [2, "upsert", "b"],
      [3, "delete", "a"],
    ]);
    expect(all[2]?.dataJson).toBeNull();
    expect(JSON.parse(all[1]?.dataJson ?? "null")).toEqual({ n: 2 });
  });

  it("stores records as ASCII JSON, which reads back as the same Vietnamese text", async () => {
    const store = await memoryStore();
    const data = { name: "Phường Quang Trung", note: "Nhà máy nhiệt điện Uông Bí" };
    await store.commit([{ entity: "ward", op: "upsert", id: "w1", data }]);
    const [change] = await store.changesAfter(0, 1);
    expect(/^[\x00-\x7f]*$/.test(change!.dataJson ?? "")).toBe(true);
    expect(JSON.parse(change!.dataJson ?? "null")).toEqual(data);
    expect((await store.getEntity("ward", "w1"))?.data).toEqual(data);
  });

  it("pages changes by seq", async () => {
    const store = await memoryStore();
    await store.commit(Array.from({ length: 5 }, (_, i) => ({ entity: "ward" as const, op: "upsert" as const, id: `w${i}`, data: i })));
    expect((await store.changesAfter(2, 2)).map((c) => c.seq)).toEqual([3, 4]);
    expect(await store.changesAfter(5, 10)).toEqual([]);
  });

  it("tells listeners about committed changes only", async () => {
    const store = await memoryStore();
    const seen: Change[][] = [];
    const unsubscribe = store.onCommit((changes) => seen.push([...changes]));
    await store.commit([{ entity: "ward", op: "upsert", id: "w", data: 1 }]);
    await expect(
      store.transact([], () => {
        throw new Error("decided to fail");
      }),
    ).rejects.toThrow("decided to fail");
    expect(seen).toHaveLength(1);
    unsubscribe();
    await store.commit([{ entity: "ward", op: "upsert", id: "w", data: 2 }]);
    expect(seen).toHaveLength(1);
  });

  it("applies an idempotency key once and replays its first response", async () => {
    const store = await memoryStore();
    const first = await store.applyOnce(counterWork("key-00001", 1));
    const replay = await store.applyOnce(counterWork("key-00001", 2));
    expect(first).toEqual({ replayed: false, response: { value: 1, seq: 1 } });
    expect(replay).toEqual({ replayed: true, response: { value: 1, seq: 1 } });
    expect(await store.headSeq()).toBe(1);
    expect(await store.auditLog(10)).toHaveLength(1);
  });

  it("keeps idempotency keys per operator, and refuses a key reused for another request", async () => {
    const store = await memoryStore();
    await store.applyOnce(counterWork("key-00003", 1));
    const other = await store.applyOnce(counterWork("key-00003", 2, { operatorId: "op-02", hash: "same-request" }));
    expect(other.replayed).toBe(false);
    const reused = await store.applyOnce(counterWork("key-00003", 3, { operatorId: "op-01", hash: "another-request" }));
    expect(reused).toMatchObject({ replayed: true, response: { ok: false, error: { kind: "conflict" } } });
    expect(await store.headSeq()).toBe(2);
  });

  it("keeps nothing of a piece of work whose decision throws, not even its key", async () => {
    const store = await memoryStore();
    const failing: IdempotentWork = { ...counterWork("key-00002", 1), decide: () => { throw new Error("boom"); } };
    await expect(store.applyOnce(failing)).rejects.toThrow("boom");
    expect((await store.applyOnce(counterWork("key-00002", 3))).replayed).toBe(false);
  });

  it("reads and writes in one transaction with transact()", async () => {
    const store = await memoryStore();
    await store.commit([{ entity: "sensor", op: "upsert", id: "s", data: { v: 1 } }]);
    await store.transact([{ kind: "sensor", id: "s" }], ([s]) => [{ entity: "sensor", op: "upsert", id: "s", data: { v: (s?.data as { v: number }).v + 1 } }]);
    expect((await store.getEntity("sensor", "s"))?.data).toEqual({ v: 2 });
  });
});
