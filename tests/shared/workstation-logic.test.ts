import { describe, expect, it } from "vitest";
import { applySelectionPatch, EMPTY_SELECTION } from "../../shared/workstation/apply-selection.js";
import { handoverSummary } from "../../shared/workstation/handover-summary.js";
import { freshIncidentFields, type Incident } from "../../shared/domain/incident.js";
import { makeAlarm } from "./fixtures.js";

describe("applySelectionPatch", () => {
  it("changes only what the patch names, and counts versions", () => {
    const a = applySelectionPatch(EMPTY_SELECTION, { alarmId: "alm-1" });
    expect(a).toEqual({ alarmId: "alm-1", wardCode: null, cameraRequest: null, version: 1 });
    const b = applySelectionPatch(a, { wardCode: "22255" });
    expect(b).toEqual({ alarmId: "alm-1", wardCode: "22255", cameraRequest: null, version: 2 });
    expect(applySelectionPatch(b, { alarmId: null })).toMatchObject({ alarmId: null, wardCode: "22255", version: 3 });
  });
  it("the same values again are no change (same object, no event)", () => {
    const a = applySelectionPatch(EMPTY_SELECTION, { alarmId: "alm-1" });
    expect(applySelectionPatch(a, { alarmId: "alm-1" })).toBe(a);
    expect(applySelectionPatch(a, {})).toBe(a);
  });
  it("asking for the same camera twice is two requests", () => {
    const a = applySelectionPatch(EMPTY_SELECTION, { cameraId: "cam-01" });
    const b = applySelectionPatch(a, { cameraId: "cam-01" });
    expect(a.cameraRequest).toEqual({ cameraId: "cam-01", nonce: 1 });
    expect(b.cameraRequest).toEqual({ cameraId: "cam-01", nonce: 2 });
  });
});

describe("handoverSummary", () => {
  const incident = (id: string, status: Incident["status"], createdAt: string): Incident => ({
    id,
    title: `Sự cố ${id}`,
    status,
    wardCode: "22255",
    location: [106.79, 21.04],
    alarmIds: [],
    assignedUnit: null,
    createdAt,
    updatedAt: createdAt,
    ...freshIncidentFields(),
  });
  it("lists open incidents, shelved alarms and unacknowledged critical alarms, oldest first", () => {
    const alarms = [
      makeAlarm({ id: "c2", priority: "critical", state: "unacknowledged", raisedAt: "2026-11-25T10:00:00.000Z" }),
      makeAlarm({ id: "c1", priority: "critical", state: "rtn_unacknowledged", raisedAt: "2026-11-25T09:00:00.000Z" }),
      makeAlarm({ id: "c3", priority: "critical", state: "acknowledged" }),
      makeAlarm({ id: "h1", priority: "high", state: "unacknowledged" }),
      makeAlarm({ id: "s1", priority: "low", state: "shelved", shelvedUntil: "2026-11-25T12:00:00.000Z" }),
    ];
    const incidents = [incident("i2", "in_progress", "2026-11-25T08:00:00.000Z"), incident("i1", "open", "2026-11-25T07:00:00.000Z"), incident("i3", "closed", "2026-11-25T06:00:00.000Z")];
    const summary = handoverSummary(alarms, incidents);
    expect(summary.unacknowledgedCritical.map((a) => a.id)).toEqual(["c1", "c2"]);
    expect(summary.shelvedAlarms).toEqual([{ id: "s1", type: alarms[4]!.type, place: alarms[4]!.place, shelvedUntil: "2026-11-25T12:00:00.000Z" }]);
    expect(summary.openIncidents.map((i) => i.id)).toEqual(["i1", "i2"]);
  });
  it("an empty console hands over nothing", () => {
    expect(handoverSummary([], [])).toEqual({ openIncidents: [], shelvedAlarms: [], unacknowledgedCritical: [] });
  });
});
