import { applyOperatorAction, commentIdFor } from "../../../shared/alarm-actions.js";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { ActionRequest } from "../../../shared/protocol/backend.js";
import type { Incident } from "../../../shared/domain/incident.js";
import { alarmIdsRead, applyIncidentAction, timelineIdFor } from "../../../shared/incident-actions.js";
import type { IncidentActionRequest } from "../../../shared/protocol/incident-actions.js";

/**
 * Pure: the alarm as the operator should see it, the backend's confirmed copy with the actions
 * still waiting in the outbox laid over it in order. An action that no longer applies is skipped;
 * the backend will refuse it and the console reports that.
 */
export function overlayPending(alarm: Alarm, pending: readonly ActionRequest[], operatorOf: (id: string) => Operator): Alarm {
  let current = alarm;
  for (const request of pending) {
    const next = applyOperatorAction(current, request.action, operatorOf(request.operatorId), request.at, commentIdFor(request.idempotencyKey, request.operatorId));
    if (next.ok) current = next.value;
  }
  return current;
}

/**
 * Pure: the incident as the operator should see it, the backend's confirmed copy (null while an
 * incident created here has not reached the backend) with the incident actions still waiting in
 * the outbox laid over it in order. null when there is still no incident (its creation no longer
 * applies: the backend will refuse it and the console reports that).
 */
export function overlayPendingIncident(
  incident: Incident | null,
  pending: readonly IncidentActionRequest[],
  operatorOf: (id: string) => Operator,
  alarmsOf: (ids: readonly string[]) => Alarm[],
): Incident | null {
  let current = incident;
  for (const request of pending) {
    const actor = { operator: operatorOf(request.operatorId), at: request.at, entryId: timelineIdFor(request.idempotencyKey, request.operatorId) };
    const next = applyIncidentAction(current, request.incidentAction, actor, alarmsOf(alarmIdsRead(request.incidentAction)));
    if (next.ok) current = next.value;
  }
  return current;
}
