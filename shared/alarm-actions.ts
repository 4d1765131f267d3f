import { LIMITS } from "./limits.js";
import { QUEUED_DELIVERY } from "./domain/escalation-delivery.js";
import { defaultSharedCameras } from "./domain/shared-cameras.js";
import { transition, type AlarmEvent } from "./alarm-lifecycle.js";
import type { Alarm, AlarmHistoryEntry } from "./domain/alarm.js";
import type { Operator } from "./domain/operator.js";
import type { AlarmCommand } from "./commands/alarm-commands.js";
import { assertNever, err, ok, type Result } from "./result.js";

/**
 * A comment's id comes from its action's idempotency key, so console and backend name it alike.
 * The same id names the action's history entry, which is how a replayed action is recognised.
 */
export const commentIdFor = (idempotencyKey: string, operatorId: string): string => `cmt-${operatorId}-${idempotencyKey}`;

/** Enough history to read on screen; the backend's audit trail keeps everything. */
export const MAX_HISTORY = 100;

/** Operator id written in the history for what the system did by itself (a shelf expiring). */
export const SYSTEM_OPERATOR_ID = "system";

function withHistory(alarm: Alarm, entry: AlarmHistoryEntry): Alarm["history"] {
  const history = [...alarm.history, entry];
  return history.length > MAX_HISTORY ? history.slice(history.length - MAX_HISTORY) : history;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function move(alarm: Alarm, event: AlarmEvent, verb: string): Result<Alarm["state"]> {
  const next = transition(alarm.state, event);
  return next.ok ? ok(next.state) : err("conflict", `Cannot ${verb}: ${next.reason}.`);
}

function acknowledge(alarm: Alarm, operator: Operator, at: string): Result<Alarm> {
  if (alarm.acknowledgedBy !== null && (alarm.state === "acknowledged" || alarm.state === "normal")) {
    return err("conflict", `Already acknowledged by ${alarm.acknowledgedByName ?? alarm.acknowledgedBy} at ${alarm.acknowledgedAt ?? "?"}.`, {
      acknowledgedBy: alarm.acknowledgedBy,
      acknowledgedByName: alarm.acknowledgedByName,
      acknowledgedAt: alarm.acknowledgedAt,
    });
  }
  const state = move(alarm, "acknowledge", "acknowledge");
  if (!state.ok) return state;
  return ok({ ...alarm, state: state.value, acknowledgedBy: operator.id, acknowledgedByName: operator.name, acknowledgedAt: at });
}

/** The alarm after the action, before its history line and updatedAt are added. */
function applyAction(alarm: Alarm, action: Exclude<AlarmCommand, { type: "comment" }>, operator: Operator, at: string): Result<Alarm> {
  switch (action.type) {
    case "acknowledge":
      return acknowledge(alarm, operator, at);
    case "assign":
      return ok({ ...alarm, assignedTo: action.assigneeId, assignedToName: action.assigneeId === null ? null : action.assigneeName });
    case "escalate": {
      if (alarm.state === "normal" || alarm.state === "out_of_service") return err("conflict", `Cannot escalate an alarm that is ${alarm.state}.`);
      const cameraIds = action.cameraIds ?? defaultSharedCameras(alarm.cameraId);
      const escalation = { at, operatorId: operator.id, operatorName: operator.name, to: action.to, reason: action.reason, delivery: QUEUED_DELIVERY, cameraIds };
      return ok({ ...alarm, escalations: [...alarm.escalations, escalation] });
    }
    case "shelve": {
      const state = move(alarm, "shelve", "shelve");
      if (!state.ok) return state;
      const until = new Date(new Date(at).getTime() + action.minutes * 60_000).toISOString();
      return ok({ ...alarm, state: state.value, shelvedUntil: until, shelveReason: action.reason });
    }
    case "unshelve": {
      const state = move(alarm, "unshelve", "unshelve");
      if (!state.ok) return state;
      return ok({ ...alarm, state: state.value, shelvedUntil: null, shelveReason: null });
    }
    case "resolve": {
      if (alarm.state === "unacknowledged" || alarm.state === "rtn_unacknowledged") {
        return err("conflict", "Acknowledge the alarm before resolving it.");
      }
      const state = move(alarm, "resolve", "resolve");
      if (!state.ok) return state;
      return ok({ ...alarm, state: state.value, resolution: { at, operatorId: operator.id, operatorName: operator.name, note: action.note } });
    }
    case "sop_step": {
      const done = alarm.sopDone.includes(action.stepId);
      if (done === action.done) return ok(alarm);
      const sopDone = action.done ? [...alarm.sopDone, action.stepId] : alarm.sopDone.filter((id) => id !== action.stepId);
      return ok({ ...alarm, sopDone });
    }
    default:
      return assertNever(action);
  }
}

function historyNote(action: AlarmCommand): string | null {
  switch (action.type) {
    case "acknowledge":
    case "unshelve":
    case "comment":
      return null;
    case "assign":
      return action.assigneeName ?? action.assigneeId;
    case "escalate":
      return `${action.to}: ${action.reason}`;
    case "shelve":
      return `${action.minutes} min: ${action.reason}`;
    case "resolve":
      return action.note;
    case "sop_step":
      return `${action.stepId}=${action.done ? "done" : "undone"}`;
    default:
      return assertNever(action);
  }
}

/**
 * Pure: the alarm after `operator` performs `action` at `at`. The backend uses it to decide;
 * the console uses the same function to show an action at once while it waits in the outbox.
 * `actionId` (commentIdFor(key)) makes it idempotent: an action already in the alarm's history
 * (or a comment already present) leaves the alarm as it is, the very same object.
 */
export function applyAlarmCommand(alarm: Alarm, action: AlarmCommand, operator: Operator, at: string, actionId: string): Result<Alarm> {
  if (operator.role === "viewer") {
    return err("forbidden", `${operator.name} is signed in as a viewer; viewers cannot change alarms.`);
  }
  if (action.type === "comment") {
    // Comments are kept whatever the alarm's state and whatever order they arrive in.
    if (alarm.comments.some((c) => c.id === actionId)) return ok(alarm);
    // Every change of an alarm carries all its comments: an unbounded list would grow every
    // console's cache and the change feed with each one.
    if (alarm.comments.length >= LIMITS.commentsPerAlarm) {
      return err("conflict", `Alarm ${alarm.id} already has ${LIMITS.commentsPerAlarm} comments, the most one alarm may hold; open an incident to keep a longer record.`);
    }
    // Inserted after every comment at or before its time: a late-arriving older comment takes its
    // place in time, and comments made in the same millisecond keep the order they were made in.
    const comment = { id: actionId, operatorId: operator.id, operatorName: operator.name, at, text: action.text };
    const later = alarm.comments.findIndex((c) => c.at > at);
    const comments = later === -1 ? [...alarm.comments, comment] : [...alarm.comments.slice(0, later), comment, ...alarm.comments.slice(later)];
    return ok({ ...alarm, comments, updatedAt: laterOf(at, alarm.updatedAt) });
  }
  if (alarm.history.some((h) => h.id === actionId)) return ok(alarm);
  const next = applyAction(alarm, action, operator, at);
  if (!next.ok || next.value === alarm) return next;
  const entry: AlarmHistoryEntry = { id: actionId, at, operatorId: operator.id, operatorName: operator.name, action: action.type, note: historyNote(action) };
  return ok({ ...next.value, history: withHistory(next.value, entry), updatedAt: laterOf(at, alarm.updatedAt) });
}

/** Pure: a shelved alarm whose shelf time is over comes back unacknowledged; null when nothing is due. */
export function expireShelf(alarm: Alarm, now: Date): Alarm | null {
  if (alarm.state !== "shelved" || alarm.shelvedUntil === null || new Date(alarm.shelvedUntil).getTime() > now.getTime()) return null;
  const state = transition(alarm.state, "unshelve");
  if (!state.ok) return null;
  const at = now.toISOString();
  const entry: AlarmHistoryEntry = {
    id: `shelf-expired-${alarm.shelvedUntil}`,
    at,
    operatorId: SYSTEM_OPERATOR_ID,
    operatorName: SYSTEM_OPERATOR_ID,
    action: "shelf_expired",
    note: alarm.shelveReason,
  };
  return { ...alarm, state: state.state, shelvedUntil: null, shelveReason: null, history: withHistory(alarm, entry), updatedAt: laterOf(at, alarm.updatedAt) };
}
