import { AlarmSchema, type Alarm } from "../../shared/domain/alarm.js";
import { IncidentSchema, type Incident } from "../../shared/domain/incident.js";
import type { Escalation, EscalationSubject } from "../../shared/domain/escalation.js";
import { IncidentIdSchema } from "../../shared/commands/incident-commands.js";
import type { EscalationDelivery } from "../../shared/domain/escalation-delivery.js";
import { provinceEscalationId } from "../../shared/domain/province.js";
import type { UplinkEscalation } from "../../shared/protocol/province.js";

/** What an escalation is kept on at the city: an alarm or an incident (both carry `escalations`). */
export type EscalatedRecord = { kind: "alarm"; record: Alarm } | { kind: "incident"; record: Incident };

/** Pure: the stored alarm or incident an escalation lives on, or null when it does not parse. */
export function escalatedRecord(kind: EscalationSubject, data: unknown): EscalatedRecord | null {
  if (kind === "alarm") {
    const alarm = AlarmSchema.safeParse(data);
    return alarm.success ? { kind, record: alarm.data } : null;
  }
  const incident = IncidentSchema.safeParse(data);
  return incident.success ? { kind, record: incident.data } : null;
}

/** An escalation waiting for the province, with where it lives on the city's alarm or incident. */
export interface QueuedEscalation {
  kind: EscalationSubject;
  subjectId: string;
  index: number;
  item: UplinkEscalation;
}

/** An incident has no type or priority of its own: the province triages it as high, by its title. */
const INCIDENT_PRIORITY = "high";

/** Pure: what the province is told about the escalated record. */
export function escalatedSummary(subject: EscalatedRecord): UplinkEscalation["alarm"] {
  if (subject.kind === "alarm") {
    const a = subject.record;
    return { id: a.id, type: a.type, priority: a.priority, place: a.place, wardCode: a.wardCode, location: a.location, raisedAt: a.raisedAt, cameraId: a.cameraId, title: null };
  }
  const i = subject.record;
  return { id: i.id, type: "incident", priority: INCIDENT_PRIORITY, place: (i.place || i.title).slice(0, 200), wardCode: i.wardCode, location: i.location, raisedAt: i.createdAt, cameraId: null, title: i.title.slice(0, 200) };
}

/**
 * Pure: the escalations of an alarm or incident still queued for the province. The record is the
 * uplink's outbox: the escalate command writes "queued" in the same transaction as itself and its
 * audit entry, so an escalation the city accepted is never lost, whatever stops the backend.
 */
export function queuedEscalations(subject: EscalatedRecord, cityId: string): QueuedEscalation[] {
  const { record } = subject;
  return record.escalations.flatMap((escalation, index) =>
    escalation.to === "province_ioc" && escalation.delivery.state === "queued"
      ? [
          {
            kind: subject.kind,
            subjectId: record.id,
            index,
            item: {
              key: provinceEscalationId(cityId, record.id, index),
              subject: subject.kind,
              alarm: escalatedSummary(subject),
              index,
              reason: escalation.reason,
              escalatedByName: escalation.operatorName,
              escalatedAt: escalation.at,
              cameraIds: escalation.cameraIds,
            },
          },
        ]
      : [],
  );
}

/** Oldest escalation first (then by key): the province receives them in the order they were made. */
export function compareQueued(a: QueuedEscalation, b: QueuedEscalation): number {
  if (a.item.escalatedAt !== b.item.escalatedAt) return a.item.escalatedAt < b.item.escalatedAt ? -1 : 1;
  return a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0;
}

const RANK: Record<EscalationDelivery["state"], number> = { queued: 0, refused: 1, delivered: 1, acknowledged: 2 };

/**
 * Pure: the alarm (or incident) with one escalation's delivery moved on, or the very same record
 * when that would move it back (an acknowledgement read before the delivery answer) or change nothing.
 */
export function withDelivery<R extends { escalations: Escalation[] }>(alarm: R, index: number, patch: Partial<EscalationDelivery> & Pick<EscalationDelivery, "state">): R {
  const escalation = alarm.escalations[index];
  if (escalation === undefined) return alarm;
  const current = escalation.delivery;
  if (RANK[patch.state] < RANK[current.state] || (patch.state === current.state && patch.state !== "acknowledged")) return alarm;
  if (patch.state === "acknowledged" && current.state === "acknowledged") return alarm;
  const delivery: EscalationDelivery = { ...current, ...patch, deliveredAt: patch.deliveredAt ?? current.deliveredAt };
  const escalations = alarm.escalations.map((e, i) => (i === index ? { ...e, delivery } : e));
  return { ...alarm, escalations };
}

/**
 * The record and escalation index a province key names (`<city>~<alarm or incident>~<n>`), or null.
 * An incident's id has its own shape (inc-<uuid>), which tells the two apart.
 */
export function parseEscalationKey(key: string, cityId: string): { kind: EscalationSubject; subjectId: string; index: number } | null {
  const prefix = `${cityId}~`;
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const cut = rest.lastIndexOf("~");
  const index = Number(rest.slice(cut + 1));
  if (cut <= 0 || !Number.isInteger(index) || index < 0) return null;
  const subjectId = rest.slice(0, cut);
  return { kind: IncidentIdSchema.safeParse(subjectId).success ? "incident" : "alarm", subjectId, index };
}
