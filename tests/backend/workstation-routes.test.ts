import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../backend/auth/password-hash.js";
import { decideHandoverAcknowledge } from "../../backend/handover/decide-handover.js";
import { migrate } from "../../backend/store/migrate.js";
import { MIGRATIONS } from "../../backend/store/migrations/index.js";
import type { Handover } from "../../shared/domain/handover.js";
import { startTestBackend, type TestBackend } from "./backend-harness.js";

const EMPTY_SUMMARY = { openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] };

describe("operators-and-handovers migration", () => {
  it("creates the credential and handover tables; the pending query uses its index", () => {
    const db = new Database(":memory:");
    migrate(db, MIGRATIONS, { auditKey: Buffer.alloc(32, 7) });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["operator_credentials", "handovers"]));
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT data FROM handovers WHERE acknowledged_at IS NULL ORDER BY written_at DESC LIMIT 1").all() as { detail: string }[])
      .map((r) => r.detail)
      .join(" | ");
    expect(plan).toContain("handovers_pending");
    expect(plan).not.toContain("TEMP B-TREE");
    // A handover ends the outgoing operator's live sessions: found through the live-sessions index, not a scan.
    const sessions = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > ? AND operator_id = ?").all("2026-12-04T09:00:00.000Z", "op-01") as { detail: string }[]).map((r) => r.detail).join(" | ");
    expect(sessions).toMatch(/USING INDEX sessions_(live|by_workstation)/);
    db.close();
  });
});

describe("password hashes", () => {
  it("scrypt hashes verify the right password only, salted differently each time", async () => {
    const a = await hashPassword("Mật khẩu ca đêm");
    const b = await hashPassword("Mật khẩu ca đêm");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Mật khẩu ca đêm", a)).toBe(true);
    expect(await verifyPassword("mật khẩu ca đêm", a)).toBe(false);
    expect(await verifyPassword("x", "not a hash")).toBe(false);
  });
});

describe("decideHandoverAcknowledge", () => {
  const handover: Handover = {
    id: "ho-1",
    fromOperatorId: "op-01",
    fromOperatorName: "Nguyễn Thị Lan",
    writtenAt: "2026-11-25T10:00:00.000Z",
    note: "n",
    summary: EMPTY_SUMMARY,
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
  };
  const minh = { id: "op-02", name: "Trần Văn Minh", role: "operator" as const };
  const now = new Date("2026-11-25T10:05:00.000Z");
  it("the incoming operator takes it over; twice is harmless; a third operator is told who was first", () => {
    const first = decideHandoverAcknowledge(handover, "ho-1", minh, "op-02", now);
    expect(first).toMatchObject({ kind: "apply", handover: { acknowledgedBy: "op-02", acknowledgedAt: now.toISOString() } });
    if (first.kind !== "apply") throw new Error("not applied");
    expect(decideHandoverAcknowledge(first.handover, "ho-1", minh, "op-02", now).kind).toBe("unchanged");
    const third = decideHandoverAcknowledge(first.handover, "ho-1", { id: "sup-01", name: "Phạm Quốc Huy", role: "supervisor" }, "sup-01", now);
    expect(third).toMatchObject({ kind: "reject", error: { kind: "conflict" } });
    if (third.kind === "reject") expect(third.error.message).toContain("Trần Văn Minh");
  });
  it("refuses the writer, viewers, unknown operators and unknown handovers", () => {
    expect(decideHandoverAcknowledge(handover, "ho-1", { id: "op-01", name: "Lan", role: "operator" }, "op-01", now)).toMatchObject({ error: { kind: "forbidden" } });
    expect(decideHandoverAcknowledge(handover, "ho-1", { id: "view-01", name: "Hà", role: "viewer" }, "view-01", now)).toMatchObject({ error: { kind: "forbidden" } });
    expect(decideHandoverAcknowledge(handover, "ho-1", null, "nobody", now)).toMatchObject({ error: { kind: "forbidden" } });
    expect(decideHandoverAcknowledge(null, "ho-9", minh, "op-02", now)).toMatchObject({ error: { kind: "not_found" } });
  });
});

describe("sign-in and handover endpoints", () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend();
  });
  afterAll(async () => {
    await t.stop();
  });

  function auditRows(): { operator_id: string; action: string; outcome: string; target_id: string | null }[] {
    const db = new Database(join(t.dataDir, "ioc-backend.sqlite"), { readonly: true });
    try {
      return db.prepare("SELECT operator_id, action, outcome, target_id FROM audit_log ORDER BY id").all() as never;
    } finally {
      db.close();
    }
  }

  it("signs in with the right password, names the role; refuses the wrong one and unknown ids alike; audits both", async () => {
    const before = auditRows().filter((r) => r.action === "sign_in").length;
    const good = await t.post("/api/v1/sign-in", { operatorId: "view-01", password: "uongbi-view-01", workstationId: "desk-9" }, null);
    expect(good).toMatchObject({ status: 200, body: { operator: { id: "view-01", role: "viewer" }, session: { token: expect.any(String), mustChangePassword: false } } });
    const wrong = await t.post("/api/v1/sign-in", { operatorId: "op-01", password: "uongbi-op-02", workstationId: "desk-9" }, null);
    const unknown = await t.post("/api/v1/sign-in", { operatorId: "ghost", password: "x", workstationId: "desk-9" }, null);
    expect(wrong).toMatchObject({ status: 401, body: { ok: false, error: { kind: "unauthenticated", message: "Wrong operator ID or password." } } });
    expect(unknown.body).toEqual(wrong.body);
    expect((await t.post("/api/v1/sign-in", { operatorId: "op-01" }, null)).status).toBe(400);
    const signIns = auditRows().filter((r) => r.action === "sign_in").slice(before);
    expect(signIns.map((r) => `${r.operator_id}:${r.outcome}`)).toEqual(["view-01:applied", "op-01:rejected", "ghost:rejected"]);
  });

  it("handover round trip: written, pending, acknowledged by the incoming operator, both in the audit trail", async () => {
    expect((await t.post("/api/v1/handovers", { operatorId: "view-01", note: "x", summary: EMPTY_SUMMARY })).status).toBe(403);
    const written = await t.post("/api/v1/handovers", { operatorId: "op-01", note: "Ca đêm: theo dõi mực nước sông Uông.", summary: EMPTY_SUMMARY });
    expect(written).toMatchObject({ status: 201, body: { fromOperatorId: "op-01", acknowledgedBy: null } });
    const id = (written.body as { id: string }).id;
    expect((await t.get("/api/v1/handovers/pending")).body).toMatchObject({ handover: { id } });
    expect((await t.post(`/api/v1/handovers/${id}/acknowledge`, { operatorId: "op-01" })).status).toBe(403);
    const taken = await t.post(`/api/v1/handovers/${id}/acknowledge`, { operatorId: "op-02" });
    expect(taken).toMatchObject({ status: 200, body: { id, acknowledgedBy: "op-02", acknowledgedByName: "Trần Văn Minh" } });
    expect((await t.get("/api/v1/handovers/pending")).body).toEqual({ handover: null });
    const trail = auditRows().filter((r) => r.target_id === id);
    expect(trail.map((r) => `${r.action}:${r.operator_id}:${r.outcome}`)).toEqual([
      "handover.write:op-01:applied",
      "handover.acknowledge:op-01:rejected",
      "handover.acknowledge:op-02:applied",
    ]);
  });
});
