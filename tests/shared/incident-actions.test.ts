import { describe, expect, it } from "vitest";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import { applyIncidentCommand, canMoveIncident, defaultIncidentTitle, incidentLocation, incidentWard, timelineIdFor } from "../../shared/incident-actions.js";
import { CommandRequestSchema } from "../../shared/commands/command.js";
import type { IncidentCommand } from "../../shared/commands/incident-commands.js";
import { HA_VIEWER, LAN, makeAlarm, MINH } from "./fixtures.js";

const ID = "inc-0b7f1c2e-1111-4222-8333-944455556666";
const market = makeAlarm({ id: "alm-1", wardCode: "06808", location: [106.8, 21.1], place: "Chợ trung tâm Uông Bí" });
const camera = makeAlarm({ id: "alm-2", wardCode: "06808", location: [106.802, 21.102], place: "Đường Trần Hưng Đạo" });
const far = makeAlarm({ id: "alm-3", wardCode: "06811", location: [106.81, 21.11], place: "Chợ trung tâm Uông Bí" });
const actor = (entryId: string, operator = LAN, at = "2026-11-25T10:05:00.000Z") => ({ operator, at, entryId });
const create = (patch: Partial<Extract<IncidentCommand, { type: "incident_create" }>> = {}): IncidentCommand => ({
  type: "incident_create",
  target: { kind: "incident", id: ID },
  alarmIds: ["alm-1", "alm-2"],
  title: null,
  assignedUnit: null,
  ...patch,
});

function created(): Incident {
  const result = applyIncidentCommand(null, create(), actor("tl-k1"), [market, camera]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("creating an incident from alarms", () => {
  it("takes ward, location, place and title from the alarms and records who made it, when", () => {
    const incident = created();
    expect(incident).toMatchObject({
      id: ID,
      status: "open",
      wardCode: "06808",
      location: [106.801, 21.101],
      alarmIds: ["alm-1", "alm-2"],
      assignedUnit: null,
      title: "Chợ trung tâm Uông Bí (+1)",
      place: "Chợ trung tâm Uông Bí · Đường Trần Hưng Đạo",
      createdAt: "2026-11-25T10:05:00.000Z",
      createdBy: "op-01",
      createdByName: "Nguyễn Thị Lan",
    });
    expect(incident.timeline).toEqual([
      { id: "tl-k1", at: "2026-11-25T10:05:00.000Z", operatorId: "op-01", operatorName: "Nguyễn Thị Lan", kind: "created", text: "alm-1, alm-2" },
    ]);
    expect(IncidentSchema.parse(incident)).toEqual(incident);
  });

  it("keeps a given title and unit (the unit on the timeline too) and names each alarm once", () => {
    const result = applyIncidentCommand(null, create({ title: "Cháy chợ", assignedUnit: "Đội PCCC số 3", alarmIds: ["alm-1", "alm-1"] }), actor("tl-k1"), [market]);
    expect(result.ok && result.value).toMatchObject({ title: "Cháy chợ", assignedUnit: "Đội PCCC số 3", alarmIds: ["alm-1"] });
    expect(result.ok && result.value.timeline.map((l) => [l.kind, l.text])).toEqual([
      ["created", "alm-1"],
      ["assigned", "Đội PCCC số 3"],
    ]);
  });

  it("picks the ward most alarms are in, the first alarm's on a tie, and the middle of their locations", () => {
    expect(incidentWard([far, market, camera])).toBe("06808");
    expect(incidentWard([far, market])).toBe("06811");
    expect(incidentLocation([market, far])).toEqual([106.805, 21.105]);
    expect(defaultIncidentTitle([market, far])).toBe("Chợ trung tâm Uông Bí");
  });

  it("refuses unknown alarms, an existing id and viewers", () => {
    const missing = applyIncidentCommand(null, create(), actor("tl-k1"), [market]);
    expect(!missing.ok && missing.error).toMatchObject({ kind: "not_found", detail: { missing: ["alm-2"] } });
    const again = applyIncidentCommand(created(), create(), actor("tl-k2"), [market, camera]);
    expect(!again.ok && again.error.kind).toBe("conflict");
    const viewer = applyIncidentCommand(null, create(), actor("tl-k1", HA_VIEWER), [market, camera]);
    expect(!viewer.ok && viewer.error.kind).toBe("forbidden");
  });
});

describe("working an incident", () => {
  it("moves open → in progress → closed, each step on the timeline with who and when; closed is final", () => {
    const started = applyIncidentCommand(created(), { type: "incident_status", target: { kind: "incident", id: ID }, status: "in_progress" }, actor("tl-k2", MINH, "2026-11-25T10:10:00.000Z"), []);
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.status).toBe("in_progress");
    expect(started.value.updatedAt).toBe("2026-11-25T10:10:00.000Z");
    expect(started.value.timeline.at(-1)).toMatchObject({ kind: "status", text: "in_progress", operatorId: "op-02", operatorName: "Trần Văn Minh" });
    const back = applyIncidentCommand(started.value, { type: "incident_status", target: { kind: "incident", id: ID }, status: "open" }, actor("tl-k3"), []);
    expect(!back.ok && back.error.kind).toBe("conflict");
    const closed = applyIncidentCommand(started.value, { type: "incident_status", target: { kind: "incident", id: ID }, status: "closed" }, actor("tl-k4"), []);
    if (!closed.ok) throw new Error(closed.error.message);
    for (const status of ["open", "in_progress"] as const) {
      const reopened = applyIncidentCommand(closed.value, { type: "incident_status", target: { kind: "incident", id: ID }, status }, actor("tl-k5"), []);
      expect(!reopened.ok && reopened.error).toMatchObject({ kind: "conflict", detail: { status: "closed" } });
    }
    const assign = applyIncidentCommand(closed.value, { type: "incident_assign", target: { kind: "incident", id: ID }, unit: "CA phường" }, actor("tl-k6"), []);
    expect(!assign.ok && assign.error.kind).toBe("conflict");
    const lateNote = applyIncidentCommand(closed.value, { type: "incident_note", target: { kind: "incident", id: ID }, text: "Báo cáo bổ sung" }, actor("tl-k7"), []);
    expect(lateNote.ok && lateNote.value.timeline.at(-1)).toMatchObject({ kind: "note", text: "Báo cáo bổ sung" });
  });

  it("table of status moves", () => {
    const table: Array<[Incident["status"], Incident["status"], boolean]> = [
      ["open", "in_progress", true],
      ["open", "closed", true],
      ["in_progress", "closed", true],
      ["in_progress", "open", false],
      ["closed", "open", false],
      ["closed", "in_progress", false],
    ];
    for (const [from, to, allowed] of table) expect(canMoveIncident(from, to), `${from} → ${to}`).toBe(allowed);
  });

  it("assigns and unassigns a unit, adds notes; the same status or unit again changes nothing", () => {
    const incident = created();
    const assigned = applyIncidentCommand(incident, { type: "incident_assign", target: { kind: "incident", id: ID }, unit: "Công an phường Quang Trung" }, actor("tl-k2"), []);
    if (!assigned.ok) throw new Error(assigned.error.message);
    expect(assigned.value.assignedUnit).toBe("Công an phường Quang Trung");
    expect(applyIncidentCommand(assigned.value, { type: "incident_assign", target: { kind: "incident", id: ID }, unit: "Công an phường Quang Trung" }, actor("tl-k3"), [])).toEqual({ ok: true, value: assigned.value });
    expect(applyIncidentCommand(incident, { type: "incident_status", target: { kind: "incident", id: ID }, status: "open" }, actor("tl-k3"), [])).toEqual({ ok: true, value: incident });
    const unassigned = applyIncidentCommand(assigned.value, { type: "incident_assign", target: { kind: "incident", id: ID }, unit: null }, actor("tl-k4"), []);
    expect(unassigned.ok && unassigned.value.assignedUnit).toBeNull();
    const noted = applyIncidentCommand(incident, { type: "incident_note", target: { kind: "incident", id: ID }, text: "Đã gọi 114" }, actor("tl-k5"), []);
    expect(noted.ok && noted.value.timeline.map((l) => l.kind)).toEqual(["created", "note"]);
  });

  it("is idempotent: an action already on the timeline returns the very same incident", () => {
    const incident = created();
    const noted = applyIncidentCommand(incident, { type: "incident_note", target: { kind: "incident", id: ID }, text: "Đã gọi 114" }, actor(timelineIdFor("k-2", "op-01")), []);
    if (!noted.ok) throw new Error(noted.error.message);
    const replay = applyIncidentCommand(noted.value, { type: "incident_note", target: { kind: "incident", id: ID }, text: "Đã gọi 114" }, actor(timelineIdFor("k-2", "op-01")), []);
    expect(replay.ok && replay.value).toBe(noted.value);
    const recreate = applyIncidentCommand(incident, create(), actor("tl-k1"), [market, camera]);
    expect(recreate.ok && recreate.value).toBe(incident);
  });

  it("refuses actions on an incident that does not exist", () => {
    const result = applyIncidentCommand(null, { type: "incident_note", target: { kind: "incident", id: ID }, text: "x" }, actor("tl-k2"), []);
    expect(!result.ok && result.error.kind).toBe("not_found");
  });
});

describe("incident contract", () => {
  it("parses incidents stored before the timeline existed", () => {
    const old = { id: "inc-1", title: "Sự cố", status: "open", wardCode: "06808", location: [106.8, 21.1], alarmIds: [], assignedUnit: null, createdAt: "2026-11-25T10:00:00.000Z", updatedAt: "2026-11-25T10:00:00.000Z" };
    expect(IncidentSchema.parse(old)).toMatchObject({ timeline: [], createdBy: null, place: "" });
  });

  it("an incident command names an inc- target and at least one alarm", () => {
    const request = { idempotencyKey: "k-00000001", operatorId: "op-01", at: "2026-11-25T10:00:00.000Z", command: create() };
    expect(CommandRequestSchema.safeParse(request).success).toBe(true);
    expect(CommandRequestSchema.safeParse({ ...request, command: create({ target: { kind: "incident", id: "x" } }) }).success).toBe(false);
    expect(CommandRequestSchema.safeParse({ ...request, command: create({ alarmIds: [] }) }).success).toBe(false);
  });
});
