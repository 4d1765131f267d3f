import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IncidentSchema } from "../../shared/domain/incident.js";
import { ActionBatchResponseSchema, BACKEND_PATHS, ChangeSchema, ChangesPageSchema } from "../../shared/protocol/backend.js";
import { newKey, startTestBackend, type TestBackend } from "./backend-harness.js";

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => {
  await t.stop();
});

async function changes(): Promise<Array<{ entity: string; id: string; data: unknown }>> {
  const page = ChangesPageSchema.parse((await t.get(`${BACKEND_PATHS.changes}?after=0&limit=5000`)).body);
  return page.changes.map((raw) => ChangeSchema.parse(raw));
}

describe("incident actions in the action batch", () => {
  it("creates and works an incident beside alarm actions; refusals and malformed ones do not stop the rest; a replay changes nothing", async () => {
    const alarmIds = (await changes()).filter((c) => c.entity === "alarm").map((c) => c.id).slice(0, 2);
    const id = `inc-${newKey()}`;
    const at = new Date().toISOString();
    const incident = (incidentAction: unknown, operatorId = "op-01") => ({ idempotencyKey: newKey(), operatorId, at, incidentAction });
    const requests = [
      incident({ type: "incident_create", incidentId: id, alarmIds, title: null, assignedUnit: "Công an phường Quang Trung" }),
      { idempotencyKey: newKey(), operatorId: "op-01", at, action: { type: "comment", alarmId: alarmIds[0], text: "Đã lập sự cố" } },
      incident({ type: "incident_status", incidentId: id, status: "reopened" }),
      incident({ type: "incident_note", incidentId: id, text: "Xem trước" }, "view-01"),
      incident({ type: "incident_create", incidentId: `inc-${newKey()}`, alarmIds: ["alm-none"], title: null, assignedUnit: null }),
      incident({ type: "incident_status", incidentId: id, status: "closed" }, "op-02"),
      incident({ type: "incident_status", incidentId: id, status: "in_progress" }),
    ];
    const first = ActionBatchResponseSchema.parse((await t.post(BACKEND_PATHS.actionsBatch, { requests })).body);
    expect(first.results.map((r) => (r.ok ? "ok" : r.error.kind))).toEqual(["ok", "ok", "invalid_request", "forbidden", "not_found", "ok", "conflict"]);

    const stored = (await changes()).filter((c) => c.entity === "incident" && c.id === id);
    expect(stored).toHaveLength(2);
    const latest = IncidentSchema.parse(stored.at(-1)!.data);
    expect(latest).toMatchObject({ status: "closed", alarmIds, assignedUnit: "Công an phường Quang Trung", createdBy: "op-01" });
    expect(latest.timeline.map((l) => [l.kind, l.operatorId])).toEqual([
      ["created", "op-01"],
      ["assigned", "op-01"],
      ["status", "op-02"],
    ]);

    const replay = ActionBatchResponseSchema.parse((await t.post(BACKEND_PATHS.actionsBatch, { requests })).body);
    expect(replay.results).toEqual(first.results);
    expect((await changes()).filter((c) => c.entity === "incident" && c.id === id)).toHaveLength(2);
    expect((await t.get(BACKEND_PATHS.auditVerify)).body).toMatchObject({ ok: true, value: { valid: true } });
  });
});
