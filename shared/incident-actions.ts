import type { Alarm } from "./domain/alarm.js";
import type { Incident, IncidentStatus, IncidentTimelineEntry, IncidentTimelineKind } from "./domain/incident.js";
import type { LonLat } from "./domain/geo.js";
import type { Operator } from "./domain/operator.js";
import type { IncidentCommand } from "./commands/incident-commands.js";
import { assertNever, err, ok, type Result } from "./result.js";
import { QUEUED_DELIVERY } from "./domain/escalation-delivery.js";

/** Enough timeline to read on screen; the backend's audit trail keeps everything. */
export const MAX_TIMELINE = 500;

/** A timeline line's id comes from its action's idempotency key, so console and backend name it alike. */
export const timelineIdFor = (idempotencyKey: string, operatorId: string): string => `tl-${operatorId}-${idempotencyKey}`;

/** Where an incident may go next: forward only, and closed is final. */
const NEXT_STATUS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ["in_progress", "closed"],
  in_progress: ["closed"],
  closed: [],
};

/** The statuses an incident may be moved to from the one it has (what the console offers). */
export function nextIncidentStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT_STATUS[from];
}

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

/** Who acts, when, and the timeline id the action's line gets (timelineIdFor(key)). */
export interface IncidentActor {
  operator: Operator;
  at: string;
  entryId: string;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function entry(actor: IncidentActor, kind: IncidentTimelineKind, text: string): IncidentTimelineEntry {
  return { id: actor.entryId, at: actor.at, operatorId: actor.operator.id, operatorName: actor.operator.name, kind, text };
}

function withEntry(incident: Incident, line: IncidentTimelineEntry): Incident {
  const timeline = [...incident.timeline, line];
  return {
    ...incident,
    timeline: timeline.length > MAX_TIMELINE ? timeline.slice(timeline.length - MAX_TIMELINE) : timeline,
    updatedAt: laterOf(line.at, incident.updatedAt),
  };
}

/** The ward most of the alarms are in (the first alarm's ward on a tie). */
export function incidentWard(alarms: readonly Alarm[]): string {
  const counts = new Map<string, number>();
  for (const alarm of alarms) counts.set(alarm.wardCode, (counts.get(alarm.wardCode) ?? 0) + 1);
  let best = alarms[0]?.wardCode ?? "";
  for (const [ward, count] of counts) if (count > (counts.get(best) ?? 0)) best = ward;
  return best;
}

/** The middle of the alarms' locations: alarms of one incident are a few hundred metres apart at most. */
export function incidentLocation(alarms: readonly Alarm[]): LonLat {
  const lon = alarms.reduce((sum, a) => sum + a.location[0], 0) / alarms.length;
  const lat = alarms.reduce((sum, a) => sum + a.location[1], 0) / alarms.length;
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** The alarms' distinct place names, in the order given. */
export function incidentPlace(alarms: readonly Alarm[]): string {
  return [...new Set(alarms.map((a) => a.place).filter((p) => p.length > 0))].join(" · ").slice(0, 500);
}

/** A title when the operator gives none: the first place, and how many other places there are. */
export function defaultIncidentTitle(alarms: readonly Alarm[]): string {
  const places = [...new Set(alarms.map((a) => a.place).filter((p) => p.length > 0))];
  const first = places[0] ?? alarms[0]?.id ?? "?";
  return (places.length > 1 ? `${first} (+${places.length - 1})` : first).slice(0, 200);
}

/**
 * Pure: a new incident made from alarms (`alarms` are the ones named by `alarmIds`, as the caller
 * found them). Ward, location and place come from the alarms; the timeline starts with who made it.
 */
export function createIncident(
  action: Extract<IncidentCommand, { type: "incident_create" }>,
  alarms: readonly Alarm[],
  actor: IncidentActor,
): Result<Incident> {
  const alarmIds = [...new Set(action.alarmIds)];
  const found = new Map(alarms.map((a) => [a.id, a]));
  const missing = alarmIds.filter((id) => !found.has(id));
  if (missing.length > 0) return err("not_found", `No alarm ${missing.join(", ")}: an incident is made from known alarms.`, { missing });
  const linked = alarmIds.map((id) => found.get(id)!);
  const incident: Incident = {
    id: action.target.id,
    title: action.title ?? defaultIncidentTitle(linked),
    status: "open",
    wardCode: incidentWard(linked),
    location: incidentLocation(linked),
    alarmIds,
    assignedUnit: action.assignedUnit,
    createdAt: actor.at,
    updatedAt: actor.at,
    createdBy: actor.operator.id,
    createdByName: actor.operator.name,
    place: incidentPlace(linked),
    timeline: [],
    escalations: [],
  };
  const created = withEntry(incident, entry(actor, "created", alarmIds.join(", ")));
  return ok(action.assignedUnit === null ? created : withEntry(created, entry({ ...actor, entryId: `${actor.entryId}-unit` }, "assigned", action.assignedUnit)));
}

/** Pure: the incident in its next status; asking for the status it has changes nothing. */
export function setIncidentStatus(incident: Incident, status: IncidentStatus, actor: IncidentActor): Result<Incident> {
  if (incident.status === status) return ok(incident);
  if (!canMoveIncident(incident.status, status)) {
    return err("conflict", incident.status === "closed" ? `Incident ${incident.id} is closed; a closed incident stays closed.` : `Incident ${incident.id} cannot go from ${incident.status} back to ${status}.`, {
      status: incident.status,
    });
  }
  return ok(withEntry({ ...incident, status }, entry(actor, "status", status)));
}

/** Pure: the unit sent to deal with it (null takes the assignment away). */
export function assignIncidentUnit(incident: Incident, unit: string | null, actor: IncidentActor): Result<Incident> {
  if (incident.status === "closed") return err("conflict", `Incident ${incident.id} is closed; no unit can be assigned to it.`, { status: incident.status });
  if (incident.assignedUnit === unit) return ok(incident);
  return ok(withEntry({ ...incident, assignedUnit: unit }, entry(actor, "assigned", unit ?? "")));
}

/** Pure: a note on the timeline. Notes are kept even on a closed incident (a late report belongs to it). */
export function addIncidentNote(incident: Incident, text: string, actor: IncidentActor): Result<Incident> {
  return ok(withEntry(incident, entry(actor, "note", text)));
}

/**
 * Pure: the incident escalated to the province, queued for the city's uplink in the same write
 * (the record is the outbox, as an alarm's); its timeline says so. A closed incident is not escalated.
 */
export function escalateIncident(incident: Incident, action: Extract<IncidentCommand, { type: "incident_escalate" }>, actor: IncidentActor): Result<Incident> {
  if (incident.status === "closed") return err("conflict", `Incident ${incident.id} is closed; a closed incident is not escalated.`, { status: incident.status });
  const escalation = { at: actor.at, operatorId: actor.operator.id, operatorName: actor.operator.name, to: action.to, reason: action.reason, delivery: QUEUED_DELIVERY, cameraIds: action.cameraIds };
  return ok(withEntry({ ...incident, escalations: [...incident.escalations, escalation] }, entry(actor, "note", `⇪ ${action.to}: ${action.reason}`.slice(0, 2000))));
}

/**
 * Pure: the incident after `actor.operator` performs `action`. The backend uses it to decide;
 * the console uses the same function to show the action at once while it waits in the outbox.
 * Idempotent: an action whose line is already on the timeline leaves the incident as it is, the
 * very same object. `alarms` are only read by incident_create.
 */
export function applyIncidentCommand(incident: Incident | null, action: IncidentCommand, actor: IncidentActor, alarms: readonly Alarm[]): Result<Incident> {
  if (actor.operator.role === "viewer") return err("forbidden", `${actor.operator.name} is signed in as a viewer; viewers cannot change incidents.`);
  if (incident !== null && incident.timeline.some((line) => line.id === actor.entryId)) return ok(incident);
  if (action.type === "incident_create") {
    if (incident !== null) return err("conflict", `Incident ${action.target.id} already exists.`);
    return createIncident(action, alarms, actor);
  }
  if (incident === null) return err("not_found", `Incident ${action.target.id} does not exist.`);
  switch (action.type) {
    case "incident_status":
      return setIncidentStatus(incident, action.status, actor);
    case "incident_assign":
      return assignIncidentUnit(incident, action.unit, actor);
    case "incident_note":
      return addIncidentNote(incident, action.text, actor);
    case "incident_escalate":
      return escalateIncident(incident, action, actor);
    default:
      return assertNever(action);
  }
}

/** The alarms an action needs to read (only a creation reads any). */
export function alarmIdsRead(action: IncidentCommand): string[] {
  return action.type === "incident_create" ? [...new Set(action.alarmIds)] : [];
}
