import { applyOperatorAction, commentIdFor } from "../../../shared/alarm-actions.js";
import type { Alarm } from "../../../shared/domain/alarm.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { ActionRequest } from "../../../shared/protocol/backend.js";

/**
 * Pure: the alarm as the operator should see it, the backend's confirmed copy with the actions
 * still waiting in the outbox laid over it in order. An action that no longer applies is skipped;
 * the backend will refuse it and the console reports that.
 */
export function overlayPending(alarm: Alarm, pending: readonly ActionRequest[], operatorOf: (id: string) => Operator): Alarm {
  let current = alarm;
  for (const request of pending) {
    const next = applyOperatorAction(current, request.action, operatorOf(request.operatorId), request.at, commentIdFor(request.idempotencyKey));
    if (next.ok) current = next.value;
  }
  return current;
}
