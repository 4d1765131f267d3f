import { provinceEscalationId, ProvinceEscalationSchema, type ProvinceEscalation } from "../../shared/domain/province.js";
import type { ProvinceCity, UplinkEscalation, UplinkItemAnswer } from "../../shared/protocol/province.js";
import type { AuditEntry, IdempotentOutcome, StoredEntity } from "../store/backend-store.js";

/** The operator id a city's backend acts under in the province's store and audit trail. */
export const cityActorId = (cityId: string): string => `city:${cityId}`;

/**
 * Pure: what the province does with one escalation a city sent: store it as a new record (the
 * province consoles see it through the change feed) and audit it. An escalation already stored is
 * answered as delivered without a write (the idempotency key makes a replay answer the same anyway).
 */
export function receiveEscalation(city: ProvinceCity, item: UplinkEscalation, existing: StoredEntity | null, at: string): IdempotentOutcome {
  const id = provinceEscalationId(city.id, item.alarm.id, item.index);
  const answer = (receivedAt: string): UplinkItemAnswer => ({ ok: true, key: item.key, receivedAt });
  const stored = existing === null ? null : ProvinceEscalationSchema.safeParse(existing.data);
  if (stored?.success === true) return { writes: [], audit: [], respond: () => answer(stored.data.receivedAt) };
  const escalation: ProvinceEscalation = {
    id,
    cityId: city.id,
    cityName: city.name,
    subject: item.subject,
    alarm: item.alarm,
    reason: item.reason,
    escalatedByName: item.escalatedByName,
    escalatedAt: item.escalatedAt,
    receivedAt: at,
    state: "open",
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    cameraIds: item.cameraIds,
  };
  const audit: AuditEntry = {
    at,
    operatorId: cityActorId(city.id),
    action: "escalation_received",
    targetKind: "escalation",
    targetId: id,
    outcome: "applied",
    detail: { key: item.key, subject: item.subject, alarmId: item.alarm.id, reason: item.reason, escalatedByName: item.escalatedByName, escalatedAt: item.escalatedAt, cameraIds: item.cameraIds },
  };
  return { writes: [{ entity: "escalation", op: "upsert", id, data: escalation }], audit: [audit], respond: () => answer(at) };
}
