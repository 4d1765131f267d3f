import { transition } from "./alarm-lifecycle.js";
import type { Alarm } from "./domain/alarm.js";
import type { Operator } from "./domain/operator.js";
import type { OperatorAction } from "./protocol/backend.js";
import { assertNever, err, ok, type Result } from "./result.js";

/** A comment's id comes from its action's idempotency key, so console and backend name it alike. */
export const commentIdFor = (idempotencyKey: string): string => `cmt-${idempotencyKey}`;

/**
 * Pure: the alarm after `operator` performs `action` at `at`. The backend uses it to decide;
 * the console uses the same function to show an action at once while it waits in the outbox.
 */
export function applyOperatorAction(
  alarm: Alarm,
  action: OperatorAction,
  operator: Operator,
  at: string,
  commentId: string,
): Result<Alarm> {
  if (operator.role === "viewer") {
    return err("forbidden", `${operator.name} is signed in as a viewer; viewers cannot change alarms.`);
  }
  switch (action.type) {
    case "acknowledge": {
      if (alarm.acknowledgedBy !== null && (alarm.state === "acknowledged" || alarm.state === "normal")) {
        return err(
          "conflict",
          `Already acknowledged by ${alarm.acknowledgedByName ?? alarm.acknowledgedBy} at ${alarm.acknowledgedAt ?? "?"}.`,
          {
            acknowledgedBy: alarm.acknowledgedBy,
            acknowledgedByName: alarm.acknowledgedByName,
            acknowledgedAt: alarm.acknowledgedAt,
          },
        );
      }
      const next = transition(alarm.state, "acknowledge");
      if (!next.ok) return err("conflict", `Cannot acknowledge: ${next.reason}.`);
      return ok({
        ...alarm,
        state: next.state,
        acknowledgedBy: operator.id,
        acknowledgedByName: operator.name,
        acknowledgedAt: at,
        updatedAt: at,
      });
    }
    case "comment": {
      // Comments are kept whatever the alarm's state and whatever order they arrive in.
      if (alarm.comments.some((c) => c.id === commentId)) return ok(alarm);
      const comments = [...alarm.comments, { id: commentId, operatorId: operator.id, operatorName: operator.name, at, text: action.text }];
      comments.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
      return ok({ ...alarm, comments, updatedAt: at > alarm.updatedAt ? at : alarm.updatedAt });
    }
    default:
      return assertNever(action);
  }
}
