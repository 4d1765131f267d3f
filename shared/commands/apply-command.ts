import { applyAlarmCommand, commentIdFor } from "../alarm-actions.js";
import { applyBookmarkCommand } from "../bookmark-actions.js";
import type { Alarm } from "../domain/alarm.js";
import type { Bookmark } from "../domain/bookmark.js";
import type { Incident } from "../domain/incident.js";
import type { ProvinceEscalation } from "../domain/province.js";
import { applyEscalationCommand } from "./escalation-commands.js";
import type { Directive } from "../domain/directive.js";
import { applyDirectiveCommand } from "./directive-commands.js";
import { applyCameraCommand } from "./camera-commands.js";
import type { Camera } from "../domain/camera.js";
import type { Operator } from "../domain/operator.js";
import { alarmIdsRead, applyIncidentCommand, timelineIdFor } from "../incident-actions.js";
import { err, ok, type Result } from "../result.js";
import type { Command, CommandOn, CommandRequest, TargetState } from "./command.js";
import type { TargetKind } from "./target.js";

/** The record each kind of target is. */
export interface TargetEntities {
  alarm: Alarm;
  incident: Incident;
  bookmark: Bookmark;
  escalation: ProvinceEscalation;
  directive: Directive;
  camera: Camera;
}

/** Who acts, when, under which idempotency key (it names the history line the command writes). */
export interface CommandActor {
  operator: Operator;
  at: string;
  idempotencyKey: string;
}

interface TargetRules<K extends TargetKind> {
  /** Alarms the command reads besides its target (an incident is made from alarms). */
  alarmsRead(command: CommandOn<K>): string[];
  /**
   * Pure: the target after the command, or why not. The same function decides on the backend and
   * shows the command at once on the console. It returns the very same object when the command
   * changes nothing (already applied: its history line is there).
   */
  apply(current: TargetEntities[K] | null, command: CommandOn<K>, actor: CommandActor, alarms: readonly Alarm[]): Result<TargetEntities[K]>;
}

const RULES: { [K in TargetKind]: TargetRules<K> } = {
  alarm: {
    alarmsRead: () => [],
    apply: (alarm, command, actor) =>
      alarm === null
        ? err("not_found", `Alarm ${command.target.id} does not exist.`)
        : applyAlarmCommand(alarm, command, actor.operator, actor.at, commentIdFor(actor.idempotencyKey, actor.operator.id)),
  },
  incident: {
    alarmsRead: (command) => alarmIdsRead(command),
    apply: (incident, command, actor, alarms) =>
      applyIncidentCommand(incident, command, { operator: actor.operator, at: actor.at, entryId: timelineIdFor(actor.idempotencyKey, actor.operator.id) }, alarms),
  },
  bookmark: {
    alarmsRead: () => [],
    apply: (bookmark, command, actor) => applyBookmarkCommand(bookmark, command, actor.operator, actor.at),
  },
  escalation: {
    alarmsRead: () => [],
    apply: (escalation, command, actor) => applyEscalationCommand(escalation, command, actor.operator, actor.at),
  },
  directive: {
    alarmsRead: () => [],
    apply: (directive, command, actor) => applyDirectiveCommand(directive, command, actor.operator, actor.at),
  },
  camera: {
    alarmsRead: () => [],
    apply: (camera, command, actor) => applyCameraCommand(camera, command, actor.operator),
  },
};

export function rulesFor<K extends TargetKind>(kind: K): TargetRules<K> {
  return RULES[kind];
}

/**
 * Pure: one target as the operator should see it, its confirmed copy (null: not there yet, e.g. an
 * incident created offline) with the commands still waiting in the outbox laid over it in order.
 * A command that no longer applies is skipped: the backend will refuse it and the console says so.
 */
export function overlayCommands<K extends TargetKind>(
  kind: K,
  confirmed: TargetEntities[K] | null,
  pending: ReadonlyArray<CommandRequest & { command: CommandOn<K> }>,
  operatorOf: (id: string) => Operator,
  alarmsOf: (ids: readonly string[]) => Alarm[],
): TargetEntities[K] | null {
  const rules = rulesFor(kind);
  let current = confirmed;
  for (const request of pending) {
    const actor = { operator: operatorOf(request.operatorId), at: request.at, idempotencyKey: request.idempotencyKey };
    const next = rules.apply(current, request.command, actor, alarmsOf(rules.alarmsRead(request.command)));
    if (next.ok) current = next.value;
  }
  return current;
}

/**
 * Pure: any command applied to its target, whatever its kind. `current` is that target as the
 * caller sees it (of the command's kind); `alarmsOf` finds the alarms the command reads.
 */
export function applyToTarget(
  command: Command,
  current: TargetEntities[TargetKind] | null,
  actor: CommandActor,
  alarmsOf: (ids: readonly string[]) => Alarm[],
): Result<TargetState> {
  // The command's kind names the target's kind; TypeScript does not follow a nested discriminant.
  const kind = command.target.kind;
  const rules = rulesFor(kind) as TargetRules<TargetKind>;
  const next = rules.apply(current, command as CommandOn<TargetKind>, actor, alarmsOf(rules.alarmsRead(command as CommandOn<TargetKind>)));
  return next.ok ? ok({ kind, entity: next.value } as TargetState) : next;
}
