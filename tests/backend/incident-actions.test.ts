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
    const incident = (command: unknown, operatorId = "op-01") => ({ idempotencyKey: newKey(), operatorId, at, command });
    // Each batch is one operator's queue, sent in their own session.
    const batches: Array<[string, unknown[]]> = [
      [
        "op-01",
        [
          incident({ type: "incident_create", target: { kind: "incident", id: id }, alarmIds, title: null, assignedUnit: "Công an phường Quang Trung" }),
          { idempotencyKey: newKey(), operatorId: "op-01", at, command: { type: "comment", target: { kind: "alarm", id: alarmIds[0] }, text: "Đã lập sự cố" } },
          incident({ type: "incident_status", target: { kind: "incident", id: id }, status: "reopened" }),
          incident({ type: "incident_create", target: { kind: "incident", id: `inc-${newKey()}` }, alarmIds: ["alm-none"], title: null, assignedUnit: null }),
        ],
      ],
      ["op-02", [incident({ type: "incident_status", target: { kind: "incident", id: id }, status: "closed" }, "op-02")]],
      ["op-01", [incident({ type: "incident_status", target: { kind: "incident", id: id }, status: "in_progress" })]],
    ];
    const sendAll = async () => {
      const kinds: string[] = [];
      for (const [as, requests] of batches) {
        const results = ActionBatchResponseSchema.parse((await t.post(BACKEND_PATHS.actionsBatch, { requests }, as)).body).results;
        kinds.push(...results.map((r) => (r.ok ? "ok" : r.error.kind)));
      }
      return kinds;
    };
    const first = await sendAll();
    expect(first).toEqual(["ok", "ok", "invalid_request", "not_found", "ok", "conflict"]);
    // A viewer's session may not act at all: the whole batch is refused.
    const viewer = await t.post(BACKEND_PATHS.actionsBatch, { requests: [incident({ type: "incident_note", target: { kind: "incident", id: id }, text: "Xem trước" }, "view-01")] }, "view-01");
    expect(viewer).toMatchObject({ status: 403, body: { ok: false, error: { kind: "forbidden" } } });

    const stored = (await changes()).filter((c) => c.entity === "incident" && c.id === id);
    expect(stored).toHaveLength(2);
    const latest = IncidentSchema.parse(stored.at(-1)!.data);
    expect(latest).toMatchObject({ status: "closed", alarmIds, assignedUnit: "Công an phường Quang Trung", createdBy: "op-01" });
    expect(latest.timeline.map((l) => [l.kind, l.operatorId])).toEqual([
      ["created", "op-01"],
      ["assigned", "op-01"],
      ["status", "op-02"],
    ]);

    expect(await sendAll()).toEqual(first);
    expect((await changes()).filter((c) => c.entity === "incident" && c.id === id)).toHaveLength(2);
    expect((await t.get(BACKEND_PATHS.auditVerify)).body).toMatchObject({ ok: true, value: { valid: true } });
  });
});
