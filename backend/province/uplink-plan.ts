import type { Alarm } from "../../shared/domain/alarm.js";
import type { EscalationDelivery } from "../../shared/domain/escalation-delivery.js";
import { provinceEscalationId } from "../../shared/domain/province.js";
import type { UplinkEscalation } from "../../shared/protocol/province.js";

/** An escalation waiting for the province, with where it lives on the city's alarm. */
export interface QueuedEscalation {
  alarmId: string;
  index: number;
  item: UplinkEscalation;
}

/**
 * Pure: the escalations of an alarm still queued for the province. The alarm record is the
 * uplink's outbox: the escalate command writes "queued" in the same transaction as itself and its
 * audit entry, so an escalation the city accepted is never lost, whatever stops the backend.
 */
export function queuedEscalations(alarm: Alarm, cityId: string): QueuedEscalation[] {
  return alarm.escalations.flatMap((escalation, index) =>
    escalation.to === "province_ioc" && escalation.delivery.state === "queued"
      ? [
          {
            alarmId: alarm.id,
            index,
            item: {
              key: provinceEscalationId(cityId, alarm.id, index),
              alarm: { id: alarm.id, type: alarm.type, priority: alarm.priority, place: alarm.place, wardCode: alarm.wardCode, location: alarm.location, raisedAt: alarm.raisedAt, cameraId: alarm.cameraId },
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
 * Pure: the alarm with one escalation's delivery moved on, or the very same alarm when that would
 * move it back (an acknowledgement read before the delivery answer) or change nothing.
 */
export function withDelivery(alarm: Alarm, index: number, patch: Partial<EscalationDelivery> & Pick<EscalationDelivery, "state">): Alarm {
  const escalation = alarm.escalations[index];
  if (escalation === undefined) return alarm;
  const current = escalation.delivery;
  if (RANK[patch.state] < RANK[current.state] || (patch.state === current.state && patch.state !== "acknowledged")) return alarm;
  if (patch.state === "acknowledged" && current.state === "acknowledged") return alarm;
  const delivery: EscalationDelivery = { ...current, ...patch, deliveredAt: patch.deliveredAt ?? current.deliveredAt };
  const escalations = alarm.escalations.map((e, i) => (i === index ? { ...e, delivery } : e));
  return { ...alarm, escalations };
}

/** The alarm id and escalation index a province key names (`<city>~<alarm>~<n>`), or null. */
export function parseEscalationKey(key: string, cityId: string): { alarmId: string; index: number } | null {
  const prefix = `${cityId}~`;
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const cut = rest.lastIndexOf("~");
  const index = Number(rest.slice(cut + 1));
  if (cut <= 0 || !Number.isInteger(index) || index < 0) return null;
  return { alarmId: rest.slice(0, cut), index };
}
