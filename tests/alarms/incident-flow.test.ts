import { randomUUID } from "node:crypto";
import type { TargetState } from "../../shared/commands/command.js";
import { newIncidentId } from "../../shared/commands/incident-commands.js";
import { incidentOf } from "../shared/command-fixtures.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import type { Snapshot } from "../../shared/protocol/console-api.js";
import type { TestBackend } from "../backend/backend-harness.js";
import { until } from "../shared/until.js";
import { auditRows, consoleFlowPerTest } from "./flow-harness.js";

async function backendIncident(backend: TestBackend, id: string): Promise<{ incident: Incident; changes: number }> {
  const res = await backend.get(`/api/v1/changes?after=0&limit=5000`);
  const changes = (res.body as { changes: Array<{ entity: string; id: string; data: unknown }> }).changes.filter((c) => c.entity === "incident" && c.id === id);
  return { incident: IncidentSchema.parse(changes.at(-1)!.data), changes: changes.length };
}

describe("incidents through the console core and the backend", () => {
  const flow = consoleFlowPerTest("ioc-core-incidents-");

  it("create → assign → note → close reaches the backend exactly once each, in the change feed and the audit trail", async () => {
    const backend = await flow.startBackend({ dataDir: mkdtempSync(join(tmpdir(), "ioc-backend-incidents-")) });
    const core = flow.startCore(backend.backend.url);
    await until(() => core.service.getStatus().state === "online", "online");
    const [a, b] = (await flow.call<Snapshot>({ type: "snapshot" })).alarms;
    const created = incidentOf(await flow.call<TargetState>({ type: "command", command: { type: "incident_create", target: { kind: "incident", id: newIncidentId(randomUUID()) }, alarmIds: [a!.id, b!.id], title: "Cháy chợ trung tâm", assignedUnit: null } }));
    expect(created.id).toMatch(/^inc-/);
    await flow.call<TargetState>({ type: "command", command: { type: "incident_assign", target: { kind: "incident", id: created.id }, unit: "Đội PCCC số 3" } });
    await flow.call<TargetState>({ type: "command", command: { type: "incident_note", target: { kind: "incident", id: created.id }, text: "Đã khống chế đám cháy" } });
    await flow.call<TargetState>({ type: "command", command: { type: "incident_status", target: { kind: "incident", id: created.id }, status: "closed" } });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained");

    const { incident, changes } = await backendIncident(backend, created.id);
    expect(changes).toBe(4);
    expect(incident).toMatchObject({ status: "closed", assignedUnit: "Đội PCCC số 3", alarmIds: [a!.id, b!.id], title: "Cháy chợ trung tâm", createdBy: "op-01" });
    expect(incident.timeline.map((l) => [l.kind, l.text, l.operatorId])).toEqual([
      ["created", `${a!.id}, ${b!.id}`, "op-01"],
      ["assigned", "Đội PCCC số 3", "op-01"],
      ["note", "Đã khống chế đám cháy", "op-01"],
      ["status", "closed", "op-01"],
    ]);
    expect(auditRows(backend.dataDir, "incident")).toEqual(
      ["incident_create", "incident_assign", "incident_note", "incident_status"].map((action) => ({ action, target_id: created.id, outcome: "applied" })),
    );
    // The console shows the backend's copy, and a closed incident refuses to reopen.
    await until(() => core.service.snapshot().incidents.some((i) => i.id === created.id && i.status === "closed"), "confirmed copy");
    const reopen = await core.handle({ type: "command", command: { type: "incident_status", target: { kind: "incident", id: created.id }, status: "open" } });
    expect(!reopen.ok && reopen.error.kind).toBe("conflict");
    expect((await backend.get("/api/v1/audit/verify")).body).toMatchObject({ ok: true, value: { valid: true } });
  }, 60_000);

  it("created while offline, it is shown at once with a stable id and reaches the backend once after reconnection", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ioc-backend-incidents-offline-"));
    let backend = await flow.startBackend({ dataDir });
    const port = backend.backend.port;
    const core = flow.startCore(backend.backend.url);
    await until(() => core.service.getStatus().state === "online", "online");
    const alarm = (await flow.call<Snapshot>({ type: "snapshot" })).alarms[0]!;
    await flow.stopBackend();
    await until(() => core.service.getStatus().state === "offline", "offline");

    const created = incidentOf(await flow.call<TargetState>({ type: "command", command: { type: "incident_create", target: { kind: "incident", id: newIncidentId(randomUUID()) }, alarmIds: [alarm.id], title: null, assignedUnit: null } }));
    expect(created).toMatchObject({ status: "open", wardCode: alarm.wardCode, location: alarm.location, title: alarm.place });
    await flow.call<TargetState>({ type: "command", command: { type: "incident_status", target: { kind: "incident", id: created.id }, status: "in_progress" } });
    const shown = core.service.snapshot().incidents.find((i) => i.id === created.id);
    expect(shown).toMatchObject({ status: "in_progress" });
    expect(core.service.getStatus().pendingActions).toBe(2);

    backend = await flow.startBackend({ dataDir, port });
    await until(() => core.service.getStatus().pendingActions === 0, "outbox drained after reconnect", 40_000);
    const { incident } = await backendIncident(backend, created.id);
    expect(incident).toMatchObject({ id: created.id, status: "in_progress", alarmIds: [alarm.id], createdAt: created.createdAt });
    expect(auditRows(dataDir, "incident").map((r) => [r.action, r.outcome])).toEqual([
      ["incident_create", "applied"],
      ["incident_status", "applied"],
    ]);
    expect(core.service.snapshot().incidents.filter((i) => i.id === created.id)).toHaveLength(1);
  }, 90_000);
});
