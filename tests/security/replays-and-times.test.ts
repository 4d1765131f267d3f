import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_ACTION_WINDOW_MS } from "../../shared/limits.js";
import { BACKEND_PATHS } from "../../shared/protocol/backend.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t.stop();
});

function alarm(id: string): { acknowledgedBy: string | null; acknowledgedAt: string | null; comments: Array<{ text: string; operatorId: string; at: string }> } {
  const db = new Database(join(t.dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    return JSON.parse((db.prepare("SELECT data FROM entities WHERE kind = 'alarm' AND id = ?").get(id) as { data: string }).data);
  } finally {
    db.close();
  }
}

function lastAudit(): { operator_id: string; outcome: string; detail: string } {
  const db = new Database(join(t.dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    return db.prepare("SELECT operator_id, outcome, detail FROM audit_log ORDER BY id DESC LIMIT 1").get() as { operator_id: string; outcome: string; detail: string };
  } finally {
    db.close();
  }
}

describe("idempotency keys", () => {
  it("another operator replaying a key gets their own action, not the first operator's answer", async () => {
    const key = `shared-key-${Date.now()}`;
    const at = new Date().toISOString();
    const lan = await t.post(BACKEND_PATHS.actions, { idempotencyKey: key, operatorId: "op-01", at, command: { type: "comment", target: { kind: "alarm", id: "alm-0005" }, text: "Lan" } });
    const minh = await t.post(BACKEND_PATHS.actions, { idempotencyKey: key, operatorId: "op-02", at, command: { type: "comment", target: { kind: "alarm", id: "alm-0005" }, text: "Minh" } });
    expect(lan.body).toMatchObject({ ok: true });
    expect(minh.body).toMatchObject({ ok: true });
    expect(alarm("alm-0005").comments.map((c) => [c.operatorId, c.text])).toEqual(expect.arrayContaining([["op-01", "Lan"], ["op-02", "Minh"]]));
  });

  it("the same operator reusing a key for another request is refused, and nothing is applied", async () => {
    const key = `reused-key-${Date.now()}`;
    const at = new Date().toISOString();
    const first = await t.post(BACKEND_PATHS.actions, { idempotencyKey: key, operatorId: "op-01", at, command: { type: "comment", target: { kind: "alarm", id: "alm-0006" }, text: "một" } });
    expect(first.body).toMatchObject({ ok: true });
    const again = await t.post(BACKEND_PATHS.actions, { idempotencyKey: key, operatorId: "op-01", at, command: { type: "comment", target: { kind: "alarm", id: "alm-0006" }, text: "một" } });
    expect(again.body).toEqual(first.body);
    const other = await t.post(BACKEND_PATHS.actions, { idempotencyKey: key, operatorId: "op-01", at, command: { type: "acknowledge", target: { kind: "alarm", id: "alm-0006" } } });
    expect(other.body).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(alarm("alm-0006").acknowledgedBy).toBeNull();
  });
});

describe("action times", () => {
  it("a back-dated action is recorded at the oldest time the offline window allows, with the server's time beside it", async () => {
    const now = Date.now();
    const answer = await t.post(BACKEND_PATHS.actions, { idempotencyKey: `old-${now}`, operatorId: "op-01", at: "2020-01-01T00:00:00.000Z", command: { type: "acknowledge", target: { kind: "alarm", id: "alm-0007" } } });
    expect(answer.body).toMatchObject({ ok: true });
    const acknowledgedAt = Date.parse(alarm("alm-0007").acknowledgedAt!);
    expect(acknowledgedAt).toBeGreaterThanOrEqual(now - OFFLINE_ACTION_WINDOW_MS - 1000);
    expect(acknowledgedAt).toBeLessThanOrEqual(Date.now() - OFFLINE_ACTION_WINDOW_MS + 1000);
    const detail = JSON.parse(lastAudit().detail) as { clientAt: string; actedAt: string };
    expect(detail.clientAt).toBe("2020-01-01T00:00:00.000Z");
    expect(Date.parse(detail.actedAt)).toBe(acknowledgedAt);
  });

  it("a refused action is audited without what it carried", async () => {
    const junk = "x".repeat(1900);
    await t.post(BACKEND_PATHS.actions, { idempotencyKey: `junk-${Date.now()}`, operatorId: "op-01", at: new Date().toISOString(), command: { type: "resolve", target: { kind: "alarm", id: "alm-none" }, note: junk } });
    const audit = lastAudit();
    expect(audit.outcome).toBe("rejected");
    expect(audit.detail).not.toContain(junk);
  });
});
