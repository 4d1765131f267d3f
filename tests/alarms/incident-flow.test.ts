import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startConsoleCore, type ConsoleCore } from "../../electron/core/console-core.js";
import { MemorySettingsStore } from "../../electron/core/settings/memory-settings-store.js";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import type { Snapshot } from "../../shared/protocol/console-api.js";
import { startTestBackend, type TestBackend } from "../backend/backend-harness.js";

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function auditRows(dataDir: string): Array<{ action: string; target_id: string; outcome: string }> {
  const db = new Database(join(dataDir, "ioc-backend.sqlite"), { readonly: true });
  try {
    return db.prepare("SELECT action, target_id, outcome FROM audit_log WHERE target_kind = 'incident' ORDER BY id").all() as Array<{ action: string; target_id: string; outcome: string }>;
  } finally {
    db.close();
  }
}

async function backendIncident(backend: TestBackend, id: string): Promise<{ incident: Incident; changes: number }> {
  const res = await backend.get(`/api/v1/changes?after=0&limit=5000`);
  const changes = (res.body as { changes: Array<{ entity: string; id: string; data: unknown }> }).changes.filter((c) => c.entity === "incident" && c.id === id);
  return { incident: IncidentSchema.parse(changes.at(-1)!.data), changes: changes.length };
}

describe("incidents through the console core and the backend", () => {
  let backend: TestBackend | null = null;
  let core: ConsoleCore | null = null;

  afterEach(async () => {
    core?.close();
    core = null;
    await backend?.stop();
    backend = null;
  });

  function startCore(url: string): ConsoleCore {
    const settings = new MemorySettingsStore({ backendUrl: url, language: "vi", operatorId: "op-01" });
    core = startConsoleCore({ dataDir: mkdtempSync(join(tmpdir(), "ioc-core-incidents-")), settings });
    return core;
  }
  async function call<T>(request: unknown): Promise<T> {
    const r = await core!.service.handle(request);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  }

  it("create → assign → note → close reaches the backend exactly once each, in the change feed and the audit trail", async () => {
    backend = await startTestBackend({ dataDir: mkdtempSync(join(tmpdir(), "ioc-backend-incidents-")) });
    startCore(backend.backend.url);
    await until(() => core!.service.getStatus().state === "online", "online");
    const [a, b] = (await call<Snapshot>({ type: "snapshot" })).alarms;
    const created = await call<Incident>({ type: "incident.create", alarmIds: [a!.id, b!.id], title: "Cháy chợ trung tâm" });
    expect(created.id).toMatch(/^inc-/);
    await call<Incident>({ type: "incident.assign", incidentId: created.id, unit: "Đội PCCC số 3" });
    await call<Incident>({ type: "incident.note", incidentId: created.id, text: "Đã khống chế đám cháy" });
    await call<Incident>({ type: "incident.setStatus", incidentId: created.id, status: "closed" });
    await until(() => core!.service.getStatus().pendingActions === 0, "outbox drained");

    const { incident, changes } = await backendIncident(backend, created.id);
    expect(changes).toBe(4);
    expect(incident).toMatchObject({ status: "closed", assignedUnit: "Đội PCCC số 3", alarmIds: [a!.id, b!.id], title: "Cháy chợ trung tâm", createdBy: "op-01" });
    expect(incident.timeline.map((l) => [l.kind, l.text, l.operatorId])).toEqual([
      ["created", `${a!.id}, ${b!.id}`, "op-01"],
      ["assigned", "Đội PCCC số 3", "op-01"],
      ["note", "Đã khống chế đám cháy", "op-01"],
      ["status", "closed", "op-01"],
    ]);
    expect(auditRows(backend.dataDir)).toEqual(
      ["incident_create", "incident_assign", "incident_note", "incident_status"].map((action) => ({ action, target_id: created.id, outcome: "applied" })),
    );
    // The console shows the backend's copy, and a closed incident refuses to reopen.
    await until(() => core!.service.snapshot().incidents.some((i) => i.id === created.id && i.status === "closed"), "confirmed copy");
    const reopen = await core!.service.handle({ type: "incident.setStatus", incidentId: created.id, status: "open" });
    expect(!reopen.ok && reopen.error.kind).toBe("conflict");
    expect((await backend.get("/api/v1/audit/verify")).body).toMatchObject({ ok: true, value: { valid: true } });
  }, 60_000);

  it("created while offline, it is shown at once with a stable id and reaches the backend once after reconnection", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-incidents-offline-"));
    backend = await startTestBackend({ dataDir });
    const port = backend.backend.port;
    startCore(backend.backend.url);
    await until(() => core!.service.getStatus().state === "online", "online");
    const alarm = (await call<Snapshot>({ type: "snapshot" })).alarms[0]!;
    await backend.stop();
    backend = null;
    await until(() => core!.service.getStatus().state === "offline", "offline");

    const created = await call<Incident>({ type: "incident.create", alarmIds: [alarm.id] });
    expect(created).toMatchObject({ status: "open", wardCode: alarm.wardCode, location: alarm.location, title: alarm.place });
    await call<Incident>({ type: "incident.setStatus", incidentId: created.id, status: "in_progress" });
    const shown = core!.service.snapshot().incidents.find((i) => i.id === created.id);
    expect(shown).toMatchObject({ status: "in_progress" });
    expect(core!.service.getStatus().pendingActions).toBe(2);

    backend = await startTestBackend({ dataDir, port });
    await until(() => core!.service.getStatus().pendingActions === 0, "outbox drained after reconnect", 40_000);
    const { incident } = await backendIncident(backend, created.id);
    expect(incident).toMatchObject({ id: created.id, status: "in_progress", alarmIds: [alarm.id], createdAt: created.createdAt });
    expect(auditRows(dataDir).map((r) => [r.action, r.outcome])).toEqual([
      ["incident_create", "applied"],
      ["incident_status", "applied"],
    ]);
    expect(core!.service.snapshot().incidents.filter((i) => i.id === created.id)).toHaveLength(1);
  }, 90_000);
});
