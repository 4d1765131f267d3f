import { describe, expect, it } from "vitest";
import { applyIncidentCommand } from "../../shared/incident-actions.js";
import { IncidentCommandSchema } from "../../shared/commands/incident-commands.js";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import { ProvinceEscalationSchema } from "../../shared/domain/province.js";
import { UplinkEscalationSchema } from "../../shared/protocol/province.js";
import { compareQueued, parseEscalationKey, queuedEscalations, withDelivery } from "../../backend/province/uplink-plan.js";
import { LAN } from "../shared/fixtures.js";

const T = "2026-12-04T08:00:00.000Z";
const ID = "inc-0b8f5a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
const target = { kind: "incident", id: ID } as const;

function incident(extra: Partial<Incident> = {}): Incident {
  return IncidentSchema.parse({
    id: ID,
    title: "Cháy chợ trung tâm",
    status: "open",
    wardCode: "06808",
    location: [106.78, 21.03],
    alarmIds: ["alm-1"],
    assignedUnit: null,
    createdAt: T,
    updatedAt: T,
    place: "Chợ trung tâm Uông Bí",
    ...extra,
  });
}

const escalate = (reason = "Cần tỉnh hỗ trợ", cameraIds?: string[]) =>
  IncidentCommandSchema.parse({ type: "incident_escalate", target, to: "province_ioc", reason, ...(cameraIds === undefined ? {} : { cameraIds }) });

describe("escalating an incident (pure)", () => {
  it("an incident stored before escalations parses with none", () => {
    expect(incident().escalations).toEqual([]);
  });

  it("queues the escalation on the incident with its cameras, says so on the timeline, and is idempotent", () => {
    const actor = { operator: LAN, at: T, entryId: "tl-op-01-k1" };
    const first = applyIncidentCommand(incident(), escalate("Cần tỉnh hỗ trợ", ["cam-02"]), actor, []);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.escalations).toMatchObject([{ to: "province_ioc", reason: "Cần tỉnh hỗ trợ", cameraIds: ["cam-02"], delivery: { state: "queued" }, operatorName: LAN.name }]);
    expect(first.value.timeline.at(-1)?.text).toContain("Cần tỉnh hỗ trợ");
    const again = applyIncidentCommand(first.value, escalate("Cần tỉnh hỗ trợ", ["cam-02"]), actor, []);
    expect(again.ok && again.value).toBe(first.value);
    const bare = escalate();
    expect(bare.type === "incident_escalate" ? bare.cameraIds : null).toEqual([]);
  });

  it("refuses a closed incident", () => {
    const closed = applyIncidentCommand(incident({ status: "closed" }), escalate(), { operator: LAN, at: T, entryId: "tl-1" }, []);
    expect(!closed.ok && closed.error.kind).toBe("conflict");
  });

  it("goes up through the same plan as an alarm's: keyed by the incident, summarised by its title, answered onto the incident", () => {
    const escalated = applyIncidentCommand(incident(), escalate(), { operator: LAN, at: T, entryId: "tl-1" }, []);
    if (!escalated.ok) throw new Error("escalation refused");
    const queued = queuedEscalations({ kind: "incident", record: escalated.value }, "uong-bi").sort(compareQueued);
    expect(queued).toHaveLength(1);
    const item = UplinkEscalationSchema.parse(JSON.parse(JSON.stringify(queued[0]!.item)));
    expect(item).toMatchObject({ key: `uong-bi~${ID}~0`, subject: "incident", alarm: { id: ID, type: "incident", title: "Cháy chợ trung tâm", place: "Chợ trung tâm Uông Bí" } });
    expect(parseEscalationKey(item.key, "uong-bi")).toEqual({ kind: "incident", subjectId: ID, index: 0 });
    const delivered = withDelivery(escalated.value, 0, { state: "delivered", deliveredAt: T });
    expect(delivered.escalations[0]?.delivery.state).toBe("delivered");
    expect(queuedEscalations({ kind: "incident", record: delivered }, "uong-bi")).toEqual([]);
  });

  it("an alarm escalation from a city that predates incidents still parses, as an alarm's", () => {
    const old = {
      key: "uong-bi~alm-1~0",
      alarm: { id: "alm-1", type: "fire", priority: "high", place: "p", wardCode: "w", location: [106.8, 21.0], raisedAt: T, cameraId: null },
      index: 0,
      reason: "r",
      escalatedByName: "Lan",
      escalatedAt: T,
    };
    const item = UplinkEscalationSchema.parse(old);
    expect(item.subject).toBe("alarm");
    expect(item.alarm.title).toBeNull();
    const stored = ProvinceEscalationSchema.parse({ ...old, id: old.key, cityId: "uong-bi", cityName: "Uông Bí", receivedAt: T, state: "open", acknowledgedBy: null, acknowledgedByName: null, acknowledgedAt: null });
    expect(stored.subject).toBe("alarm");
  });
});
