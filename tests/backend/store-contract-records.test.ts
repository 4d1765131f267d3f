import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Handover } from "../../shared/domain/handover.js";
import type { AuditEntry, BackendStore, IdempotentWork } from "../../backend/store/backend-store.js";
import type { SessionRow } from "../../backend/store/session-records.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "./store-implementations.js";

const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(stopStoreServers);

const T0 = "2026-12-04T08:00:00.000Z";
const audit = (action: string, operatorId = "op-01"): AuditEntry => ({ at: T0, operatorId, action, targetKind: null, targetId: null, outcome: "applied", detail: { action } });

function session(id: string, workstationId: string, createdAt: string, operatorId = "op-01"): SessionRow {
  return {
    id,
    tokenHash: `token-${id}`,
    streamTokenHash: `stream-${id}`,
    operatorId,
    workstationId,
    address: "127.0.0.1",
    createdAt,
    lastSeenAt: createdAt,
    expiresAt: "2026-12-04T20:00:00.000Z",
    revokedAt: null,
    revokedReason: null,
  };
}

function handover(id: string, writtenAt: string): Handover {
  return {
    id,
    fromOperatorId: "op-01",
    fromOperatorName: "Nguyễn Thị Lan",
    writtenAt,
    note: "Ngập ở Quang Trung",
    summary: { openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] },
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
  };
}

describe.each(STORE_IMPLEMENTATIONS)("$name store records", (implementation) => {
  async function open(): Promise<BackendStore> {
    const store = await implementation.open();
    stores.push(store);
    return store;
  }

  it("keeps passwords and one-time flags per operator", async () => {
    const store = await open();
    expect(await store.sessions.credentialCount()).toBe(0);
    expect(await store.sessions.credentials("op-01")).toBeNull();
    await store.sessions.setCredentials("op-01", { passwordHash: "scrypt$a", mustChange: true }, T0, [audit("set-password")]);
    await store.sessions.setCredentials("op-01", { passwordHash: "scrypt$b", mustChange: false }, T0, []);
    await store.sessions.setCredentials("op-02", { passwordHash: "scrypt$c", mustChange: true }, T0, []);
    expect(await store.sessions.credentials("op-01")).toEqual({ passwordHash: "scrypt$b", mustChange: false });
    expect(await store.sessions.credentials("op-02")).toEqual({ passwordHash: "scrypt$c", mustChange: true });
    expect(await store.sessions.credentialCount()).toBe(2);
    expect((await store.auditLog(10)).map((e) => e.action)).toEqual(["set-password"]);
  });

  it("a new session at a workstation ends the others there, and only there", async () => {
    const store = await open();
    expect(await store.sessions.createSession(session("s1", "desk-1", "2026-12-04T08:00:00.000Z"), [audit("sign-in")])).toEqual([]);
    await store.sessions.createSession(session("s2", "desk-2", "2026-12-04T08:01:00.000Z", "op-02"), [audit("sign-in", "op-02")]);
    const revoked = await store.sessions.createSession(session("s3", "desk-1", "2026-12-04T08:02:00.000Z", "op-02"), [audit("sign-in", "op-02")]);
    expect(revoked).toEqual(["s1"]);
    expect(await store.sessions.byTokenHash("token-s1")).toMatchObject({ id: "s1", revokedAt: "2026-12-04T08:02:00.000Z", revokedReason: expect.stringContaining("another operator") });
    expect(await store.sessions.byStreamTokenHash("stream-s3")).toEqual(session("s3", "desk-1", "2026-12-04T08:02:00.000Z", "op-02"));
    expect(await store.sessions.byTokenHash("nothing")).toBeNull();
    expect((await store.sessions.live("2026-12-04T09:00:00.000Z", 10)).map((s) => s.id)).toEqual(["s3", "s2"]);
    expect(await store.sessions.live("2026-12-04T21:00:00.000Z", 10)).toEqual([]);
    expect(await store.verifyAudit()).toEqual({ entries: 3, valid: true, firstBadId: null, reason: null });
  });

  it("a sign-in from another address naming a workstation ends nobody's session there", async () => {
    const store = await open();
    await store.sessions.createSession(session("s1", "desk-1", "2026-12-04T08:00:00.000Z"), []);
    const elsewhere = { ...session("s2", "desk-1", "2026-12-04T08:01:00.000Z", "op-02"), address: "10.0.0.66" };
    expect(await store.sessions.createSession(elsewhere, [])).toEqual([]);
    expect((await store.sessions.byTokenHash("token-s1"))?.revokedAt).toBeNull();
  });

  it("finds every live session of one operator, however many newer sessions others hold", async () => {
    const store = await open();
    await store.sessions.createSession(session("mine-1", "desk-1", "2026-12-04T08:00:00.000Z"), []);
    await store.sessions.createSession(session("mine-2", "desk-2", "2026-12-04T08:00:01.000Z"), []);
    for (let i = 0; i < 40; i++) await store.sessions.createSession(session(`other-${i}`, `desk-o${i}`, `2026-12-04T08:10:${String(i).padStart(2, "0")}.000Z`, "op-02"), []);
    // The newest few are all someone else's: a limited list of live sessions would miss these.
    expect((await store.sessions.live("2026-12-04T09:00:00.000Z", 10)).every((s) => s.operatorId === "op-02")).toBe(true);
    expect((await store.sessions.liveOf("op-01", "2026-12-04T09:00:00.000Z")).map((s) => s.id).sort()).toEqual(["mine-1", "mine-2"]);
    await store.sessions.revoke("mine-1", "2026-12-04T08:30:00.000Z", "signed out", []);
    expect((await store.sessions.liveOf("op-01", "2026-12-04T09:00:00.000Z")).map((s) => s.id)).toEqual(["mine-2"]);
    expect(await store.sessions.liveOf("op-01", "2026-12-04T21:00:00.000Z")).toEqual([]);
  });

  it("touch only moves last-seen forward; revoke ends a live session once, audited once", async () => {
    const store = await open();
    await store.sessions.createSession(session("s1", "desk-1", T0), []);
    await store.sessions.touch("s1", "2026-12-04T08:30:00.000Z");
    await store.sessions.touch("s1", "2026-12-04T08:10:00.000Z");
    expect((await store.sessions.byTokenHash("token-s1"))?.lastSeenAt).toBe("2026-12-04T08:30:00.000Z");
    expect(await store.sessions.revoke("s1", "2026-12-04T08:40:00.000Z", "signed out", [audit("sign-out")])).toBe(true);
    expect(await store.sessions.revoke("s1", "2026-12-04T08:41:00.000Z", "again", [audit("sign-out")])).toBe(false);
    expect(await store.sessions.byTokenHash("token-s1")).toMatchObject({ revokedAt: "2026-12-04T08:40:00.000Z", revokedReason: "signed out" });
    expect((await store.auditLog(10)).map((e) => e.action)).toEqual(["sign-out"]);
  });

  it("keeps handovers: the newest unacknowledged is pending, and acknowledging is read-decide-write", async () => {
    const store = await open();
    await store.addHandover(handover("h1", "2026-12-04T06:00:00.000Z"), [audit("handover-write")]);
    await store.addHandover(handover("h2", "2026-12-04T07:00:00.000Z"), [audit("handover-write")]);
    expect((await store.pendingHandover())?.id).toBe("h2");
    const acknowledged = await store.updateHandover("h2", (current) => ({
      next: current === null ? null : { ...current, acknowledgedBy: "op-02", acknowledgedByName: "Trần Văn Minh", acknowledgedAt: "2026-12-04T07:05:00.000Z" },
      audit: [audit("handover-acknowledge", "op-02")],
    }));
    expect(acknowledged).toMatchObject({ id: "h2", acknowledgedBy: "op-02" });
    expect((await store.getHandover("h2"))?.acknowledgedAt).toBe("2026-12-04T07:05:00.000Z");
    expect((await store.pendingHandover())?.id).toBe("h1");
    const untouched = await store.updateHandover("missing", (current) => ({ next: current, audit: [] }));
    expect(untouched).toBeNull();
    expect(await store.getHandover("h1")).toEqual(handover("h1", "2026-12-04T06:00:00.000Z"));
    expect((await store.verifyAudit()).entries).toBe(3);
  });

  it("chains audit entries from every kind of write into one trail that verifies", async () => {
    const store = await open();
    await store.commit([{ entity: "ward", op: "upsert", id: "w", data: 1 }], [audit("a"), audit("b")]);
    await store.transactAudited([{ kind: "ward", id: "w" }], ([w]) => ({ writes: [{ entity: "ward", op: "upsert", id: "w", data: Number(w?.data) + 1 }], audit: [audit("c")] }));
    await store.sessions.createSession(session("s1", "desk-1", T0), [audit("d")]);
    expect((await store.auditLog(10)).map((e) => [e.id, e.action])).toEqual([
      [4, "d"],
      [3, "c"],
      [2, "b"],
      [1, "a"],
    ]);
    expect((await store.auditLog(1))[0]).toEqual({ id: 4, at: T0, operatorId: "op-01", action: "d", targetKind: null, targetId: null, outcome: "applied", detail: { action: "d" } });
    expect(await store.verifyAudit()).toEqual({ entries: 4, valid: true, firstBadId: null, reason: null });
    expect((await store.getEntity("ward", "w"))?.data).toBe(2);
  });

  it("an entity written twice in one commit ends as its last write left it, with that write's seq", async () => {
    const store = await open();
    await store.commit([{ entity: "view", op: "upsert", id: "v", data: { n: 0 } }]);
    const changes = await store.commit([
      { entity: "view", op: "delete", id: "v" },
      { entity: "view", op: "upsert", id: "v", data: { n: 1 } },
      { entity: "view", op: "upsert", id: "v", data: { n: 2 } },
      { entity: "view", op: "upsert", id: "gone", data: { n: 3 } },
      { entity: "view", op: "delete", id: "gone" },
    ]);
    expect(changes.map((c) => [c.seq, c.op, c.id])).toEqual([
      [2, "delete", "v"],
      [3, "upsert", "v"],
      [4, "upsert", "v"],
      [5, "upsert", "gone"],
      [6, "delete", "gone"],
    ]);
    expect(await store.getEntity("view", "v")).toEqual({ data: { n: 2 }, seq: 4 });
    expect(await store.getEntity("view", "gone")).toBeNull();
    expect(await store.listEntities("view")).toEqual([{ n: 2 }]);
    expect(await store.countEntities()).toBe(1);
  });

  it("applies one idempotency key once when it arrives many times at once", async () => {
    const store = await open();
    const work = (n: number): IdempotentWork => ({
      operatorId: "op-01",
      idempotencyKey: "key-concurrent",
      requestHash: "same",
      at: T0,
      reads: [{ kind: "alarm", id: "a" }],
      decide: ([alarm]) => ({
        writes: [{ entity: "alarm", op: "upsert", id: "a", data: { count: Number((alarm?.data as { count?: number } | undefined)?.count ?? 0) + 1, by: n } }],
        audit: [audit("acknowledge")],
        respond: (changes) => ({ seq: changes[0]?.seq, by: n }),
      }),
    });
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => store.applyOnce(work(n))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const first = results.find((r) => !r.replayed)?.response;
    for (const r of results) expect(r.response).toEqual(first);
    expect((await store.getEntity("alarm", "a"))?.data).toMatchObject({ count: 1 });
    expect(await store.headSeq()).toBe(1);
    expect((await store.verifyAudit()).entries).toBe(1);
  });
});
