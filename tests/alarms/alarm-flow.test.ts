import type { TargetState } from "../../shared/commands/command.js";
import { alarmOf } from "../shared/command-fixtures.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ShelfExpiry } from "../../backend/actions/shelf-expiry.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import type { Snapshot } from "../../shared/protocol/console-api.js";
import { makeAlarm } from "../shared/fixtures.js";
import { until } from "../shared/until.js";
import { auditRows, consoleFlowPerTest } from "./flow-harness.js";

describe("alarm actions through the console core and the backend", () => {
  const flow = consoleFlowPerTest("ioc-core-alarms-");

  it("bulk acknowledgement reaches the backend exactly once per alarm", async () => {
    const backend = await flow.startBackend({ dataDir: mkdtempSync(join(tmpdir(), "ioc-backend-bulk-")) });
    await backend.post("/api/v1/sim/alarms", { count: 40 });
    const core = flow.startCore(backend.backend.url);
    await until(() => core.service.getStatus().state === "online", "online");
    await until(() => core.service.snapshot().alarms.length >= 40, "alarms synced");
    const ids = (await flow.call<Snapshot>({ type: "snapshot" })).alarms.filter((a) => a.state === "unacknowledged").map((a) => a.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    const answer = await core.handle({ type: "alarm.acknowledgeMany", alarmIds: [...ids, ids[0]] });
    expect(answer.ok && answer.value).toMatchObject({ acknowledged: ids, refused: [] });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained");
    const acks = auditRows(backend.dataDir).filter((r) => r.action === "acknowledge");
    expect(acks.filter((r) => r.outcome === "applied").map((r) => r.target_id).sort()).toEqual([...ids].sort());
    expect(acks.filter((r) => r.outcome !== "applied")).toEqual([]);
    const verify = await backend.get("/api/v1/audit/verify");
    expect(verify.body).toMatchObject({ ok: true, value: { valid: true } });
  }, 60_000);

  it("acknowledged while offline, it is shown at once and reaches the backend after reconnection", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-offline-"));
    let backend = await flow.startBackend({ dataDir });
    const port = backend.backend.port;
    const core = flow.startCore(backend.backend.url);
    await until(() => core.service.getStatus().state === "online", "online");
    const target = (await flow.call<Snapshot>({ type: "snapshot" })).alarms.find((a) => a.state === "unacknowledged")!;
    await flow.stopBackend();
    await until(() => core.service.getStatus().state === "offline", "offline");

    const local = await core.handle({ type: "command", command: { type: "acknowledge", target: { kind: "alarm", id: target.id } } });
    expect(local.ok && alarmOf(local.value as TargetState).state).toBe("acknowledged");
    const shelved = await core.handle({ type: "command", command: { type: "escalate", target: { kind: "alarm", id: target.id }, to: "province_ioc", reason: "Cần hỗ trợ của tỉnh" } });
    expect(shelved.ok && alarmOf(shelved.value as TargetState).escalations).toHaveLength(1);
    expect(core.service.getStatus().pendingActions).toBe(2);

    backend = await flow.startBackend({ dataDir, port });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained after reconnect", 40_000);
    const res = await backend.get(`/api/v1/changes?after=0&limit=5000`);
    const changes = (res.body as { changes: Array<{ entity: string; id: string; data: unknown }> }).changes;
    const latest = AlarmSchema.parse(changes.filter((c) => c.entity === "alarm" && c.id === target.id).at(-1)!.data);
    expect(latest).toMatchObject({ state: "acknowledged", acknowledgedBy: "op-01" });
    expect(latest.escalations.map((e) => e.reason)).toEqual(["Cần hỗ trợ của tỉnh"]);
  }, 90_000);
});

describe("shelf expiry on the backend", () => {
  it("returns a shelved alarm by itself when its time is over, audited as the system", async () => {
    const store = openSqliteStore({ filename: ":memory:" });
    let now = new Date("2026-11-25T10:00:00.000Z");
    const shelved = makeAlarm({ id: "alm-s", state: "shelved", shelvedUntil: "2026-11-25T10:30:00.000Z", shelveReason: "Bảo trì" });
    await store.commit([{ entity: "alarm", op: "upsert", id: "alm-s", data: shelved }]);
    const expiry = new ShelfExpiry(store, () => now, (e) => {
      throw e;
    });
    await expiry.start();
    try {
      expect(await expiry.expireDue()).toEqual([]);
      now = new Date("2026-11-25T10:30:00.000Z");
      expect(await expiry.expireDue()).toEqual(["alm-s"]);
      const stored = AlarmSchema.parse((await store.getEntity("alarm", "alm-s"))!.data);
      expect(stored).toMatchObject({ state: "unacknowledged", shelvedUntil: null });
      expect((await store.auditLog(10)).map((e) => [e.action, e.operatorId, e.targetId])).toEqual([["shelf_expired", "system", "alm-s"]]);
      expect((await store.verifyAudit()).valid).toBe(true);
    } finally {
      expiry.close();
      await store.close();
    }
  });
});
