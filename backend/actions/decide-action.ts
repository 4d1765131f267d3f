import type { Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import { applyOperatorAction, commentIdFor } from "../../shared/alarm-actions.js";
import { transition } from "../../shared/alarm-lifecycle.js";
import type { ActionRequest } from "../../shared/protocol/backend.js";
import type { AppError } from "../../shared/result.js";
import { OFFLINE_ACTION_WINDOW_MS } from "../../shared/limits.js";
import { formatCityDateTime } from "../../shared/time.js";

export type ActionDecision =
  /** Write this new version of the alarm. */
  | { kind: "apply"; alarm: Alarm }
  /** Succeeds without writing: the operator asks for what is already true. */
  | { kind: "unchanged"; alarm: Alarm }
  | { kind: "reject"; error: AppError };

export interface ActionContext {
  request: ActionRequest;
  alarm: Alarm | null;
  operator: Operator | null;
  /** Server time when the backend handles the action. */
  now: Date;
}

const reject = (kind: AppError["kind"], message: string, detail?: Record<string, unknown>): ActionDecision => ({
  kind: "reject",
  error: detail === undefined ? { kind, message } : { kind, message, detail },
});

/**
 * When the operator acted: the console's time (an action queued offline keeps the moment
 * it was taken, and the console's optimistic copy shows the same time), but never later than
 * the server's clock, so a console with a fast clock cannot stamp the future.
 */
export function effectiveActionTime(requestAt: string, now: Date): string {
  const at = new Date(requestAt).getTime();
  const oldest = now.getTime() - OFFLINE_ACTION_WINDOW_MS;
  return new Date(Math.min(now.getTime(), Math.max(oldest, at))).toISOString();
}

/** For the audit trail: the time the action was recorded at, when it differs from the one it claimed (clamped). */
export function clampedTime(requestAt: string, receivedAt: string): { actedAt: string } | Record<string, never> {
  const acted = effectiveActionTime(requestAt, new Date(receivedAt));
  return Date.parse(acted) === Date.parse(requestAt) ? {} : { actedAt: acted };
}

/** The backend's own refusals, with the wording operators see; null when the shared rules decide. */
function precheck(alarm: Alarm, operator: Operator, request: ActionRequest): ActionDecision | null {
  const action = request.action;
  if (operator.role === "viewer") {
    const what = action.type === "acknowledge" ? "acknowledge" : action.type === "comment" ? "comment on" : "change";
    return reject("forbidden", `Viewers cannot ${what} alarms.`);
  }
  if (action.type !== "acknowledge" || transition(alarm.state, "acknowledge").ok) return null;
  if (alarm.acknowledgedBy === operator.id) return { kind: "unchanged", alarm };
  if (alarm.acknowledgedBy !== null && alarm.acknowledgedAt !== null) {
    const who = alarm.acknowledgedByName ?? alarm.acknowledgedBy;
    return reject(
      "conflict",
      `Alarm ${alarm.id} was already acknowledged by ${who} at ${formatCityDateTime(alarm.acknowledgedAt, "en-GB")} (Vietnam time).`,
      { acknowledgedBy: alarm.acknowledgedBy, acknowledgedByName: alarm.acknowledgedByName, acknowledgedAt: alarm.acknowledgedAt },
    );
  }
  return null;
}

/**
 * Pure: what an operator action does to an alarm, or why it is refused. The change itself
 * comes from shared/alarm-actions, the same function the console uses to show the action
 * at once, so both sides agree on the result.
 */
export function decideAction(context: ActionContext): ActionDecision {
  const { request, alarm, operator, now } = context;
  if (operator === null) return reject("forbidden", `Operator "${request.operatorId}" is not known to this backend.`);
  if (alarm === null) return reject("not_found", `Alarm ${request.action.alarmId} does not exist.`);
  const refused = precheck(alarm, operator, request);
  if (refused !== null) return refused;
  const at = effectiveActionTime(request.at, now);
  const result = applyOperatorAction(alarm, request.action, operator, at, commentIdFor(request.idempotencyKey, request.operatorId));
  if (!result.ok) return { kind: "reject", error: result.error };
  // The shared function hands back the same object when there is nothing to do (a comment already present).
  return result.value === alarm ? { kind: "unchanged", alarm } : { kind: "apply", alarm: result.value };
}
