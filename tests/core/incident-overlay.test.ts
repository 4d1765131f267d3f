import { describe, expect, it } from "vitest";
import { overlayCommands } from "../../shared/commands/apply-command.js";
import type { CommandOn, CommandRequest } from "../../shared/commands/command.js";
import { orderIncidents } from "../../renderer/src/features/incidents/model/incident-order.js";
import { freshIncidentFields, type Incident } from "../../shared/domain/incident.js";
import { LAN, makeAlarm, MINH } from "../shared/fixtures.js";

const ID = "inc-0b7f1c2e-1111-4222-8333-944455556666";
const operators = { "op-01": LAN, "op-02": MINH } as const;
const operatorOf = (id: string) => operators[id as keyof typeof operators];
const alarms = [makeAlarm({ id: "alm-1", place: "Chợ trung tâm Uông Bí" })];
const alarmsOf = (ids: readonly string[]) => alarms.filter((a) => ids.includes(a.id));
const request = (key: string, at: string, command: CommandOn<"incident">, operatorId = "op-01"): CommandRequest & { command: CommandOn<"incident"> } => ({
  idempotencyKey: key,
  operatorId,
  at,
  command,
});
const overlayPendingIncident = (confirmed: Incident | null, pending: ReturnType<typeof request>[], ...rest: [typeof operatorOf, typeof alarmsOf]) =>
  overlayCommands("incident", confirmed, pending, ...rest);

describe("overlayCommands on incidents", () => {
  it("shows an incident created offline, with later pending actions laid over it in order", () => {
    const shown = overlayPendingIncident(
      null,
      [
        request("k-00000001", "2026-11-25T10:01:00.000Z", { type: "incident_create", target: { kind: "incident", id: ID }, alarmIds: ["alm-1"], title: null, assignedUnit: null }),
        request("k-00000002", "2026-11-25T10:02:00.000Z", { type: "incident_status", target: { kind: "incident", id: ID }, status: "in_progress" }, "op-02"),
        // No longer applies (in progress cannot go back to open): skipped, the backend will refuse it.
        request("k-00000003", "2026-11-25T10:03:00.000Z", { type: "incident_status", target: { kind: "incident", id: ID }, status: "open" }),
      ],
      operatorOf,
      alarmsOf,
    );
    expect(shown).toMatchObject({ id: ID, status: "in_progress", title: "Chợ trung tâm Uông Bí", createdBy: "op-01" });
    expect(shown!.timeline.map((l) => [l.kind, l.operatorName])).toEqual([
      ["created", "Nguyễn Thị Lan"],
      ["status", "Trần Văn Minh"],
    ]);
  });

  it("is null when a pending creation no longer applies (its alarm is unknown)", () => {
    const pending = [request("k-00000001", "2026-11-25T10:01:00.000Z", { type: "incident_create", target: { kind: "incident", id: ID }, alarmIds: ["alm-9"], title: null, assignedUnit: null })];
    expect(overlayPendingIncident(null, pending, operatorOf, alarmsOf)).toBeNull();
  });

  it("leaves a confirmed incident alone when its pending action is already on its timeline", () => {
    const confirmed = overlayPendingIncident(null, [request("k-00000001", "2026-11-25T10:01:00.000Z", { type: "incident_create", target: { kind: "incident", id: ID }, alarmIds: ["alm-1"], title: null, assignedUnit: null })], operatorOf, alarmsOf)!;
    const replayed = overlayPendingIncident(confirmed, [request("k-00000001", "2026-11-25T10:01:00.000Z", { type: "incident_create", target: { kind: "incident", id: ID }, alarmIds: ["alm-1"], title: null, assignedUnit: null })], operatorOf, alarmsOf);
    expect(replayed).toBe(confirmed);
  });
});

describe("orderIncidents", () => {
  const incident = (id: string, status: Incident["status"], createdAt: string): Incident => ({
    id,
    title: id,
    status,
    wardCode: "06808",
    location: [106.8, 21.1],
    alarmIds: [],
    assignedUnit: null,
    createdAt,
    updatedAt: createdAt,
    ...freshIncidentFields(),
  });
  it("puts open incidents first, then in progress, newest first within each, closed last", () => {
    const ordered = orderIncidents([
      incident("closed-new", "closed", "2026-11-25T12:00:00.000Z"),
      incident("open-old", "open", "2026-11-25T09:00:00.000Z"),
      incident("working", "in_progress", "2026-11-25T11:00:00.000Z"),
      incident("open-new", "open", "2026-11-25T10:00:00.000Z"),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(["open-new", "open-old", "working", "closed-new"]);
  });
});
