import type { Alarm } from "../../shared/domain/alarm.js";
import type { Operator } from "../../shared/domain/operator.js";
import { transition } from "../../shared/alarm-lifecycle.js";
import { rulesFor, type TargetEntities } from "../../shared/commands/apply-command.js";
import type { CommandOn, CommandRequest } from "../../shared/commands/command.js";
import type { TargetKind } from "../../shared/commands/target.js";
import type { AppError } from "../../shared/result.js";
import { OFFLINE_ACTION_WINDOW_MS } from "../../shared/limits.js";
import { formatCityDateTime } from "../../shared/time.js";

export type CommandDecision<K extends TargetKind> =
  /** Write this new version of the target. */
  | { kind: "apply"; entity: TargetEntities[K] }
  /** Succeeds without writing: the operator asks for what is already true. */
  | { kind: "unchanged"; entity: TargetEntities[K] }
  | { kind: "reject"; error: AppError };

export type RequestOn<K extends TargetKind> = CommandRequest & { command: CommandOn<K> };

export interface CommandContext<K extends TargetKind> {
  request: RequestOn<K>;
  /** The target as stored; null when there is none (yet). */
  current: TargetEntities[K] | null;
  operator: Operator | null;
  /** The alarms the command reads besides its target, those that exist. */
  alarms: readonly Alarm[];
  /** Server time when the backend handles the command. */
  now: Date;
}

const reject = (kind: AppError["kind"], message: string, detail?: Record<string, unknown>): CommandDecision<never> => ({
  kind: "reject",
  error: detail === undefined ? { kind, message } : { kind, message, detail },
});

/**
 * When the operator acted: the console's time (a command queued offline keeps the moment it was
 * taken, and the console's optimistic copy shows the same time), but never later than the
 * server's clock, so a console with a fast clock cannot stamp the future.
 */
export function effectiveActionTime(requestAt: string, now: Date): string {
  const at = new Date(requestAt).getTime();
  const oldest = now.getTime() - OFFLINE_ACTION_WINDOW_MS;
  return new Date(Math.min(now.getTime(), Math.max(oldest, at))).toISOString();
}

/** For the audit trail: the time the command was recorded at, when it differs from the one it claimed (clamped). */
export function clampedTime(requestAt: string, receivedAt: string): { actedAt: string } | Record<string, never> {
  const acted = effectiveActionTime(requestAt, new Date(receivedAt));
  return Date.parse(acted) === Date.parse(requestAt) ? {} : { actedAt: acted };
}

/** The backend's own refusals of alarm commands, with the wording operators see; null when the shared rules decide. */
function precheckAlarm(context: CommandContext<"alarm">, operator: Operator): CommandDecision<"alarm"> | null {
  const { current: alarm, request } = context;
  const command = request.command;
  if (operator.role === "viewer") {
    const what = command.type === "acknowledge" ? "acknowledge" : command.type === "comment" ? "comment on" : "change";
    return reject("forbidden", `Viewers cannot ${what} alarms.`);
  }
  if (alarm === null || command.type !== "acknowledge" || transition(alarm.state, "acknowledge").ok) return null;
  if (alarm.acknowledgedBy === operator.id) return { kind: "unchanged", entity: alarm };
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

const PRECHECKS: { [K in TargetKind]: (context: CommandContext<K>, operator: Operator) => CommandDecision<K> | null } = {
  alarm: precheckAlarm,
  incident: () => null,
  bookmark: () => null,
  escalation: () => null,
  directive: () => null,
  camera: () => null,
};

/**
 * Pure: what a command does to its target, or why it is refused. The change itself comes from
 * shared/commands, the same rules the console uses to show the command at once, so both sides
 * agree on the result.
 */
export function decideCommand<K extends TargetKind>(kind: K, context: CommandContext<K>): CommandDecision<K> {
  const { request, current, operator, alarms, now } = context;
  if (operator === null) return reject("forbidden", `Operator "${request.operatorId}" is not known to this backend.`);
  const refused = PRECHECKS[kind](context, operator);
  if (refused !== null) return refused;
  const actor = { operator, at: effectiveActionTime(request.at, now), idempotencyKey: request.idempotencyKey };
  const result = rulesFor(kind).apply(current, request.command, actor, alarms);
  if (!result.ok) return { kind: "reject", error: result.error };
  // The shared rules hand back the same object when there is nothing to do (a comment already present).
  return result.value === current ? { kind: "unchanged", entity: result.value } : { kind: "apply", entity: result.value };
}
